package store

import (
	"context"
	"strings"
)

// MaterialKind is the document kind of an entry of the register of
// materials sent (寄出资料登记, 0025_materials.sql).
const MaterialKind = "material"

// MaterialSent is a row of the register: an entry made there, or an
// invoice's mailing as the invoice flow recorded it (Entry false: then
// DocID is the invoice's, and its day and number are the mailing's).
type MaterialSent struct {
	DocID       int64 // the entry, or the invoice mailed
	Entry       bool
	Ref         string // the entry's, or the invoice's number
	Status      string // sent, received or void
	Version     int64
	SenderID    int64
	Sender      string
	CustomerID  int64  // the customer it went to, or that the lead it went to became (0: a lead not converted)
	LeadID      int64  // the lead it went to (0: a customer)
	Who         string // the customer's name, else the lead's
	Contact     string
	What        string // sample, catalogue, quotation, contract, invoice, other
	Description string
	SentOn      string // YYYY-MM-DD
	Via         string // courier, post, hand, email
	Courier     string // the courier company (via courier)
	Tracking    string
	LinkID      int64  // the order whose contract went, or the invoice
	LinkRef     string // its number as the desk reads it
	ReceivedOn  string // "" until confirmed (an invoice paid in full is received without)
	ReceivedBy  string // who confirmed it at the other end
	Reason      string // why it was voided (Material only)
}

// NewMaterial is an entry as written into the register.
type NewMaterial struct {
	CustomerID, LeadID int64
	Contact            string
	What, Description  string
	SentOn             string
	Via, Courier       string
	Tracking           string
	OrderID            int64 // the order whose contract went for signature
}

// CreateMaterial enters what was sent (numbered JC2026-000001) in
// initialStatus, sent by by; who is the name the document is summed up by.
func (t *Tx) CreateMaterial(ctx context.Context, by int64, initialStatus string, m NewMaterial, who string) (int64, string, error) {
	docID, ref, err := t.openNumbered(ctx, by, "JC", Document{Kind: MaterialKind, Status: initialStatus, SubjectID: m.CustomerID,
		Summary: strings.TrimSpace(who + " " + m.Description)})
	if err != nil {
		return 0, "", err
	}
	now := stamp(t.Now)
	_, err = t.exec(ctx, `INSERT INTO materials(doc_id, customer_id, lead_doc_id, contact, what, description, sent_on, via, courier, tracking,
		order_doc_id, created_at, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		docID, nullID(m.CustomerID), nullID(m.LeadID), m.Contact, m.What, m.Description, m.SentOn, m.Via, m.Courier, m.Tracking,
		nullID(m.OrderID), now, now, by)
	return docID, ref, classify(err)
}

// ConfirmMaterialReceipt records that what a register row stands for
// (an entry, or an invoice mailed) arrived on day, as said by whom.
func (t *Tx) ConfirmMaterialReceipt(ctx context.Context, by, docID int64, day, whom string) error {
	now := stamp(t.Now)
	_, err := t.exec(ctx, `INSERT INTO material_receipts(sent_doc_id, received_on, received_by, created_at, updated_at, updated_by)
		VALUES (?, ?, ?, ?, ?, ?)`, docID, day, whom, now, now, by)
	return classify(err)
}

const materialCols = `r.key_doc_id, r.entry, r.ref, r.status, r.version, r.sender_id, coalesce(u.name, ''),
	coalesce(` + materialCustomer + `, 0), coalesce(r.lead_doc_id, 0), coalesce(c.name, l.name, ''), r.contact, r.what, r.description,
	r.sent_on, r.via, r.courier, r.tracking, coalesce(r.link_doc_id, 0),
	coalesce((SELECT ref FROM documents WHERE id = r.link_doc_id), ''),
	coalesce(x.received_on, ''), coalesce(x.received_by, '')`

// materialCustomer is the customer a register row (r, its lead l) went
// to: what went to a lead follows it into the customer it became.
const materialCustomer = `coalesce(r.customer_id, l.customer_id)`

const materialFrom = ` FROM materials_register r LEFT JOIN users u ON u.id = r.sender_id
	LEFT JOIN leads l ON l.doc_id = r.lead_doc_id LEFT JOIN customers c ON c.id = ` + materialCustomer + `
	LEFT JOIN material_receipts x ON x.sent_doc_id = r.key_doc_id`

func scanMaterial(sc scanner) (MaterialSent, error) {
	var m MaterialSent
	err := sc.Scan(&m.DocID, &m.Entry, &m.Ref, &m.Status, &m.Version, &m.SenderID, &m.Sender, &m.CustomerID, &m.LeadID, &m.Who,
		&m.Contact, &m.What, &m.Description, &m.SentOn, &m.Via, &m.Courier, &m.Tracking, &m.LinkID, &m.LinkRef,
		&m.ReceivedOn, &m.ReceivedBy)
	if noRow(err) {
		return m, ErrNotFound
	}
	return m, err
}

// Material loads a row of the register by the document it stands for
// and, when voided, the reason.
func (t *Tx) Material(ctx context.Context, docID int64) (MaterialSent, error) {
	m, err := scanMaterial(t.row(ctx, `SELECT `+materialCols+materialFrom+` WHERE r.key_doc_id = ?`, docID))
	if err != nil || m.Status != "void" || !m.Entry {
		return m, err
	}
	m.Reason, err = t.reasonFor(ctx, docID, "void")
	return m, err
}

// MaterialFilter says which rows of the register to list: one sender's
// (0 for all), to one customer or a lead converted into it (0 for all),
// sent on or before SentBy ("" for any day), in one status ("" for
// all), the newest first.
type MaterialFilter struct {
	SenderID   int64
	CustomerID int64
	Status     string
	SentBy     string
	Oldest     bool // the oldest first
	Limit      int
}

// Materials lists rows of the register by filter.
func (t *Tx) Materials(ctx context.Context, f MaterialFilter) ([]MaterialSent, error) {
	if f.Limit <= 0 {
		f.Limit = 1000
	}
	order := "DESC"
	if f.Oldest {
		order = "ASC"
	}
	return queryAll(ctx, t, scanMaterial, `SELECT `+materialCols+materialFrom+`
	 WHERE (? = 0 OR r.sender_id = ?) AND (? = 0 OR `+materialCustomer+` = ?) AND (? = '' OR r.status = ?) AND (? = '' OR r.sent_on <= ?)
	 ORDER BY r.sent_on `+order+`, r.key_doc_id `+order+` LIMIT ?`,
		f.SenderID, f.SenderID, f.CustomerID, f.CustomerID, f.Status, f.Status, f.SentBy, f.SentBy, f.Limit)
}

// MaterialCounts are how many rows of the register went to a customer,
// and of them how many wait for their receipt.
type MaterialCounts struct {
	Sent, Unconfirmed int
}

// MaterialCountsOf counts the register's rows to a customer or to a
// lead converted into it, voided ones left out. What went to a lead is
// read from the entries themselves (an invoice mailed goes to a
// customer), so that both reads keep to their indexes.
func (t *Tx) MaterialCountsOf(ctx context.Context, customerID int64) (MaterialCounts, error) {
	var n MaterialCounts
	err := t.row(ctx, `SELECT count(*), coalesce(sum(status = 'sent'), 0)
	  FROM (SELECT status FROM materials_register WHERE customer_id = ?1
	        UNION ALL
	        SELECT d.status FROM leads l JOIN materials m ON m.lead_doc_id = l.doc_id JOIN documents d ON d.id = m.doc_id
	         WHERE l.customer_id = ?1)
	 WHERE status <> 'void'`, customerID).Scan(&n.Sent, &n.Unconfirmed)
	return n, err
}

// OrderByNumber finds an order by its number (LNSYNO.0001) or its
// document ref: its latest version's document (0 when none is).
func (t *Tx) OrderByNumber(ctx context.Context, no string) (int64, error) {
	var id int64
	err := t.row(ctx, `SELECT coalesce(
	   (SELECT max(o.doc_id) FROM order_numbers n JOIN orders o ON coalesce(o.root_doc_id, o.doc_id) = n.order_doc_id
	     WHERE upper(n.order_no) = upper(?1)),
	   (SELECT id FROM documents WHERE kind = 'order' AND upper(ref) = upper(?1)), 0)`, no).Scan(&id)
	return id, err
}
