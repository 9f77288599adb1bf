package store

import (
	"context"
	"database/sql"
	"fmt"
	"golang.org/x/text/width"
	"strings"
	"time"
)

// Payment terms (付款方式).
const (
	TermsPrepaid = "prepaid" // 先款后货
	TermsMonthly = "monthly" // 月结
)

// Customer is the customer file (客户档案).
type Customer struct {
	ID           int64
	Code         string
	Name         string // full legal name
	ShortName    string
	Mnemonic     string // 助记码: pinyin initials, editable
	Province     string
	City         string
	Address      string
	Contact      string
	Phone        string
	Fax          string
	Email        string
	Website      string
	Produces     string // what they make
	UsualGrades  string // grades and specs they usually buy
	Suppliers    string // their current suppliers
	Category     string // sales | after_sales
	RepID        int64
	Rep          string
	PaymentTerms string
	TermsDays    int
	CreditLimit  Money
	Weighing     string // the usual weighing basis of its contracts; "" takes the desk's
	Source       string // where the customer came from (来源): a lead's sources or "other"; "" not asked
	Notes        string
	Voided       bool
	VoidReason   string
	MoneyHidden  bool // set by the workflow when the reader may not see it
	Version      int64
	UpdatedAt    time.Time
	UpdatedBy    string
}

// editableFields names the fields a plain edit may change, with getters
// used for conflict reports. Terms and credit change only through an
// approved terms change.
var customerFields = []struct {
	name string
	get  func(*Customer) any
}{
	{"name", func(c *Customer) any { return c.Name }},
	{"short_name", func(c *Customer) any { return c.ShortName }},
	{"mnemonic", func(c *Customer) any { return c.Mnemonic }},
	{"province", func(c *Customer) any { return c.Province }},
	{"city", func(c *Customer) any { return c.City }},
	{"address", func(c *Customer) any { return c.Address }},
	{"contact", func(c *Customer) any { return c.Contact }},
	{"phone", func(c *Customer) any { return c.Phone }},
	{"fax", func(c *Customer) any { return c.Fax }},
	{"email", func(c *Customer) any { return c.Email }},
	{"website", func(c *Customer) any { return c.Website }},
	{"produces", func(c *Customer) any { return c.Produces }},
	{"usual_grades", func(c *Customer) any { return c.UsualGrades }},
	{"suppliers", func(c *Customer) any { return c.Suppliers }},
	{"category", func(c *Customer) any { return c.Category }},
	{"rep_id", func(c *Customer) any { return nullID(c.RepID) }},
	{"notes", func(c *Customer) any { return c.Notes }},
	{"weighing", func(c *Customer) any { return c.Weighing }},
	{"source", func(c *Customer) any { return c.Source }},
}

func nullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}

func customerSearch(c *Customer) string {
	return strings.ToLower(strings.Join([]string{c.Code, c.Name, c.ShortName, c.Mnemonic, c.Phone, c.City}, "\x1f"))
}

// CustomerRow is one line of the customer list.
type CustomerRow struct {
	ID           int64
	Code         string
	Name         string
	ShortName    string
	Mnemonic     string
	City         string
	Phone        string
	PaymentTerms string
	TermsDays    int
	CreditLimit  Money
	RepID        int64
	Rep          string
	Voided       bool
	MoneyHidden  bool // set by the workflow when the reader may not see it
}

// Page asks for one page of a keyset-paginated list: rows after (or,
// with Backward, before) the Cursor id, never an OFFSET scan.
type Page struct {
	Query    string
	Cursor   int64
	Backward bool
	Limit    int
	Voided   bool // include voided records
}

func (p Page) limit() int {
	if p.Limit <= 0 || p.Limit > 500 {
		return 50
	}
	return p.Limit
}

// docListLimit bounds a document list's page: 500 unless asked for up
// to 5,000.
func docListLimit(n int) int {
	if n <= 0 || n > 5000 {
		return 500
	}
	return n
}

// clause builds the WHERE/ORDER/LIMIT tail shared by keyset lists.
func (p Page) clause(alias string, where []string, args []any) (string, []any) {
	return p.keyset(alias, alias+".id", where, args)
}

// keyset is clause with the keyset on key, a column equal to alias.id
// that the query can walk in order (an index's rowid, say).
func (p Page) keyset(alias, key string, where []string, args []any) (string, []any) {
	if !p.Voided {
		where = append(where, alias+".voided = 0")
	}
	if q := strings.ToLower(strings.TrimSpace(p.Query)); q != "" {
		for _, word := range strings.Fields(q) {
			where = append(where, "instr("+alias+".search, ?) > 0")
			args = append(args, word)
		}
	}
	order, where, args := keysetCursor(p, key, where, args)
	sqlText := ""
	if len(where) > 0 {
		sqlText = " WHERE " + strings.Join(where, " AND ")
	}
	sqlText += fmt.Sprintf(" ORDER BY %s LIMIT %d", order, p.limit())
	return sqlText, args
}

// foldQuery reads full-width input from an IME (ＳＹＧＴ, ０２４) as the
// ASCII the records hold.
func foldQuery(q string) string { return width.Narrow.String(q) }

// Customers lists customers matching the page's query, in id order.
func (t *Tx) Customers(ctx context.Context, p Page) ([]CustomerRow, error) {
	p.Query = foldQuery(p.Query)
	from := ` FROM customers c LEFT JOIN users u ON u.id = c.rep_id`
	tail, args := p.clause("c", nil, nil)
	if m := gramQuery(p.Query); m != "" {
		// Walk the index's matches in id order; instr() in the tail
		// keeps the exact ones (see search.go).
		from = ` FROM customer_fts f JOIN customers c ON c.id = f.rowid LEFT JOIN users u ON u.id = c.rep_id`
		tail, args = p.keyset("c", "f.rowid", []string{"customer_fts MATCH ?"}, []any{m})
	}
	return queryPage(ctx, t, p, scanCustomerRow, `SELECT c.id, c.code, c.name, c.short_name, c.mnemonic, c.city, c.phone,
	       c.payment_terms, c.terms_days, c.credit_limit, coalesce(c.rep_id, 0), coalesce(u.name, ''), c.voided`+from+tail, args...)
}

func scanCustomerRow(sc scanner) (CustomerRow, error) {
	var r CustomerRow
	err := sc.Scan(&r.ID, &r.Code, &r.Name, &r.ShortName, &r.Mnemonic, &r.City, &r.Phone,
		&r.PaymentTerms, &r.TermsDays, &r.CreditLimit, &r.RepID, &r.Rep, &r.Voided)
	return r, err
}

// Customer loads one customer file.
func (t *Tx) Customer(ctx context.Context, id int64) (Customer, error) {
	var c Customer
	var rep sql.NullInt64
	var updated string
	err := t.row(ctx, `SELECT c.id, c.code, c.name, c.short_name, c.mnemonic, c.province, c.city, c.address, c.contact,
	       c.phone, c.fax, c.email, c.website, c.produces, c.usual_grades, c.suppliers, c.category, c.rep_id,
	       coalesce(r.name, ''), c.payment_terms, c.terms_days, c.credit_limit, c.notes, c.weighing, c.source, c.voided, c.void_reason,
	       c.version, c.updated_at, coalesce(u.name, '')
	  FROM customers c LEFT JOIN users r ON r.id = c.rep_id LEFT JOIN users u ON u.id = c.updated_by
	 WHERE c.id = ?`, id).Scan(&c.ID, &c.Code, &c.Name, &c.ShortName, &c.Mnemonic, &c.Province, &c.City, &c.Address,
		&c.Contact, &c.Phone, &c.Fax, &c.Email, &c.Website, &c.Produces, &c.UsualGrades, &c.Suppliers, &c.Category,
		&rep, &c.Rep, &c.PaymentTerms, &c.TermsDays, &c.CreditLimit, &c.Notes, &c.Weighing, &c.Source, &c.Voided, &c.VoidReason,
		&c.Version, &updated, &c.UpdatedBy)
	if noRow(err) {
		return c, ErrNotFound
	}
	c.RepID, c.UpdatedAt = rep.Int64, parseStamp(updated)
	return c, err
}

// CreateCustomer adds a customer file with the default terms (prepaid, no
// credit); other terms come through a terms change. It returns the id and
// the code given to the customer.
func (t *Tx) CreateCustomer(ctx context.Context, by int64, c Customer) (int64, string, error) {
	var next int64
	if err := t.row(ctx, `SELECT coalesce(max(id), 0) + 1 FROM customers`).Scan(&next); err != nil {
		return 0, "", err
	}
	c.Code = fmt.Sprintf("C%06d", next)
	if c.Category == "" {
		c.Category = "sales"
	}
	cols := []string{"code", "search", "created_at", "updated_at", "updated_by"}
	now := stamp(t.Now)
	args := []any{c.Code, customerSearch(&c), now, now, by}
	for _, f := range customerFields {
		cols = append(cols, f.name)
		args = append(args, f.get(&c))
	}
	marks := strings.TrimSuffix(strings.Repeat("?, ", len(cols)), ", ")
	id, err := t.insert(ctx, `INSERT INTO customers(`+strings.Join(cols, ", ")+`) VALUES (`+marks+`)`, args...)
	if err != nil {
		return 0, "", err
	}
	return id, c.Code, t.indexCustomer(ctx, id, &c)
}

// indexCustomer writes a customer's search grams into customer_fts.
func (t *Tx) indexCustomer(ctx context.Context, id int64, c *Customer) error {
	_, err := t.exec(ctx, `INSERT OR REPLACE INTO customer_fts(rowid, grams) VALUES (?, ?)`, id, searchGrams(customerSearch(c)))
	return classify(err)
}

// UpdateCustomer saves the editable fields of c if nobody changed the
// customer since orig (c.Version) was read; otherwise it returns a
// *ConflictError naming what the other person changed.
func (t *Tx) UpdateCustomer(ctx context.Context, by int64, orig, c Customer) error {
	if c.Code == "" {
		c.Code = orig.Code // never changes and forms do not carry it, but search needs it
	}
	sets := []string{"search = ?", "version = version + 1", "updated_at = ?", "updated_by = ?"}
	args := []any{customerSearch(&c), stamp(t.Now), by}
	for _, f := range customerFields {
		sets = append(sets, f.name+" = ?")
		args = append(args, f.get(&c))
	}
	args = append(args, c.ID, orig.Version)
	res, err := t.exec(ctx, `UPDATE customers SET `+strings.Join(sets, ", ")+` WHERE id = ? AND version = ? AND voided = 0`, args...)
	if err != nil {
		return classify(err)
	}
	if n, _ := res.RowsAffected(); n == 1 {
		return t.indexCustomer(ctx, c.ID, &c)
	}
	return t.customerConflict(ctx, orig)
}

func (t *Tx) customerConflict(ctx context.Context, orig Customer) error {
	cur, err := t.Customer(ctx, orig.ID)
	if err != nil {
		return err
	}
	conflict := &ConflictError{What: cur.Code, By: cur.UpdatedBy}
	if cur.Voided {
		conflict.Fields = append(conflict.Fields, "voided")
	}
	for _, f := range customerFields {
		if fmt.Sprint(f.get(&cur)) != fmt.Sprint(f.get(&orig)) {
			conflict.Fields = append(conflict.Fields, f.name)
		}
	}
	if cur.PaymentTerms != orig.PaymentTerms || cur.TermsDays != orig.TermsDays || cur.CreditLimit != orig.CreditLimit {
		conflict.Fields = append(conflict.Fields, "terms")
	}
	return conflict
}

// VoidCustomer marks a customer void with a reason; nothing is deleted.
func (t *Tx) VoidCustomer(ctx context.Context, by int64, orig Customer, reason string) error {
	res, err := t.exec(ctx, `UPDATE customers SET voided = 1, void_reason = ?, version = version + 1, updated_at = ?, updated_by = ?
		WHERE id = ? AND version = ? AND voided = 0`, reason, stamp(t.Now), by, orig.ID, orig.Version)
	if err != nil {
		return classify(err)
	}
	if n, _ := res.RowsAffected(); n == 1 {
		return nil
	}
	return t.customerConflict(ctx, orig)
}

// Visit is one entry of a customer's visit and after-sales history: a
// call or an after-sales contact of the log, or a visit (a document of
// its own since 0020_visits.sql: Ref and Status say which).
type Visit struct {
	ID         int64
	CustomerID int64
	On         string // YYYY-MM-DD
	Kind       string // visit | call | after_sales
	Notes      string
	By         string
	Ref        string // the visit's document ("" for an entry of the log)
	Status     string // the visit's: planned, reviewed
}

// AddVisit records a visit, call or after-sales contact.
func (t *Tx) AddVisit(ctx context.Context, by int64, v Visit) (int64, error) {
	now := stamp(t.Now)
	return t.insert(ctx, `INSERT INTO customer_visits(customer_id, visited_on, kind, notes, created_at, updated_at, updated_by)
		VALUES (?, ?, ?, ?, ?, ?, ?)`, v.CustomerID, v.On, v.Kind, v.Notes, now, now, by)
}

// Visits lists a customer's history, newest first: the log's entries
// (those made visits since left out) and the customer's visits not
// cancelled, a reviewed one with what it achieved, a planned one with
// its place.
func (t *Tx) Visits(ctx context.Context, customerID int64, limit int) ([]Visit, error) {
	return queryAll(ctx, t, scanVisit, `SELECT * FROM (
	SELECT v.id AS id, v.customer_id, v.visited_on AS day, v.kind, v.notes, coalesce(u.name, ''), '', '', 0 AS doc
	  FROM customer_visits v LEFT JOIN users u ON u.id = v.updated_by
	 WHERE v.customer_id = ? AND NOT EXISTS (SELECT 1 FROM visits x WHERE x.log_id = v.id)
	UNION ALL
	SELECT coalesce(x.log_id, 0), x.customer_id, x.visit_on, 'visit', coalesce(r.achieved, x.place), coalesce(o.name, ''), d.ref, d.status, d.id
	  FROM visits x JOIN documents d ON d.id = x.doc_id LEFT JOIN users o ON o.id = x.owner_id
	  LEFT JOIN visit_reviews r ON r.doc_id = x.doc_id
	 WHERE x.customer_id = ? AND d.status <> 'cancelled')
	 ORDER BY day DESC, doc DESC, id DESC LIMIT ?`, customerID, customerID, limit)
}

func scanVisit(sc scanner) (Visit, error) {
	var v Visit
	var doc int64
	err := sc.Scan(&v.ID, &v.CustomerID, &v.On, &v.Kind, &v.Notes, &v.By, &v.Ref, &v.Status, &doc)
	return v, err
}
