package store

import (
	"context"
	"sort"
)

// OpenInvoice is an issued invoice with money open on a day, and what the
// desk has done about it up to that day.
type OpenInvoice struct {
	InvoiceID  int64
	InvoiceNo  string
	OrderNo    string
	CustomerID int64
	Customer   string
	RepID      int64
	Rep        string
	IssuedOn   string
	DueOn      string
	Amount     Money
	Paid       Money  // allocated to it up to the day
	RemindedOn string // the latest reminder to the rep, "" none
	ReportedOn string // the latest unpaid report
	LetterOn   string // the latest overdue letter naming it
	// An opening balance (InvoiceID its balances batch, InvoiceNo
	// OpeningLabel, OrderNo the batch's number), not an invoice.
	Opening bool
}

// Open is what is still owed on the invoice.
func (r OpenInvoice) Open() Money { return r.Amount - r.Paid }

// OpenInvoices lists the invoices issued by day (inclusive) and not void
// with money open on that day, by due day. It reads the invoices open
// now (receivable_open, by its covering index) and adds back what was
// allocated after day, never walking every invoice issued; names and
// what the desk did come from a few grouped reads, not a lookup per
// invoice.
func (t *Tx) OpenInvoices(ctx context.Context, day string) ([]OpenInvoice, error) {
	const cols = `invoice_doc_id, customer_id, invoice_no, order_ref, issued_on, due_on, amount, open`
	scan := func(sc scanner) (OpenInvoice, error) {
		var r OpenInvoice
		var open Money
		err := sc.Scan(&r.InvoiceID, &r.CustomerID, &r.InvoiceNo, &r.OrderNo, &r.IssuedOn, &r.DueOn, &r.Amount, &open)
		r.Paid = r.Amount - open
		return r, err
	}
	out, err := queryAll(ctx, t, scan, `SELECT `+cols+` FROM receivable_open WHERE open > 0 AND issued_on <= ?1 ORDER BY due_on`, day)
	if err != nil {
		return nil, err
	}
	// What was paid after day was still open on it.
	later, err := queryAll(ctx, t, func(sc scanner) (struct {
		id  int64
		sum Money
	}, error) {
		var v struct {
			id  int64
			sum Money
		}
		err := sc.Scan(&v.id, &v.sum)
		return v, err
	}, `SELECT invoice_doc_id, sum(amount) FROM settlements WHERE allocated_on > ?1 GROUP BY invoice_doc_id`, day)
	if err != nil {
		return nil, err
	}
	if len(later) > 0 {
		at := make(map[int64]int, len(out))
		for i, r := range out {
			at[r.InvoiceID] = i
		}
		added := false
		for _, l := range later {
			if i, ok := at[l.id]; ok {
				out[i].Paid -= l.sum
				continue
			}
			r, err := scan(t.row(ctx, `SELECT `+cols+` FROM receivable_open WHERE invoice_doc_id = ? AND void = 0 AND issued_on <= ?`, l.id, day))
			if noRow(err) {
				continue
			}
			if err != nil {
				return nil, err
			}
			r.Paid -= l.sum
			out, added = append(out, r), true
		}
		if added {
			sort.Slice(out, func(i, j int) bool {
				if out[i].DueOn != out[j].DueOn {
					return out[i].DueOn < out[j].DueOn
				}
				return out[i].InvoiceID < out[j].InvoiceID
			})
		}
	}
	openings, err := t.openOpenings(ctx, day)
	if err != nil {
		return nil, err
	}
	out = withOpenings(out, openings)
	return out, t.fillOpenInvoices(ctx, out, day)
}

// fillOpenInvoices adds the customers' and reps' names and the latest
// reminder, unpaid report and overdue letter up to day.
func (t *Tx) fillOpenInvoices(ctx context.Context, out []OpenInvoice, day string) error {
	if len(out) == 0 {
		return nil
	}
	type who struct {
		name, rep string
		repID     int64
	}
	names := map[int64]who{}
	rows, err := t.query(ctx, `SELECT c.id, c.name, coalesce(c.rep_id, 0), coalesce(u.name, '') FROM customers c LEFT JOIN users u ON u.id = c.rep_id`)
	if err != nil {
		return err
	}
	for rows.Next() {
		var id int64
		var w who
		if err := rows.Scan(&id, &w.name, &w.repID, &w.rep); err != nil {
			rows.Close()
			return err
		}
		names[id] = w
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	latest := func(q string) (map[int64]string, error) {
		m := map[int64]string{}
		rows, err := t.query(ctx, q, day)
		if err != nil {
			return nil, err
		}
		defer rows.Close()
		for rows.Next() {
			var id int64
			var d string
			if err := rows.Scan(&id, &d); err != nil {
				return nil, err
			}
			m[id] = d
		}
		return m, rows.Err()
	}
	reminded, err := latest(`SELECT invoice_doc_id, max(reminded_on) FROM collection_reminders WHERE reminded_on <= ? GROUP BY invoice_doc_id`)
	if err != nil {
		return err
	}
	reported, err := latest(`SELECT invoice_doc_id, max(filed_on) FROM unpaid_reports WHERE filed_on <= ? GROUP BY invoice_doc_id`)
	if err != nil {
		return err
	}
	lettered, err := latest(`SELECT li.invoice_doc_id, max(l.letter_on) FROM overdue_letter_invoices li JOIN overdue_letters l ON l.id = li.letter_id
	  WHERE l.letter_on <= ? GROUP BY li.invoice_doc_id`)
	if err != nil {
		return err
	}
	for i := range out {
		r := &out[i]
		w := names[r.CustomerID]
		r.Customer, r.RepID, r.Rep = w.name, w.repID, w.rep
		if r.Opening {
			continue // acts are filed on invoices; a batch's id is every customer's
		}
		r.RemindedOn, r.ReportedOn, r.LetterOn = reminded[r.InvoiceID], reported[r.InvoiceID], lettered[r.InvoiceID]
	}
	return nil
}

// CollectionPlan lists the invoices and opening balances falling due in
// month, and those due before it still open at its start, with what was
// received of them by its last day.
func (t *Tx) CollectionPlan(ctx context.Context, month string) ([]OpenInvoice, error) {
	first, last := month+"-01", month+"-31"
	out, err := t.invoicePlan(ctx, first, last)
	if err != nil {
		return nil, err
	}
	openings, err := t.planOpenings(ctx, first, last)
	if err != nil {
		return nil, err
	}
	if err := t.fillOpenInvoices(ctx, openings, last); err != nil {
		return nil, err
	}
	return withOpenings(out, openings), nil
}

// invoicePlan is the invoices of the collection plan of [first, last].
func (t *Tx) invoicePlan(ctx context.Context, first, last string) ([]OpenInvoice, error) {
	return queryAll(ctx, t, func(sc scanner) (OpenInvoice, error) {
		var r OpenInvoice
		err := sc.Scan(&r.InvoiceID, &r.InvoiceNo, &r.OrderNo, &r.CustomerID, &r.Customer, &r.RepID, &r.Rep, &r.IssuedOn, &r.DueOn,
			&r.Amount, &r.Paid)
		return r, err
	}, `WITH cand AS (
	  SELECT invoice_doc_id FROM invoice_issues WHERE due_on BETWEEN ?1 AND ?2
	  UNION SELECT invoice_doc_id FROM receivable_open WHERE open > 0 AND due_on < ?1
	  UNION SELECT invoice_doc_id FROM settlements WHERE allocated_on >= ?1)
	SELECT id, no, ref, cid, name, rep, rep_name, issued_on, due_on, amount, paid FROM (
	SELECT s.invoice_doc_id AS id, s.invoice_no AS no, od.ref AS ref, s.customer_id AS cid, c.name AS name,
	       coalesce(c.rep_id, 0) AS rep, coalesce(ru.name, '') AS rep_name, s.issued_on AS issued_on, s.due_on AS due_on, s.amount AS amount,
	       coalesce((SELECT sum(a.amount) FROM settlements a WHERE a.invoice_doc_id = s.invoice_doc_id AND a.allocated_on <= ?2), 0) AS paid,
	       coalesce((SELECT sum(a.amount) FROM settlements a WHERE a.invoice_doc_id = s.invoice_doc_id AND a.allocated_on < ?1), 0) AS before
	  FROM cand JOIN invoice_issues s ON s.invoice_doc_id = cand.invoice_doc_id
	  JOIN documents d ON d.id = s.invoice_doc_id JOIN invoices i ON i.doc_id = s.invoice_doc_id
	  JOIN documents od ON od.id = i.order_doc_id JOIN customers c ON c.id = s.customer_id LEFT JOIN users ru ON ru.id = c.rep_id
	 WHERE d.status IN ('issued', 'mailed') AND s.due_on <= ?2 AND s.issued_on <= ?2)
	 WHERE due_on >= ?1 OR amount > before
	 ORDER BY due_on, id`, first, last)
}

// InsertReminder records that the clerk reminded the rep of an invoice.
func (t *Tx) InsertReminder(ctx context.Context, by, invoiceID, repID int64, day, note string) error {
	now := stamp(t.Now)
	_, err := t.exec(ctx, `INSERT INTO collection_reminders(invoice_doc_id, rep_id, reminded_on, note, created_at, updated_at, updated_by)
		VALUES (?, ?, ?, ?, ?, ?, ?)`, invoiceID, nullID(repID), day, note, now, now, by)
	return classify(err)
}

// UnpaidReport is a rep's report on an invoice unpaid a week or more
// past due (未回款报告单).
type UnpaidReport struct {
	ID         int64
	InvoiceID  int64
	InvoiceNo  string
	CustomerID int64
	Customer   string
	Reason     string
	PromisedOn string
	Action     string
	FiledOn    string
	Open       Money
	By         string
}

// InsertUnpaidReport files an unpaid report.
func (t *Tx) InsertUnpaidReport(ctx context.Context, by int64, r UnpaidReport) (int64, error) {
	now := stamp(t.Now)
	return t.insert(ctx, `INSERT INTO unpaid_reports(invoice_doc_id, customer_id, reason, promised_on, action, filed_on, open,
	       created_at, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		r.InvoiceID, r.CustomerID, r.Reason, r.PromisedOn, r.Action, r.FiledOn, r.Open, now, now, by)
}

// UnpaidReports lists the reports on an invoice (0: all), newest first.
func (t *Tx) UnpaidReports(ctx context.Context, invoiceID int64, limit int) ([]UnpaidReport, error) {
	if limit <= 0 {
		limit = 500
	}
	return queryAll(ctx, t, func(sc scanner) (UnpaidReport, error) {
		var r UnpaidReport
		err := sc.Scan(&r.ID, &r.InvoiceID, &r.InvoiceNo, &r.CustomerID, &r.Customer, &r.Reason, &r.PromisedOn, &r.Action,
			&r.FiledOn, &r.Open, &r.By)
		return r, err
	}, `SELECT r.id, r.invoice_doc_id, coalesce(s.invoice_no, ''), r.customer_id, c.name, r.reason, r.promised_on, r.action,
	       r.filed_on, r.open, coalesce(u.name, '')
	  FROM unpaid_reports r JOIN customers c ON c.id = r.customer_id LEFT JOIN invoice_issues s ON s.invoice_doc_id = r.invoice_doc_id
	  LEFT JOIN users u ON u.id = r.updated_by
	 WHERE ?1 = 0 OR r.invoice_doc_id = ?1 ORDER BY r.id DESC LIMIT ?2`, invoiceID, limit)
}

// OverdueLetterRec is an overdue letter sent to a customer.
type OverdueLetterRec struct {
	ID          int64
	Number      string
	CustomerID  int64
	LetterOn    string
	PayBy       string
	StatementID int64
	Amount      Money
	Invoices    []int64
	Opens       []Money
}

// InsertOverdueLetter records a letter and the invoices it names.
func (t *Tx) InsertOverdueLetter(ctx context.Context, by int64, l OverdueLetterRec) (int64, error) {
	now := stamp(t.Now)
	id, err := t.insert(ctx, `INSERT INTO overdue_letters(number, customer_id, letter_on, pay_by, statement_id, amount,
	       created_at, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		l.Number, l.CustomerID, l.LetterOn, l.PayBy, nullID(l.StatementID), l.Amount, now, now, by)
	if err != nil {
		return 0, err
	}
	for i, inv := range l.Invoices {
		if _, err := t.exec(ctx, `INSERT INTO overdue_letter_invoices(letter_id, invoice_doc_id, open) VALUES (?, ?, ?)`,
			id, inv, l.Opens[i]); err != nil {
			return 0, classify(err)
		}
	}
	return id, nil
}

// NextLetterNumber gives the next overdue letter number of a year: YQ2026-0001.
func (t *Tx) NextLetterNumber(ctx context.Context, year string) (string, error) {
	var n int
	err := t.row(ctx, `SELECT count(*) FROM overdue_letters WHERE number LIKE ?`, "YQ"+year+"-%").Scan(&n)
	return "YQ" + year + "-" + pad4(n+1), err
}
