package store

import (
	"context"
	"database/sql"
	"time"
)

// Document kinds of shipping.
const (
	DeliveryNoteKind     = "delivery_note"     // 发货单
	ShippingOverrideKind = "shipping_override" // a reasoned exception to the payment gate
)

// Release bases: on what grounds a note passed the payment gate.
const (
	BasisPrepaid  = "prepaid"  // the order's confirmed payments cover it (先款后货)
	BasisTerms    = "terms"    // monthly customer within credit, nothing long overdue (月结)
	BasisFinance  = "finance"  // a finance user released a held monthly note
	BasisOverride = "override" // an approved override
)

// DeliveryNote is one delivery note (发货单) of an order, with what
// happened to it after its sign-off.
type DeliveryNote struct {
	OrderDoc
	OrderDate string
	ShipTo    string
	Contact   string
	Phone     string
	ShipOn    string
	Total     Money
	Notes     string
	Lines     []DeliveryLine
	Release   *DeliveryRelease
	Dispatch  *DeliveryDispatch
}

// DeliveryLine is part of an order line on a note.
type DeliveryLine struct {
	ID          int64
	DocID       int64
	LineNo      int
	OrderLineID int64
	OrderLineNo int
	OrderItem
	Part
	Loaded *DeliveryLoad
	Billed Part // what the line bills on its contract's weighing basis (delivery_line_billed)
}

// DeliveryLoad is what the warehouse loaded for a line.
type DeliveryLoad struct {
	Qty    Milli
	Weight Milli
	Reason string
	By     string
	At     time.Time
}

// DeliveryRelease is a note's passage through the payment gate, with the
// figures the releaser saw.
type DeliveryRelease struct {
	Basis       string
	Amount      Money
	Exposure    Money
	CreditLimit Money
	Overdue     Money
	Paid        Money
	OverrideID  int64
	ReleasedOn  string
	DueOn       string
	ByID        int64
	By          string
	At          time.Time
}

// DeliveryDispatch is the hand-over to the carrier.
type DeliveryDispatch struct {
	Carrier    string
	Vehicle    string
	Driver     string
	ShippedAt  string // YYYY-MM-DD HH:MM
	ExpectedOn string
	SignedBy   string
	SignedOn   string
	By         string
	At         time.Time
}

// PaymentConfirmation is finance's word that money arrived.
type PaymentConfirmation struct {
	ID         int64
	CustomerID int64
	OrderID    int64
	NoteID     int64 // 0: for the order as a whole
	Amount     Money
	ReceivedOn string
	Method     string
	Reference  string
	ByID       int64
	By         string
	At         time.Time
}

// OpenLine is an order line with what notes in play hold of it
// (committed) and what has left the warehouse (shipped).
type OpenLine struct {
	OrderLineID int64
	LineNo      int
	OrderItem
	Priced      bool
	Qty         Milli // ordered
	Weight      Milli // ordered
	Committed   Milli
	CommittedWt Milli
	Shipped     Milli // on notes in transit or delivered
	ShippedWt   Milli // their weight
}

// Open is the quantity no note holds yet.
func (l OpenLine) Open() Milli { return l.Qty - l.Committed }

// OpenWeight is the weight no note holds yet.
func (l OpenLine) OpenWeight() Milli { return l.Weight - l.CommittedWt }

// OpenLines lists an order's kept lines with their committed and shipped
// quantities. Notes that are void hold nothing; a line taken out of a
// note holds nothing; what came back on received returns is open again.
func (t *Tx) OpenLines(ctx context.Context, orderID int64) ([]OpenLine, error) {
	return queryAll(ctx, t, func(sc scanner) (OpenLine, error) {
		var l OpenLine
		var price sql.NullInt64
		err := sc.Scan(&l.OrderLineID, &l.LineNo, &l.Grade, &l.Name, &l.Spec, &l.Unit, &l.Basis, &price, &l.Qty, &l.Weight,
			&l.Committed, &l.CommittedWt, &l.Shipped, &l.ShippedWt)
		l.Price, l.Priced = Money(price.Int64), price.Valid
		return l, err
	}, `SELECT l.id, l.line_no, l.grade, l.name, l.spec, l.unit, l.price_basis, l.price, l.qty, l.weight,
	       coalesce((SELECT sum(dl.qty) FROM delivery_lines dl JOIN documents d ON d.id = dl.doc_id
	                  WHERE dl.order_line_id = l.id AND dl.removed = 0 AND d.status <> 'void'), 0)
	         - coalesce((SELECT sum(x.qty) FROM order_line_returned x WHERE x.order_line_id = l.id), 0),
	       coalesce((SELECT sum(dl.weight) FROM delivery_lines dl JOIN documents d ON d.id = dl.doc_id
	                  WHERE dl.order_line_id = l.id AND dl.removed = 0 AND d.status <> 'void'), 0)
	         - coalesce((SELECT sum(x.weight) FROM order_line_returned x WHERE x.order_line_id = l.id), 0),
	       coalesce((SELECT sum(dl.qty) FROM delivery_lines dl JOIN documents d ON d.id = dl.doc_id
	                  WHERE dl.order_line_id = l.id AND dl.removed = 0 AND d.status IN ('in_transit', 'delivered')), 0)
	         - coalesce((SELECT sum(x.qty) FROM order_line_returned x WHERE x.order_line_id = l.id), 0),
	       coalesce((SELECT sum(dl.weight) FROM delivery_lines dl JOIN documents d ON d.id = dl.doc_id
	                  WHERE dl.order_line_id = l.id AND dl.removed = 0 AND d.status IN ('in_transit', 'delivered')), 0)
	         - coalesce((SELECT sum(x.weight) FROM order_line_returned x WHERE x.order_line_id = l.id), 0)
	  FROM order_lines l WHERE l.doc_id = ? AND l.removed = 0 ORDER BY l.line_no`, orderID)
}

// CreateDeliveryNote opens a note of an order in status with its lines
// (each line's amount worked out by the caller) and returns its id and
// reference (FH2026-000001).
func (t *Tx) CreateDeliveryNote(ctx context.Context, by int64, status string, n DeliveryNote) (int64, string, error) {
	docID, ref, err := t.openNumbered(ctx, by, "FH", Document{Kind: DeliveryNoteKind, Status: status, SubjectID: n.CustomerID, Summary: n.Customer})
	if err != nil {
		return 0, "", err
	}
	n.Total = DeliveryTotal(n.Lines)
	now := stamp(t.Now)
	if _, err := t.exec(ctx, `INSERT INTO delivery_notes(doc_id, order_doc_id, customer_id, ship_to, contact, phone, ship_on, total, notes,
		created_at, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		docID, n.OrderID, n.CustomerID, n.ShipTo, n.Contact, n.Phone, n.ShipOn, n.Total, n.Notes, now, now, by); err != nil {
		return 0, "", classify(err)
	}
	for _, l := range n.Lines {
		if _, err := t.AddDeliveryLine(ctx, by, docID, l); err != nil {
			return 0, "", err
		}
	}
	return docID, ref, t.IndexDelivery(ctx, docID)
}

// DeliveryTotal adds the amounts of the kept lines.
func DeliveryTotal(lines []DeliveryLine) Money { return partsTotal(lines) }

// AddDeliveryLine appends a line with the next line number.
func (t *Tx) AddDeliveryLine(ctx context.Context, by, docID int64, l DeliveryLine) (int64, error) {
	now := stamp(t.Now)
	return t.insert(ctx, `INSERT INTO delivery_lines(doc_id, line_no, order_line_id, qty, weight, amount, created_at, updated_at, updated_by)
		VALUES (?, (SELECT coalesce(max(line_no), 0) + 1 FROM delivery_lines WHERE doc_id = ?), ?, ?, ?, ?, ?, ?, ?)`,
		docID, docID, l.OrderLineID, l.Qty, l.Weight, l.Amount, now, now, by)
}

// UpdateDeliveryLine saves a line's quantity, weight and amount, or takes
// it out (removed).
func (t *Tx) UpdateDeliveryLine(ctx context.Context, by int64, l DeliveryLine) error {
	return t.savePart(ctx, "delivery_lines", by, l.ID, l.DocID, l.Part)
}

// UpdateDeliveryNote saves a note's header fields and total.
func (t *Tx) UpdateDeliveryNote(ctx context.Context, by int64, n DeliveryNote) error {
	res, err := t.exec(ctx, `UPDATE delivery_notes SET ship_to = ?, contact = ?, phone = ?, ship_on = ?, total = ?, notes = ?,
		updated_at = ?, updated_by = ? WHERE doc_id = ?`, n.ShipTo, n.Contact, n.Phone, n.ShipOn, n.Total, n.Notes, stamp(t.Now), by, n.DocID)
	if err := affectedOne(res, err); err != nil {
		return err
	}
	return t.IndexDelivery(ctx, n.DocID)
}

var deliveryCols = orderDocCols("n") + `, o.order_date, n.ship_to, n.contact, n.phone, n.ship_on, n.total, n.notes`

func scanDelivery(sc scanner) (DeliveryNote, error) {
	var n DeliveryNote
	err := scanOrderDoc(sc, &n.OrderDoc, &n.OrderDate, &n.ShipTo, &n.Contact, &n.Phone, &n.ShipOn, &n.Total, &n.Notes)
	return n, err
}

// DeliveryHeader loads a note without its lines.
func (t *Tx) DeliveryHeader(ctx context.Context, docID int64) (DeliveryNote, error) {
	return scanDelivery(t.row(ctx, `SELECT `+deliveryCols+` FROM delivery_notes n`+orderDocJoins("n")+` WHERE n.doc_id = ?`, docID))
}

// DeliveryNote loads a note with its kept lines (each with what was
// loaded), its release and its dispatch.
func (t *Tx) DeliveryNote(ctx context.Context, docID int64) (DeliveryNote, error) {
	n, err := t.DeliveryHeader(ctx, docID)
	if err != nil {
		return n, err
	}
	if n.Lines, err = t.DeliveryLines(ctx, docID, false); err != nil {
		return n, err
	}
	if n.Release, err = t.DeliveryReleaseOf(ctx, docID); err != nil {
		return n, err
	}
	n.Dispatch, err = t.DeliveryDispatchOf(ctx, docID)
	return n, err
}

// DeliveryLines lists a note's lines in order.
func (t *Tx) DeliveryLines(ctx context.Context, docID int64, withRemoved bool) ([]DeliveryLine, error) {
	return queryAll(ctx, t, func(sc scanner) (DeliveryLine, error) {
		var l DeliveryLine
		var price sql.NullInt64
		var loadID int64
		var ld DeliveryLoad
		var at string
		err := sc.Scan(&l.ID, &l.DocID, &l.LineNo, &l.OrderLineID, &l.OrderLineNo, &l.Grade, &l.Name, &l.Spec, &l.Unit, &l.Basis, &price,
			&l.Qty, &l.Weight, &l.Amount, &l.Removed, &loadID, &ld.Qty, &ld.Weight, &ld.Reason, &ld.By, &at,
			&l.Billed.Qty, &l.Billed.Weight, &l.Billed.Amount)
		l.Price = Money(price.Int64)
		if loadID != 0 {
			ld.At = parseStamp(at)
			l.Loaded = &ld
		}
		return l, err
	}, `SELECT dl.id, dl.doc_id, dl.line_no, dl.order_line_id, l.line_no, l.grade, l.name, l.spec, l.unit, l.price_basis, l.price,
	       dl.qty, dl.weight, dl.amount, dl.removed, coalesce(x.id, 0), coalesce(x.qty, 0), coalesce(x.weight, 0), coalesce(x.reason, ''),
	       coalesce(u.name, ''), coalesce(x.created_at, ''), b.qty, b.weight, b.amount
	  FROM delivery_lines dl JOIN order_lines l ON l.id = dl.order_line_id JOIN delivery_line_billed b ON b.id = dl.id
	  LEFT JOIN delivery_loads x ON x.delivery_line_id = dl.id LEFT JOIN users u ON u.id = x.loaded_by
	 WHERE dl.doc_id = ? AND (dl.removed = 0 OR ?) ORDER BY dl.line_no`, docID, withRemoved)
}

// DeliveryReleaseOf returns a note's release, or nil.
func (t *Tx) DeliveryReleaseOf(ctx context.Context, docID int64) (*DeliveryRelease, error) {
	return optional(ctx, t, func(sc scanner) (DeliveryRelease, error) {
		var r DeliveryRelease
		var at string
		err := sc.Scan(&r.Basis, &r.Amount, &r.Exposure, &r.CreditLimit, &r.Overdue, &r.Paid, &r.OverrideID, &r.ReleasedOn, &r.DueOn, &r.ByID, &r.By, &at)
		r.At = parseStamp(at)
		return r, err
	}, `SELECT r.basis, r.amount, r.exposure, r.credit_limit, r.overdue, r.paid, coalesce(r.override_doc_id, 0),
		       r.released_on, r.due_on, r.released_by, coalesce(u.name, ''), r.created_at
		  FROM delivery_releases r LEFT JOIN users u ON u.id = r.released_by WHERE r.note_doc_id = ?`, docID)
}

// DeliveryDispatchOf returns a note's hand-over to the carrier, or nil.
func (t *Tx) DeliveryDispatchOf(ctx context.Context, docID int64) (*DeliveryDispatch, error) {
	return optional(ctx, t, func(sc scanner) (DeliveryDispatch, error) {
		var d DeliveryDispatch
		var at string
		err := sc.Scan(&d.Carrier, &d.Vehicle, &d.Driver, &d.ShippedAt, &d.ExpectedOn, &d.SignedBy, &d.SignedOn, &d.By, &at)
		d.At = parseStamp(at)
		return d, err
	}, `SELECT x.carrier, x.vehicle, x.driver, x.shipped_at, x.expected_on, x.signed_by, x.signed_on, coalesce(u.name, ''), x.created_at
		  FROM delivery_dispatches x LEFT JOIN users u ON u.id = x.updated_by WHERE x.note_doc_id = ?`, docID)
}

// ConfirmPayment records finance's word that money arrived.
func (t *Tx) ConfirmPayment(ctx context.Context, by int64, p PaymentConfirmation) (int64, error) {
	now := stamp(t.Now)
	return t.insert(ctx, `INSERT INTO payment_confirmations(customer_id, order_doc_id, note_doc_id, amount, received_on, method, reference,
		confirmed_by, created_at, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		p.CustomerID, p.OrderID, nullID(p.NoteID), p.Amount, p.ReceivedOn, p.Method, p.Reference, by, now, now, by)
}

// PaymentsOfOrder lists the payments confirmed against an order.
func (t *Tx) PaymentsOfOrder(ctx context.Context, orderID int64) ([]PaymentConfirmation, error) {
	return queryAll(ctx, t, func(sc scanner) (PaymentConfirmation, error) {
		var p PaymentConfirmation
		var at string
		err := sc.Scan(&p.ID, &p.CustomerID, &p.OrderID, &p.NoteID, &p.Amount, &p.ReceivedOn, &p.Method, &p.Reference, &p.ByID, &p.By, &at)
		p.At = parseStamp(at)
		return p, err
	}, `SELECT p.id, p.customer_id, p.order_doc_id, coalesce(p.note_doc_id, 0), p.amount, p.received_on, p.method, p.reference,
	       p.confirmed_by, coalesce(u.name, ''), p.created_at
	  FROM payment_confirmations p LEFT JOIN users u ON u.id = p.confirmed_by WHERE p.order_doc_id = ? ORDER BY p.id`, orderID)
}

// OrderMoney is what an order's payment gate reads: the payments
// confirmed against it and what its released notes (not void) bill.
func (t *Tx) OrderMoney(ctx context.Context, orderID int64) (paid, released Money, err error) {
	err = t.row(ctx, `SELECT (SELECT coalesce(sum(amount), 0) FROM payment_confirmations WHERE order_doc_id = ?1),
	       (SELECT coalesce(sum(r.amount), 0) FROM release_billed r JOIN documents d ON d.id = r.note_doc_id
	         WHERE r.order_doc_id = ?1 AND d.status <> 'void')`, orderID).Scan(&paid, &released)
	return paid, released, err
}

// Receivable is a customer's receivable exposure: released notes not
// void (Shipped), all money received (Paid: receipts, payment
// confirmations included), the open items: issued invoices not void and
// the opening balance (Invoiced), what of the money is allocated to them
// (Allocated), and what of the notes no issued invoice covers yet
// (Uninvoiced). Invoiced is net of issued credits (红字发票: Credited,
// of which CreditAllocated settles invoices). Of what is due before a
// day: the uninvoiced part of notes by their due day (DueBefore) and the
// open part of the open items by theirs (OpenDueBefore), net of what
// credits settled.
type Receivable struct {
	Shipped         Money
	Paid            Money
	Invoiced        Money
	Allocated       Money
	Uninvoiced      Money
	Credited        Money
	CreditAllocated Money
	DueBefore       Money
	OpenDueBefore   Money
}

// Exposure is what the customer owes: uninvoiced shipments and issued
// invoices less everything received (negative: money on account).
func (r Receivable) Exposure() Money { return r.Uninvoiced + r.Invoiced - r.Paid }

// OnAccount is money received and not allocated to any invoice.
func (r Receivable) OnAccount() Money { return r.Paid - r.Allocated }

// CustomerReceivable reads a customer's exposure with what fell due
// before day (YYYY-MM-DD).
func (t *Tx) CustomerReceivable(ctx context.Context, customerID int64, day string) (r Receivable, err error) {
	err = t.row(ctx, `SELECT v.shipped, v.paid, v.invoiced, v.allocated, v.uninvoiced, v.credited, v.credit_allocated,
	       (SELECT coalesce(sum(u.amount), 0) FROM note_uninvoiced u WHERE u.customer_id = ?1 AND u.due_on < ?2),
	       (SELECT coalesce(sum(b.open), 0) FROM invoice_balances b WHERE b.customer_id = ?1 AND b.due_on < ?2)
	  FROM customer_receivables v WHERE v.customer_id = ?1`, customerID, day).
		Scan(&r.Shipped, &r.Paid, &r.Invoiced, &r.Allocated, &r.Uninvoiced, &r.Credited, &r.CreditAllocated, &r.DueBefore, &r.OpenDueBefore)
	if noRow(err) {
		err = ErrNotFound
	}
	return r, err
}

// InsertRelease records a note's release; the transition follows.
func (t *Tx) InsertRelease(ctx context.Context, by, noteID, orderID, customerID int64, r DeliveryRelease) error {
	now := stamp(t.Now)
	_, err := t.exec(ctx, `INSERT INTO delivery_releases(note_doc_id, order_doc_id, customer_id, basis, amount, exposure, credit_limit,
		overdue, paid, override_doc_id, released_on, due_on, released_by, created_at, updated_at, updated_by)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		noteID, orderID, customerID, r.Basis, r.Amount, r.Exposure, r.CreditLimit, r.Overdue, r.Paid, nullID(r.OverrideID),
		r.ReleasedOn, r.DueOn, by, now, now, by)
	return classify(err)
}

// InsertLoad records what the warehouse loaded for one line.
func (t *Tx) InsertLoad(ctx context.Context, by, noteID, lineID int64, qty, weight Milli, reason string) error {
	now := stamp(t.Now)
	_, err := t.exec(ctx, `INSERT INTO delivery_loads(note_doc_id, delivery_line_id, qty, weight, reason, loaded_by, created_at, updated_at, updated_by)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, noteID, lineID, qty, weight, reason, by, now, now, by)
	return classify(err)
}

// InsertDispatch records the hand-over to the carrier.
func (t *Tx) InsertDispatch(ctx context.Context, by, noteID int64, d DeliveryDispatch) error {
	now := stamp(t.Now)
	if _, err := t.exec(ctx, `INSERT INTO delivery_dispatches(note_doc_id, carrier, vehicle, driver, shipped_at, expected_on, signed_by, signed_on,
		created_at, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		noteID, d.Carrier, d.Vehicle, d.Driver, d.ShippedAt, d.ExpectedOn, d.SignedBy, d.SignedOn, now, now, by); err != nil {
		return classify(err)
	}
	return t.IndexDelivery(ctx, noteID)
}

// Setting reads a settings value ("" when unset).
func (t *Tx) Setting(ctx context.Context, key string) (string, error) {
	var v string
	err := t.row(ctx, `SELECT value FROM settings WHERE key = ?`, key).Scan(&v)
	if noRow(err) {
		return "", nil
	}
	return v, err
}

// SetSetting writes a settings value (audited).
func (t *Tx) SetSetting(ctx context.Context, by int64, key, value string) error {
	now := stamp(t.Now)
	_, err := t.exec(ctx, `INSERT INTO settings(key, value, updated_at, updated_by) VALUES (?, ?, ?, ?)
		ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
		key, value, now, by)
	return classify(err)
}

// DocumentByRef finds a document of kind by its reference.
func (t *Tx) DocumentByRef(ctx context.Context, kind, ref string) (int64, error) {
	var id int64
	err := t.row(ctx, `SELECT id FROM documents WHERE kind = ? AND ref = ? ORDER BY id DESC LIMIT 1`, kind, ref).Scan(&id)
	if noRow(err) {
		return 0, ErrNotFound
	}
	return id, err
}
