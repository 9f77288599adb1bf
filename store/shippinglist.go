package store

import (
	"context"
	"fmt"
	"strings"
	"time"
)

// DeliveryRow is one note in a list.
type DeliveryRow struct {
	Document
	DrawnOrder
	ShipOn      string
	Total       Money
	Carrier     string
	Vehicle     string
	MoneyHidden bool // set by the workflow when the reader may not see it
}

const deliveryRowCols = docCols + `, n.order_doc_id, coalesce(od.ref, ''), n.customer_id, o.customer_name, coalesce(o.rep_id, 0),
	o.payment_terms, o.terms_days, n.ship_on, n.total, coalesce(x.carrier, ''), coalesce(x.vehicle, '')`

const deliveryRowJoins = ` JOIN delivery_notes n ON n.doc_id = d.id LEFT JOIN users m ON m.id = d.maker_id
	JOIN orders o ON o.doc_id = n.order_doc_id JOIN documents od ON od.id = n.order_doc_id
	LEFT JOIN delivery_dispatches x ON x.note_doc_id = d.id`

func scanDeliveryRow(sc scanner) (DeliveryRow, error) {
	var r DeliveryRow
	var err error
	r.Document, err = scanDocumentAnd(sc, append(r.DrawnOrder.fields(), &r.ShipOn, &r.Total, &r.Carrier, &r.Vehicle)...)
	return r, err
}

// DeliveryRows lists notes in any of statuses (all if none) matching the
// page's query, in id order (oldest first), keyset-paged. Without a
// query the documents_kind_status index walks each status in id order;
// with one, delivery_fts finds the candidates and the exact words are
// checked in delivery_search.
func (t *Tx) DeliveryRows(ctx context.Context, statuses []string, p Page) ([]DeliveryRow, error) {
	where := []string{"d.kind = 'delivery_note'"}
	var args []any
	if len(statuses) > 0 {
		where = append(where, "d.status IN ("+marks(len(statuses))+")")
		args = append(args, anys(statuses)...)
	}
	from, key := ` FROM documents d`, "d.id"
	q := foldQuery(p.Query)
	ref, isRef := refPrefix(q)
	switch {
	case isRef && smallStatuses(statuses):
		where = append(where, "d.ref >= ?", "d.ref < ?")
		args = append(args, ref, ref+"\uffff")
	case isRef:
		// A note number typed from its start, over many notes: walk the
		// documents_ref index in number order (numbers rise with ids),
		// the keyset the number of the cursor's note.
		from = ` FROM documents d INDEXED BY documents_ref`
		where = append(where, "d.ref >= ?", "d.ref < ?")
		args = append(args, ref, ref+"\uffff")
		order, cmp := "d.ref", ">"
		if p.Backward {
			order, cmp = "d.ref DESC", "<"
		}
		if p.Cursor > 0 {
			where = append(where, "d.ref "+cmp+" (SELECT ref FROM documents WHERE id = ?)")
			args = append(args, p.Cursor)
		}
		return queryPage(ctx, t, p, scanDeliveryRow, `SELECT `+deliveryRowCols+from+deliveryRowJoins+
			" WHERE "+strings.Join(where, " AND ")+fmt.Sprintf(" ORDER BY %s LIMIT %d", order, p.limit()), args...)
	case gramQuery(q) != "" && smallStatuses(statuses):
		// A list of notes still moving is short: walk it and check the
		// words, rather than every note in the index that has them.
		from = ` FROM documents d JOIN delivery_search s ON s.doc_id = d.id`
		for _, word := range strings.Fields(strings.ToLower(q)) {
			where = append(where, "instr(s.text, ?) > 0")
			args = append(args, word)
		}
	case gramQuery(q) != "":
		m := gramQuery(q)
		from, key = ` FROM delivery_fts f JOIN documents d ON d.id = f.rowid JOIN delivery_search s ON s.doc_id = f.rowid`, "f.rowid"
		where = append(where, "delivery_fts MATCH ?")
		args = append(args, m)
		for _, word := range strings.Fields(strings.ToLower(q)) {
			where = append(where, "instr(s.text, ?) > 0")
			args = append(args, word)
		}
	}
	tail, args := keysetTail(p, key, where, args)
	return queryPage(ctx, t, p, scanDeliveryRow, `SELECT `+deliveryRowCols+from+deliveryRowJoins+tail, args...)
}

// refPrefix reads a filter that is the start of a note number (fh2025-0001).
func refPrefix(q string) (string, bool) {
	q = strings.ToUpper(strings.TrimSpace(q))
	if len(q) < 3 || !strings.HasPrefix(q, "FH") || strings.ContainsAny(q, " \t") {
		return "", false
	}
	for _, r := range q[2:] {
		if (r < '0' || r > '9') && r != '-' {
			return "", false
		}
	}
	return q, true
}

// smallStatuses: notes in these statuses are a working set (not yet
// delivered or void), a few thousand at most.
func smallStatuses(statuses []string) bool {
	if len(statuses) == 0 {
		return false
	}
	for _, s := range statuses {
		if s == "delivered" || s == "void" {
			return false
		}
	}
	return true
}

// keysetCursor adds to where what keeps a keyset page past (or, going
// back, before) its cursor on key, and returns the page's order.
func keysetCursor(p Page, key string, where []string, args []any) (string, []string, []any) {
	order := key
	if p.Backward {
		if p.Cursor > 0 {
			where = append(where, key+" < ?")
			args = append(args, p.Cursor)
		}
		order += " DESC"
	} else if p.Cursor > 0 {
		where = append(where, key+" > ?")
		args = append(args, p.Cursor)
	}
	return order, where, args
}

// keysetTail is the WHERE/ORDER/LIMIT of a keyset page on key.
func keysetTail(p Page, key string, where []string, args []any) (string, []any) {
	order, where, args := keysetCursor(p, key, where, args)
	return " WHERE " + strings.Join(where, " AND ") + fmt.Sprintf(" ORDER BY %s LIMIT %d", order, p.limit()), args
}

// DeliveriesOfOrder lists an order's notes, oldest first.
func (t *Tx) DeliveriesOfOrder(ctx context.Context, orderID int64) ([]DeliveryRow, error) {
	return queryAll(ctx, t, scanDeliveryRow, `SELECT `+deliveryRowCols+` FROM documents d`+deliveryRowJoins+`
	 WHERE n.order_doc_id = ? ORDER BY d.id`, orderID)
}

// OrdersToShip lists orders the customer signed back that still have an
// open quantity (no note holds it), in id order, keyset-paged, from
// shipping_open_orders (kept by triggers); the page's query is checked
// against each one's words.
func (t *Tx) OrdersToShip(ctx context.Context, p Page) ([]OrderRow, error) {
	from := ` FROM shipping_open_orders so JOIN documents d ON d.id = so.order_doc_id JOIN orders o ON o.doc_id = d.id`
	var where []string
	var args []any
	if q := foldQuery(p.Query); gramQuery(q) != "" {
		from += ` JOIN order_search s ON s.doc_id = d.id`
		for _, word := range strings.Fields(strings.ToLower(q)) {
			where = append(where, "instr(s.text, ?) > 0")
			args = append(args, word)
		}
	}
	if len(where) == 0 {
		where = append(where, "1 = 1") // a condition in both engines (PostgreSQL's WHERE takes no number)
	}
	tail, args := keysetTail(p, "so.order_doc_id", where, args)
	joins := ` LEFT JOIN users m ON m.id = d.maker_id LEFT JOIN users r ON r.id = o.rep_id
	LEFT JOIN order_numbers n ON n.order_doc_id = coalesce(o.root_doc_id, o.doc_id)`
	return queryPage(ctx, t, p, scanOrderRow, `SELECT `+orderRowCols+from+joins+tail, args...)
}

// deliverySearchText is what the filter matches: the note's ref, its
// order's number, the customer's names, mnemonic and code, the carrier
// and the vehicle.
func (t *Tx) deliverySearchText(ctx context.Context, docID int64) (string, error) {
	var ref, orderRef, name, short, mnemonic, code, carrier, vehicle string
	err := t.row(ctx, `SELECT d.ref, od.ref, o.customer_name, c.short_name, c.mnemonic, c.code,
	       coalesce(x.carrier, ''), coalesce(x.vehicle, '')
	  FROM delivery_notes n JOIN documents d ON d.id = n.doc_id JOIN documents od ON od.id = n.order_doc_id
	  JOIN orders o ON o.doc_id = n.order_doc_id JOIN customers c ON c.id = n.customer_id
	  LEFT JOIN delivery_dispatches x ON x.note_doc_id = n.doc_id WHERE n.doc_id = ?`, docID).
		Scan(&ref, &orderRef, &name, &short, &mnemonic, &code, &carrier, &vehicle)
	if err != nil {
		return "", err
	}
	return strings.ToLower(strings.Join([]string{ref, orderRef, name, short, mnemonic, code, carrier, vehicle}, "\x1f")), nil
}

// IndexDelivery rewrites a note's entry in the filter's index.
func (t *Tx) IndexDelivery(ctx context.Context, docID int64) error {
	text, err := t.deliverySearchText(ctx, docID)
	if err != nil {
		return err
	}
	if _, err := t.exec(ctx, `INSERT OR REPLACE INTO delivery_search(doc_id, text) VALUES (?, ?)`, docID, text); err != nil {
		return classify(err)
	}
	_, err = t.exec(ctx, `INSERT OR REPLACE INTO delivery_fts(rowid, grams) VALUES (?, ?)`, docID, searchGrams(text))
	return classify(err)
}

// ShippingOverride is a reasoned exception to the payment gate.
type ShippingOverride struct {
	DocID      int64
	Ref        string
	Status     string
	MakerID    int64
	Maker      string
	NoteID     int64
	NoteRef    string
	CustomerID int64
	Customer   string
	Gate       string // prepaid_unpaid, over_credit, overdue
	AmountDue  Money
	Reason     string
	SignerID   int64
	Signer     string // who approved or refused it
	Comment    string
	At         time.Time // asked
	SignedAt   time.Time
}

// Override gates: why the payment gate held the note.
const (
	GatePrepaidUnpaid = "prepaid_unpaid"
	GateOverCredit    = "over_credit"
	GateOverdue       = "overdue"
)

// CreateShippingOverride asks for an override of a held note.
func (t *Tx) CreateShippingOverride(ctx context.Context, by int64, status string, o ShippingOverride) (int64, string, error) {
	id, ref, err := t.openNumbered(ctx, by, "FX", Document{Kind: ShippingOverrideKind, Status: status, SubjectID: o.CustomerID, Summary: o.NoteRef})
	if err != nil {
		return 0, "", err
	}
	now := stamp(t.Now)
	if _, err := t.exec(ctx, `INSERT INTO shipping_overrides(doc_id, note_doc_id, gate, amount_due, reason, created_at, updated_at, updated_by)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, id, o.NoteID, o.Gate, o.AmountDue, o.Reason, now, now, by); err != nil {
		return 0, "", classify(err)
	}
	return id, ref, nil
}

const overrideCols = `s.doc_id, d.ref, d.status, d.maker_id, coalesce(m.name, ''), s.note_doc_id, nd.ref, n.customer_id, o.customer_name,
	s.gate, s.amount_due, s.reason, coalesce(t.actor_id, 0), coalesce(tu.name, ''), coalesce(t.comment, ''), s.created_at, coalesce(t.at, '')`

const overrideFrom = ` FROM shipping_overrides s JOIN documents d ON d.id = s.doc_id LEFT JOIN users m ON m.id = d.maker_id
	JOIN documents nd ON nd.id = s.note_doc_id JOIN delivery_notes n ON n.doc_id = s.note_doc_id JOIN orders o ON o.doc_id = n.order_doc_id
	LEFT JOIN transitions t ON t.id = (SELECT max(id) FROM transitions WHERE doc_id = s.doc_id AND signoff = 1)
	LEFT JOIN users tu ON tu.id = t.actor_id`

func scanOverride(sc scanner) (ShippingOverride, error) {
	var o ShippingOverride
	var at, signed string
	err := sc.Scan(&o.DocID, &o.Ref, &o.Status, &o.MakerID, &o.Maker, &o.NoteID, &o.NoteRef, &o.CustomerID, &o.Customer,
		&o.Gate, &o.AmountDue, &o.Reason, &o.SignerID, &o.Signer, &o.Comment, &at, &signed)
	if noRow(err) {
		return o, ErrNotFound
	}
	o.At = parseStamp(at)
	if signed != "" {
		o.SignedAt = parseStamp(signed)
	}
	return o, err
}

// ShippingOverrideOf loads an override by its document id.
func (t *Tx) ShippingOverrideOf(ctx context.Context, docID int64) (ShippingOverride, error) {
	return scanOverride(t.row(ctx, `SELECT `+overrideCols+overrideFrom+` WHERE s.doc_id = ?`, docID))
}

// OverridesOfNote lists a note's overrides, oldest first.
func (t *Tx) OverridesOfNote(ctx context.Context, noteID int64) ([]ShippingOverride, error) {
	return queryAll(ctx, t, scanOverride, `SELECT `+overrideCols+overrideFrom+` WHERE s.note_doc_id = ? ORDER BY s.doc_id`, noteID)
}

// Overrides lists overrides asked between two days (inclusive, "" for
// open), newest first: the overrides report.
func (t *Tx) Overrides(ctx context.Context, from, to string, limit int) ([]ShippingOverride, error) {
	if limit <= 0 {
		limit = 500
	}
	where, args := []string{"1 = 1"}, []any{}
	if from != "" {
		where = append(where, "s.created_at >= ?")
		args = append(args, from)
	}
	if to != "" {
		where = append(where, "s.created_at < date(?, '+1 day')")
		args = append(args, to)
	}
	args = append(args, limit)
	return queryAll(ctx, t, scanOverride, `SELECT `+overrideCols+overrideFrom+` WHERE `+strings.Join(where, " AND ")+
		` ORDER BY s.doc_id DESC LIMIT ?`, args...)
}
