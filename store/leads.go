package store

import (
	"context"
	"strings"
	"time"
)

// LeadKind is the document kind of a lead (销售线索, 0019_leads.sql).
const LeadKind = "lead"

// Lead is a company or person who may buy: how to reach it, where it
// came from, what it may need, who owns it, its stage (the document's
// status) and its next step.
type Lead struct {
	DocID       int64
	Ref         string
	Status      string
	Version     int64
	MakerID     int64
	OwnerID     int64
	Owner       string
	Name        string
	Mnemonic    string
	Contact     string
	Phone       string
	Email       string
	IM          string // QQ or WeChat
	Source      string
	Grades      string
	Specs       string
	Tonnes      Milli
	Notes       string
	NextStep    string
	NextOn      string // YYYY-MM-DD, "" for none
	CustomerID  int64  // the customer file it became (0: none yet)
	Customer    string
	InquiryID   int64 // the inquiry it became (0: none yet)
	InquiryRef  string
	CreatedAt   time.Time
	StatusSince time.Time
	Contacts    []LeadContact // its log, oldest first (Lead only)
	Reason      string        // why it was lost (Lead only)
}

// LeadContact is one call or message logged on a lead.
type LeadContact struct {
	Channel  string // call, message, email, im
	Note     string
	NextStep string
	NextOn   string
	By       string
	At       time.Time
}

const leadCols = `x.doc_id, d.ref, d.status, d.version, d.maker_id, x.owner_id, coalesce(o.name, ''), x.name, x.mnemonic,
	x.contact, x.phone, x.email, x.im, x.source, x.grades, x.specs, x.tonnes, x.notes, x.next_step, x.next_on,
	coalesce(x.customer_id, 0), coalesce(c.name, ''), coalesce(x.inquiry_doc_id, 0), coalesce(q.ref, ''), d.created_at, d.status_since`

const leadFrom = ` FROM leads x JOIN documents d ON d.id = x.doc_id LEFT JOIN users o ON o.id = x.owner_id
	LEFT JOIN customers c ON c.id = x.customer_id LEFT JOIN documents q ON q.id = x.inquiry_doc_id`

func scanLead(sc scanner) (Lead, error) {
	var l Lead
	var created, since string
	err := sc.Scan(&l.DocID, &l.Ref, &l.Status, &l.Version, &l.MakerID, &l.OwnerID, &l.Owner, &l.Name, &l.Mnemonic,
		&l.Contact, &l.Phone, &l.Email, &l.IM, &l.Source, &l.Grades, &l.Specs, &l.Tonnes, &l.Notes, &l.NextStep, &l.NextOn,
		&l.CustomerID, &l.Customer, &l.InquiryID, &l.InquiryRef, &created, &since)
	if noRow(err) {
		return l, ErrNotFound
	}
	l.CreatedAt, l.StatusSince = parseStamp(created), parseStamp(since)
	return l, err
}

// CreateLead opens a lead document (numbered XS2026-000001) in
// initialStatus, made by by.
func (t *Tx) CreateLead(ctx context.Context, by int64, initialStatus string, l Lead) (int64, string, error) {
	docID, ref, err := t.openNumbered(ctx, by, "XS", Document{Kind: LeadKind, Status: initialStatus, SubjectID: l.OwnerID, Summary: l.Name})
	if err != nil {
		return 0, "", err
	}
	now := stamp(t.Now)
	_, err = t.exec(ctx, `INSERT INTO leads(doc_id, owner_id, name, mnemonic, contact, phone, email, im, source, grades, specs, tonnes, notes,
		next_step, next_on, created_at, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		docID, l.OwnerID, l.Name, l.Mnemonic, l.Contact, l.Phone, l.Email, l.IM, l.Source, l.Grades, l.Specs, l.Tonnes, l.Notes,
		l.NextStep, l.NextOn, now, now, by)
	return docID, ref, classify(err)
}

// UpdateLead saves what a lead's form holds (not its stage, log or
// links).
func (t *Tx) UpdateLead(ctx context.Context, by int64, l Lead) error {
	_, err := t.exec(ctx, `UPDATE leads SET owner_id = ?, name = ?, mnemonic = ?, contact = ?, phone = ?, email = ?, im = ?, source = ?,
		grades = ?, specs = ?, tonnes = ?, notes = ?, next_step = ?, next_on = ?, updated_at = ?, updated_by = ? WHERE doc_id = ?`,
		l.OwnerID, l.Name, l.Mnemonic, l.Contact, l.Phone, l.Email, l.IM, l.Source, l.Grades, l.Specs, l.Tonnes, l.Notes,
		l.NextStep, l.NextOn, stamp(t.Now), by, l.DocID)
	return classify(err)
}

// AddLeadContact logs a call or message on a lead; its next step and
// day become the lead's.
func (t *Tx) AddLeadContact(ctx context.Context, by, docID int64, c LeadContact) error {
	now := stamp(t.Now)
	if _, err := t.exec(ctx, `INSERT INTO lead_contacts(doc_id, channel, note, next_step, next_on, created_at, updated_at, updated_by)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, docID, c.Channel, c.Note, c.NextStep, c.NextOn, now, now, by); err != nil {
		return classify(err)
	}
	_, err := t.exec(ctx, `UPDATE leads SET next_step = ?, next_on = ?, updated_at = ?, updated_by = ? WHERE doc_id = ?`,
		c.NextStep, c.NextOn, now, by, docID)
	return classify(err)
}

// LinkLead records the customer file or the inquiry a lead became (0
// leaves a link as it is).
func (t *Tx) LinkLead(ctx context.Context, by, docID, customerID, inquiryID int64) error {
	_, err := t.exec(ctx, `UPDATE leads SET customer_id = coalesce(?, customer_id), inquiry_doc_id = coalesce(?, inquiry_doc_id),
		updated_at = ?, updated_by = ? WHERE doc_id = ?`, nullID(customerID), nullID(inquiryID), stamp(t.Now), by, docID)
	return classify(err)
}

// Lead loads a lead with its log and, when lost, the reason.
func (t *Tx) Lead(ctx context.Context, docID int64) (Lead, error) {
	l, err := scanLead(t.row(ctx, `SELECT `+leadCols+leadFrom+` WHERE x.doc_id = ?`, docID))
	if err != nil {
		return l, err
	}
	l.Contacts, err = queryAll(ctx, t, func(sc scanner) (LeadContact, error) {
		var c LeadContact
		var at string
		err := sc.Scan(&c.Channel, &c.Note, &c.NextStep, &c.NextOn, &c.By, &at)
		c.At = parseStamp(at)
		return c, err
	}, `SELECT x.channel, x.note, x.next_step, x.next_on, coalesce(u.name, ''), x.created_at
	  FROM lead_contacts x LEFT JOIN users u ON u.id = x.updated_by WHERE x.doc_id = ? ORDER BY x.id`, docID)
	if err != nil || l.Status != "lost" {
		return l, err
	}
	l.Reason, err = t.reasonFor(ctx, docID, "lost")
	return l, err
}

// LeadFilter says which leads to list: one owner's (0 for all), in
// one stage ("" for all), matching text (ref, name, 助记码, contact,
// phone, e-mail, QQ/WeChat, the owner; "" for all).
type LeadFilter struct {
	OwnerID int64
	Status  string
	Text    string
	Limit   int
}

// Leads lists leads by filter: the open ones by next step's day (none
// last), then the closed ones, newest first.
func (t *Tx) Leads(ctx context.Context, f LeadFilter) ([]Lead, error) {
	if f.Limit <= 0 {
		f.Limit = 500
	}
	like := "%" + strings.ToLower(strings.TrimSpace(f.Text)) + "%"
	return queryAll(ctx, t, scanLead, `SELECT `+leadCols+leadFrom+`
	 WHERE (? = 0 OR x.owner_id = ?) AND (? = '' OR d.status = ?)
	   AND (? = '%%' OR lower(d.ref || ' ' || x.name || ' ' || x.mnemonic || ' ' || x.contact || ' ' || x.phone || ' ' || x.email
	        || ' ' || x.im || ' ' || coalesce(o.name, '')) LIKE ?)
	 ORDER BY d.status IN ('won', 'lost'), x.next_on = '', x.next_on, d.id DESC LIMIT ?`,
		f.OwnerID, f.OwnerID, f.Status, f.Status, like, like, f.Limit)
}

// LeadsDue lists owner's open leads whose next step's day is before
// day (YYYY-MM-DD), the longest overdue first.
func (t *Tx) LeadsDue(ctx context.Context, ownerID int64, day string) ([]Lead, error) {
	return queryAll(ctx, t, scanLead, `SELECT `+leadCols+leadFrom+`
	 WHERE x.owner_id = ? AND x.next_on <> '' AND x.next_on < ? AND d.status NOT IN ('won', 'lost')
	 ORDER BY x.next_on, d.id`, ownerID, day)
}

// GradeName is the product name (品名) the catalogue's live products of
// grade mostly have ("" when it has none): the name an inquiry line made
// from a lead's grade takes.
func (t *Tx) GradeName(ctx context.Context, grade string) (string, error) {
	var name string
	err := t.row(ctx, `SELECT name FROM products WHERE grade = ? AND voided = 0 AND name <> ''
	 GROUP BY name ORDER BY count(*) DESC, min(id) LIMIT 1`, grade).Scan(&name)
	if noRow(err) {
		return "", nil
	}
	return name, err
}
