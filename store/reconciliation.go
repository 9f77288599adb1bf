package store

import (
	"context"
	"time"
)

// Document kinds of month-end reconciliation.
const (
	ReconciliationKind = "reconciliation"        // a month's reconciliation (对账)
	ReopeningKind      = "reconciliation_reopen" // a reasoned reopening of a signed month
)

// MonthFigures are one customer's figures for a month in the statement's
// convention: Closing = Opening + Shipped − Received; Invoiced is shown
// beside them and does not move the balance.
type MonthFigures struct {
	CustomerID int64
	Customer   string
	RepID      int64
	Opening    Money
	Shipped    Money
	Invoiced   Money
	Received   Money
	Closing    Money
}

// MonthTotals adds the figures of every customer.
func MonthTotals(rows []MonthFigures) MonthFigures {
	var t MonthFigures
	for _, r := range rows {
		t.Opening += r.Opening
		t.Shipped += r.Shipped
		t.Invoiced += r.Invoiced
		t.Received += r.Received
		t.Closing += r.Closing
	}
	return t
}

// monthFiguresSQL groups ledger_months up to month ?1 by customer: one
// scan of the table's primary key, whatever the number of documents.
// Customers with nothing owed and no movement in the month are left out.
const monthFiguresSQL = `SELECT g.customer_id, c.name, coalesce(c.rep_id, 0), g.opening, g.shipped, g.invoiced, g.received
  FROM (SELECT customer_id,
               sum(CASE WHEN month < ?1 THEN shipped - received ELSE 0 END) AS opening,
               sum(CASE WHEN month = ?1 THEN shipped ELSE 0 END) AS shipped,
               sum(CASE WHEN month = ?1 THEN invoiced ELSE 0 END) AS invoiced,
               sum(CASE WHEN month = ?1 THEN received ELSE 0 END) AS received
          FROM ledger_months WHERE month <= ?1 AND (?2 = 0 OR customer_id = ?2) GROUP BY customer_id) g
  JOIN customers c ON c.id = g.customer_id
 WHERE g.opening <> 0 OR g.shipped <> 0 OR g.invoiced <> 0 OR g.received <> 0
 ORDER BY g.customer_id`

func scanFigures(sc scanner) (MonthFigures, error) {
	var f MonthFigures
	err := sc.Scan(&f.CustomerID, &f.Customer, &f.RepID, &f.Opening, &f.Shipped, &f.Invoiced, &f.Received)
	f.Closing = f.Opening + f.Shipped - f.Received
	return f, err
}

// MonthFigures computes the month's figures (YYYY-MM) of every customer
// (customerID 0) or of one.
func (t *Tx) MonthFigures(ctx context.Context, month string, customerID int64) ([]MonthFigures, error) {
	return queryAll(ctx, t, scanFigures, monthFiguresSQL, month, customerID)
}

// Movement is one line of a customer's account in a month: a release
// (shipped), an invoice issued, goods received back on a return (off
// shipped), a credit issued (a negative invoice: an allowance off shipped
// and invoiced alike, a credit of returned goods off invoiced only, its
// return having taken the goods off shipped), or money received.
type Movement struct {
	Day      string
	Kind     string // "opening" (the opening balance, counted as shipped), "shipped", "invoiced", "returned", "credited", "received"
	Ref      string
	Summary  string
	Shipped  Money
	Invoiced Money
	Received Money
}

// Movements lists a customer's movements in month, by day.
func (t *Tx) Movements(ctx context.Context, customerID int64, month string) ([]Movement, error) {
	from, to := month+"-01", month+"-31"
	return queryAll(ctx, t, func(sc scanner) (Movement, error) {
		var m Movement
		var k, id int64
		var amount Money
		var basis string
		err := sc.Scan(&m.Day, &m.Kind, &m.Ref, &m.Summary, &amount, &k, &id, &basis)
		switch m.Kind {
		case "shipped", "opening":
			m.Shipped = amount
		case "invoiced":
			m.Invoiced = amount
		case "returned":
			m.Shipped = -amount
		case "credited":
			m.Invoiced = -amount
			if basis == CreditAllowance {
				m.Shipped = -amount
			}
		default:
			m.Received = amount
		}
		return m, err
	}, `SELECT * FROM (
	  SELECT o.as_of AS day, 'opening' AS kind, d.ref AS ref, '' AS summary, o.amount AS amount, 0 AS k, o.id AS id, '' AS basis
	    FROM opening_balances o JOIN documents d ON d.id = o.batch_doc_id
	   WHERE o.customer_id = ?1 AND o.as_of BETWEEN ?2 AND ?3
	  UNION ALL
	  SELECT r.released_on, 'shipped', d.ref AS ref, coalesce(od.ref, '') AS summary, r.amount AS amount, 1 AS k, r.id AS id, ''
	    FROM release_billed r JOIN documents d ON d.id = r.note_doc_id LEFT JOIN documents od ON od.id = r.order_doc_id
	   WHERE r.customer_id = ?1 AND r.released_on BETWEEN ?2 AND ?3 AND d.status <> 'void'
	  UNION ALL
	  SELECT s.issued_on, 'invoiced', s.invoice_no, d.ref, s.amount, 2, s.id, ''
	    FROM invoice_issues s JOIN documents d ON d.id = s.invoice_doc_id
	   WHERE s.customer_id = ?1 AND s.issued_on BETWEEN ?2 AND ?3 AND d.status <> 'void'
	  UNION ALL
	  SELECT x.received_on, 'returned', d.ref, coalesce(nd.ref, ''), g.total, 1, x.id, ''
	    FROM goods_return_receipts x JOIN goods_returns g ON g.doc_id = x.return_doc_id JOIN documents d ON d.id = g.doc_id
	    LEFT JOIN documents nd ON nd.id = g.note_doc_id
	   WHERE g.customer_id = ?1 AND x.received_on BETWEEN ?2 AND ?3
	  UNION ALL
	  SELECT s.issued_on, 'credited', s.credit_no, c.basis || ' ' || coalesce(x.invoice_no, ''), s.amount, 2, s.id, c.basis
	    FROM credit_issues s JOIN documents d ON d.id = s.credit_doc_id JOIN credits c ON c.doc_id = s.credit_doc_id
	    LEFT JOIN invoice_issues x ON x.invoice_doc_id = c.invoice_doc_id
	   WHERE s.customer_id = ?1 AND s.issued_on BETWEEN ?2 AND ?3 AND d.status <> 'void'
	  UNION ALL
	  SELECT p.received_on, 'received', p.reference, p.method, p.amount, 3, p.id, ''
	    FROM receipts p WHERE p.customer_id = ?1 AND p.received_on BETWEEN ?2 AND ?3)
	 ORDER BY day, k, id`, customerID, from, to)
}

// Reconciliation is a month's reconciliation document.
type Reconciliation struct {
	DocID    int64
	Ref      string
	Month    string
	Status   string
	Version  int64
	MakerID  int64
	Maker    string
	Notes    string
	SignedBy string
	SignedAt time.Time
}

// ReconciliationOf loads the reconciliation of month, or ErrNotFound.
func (t *Tx) ReconciliationOf(ctx context.Context, month string) (Reconciliation, error) {
	var r Reconciliation
	var at string
	err := t.row(ctx, `SELECT r.doc_id, d.ref, r.month, d.status, d.version, d.maker_id, coalesce(m.name, ''), r.notes,
	       coalesce((SELECT u.name FROM transitions x JOIN users u ON u.id = x.actor_id
	                  WHERE x.doc_id = r.doc_id AND x.action = 'approve' ORDER BY x.id DESC LIMIT 1), ''),
	       coalesce((SELECT x.at FROM transitions x WHERE x.doc_id = r.doc_id AND x.action = 'approve' ORDER BY x.id DESC LIMIT 1), '')
	  FROM reconciliations r JOIN documents d ON d.id = r.doc_id LEFT JOIN users m ON m.id = d.maker_id
	 WHERE r.month = ?`, month).Scan(&r.DocID, &r.Ref, &r.Month, &r.Status, &r.Version, &r.MakerID, &r.Maker, &r.Notes, &r.SignedBy, &at)
	if noRow(err) {
		return r, ErrNotFound
	}
	if err != nil {
		return r, err
	}
	r.SignedAt = parseStamp(at)
	return r, nil
}

// ReconciliationByDoc loads a reconciliation by its document id.
func (t *Tx) ReconciliationByDoc(ctx context.Context, docID int64) (Reconciliation, error) {
	var month string
	err := t.row(ctx, `SELECT month FROM reconciliations WHERE doc_id = ?`, docID).Scan(&month)
	if noRow(err) {
		return Reconciliation{}, ErrNotFound
	}
	if err != nil {
		return Reconciliation{}, err
	}
	return t.ReconciliationOf(ctx, month)
}

// CreateReconciliation opens the month's reconciliation in status.
func (t *Tx) CreateReconciliation(ctx context.Context, by int64, status, month string) (int64, error) {
	docID, err := t.CreateDocument(ctx, by, Document{Kind: ReconciliationKind, Ref: "DZ" + month, Status: status, Summary: month})
	if err != nil {
		return 0, err
	}
	now := stamp(t.Now)
	_, err = t.exec(ctx, `INSERT INTO reconciliations(doc_id, month, created_at, updated_at, updated_by) VALUES (?, ?, ?, ?, ?)`,
		docID, month, now, now, by)
	return docID, classify(err)
}

// monthAggregate is every customer's figures for month ?2 from the
// ledger, as a subquery.
const monthAggregate = `(SELECT customer_id,
	         sum(CASE WHEN month < ?2 THEN shipped - received ELSE 0 END) AS opening,
	         sum(CASE WHEN month = ?2 THEN shipped ELSE 0 END) AS shipped,
	         sum(CASE WHEN month = ?2 THEN invoiced ELSE 0 END) AS invoiced,
	         sum(CASE WHEN month = ?2 THEN received ELSE 0 END) AS received
	    FROM ledger_months WHERE month <= ?2 GROUP BY customer_id)`

// SnapshotReconciliation writes the month's figures as the desk's lines
// of the reconciliation: lines of an earlier round are updated where the
// figures moved, new customers added. (Never INSERT OR REPLACE: lines
// are never deleted.)
func (t *Tx) SnapshotReconciliation(ctx context.Context, by, docID int64, month string) error {
	now := stamp(t.Now)
	if _, err := t.exec(ctx, `UPDATE reconciliation_lines AS l
	   SET opening = g.opening, shipped = g.shipped, invoiced = g.invoiced, received = g.received,
	       closing = g.opening + g.shipped - g.received, updated_at = ?3, updated_by = ?4
	  FROM `+monthAggregate+` AS g
	 WHERE l.doc_id = ?1 AND l.customer_id = g.customer_id
	   AND (l.opening <> g.opening OR l.shipped <> g.shipped OR l.invoiced <> g.invoiced OR l.received <> g.received)`,
		docID, month, now, by); err != nil {
		return classify(err)
	}
	_, err := t.exec(ctx, `INSERT INTO reconciliation_lines(doc_id, customer_id, opening, shipped, invoiced, received, closing,
	       created_at, updated_at, updated_by)
	SELECT ?1, customer_id, opening, shipped, invoiced, received, opening + shipped - received, ?3, ?3, ?4 FROM `+monthAggregate+` AS g
	 WHERE (opening <> 0 OR shipped <> 0 OR invoiced <> 0 OR received <> 0)
	   AND NOT EXISTS (SELECT 1 FROM reconciliation_lines l WHERE l.doc_id = ?1 AND l.customer_id = g.customer_id)`,
		docID, month, now, by)
	return classify(err)
}

// ReconciliationLines lists the desk's submitted figures (customerID 0:
// all customers).
func (t *Tx) ReconciliationLines(ctx context.Context, docID, customerID int64) ([]MonthFigures, error) {
	return queryAll(ctx, t, func(sc scanner) (MonthFigures, error) {
		var f MonthFigures
		err := sc.Scan(&f.CustomerID, &f.Customer, &f.RepID, &f.Opening, &f.Shipped, &f.Invoiced, &f.Received, &f.Closing)
		return f, err
	}, `SELECT l.customer_id, c.name, coalesce(c.rep_id, 0), l.opening, l.shipped, l.invoiced, l.received, l.closing
	  FROM reconciliation_lines l JOIN customers c ON c.id = l.customer_id
	 WHERE l.doc_id = ?1 AND (?2 = 0 OR l.customer_id = ?2) ORDER BY l.customer_id`, docID, customerID)
}

// ReconDiff is a difference between the desk's figure and finance's.
type ReconDiff struct {
	ID         int64
	DocID      int64
	CustomerID int64
	Customer   string
	Field      string // opening, shipped, invoiced, received, closing
	Desk       Money
	Finance    Money
	Note       string
	Resolved   bool
	By         string
}

// Difference is finance's figure less the desk's.
func (d ReconDiff) Difference() Money { return d.Finance - d.Desk }

// ReconDiffs lists a reconciliation's differences (not removed).
func (t *Tx) ReconDiffs(ctx context.Context, docID int64) ([]ReconDiff, error) {
	return queryAll(ctx, t, func(sc scanner) (ReconDiff, error) {
		var d ReconDiff
		err := sc.Scan(&d.ID, &d.DocID, &d.CustomerID, &d.Customer, &d.Field, &d.Desk, &d.Finance, &d.Note, &d.Resolved, &d.By)
		return d, err
	}, `SELECT x.id, x.doc_id, x.customer_id, c.name, x.field, x.desk, x.finance, x.note, x.resolved, coalesce(u.name, '')
	  FROM reconciliation_diffs x JOIN customers c ON c.id = x.customer_id LEFT JOIN users u ON u.id = x.updated_by
	 WHERE x.doc_id = ? AND x.removed = 0 ORDER BY x.customer_id, x.id`, docID)
}

// InsertReconDiff records a difference and returns its id.
func (t *Tx) InsertReconDiff(ctx context.Context, by int64, d ReconDiff) (int64, error) {
	now := stamp(t.Now)
	return t.insert(ctx, `INSERT INTO reconciliation_diffs(doc_id, customer_id, field, desk, finance, note, resolved,
	       created_at, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		d.DocID, d.CustomerID, d.Field, d.Desk, d.Finance, d.Note, d.Resolved, now, now, by)
}

// ResolveReconDiff sets a difference's note and marks it resolved.
func (t *Tx) ResolveReconDiff(ctx context.Context, by, id int64, note string) error {
	res, err := t.exec(ctx, `UPDATE reconciliation_diffs SET note = ?, resolved = 1, updated_at = ?, updated_by = ? WHERE id = ?`,
		note, stamp(t.Now), by, id)
	return affectedOne(res, err)
}

// InsertReopening records a reopening request of a signed month.
func (t *Tx) InsertReopening(ctx context.Context, by, docID, reconDocID int64, reason string) error {
	now := stamp(t.Now)
	_, err := t.exec(ctx, `INSERT INTO reconciliation_reopenings(doc_id, recon_doc_id, reason, created_at, updated_at, updated_by)
		VALUES (?, ?, ?, ?, ?, ?)`, docID, reconDocID, reason, now, now, by)
	return classify(err)
}

// Reopening is a request to reopen a signed month.
type Reopening struct {
	DocID      int64
	ReconDocID int64
	Month      string
	Reason     string
}

// ReopeningOf loads a reopening by its document id.
func (t *Tx) ReopeningOf(ctx context.Context, docID int64) (Reopening, error) {
	var r Reopening
	err := t.row(ctx, `SELECT x.doc_id, x.recon_doc_id, r.month, x.reason FROM reconciliation_reopenings x
	  JOIN reconciliations r ON r.doc_id = x.recon_doc_id WHERE x.doc_id = ?`, docID).Scan(&r.DocID, &r.ReconDocID, &r.Month, &r.Reason)
	if noRow(err) {
		return r, ErrNotFound
	}
	return r, err
}

// ReopeningWaiting reports whether a reopening of the reconciliation
// waits for its sign-off.
func (t *Tx) ReopeningWaiting(ctx context.Context, reconDocID int64) (bool, error) {
	var n int
	err := t.row(ctx, `SELECT count(*) FROM reconciliation_reopenings x JOIN documents d ON d.id = x.doc_id
	 WHERE x.recon_doc_id = ? AND d.status = 'submitted'`, reconDocID).Scan(&n)
	return n > 0, err
}

// LatestSignedMonth is the latest signed month with a line for the
// customer, or ErrNotFound.
func (t *Tx) LatestSignedMonth(ctx context.Context, customerID int64) (string, error) {
	var m string
	err := t.row(ctx, `SELECT r.month FROM reconciliations r JOIN documents d ON d.id = r.doc_id
	  JOIN reconciliation_lines l ON l.doc_id = r.doc_id AND l.customer_id = ?
	 WHERE d.status = 'signed' ORDER BY r.month DESC LIMIT 1`, customerID).Scan(&m)
	if noRow(err) {
		return "", ErrNotFound
	}
	return m, err
}
