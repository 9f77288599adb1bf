package store

import "context"

// PurchasePlanKind is the monthly purchase plan (月采购计划).
const PurchasePlanKind = "purchase_plan"

// PurchasePlan is a month's purchase plan with its lines.
type PurchasePlan struct {
	DocID   int64
	Ref     string
	Status  string
	Version int64
	MakerID int64
	Maker   string
	Month   string // YYYY-MM
	Note    string
	Tonnes  Milli // the lines' tonnes to buy, summed
	Lines   []PurchaseLine
}

// PurchaseLine is what a month needs bought of one product (品名, 牌号,
// spec), with where each figure came from.
type PurchaseLine struct {
	LineNo     int
	Name       string // the product name (品名), or a sales plan's product group
	Grade      string // 牌号; "" on a sales plan's group, which names none
	Spec       string
	FromPlans  Milli  // approved month sales plans not yet ordered
	FromOrders Milli  // open order lines answered "needs purchase"
	InStock    Milli  // of those, what planning answered on hand
	Tonnes     Milli  // to buy: derived as FromPlans + FromOrders - InStock, editable in a draft
	Note       string // the desk's
	Sources    string // the plans and order lines behind the figures
}

const purchasePlanCols = `x.doc_id, d.ref, d.status, d.version, d.maker_id, coalesce(m.name, ''), x.month, x.note,
	coalesce((SELECT sum(tonnes) FROM purchase_plan_lines WHERE doc_id = x.doc_id), 0)`

const purchasePlanFrom = ` FROM purchase_plans x JOIN documents d ON d.id = x.doc_id LEFT JOIN users m ON m.id = d.maker_id`

func scanPurchasePlan(sc scanner) (PurchasePlan, error) {
	var p PurchasePlan
	err := sc.Scan(&p.DocID, &p.Ref, &p.Status, &p.Version, &p.MakerID, &p.Maker, &p.Month, &p.Note, &p.Tonnes)
	if noRow(err) {
		return p, ErrNotFound
	}
	return p, err
}

// CreatePurchasePlan opens a purchase plan document (in initialStatus)
// with its lines.
func (t *Tx) CreatePurchasePlan(ctx context.Context, by int64, initialStatus, ref string, p PurchasePlan, summary string) (int64, error) {
	docID, err := t.CreateDocument(ctx, by, Document{Kind: PurchasePlanKind, Ref: ref, Status: initialStatus, Summary: summary})
	if err != nil {
		return 0, err
	}
	now := stamp(t.Now)
	if _, err := t.exec(ctx, `INSERT INTO purchase_plans(doc_id, month, note, created_at, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?)`,
		docID, p.Month, p.Note, now, now, by); err != nil {
		return 0, classify(err)
	}
	for i, l := range p.Lines {
		if _, err := t.exec(ctx, `INSERT INTO purchase_plan_lines(doc_id, line_no, name, grade, spec, from_plans, from_orders, in_stock, tonnes,
			note, sources, created_at, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			docID, i+1, l.Name, l.Grade, l.Spec, l.FromPlans, l.FromOrders, l.InStock, l.Tonnes, l.Note, l.Sources, now, now, by); err != nil {
			return 0, classify(err)
		}
	}
	return docID, nil
}

// UpdatePurchasePlan writes a draft's note and, line by line, the
// tonnes to buy and the note, as of version; the derived figures stay.
func (t *Tx) UpdatePurchasePlan(ctx context.Context, by, version int64, p PurchasePlan, summary string) error {
	if err := t.EditDocument(ctx, by, p.DocID, version, summary); err != nil {
		return err
	}
	now := stamp(t.Now)
	if _, err := t.exec(ctx, `UPDATE purchase_plans SET note = ?, updated_at = ?, updated_by = ? WHERE doc_id = ?`, p.Note, now, by, p.DocID); err != nil {
		return classify(err)
	}
	for _, l := range p.Lines {
		if _, err := t.exec(ctx, `UPDATE purchase_plan_lines SET tonnes = ?, note = ?, updated_at = ?, updated_by = ? WHERE doc_id = ? AND line_no = ?`,
			l.Tonnes, l.Note, now, by, p.DocID, l.LineNo); err != nil {
			return classify(err)
		}
	}
	return nil
}

// PurchasePlan loads a purchase plan with its lines.
func (t *Tx) PurchasePlan(ctx context.Context, docID int64) (PurchasePlan, error) {
	p, err := scanPurchasePlan(t.row(ctx, `SELECT `+purchasePlanCols+purchasePlanFrom+` WHERE x.doc_id = ?`, docID))
	if err != nil {
		return p, err
	}
	p.Lines, err = queryAll(ctx, t, func(sc scanner) (PurchaseLine, error) {
		var l PurchaseLine
		err := sc.Scan(&l.LineNo, &l.Name, &l.Grade, &l.Spec, &l.FromPlans, &l.FromOrders, &l.InStock, &l.Tonnes, &l.Note, &l.Sources)
		return l, err
	}, `SELECT line_no, name, grade, spec, from_plans, from_orders, in_stock, tonnes, note, sources
	  FROM purchase_plan_lines WHERE doc_id = ? ORDER BY line_no`, docID)
	return p, err
}

// PurchasePlans lists purchase plan headers (no lines), latest month
// first.
func (t *Tx) PurchasePlans(ctx context.Context, limit int) ([]PurchasePlan, error) {
	if limit <= 0 {
		limit = 500
	}
	return queryAll(ctx, t, scanPurchasePlan, `SELECT `+purchasePlanCols+purchasePlanFrom+` ORDER BY x.month DESC, x.doc_id DESC LIMIT ?`, limit)
}

// ApprovedPurchasePlan returns the ref of month's purchase plan that is
// approved or with purchasing, other than except ("" when none).
func (t *Tx) ApprovedPurchasePlan(ctx context.Context, month string, except int64) (string, error) {
	var ref string
	err := t.row(ctx, `SELECT d.ref FROM purchase_plans p JOIN documents d ON d.id = p.doc_id AND d.status IN ('approved', 'sent')
	 WHERE p.month = ? AND p.doc_id <> ? LIMIT 1`, month, except).Scan(&ref)
	if noRow(err) {
		return "", nil
	}
	return ref, err
}
