package store

import "context"

// Target is one rep's sales target for a month ('YYYY-MM') or a year
// ('YYYY').
type Target struct {
	PlanHeader
	Period string
	Tonnes Milli
	Amount Money
	Note   string
}

const targetSelect = `SELECT ` + planHeaderCols + `, x.period, x.tonnes, x.amount, x.note FROM sales_targets x` + planHeaderJoins

func scanTarget(sc scanner) (Target, error) {
	var x Target
	err := sc.Scan(append(x.dest(), &x.Period, &x.Tonnes, &x.Amount, &x.Note)...)
	if noRow(err) {
		return x, ErrNotFound
	}
	return x, err
}

// CreateTarget opens a target document in initialStatus.
func (t *Tx) CreateTarget(ctx context.Context, by int64, initialStatus, ref string, x Target, summary string) (int64, error) {
	docID, err := t.createPlanDoc(ctx, by, TargetKind, initialStatus, ref, x.RepID, summary)
	if err != nil {
		return 0, err
	}
	now := stamp(t.Now)
	_, err = t.exec(ctx, `INSERT INTO sales_targets(doc_id, rep_id, period, tonnes, amount, note, created_at, updated_at, updated_by)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, docID, x.RepID, x.Period, x.Tonnes, x.Amount, x.Note, now, now, by)
	return docID, classify(err)
}

// UpdateTarget changes a target's period and figures as of version.
func (t *Tx) UpdateTarget(ctx context.Context, by, version int64, x Target, summary string) error {
	if err := t.EditDocument(ctx, by, x.DocID, version, summary); err != nil {
		return err
	}
	_, err := t.exec(ctx, `UPDATE sales_targets SET period = ?, tonnes = ?, amount = ?, note = ?, updated_at = ?, updated_by = ? WHERE doc_id = ?`,
		x.Period, x.Tonnes, x.Amount, x.Note, stamp(t.Now), by, x.DocID)
	return classify(err)
}

// Target loads one target.
func (t *Tx) Target(ctx context.Context, docID int64) (Target, error) {
	return scanTarget(t.row(ctx, targetSelect+` WHERE x.doc_id = ?`, docID))
}

// Targets lists one rep's targets (repID 0: every rep's), latest period
// first.
func (t *Tx) Targets(ctx context.Context, repID int64) ([]Target, error) {
	return queryAll(ctx, t, scanTarget, targetSelect+` WHERE (? = 0 OR x.rep_id = ?) ORDER BY x.period DESC, x.doc_id DESC LIMIT 1000`, repID, repID)
}

// ApprovedTarget returns the approved target of rep for period other
// than except (DocID 0 when none).
func (t *Tx) ApprovedTarget(ctx context.Context, repID int64, period string, except int64) (Target, error) {
	x, err := scanTarget(t.row(ctx, targetSelect+` WHERE x.rep_id = ? AND x.period = ? AND x.doc_id <> ? AND d.status = 'approved' LIMIT 1`,
		repID, period, except))
	if err == ErrNotFound {
		return Target{}, nil
	}
	return x, err
}
