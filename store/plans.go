package store

import (
	"context"
	"time"
)

// The plan kinds (0010_plans.sql).
const (
	PlanKind   = "sales_plan"   // 销售计划: a rep's month, week or day
	TargetKind = "sales_target" // 销售目标: a rep's month or year
)

// Plan periods.
const (
	PeriodMonth = "month"
	PeriodWeek  = "week"
	PeriodDay   = "day"
	PeriodYear  = "year" // targets only
)

// Plan is a sales plan with its lines and, once approved, what its
// period did.
type Plan struct {
	PlanHeader
	Period       string // PeriodMonth, PeriodWeek or PeriodDay
	StartsOn     string
	EndsOn       string
	NewCustomers int
	Aims         string
	Tonnes       Milli // the lines summed
	Amount       Money
	Lines        []PlanLine
	Results      []PlanResult
}

// PlanHeader is what a plan and a target share: their document and
// their rep.
type PlanHeader struct {
	DocID   int64
	Ref     string
	Status  string
	Version int64
	MakerID int64
	Maker   string
	RepID   int64
	Rep     string
}

// planHeaderCols are a PlanHeader's columns, of the content table x.
const planHeaderCols = `x.doc_id, d.ref, d.status, d.version, d.maker_id, coalesce(m.name, ''), x.rep_id, coalesce(r.name, '')`

// planHeaderJoins join the content table x (aliased by the caller) to
// its document, maker and rep.
const planHeaderJoins = ` JOIN documents d ON d.id = x.doc_id LEFT JOIN users m ON m.id = d.maker_id LEFT JOIN users r ON r.id = x.rep_id`

func (h *PlanHeader) dest() []any {
	return []any{&h.DocID, &h.Ref, &h.Status, &h.Version, &h.MakerID, &h.Maker, &h.RepID, &h.Rep}
}

// createPlanDoc opens the document of a plan or target of rep.
func (t *Tx) createPlanDoc(ctx context.Context, by int64, kind, initialStatus, ref string, repID int64, summary string) (int64, error) {
	return t.CreateDocument(ctx, by, Document{Kind: kind, Ref: ref, Status: initialStatus, SubjectID: repID, Summary: summary})
}

// PlanLine is one customer, product group or prospect of a plan.
type PlanLine struct {
	LineNo       int
	CustomerID   int64
	Customer     string
	ProductGroup string // a product name (品名) of the catalogue
	Prospect     string // a new customer to add, by name
	Activity     string // "", "call" or "visit"
	Tonnes       Milli
	Amount       Money
	Note         string
}

// PlanResult is what a plan's period did, written afterwards.
type PlanResult struct {
	Result string
	By     string
	At     time.Time
}

const planCols = planHeaderCols + `, x.period, x.starts_on, x.ends_on, x.new_customers, x.aims,
	coalesce((SELECT sum(tonnes) FROM sales_plan_lines WHERE doc_id = x.doc_id AND removed = 0), 0),
	coalesce((SELECT sum(amount) FROM sales_plan_lines WHERE doc_id = x.doc_id AND removed = 0), 0)`

const planFrom = ` FROM sales_plans x` + planHeaderJoins

func scanPlan(sc scanner) (Plan, error) {
	var p Plan
	err := sc.Scan(append(p.dest(), &p.Period, &p.StartsOn, &p.EndsOn, &p.NewCustomers, &p.Aims, &p.Tonnes, &p.Amount)...)
	if noRow(err) {
		return p, ErrNotFound
	}
	return p, err
}

// CreatePlan opens a plan document (in initialStatus) with its lines.
func (t *Tx) CreatePlan(ctx context.Context, by int64, initialStatus, ref string, p Plan, summary string) (int64, error) {
	docID, err := t.createPlanDoc(ctx, by, PlanKind, initialStatus, ref, p.RepID, summary)
	if err != nil {
		return 0, err
	}
	now := stamp(t.Now)
	if _, err := t.exec(ctx, `INSERT INTO sales_plans(doc_id, rep_id, period, starts_on, ends_on, new_customers, aims, created_at, updated_at, updated_by)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, docID, p.RepID, p.Period, p.StartsOn, p.EndsOn, p.NewCustomers, p.Aims, now, now, by); err != nil {
		return 0, classify(err)
	}
	return docID, t.writePlanLines(ctx, by, docID, 0, p.Lines)
}

// UpdatePlan replaces a plan's content as of version (the period kind
// and the rep stay as made); a line dropped is marked removed.
func (t *Tx) UpdatePlan(ctx context.Context, by, version int64, p Plan, summary string) error {
	if err := t.EditDocument(ctx, by, p.DocID, version, summary); err != nil {
		return err
	}
	var had int
	if err := t.row(ctx, `SELECT count(*) FROM sales_plan_lines WHERE doc_id = ?`, p.DocID).Scan(&had); err != nil {
		return err
	}
	if _, err := t.exec(ctx, `UPDATE sales_plans SET starts_on = ?, ends_on = ?, new_customers = ?, aims = ?, updated_at = ?, updated_by = ?
		WHERE doc_id = ?`, p.StartsOn, p.EndsOn, p.NewCustomers, p.Aims, stamp(t.Now), by, p.DocID); err != nil {
		return classify(err)
	}
	if err := t.writePlanLines(ctx, by, p.DocID, had, p.Lines); err != nil {
		return err
	}
	_, err := t.exec(ctx, `UPDATE sales_plan_lines SET removed = 1, updated_at = ?, updated_by = ? WHERE doc_id = ? AND line_no > ? AND removed = 0`,
		stamp(t.Now), by, p.DocID, len(p.Lines))
	return classify(err)
}

// writePlanLines writes lines as numbers 1…n: the first had of them over
// the rows already there, the rest as new rows.
func (t *Tx) writePlanLines(ctx context.Context, by, docID int64, had int, lines []PlanLine) error {
	now := stamp(t.Now)
	for i, l := range lines {
		n := i + 1
		var err error
		if n <= had {
			_, err = t.exec(ctx, `UPDATE sales_plan_lines SET customer_id = ?, product_group = ?, prospect = ?, activity = ?, tonnes = ?, amount = ?,
				note = ?, removed = 0, updated_at = ?, updated_by = ? WHERE doc_id = ? AND line_no = ?`,
				nullID(l.CustomerID), l.ProductGroup, l.Prospect, l.Activity, l.Tonnes, l.Amount, l.Note, now, by, docID, n)
		} else {
			_, err = t.exec(ctx, `INSERT INTO sales_plan_lines(doc_id, line_no, customer_id, product_group, prospect, activity, tonnes, amount, note,
				created_at, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
				docID, n, nullID(l.CustomerID), l.ProductGroup, l.Prospect, l.Activity, l.Tonnes, l.Amount, l.Note, now, now, by)
		}
		if err != nil {
			return classify(err)
		}
	}
	return nil
}

// Plan loads a plan with its lines and results.
func (t *Tx) Plan(ctx context.Context, docID int64) (Plan, error) {
	p, err := scanPlan(t.row(ctx, `SELECT `+planCols+planFrom+` WHERE x.doc_id = ?`, docID))
	if err != nil {
		return p, err
	}
	p.Lines, err = queryAll(ctx, t, func(sc scanner) (PlanLine, error) {
		var l PlanLine
		err := sc.Scan(&l.LineNo, &l.CustomerID, &l.Customer, &l.ProductGroup, &l.Prospect, &l.Activity, &l.Tonnes, &l.Amount, &l.Note)
		return l, err
	}, `SELECT l.line_no, coalesce(l.customer_id, 0), coalesce(c.name, ''), l.product_group, l.prospect, l.activity, l.tonnes, l.amount, l.note
	  FROM sales_plan_lines l LEFT JOIN customers c ON c.id = l.customer_id
	 WHERE l.doc_id = ? AND l.removed = 0 ORDER BY l.line_no`, docID)
	if err != nil {
		return p, err
	}
	p.Results, err = queryAll(ctx, t, func(sc scanner) (PlanResult, error) {
		var r PlanResult
		var at string
		err := sc.Scan(&r.Result, &r.By, &at)
		r.At = parseStamp(at)
		return r, err
	}, `SELECT x.result, coalesce(u.name, ''), x.created_at FROM sales_plan_results x LEFT JOIN users u ON u.id = x.updated_by
	 WHERE x.plan_doc_id = ? ORDER BY x.id`, docID)
	return p, err
}

// PlanFilter says which plans to list: one rep's (RepID, 0 for all),
// of one period kind ("" for all), newest period first.
type PlanFilter struct {
	RepID  int64
	Period string
	Limit  int
}

// Plans lists plan headers (no lines) by filter.
func (t *Tx) Plans(ctx context.Context, f PlanFilter) ([]Plan, error) {
	if f.Limit <= 0 {
		f.Limit = 500
	}
	return queryAll(ctx, t, scanPlan, `SELECT `+planCols+planFrom+`
	 WHERE (? = 0 OR x.rep_id = ?) AND (? = '' OR x.period = ?)
	 ORDER BY x.starts_on DESC, x.doc_id DESC LIMIT ?`, f.RepID, f.RepID, f.Period, f.Period, f.Limit)
}

// OverlappingPlan returns the ref of an approved plan of rep and period
// kind whose days meet from…to, other than except ("" when none).
func (t *Tx) OverlappingPlan(ctx context.Context, repID int64, period, from, to string, except int64) (string, error) {
	var ref string
	err := t.row(ctx, `SELECT d.ref FROM sales_plans p JOIN documents d ON d.id = p.doc_id AND d.status = 'approved'
	 WHERE p.rep_id = ? AND p.period = ? AND p.starts_on <= ? AND p.ends_on >= ? AND p.doc_id <> ? LIMIT 1`,
		repID, period, to, from, except).Scan(&ref)
	if noRow(err) {
		return "", nil
	}
	return ref, err
}

// AddPlanResult records what an approved plan's period did.
func (t *Tx) AddPlanResult(ctx context.Context, by, planDocID int64, result string) error {
	now := stamp(t.Now)
	_, err := t.exec(ctx, `INSERT INTO sales_plan_results(plan_doc_id, result, created_at, updated_at, updated_by) VALUES (?, ?, ?, ?, ?)`,
		planDocID, result, now, now, by)
	return classify(err)
}

// ProductGroups lists the product groups plans take: the names (品名) of
// the catalogue's live products, once each, in order.
func (t *Tx) ProductGroups(ctx context.Context) ([]string, error) {
	return queryAll(ctx, t, scanString, `SELECT DISTINCT name FROM products WHERE voided = 0 AND name <> '' ORDER BY name`)
}

// IsProductGroup reports whether name is a product group.
func (t *Tx) IsProductGroup(ctx context.Context, name string) (bool, error) {
	var n int
	err := t.row(ctx, `SELECT count(*) FROM (SELECT 1 FROM products WHERE voided = 0 AND name = ? LIMIT 1)`, name).Scan(&n)
	return n > 0, err
}
