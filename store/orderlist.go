package store

import (
	"context"
	"database/sql"
	"fmt"
	"regexp"
	"strings"
)

// numberLike is an order number (lnsyno.0012, lnsyno.0012/2) or a
// provisional reference (dd2026-000123) as typed, or the start of one.
var numberLike = regexp.MustCompile(`^([a-z]{2}[a-z0-9]*no\.[0-9]*(/[0-9]*)?|dd[0-9]{2,4}(-[0-9]*)?)$`)

// OrderRow is one order version in a list.
type OrderRow struct {
	Document
	OrderNo      string // "" until the contract is signed off
	Revision     int
	CustomerID   int64
	Customer     string
	RepID        int64
	Rep          string
	OrderDate    string
	DeliveryDate string
	Total        Money
	Lines        int
	MoneyHidden  bool // set by the workflow when the reader may not see it
}

// Number is the version's number ("LNSYNO.0001/2"), or its provisional
// reference before the sign-off.
func (r OrderRow) Number() string {
	if r.OrderNo == "" {
		return r.Ref
	}
	return OrderRef(r.OrderNo, r.Revision)
}

// OrderFilter narrows the orders list. Page.Query is free text matched
// against the number, the customer and the lines' grades and specs.
type OrderFilter struct {
	Statuses    []string // any of these; none means every status but revised
	CustomerID  int64
	RepID       int64
	From, To    string // order dates, inclusive, YYYY-MM-DD; "" for open
	WithRevised bool   // include versions replaced by a revision
}

const orderRowCols = docCols + `, coalesce(n.order_no, ''), o.revision, o.customer_id, o.customer_name, coalesce(o.rep_id, 0),
	coalesce(r.name, ''), o.order_date, o.delivery_date, o.total,
	(SELECT count(*) FROM order_lines l WHERE l.doc_id = o.doc_id AND l.removed = 0)`

const orderRowJoins = ` JOIN documents d ON d.id = o.doc_id LEFT JOIN users m ON m.id = d.maker_id
	LEFT JOIN users r ON r.id = o.rep_id LEFT JOIN order_numbers n ON n.order_doc_id = coalesce(o.root_doc_id, o.doc_id)`

func scanOrderRow(sc scanner) (OrderRow, error) {
	var r OrderRow
	var since, created, updated string
	err := sc.Scan(&r.ID, &r.Kind, &r.Ref, &r.Status, &r.MakerID, &r.Maker, &r.SubjectID, &r.Summary,
		&r.Version, &since, &created, &updated, &r.OrderNo, &r.Revision, &r.CustomerID, &r.Customer, &r.RepID, &r.Rep,
		&r.OrderDate, &r.DeliveryDate, &r.Total, &r.Lines)
	r.StatusSince, r.CreatedAt, r.UpdatedAt = parseStamp(since), parseStamp(created), parseStamp(updated)
	return r, err
}

func (t *Tx) orderRows(ctx context.Context, tail string, args ...any) ([]OrderRow, error) {
	return queryAll(ctx, t, scanOrderRow, `SELECT `+orderRowCols+` FROM orders o`+orderRowJoins+tail, args...)
}

// Orders lists order versions matching f and the page's query, in id
// order, keyset-paged. The most selective filter drives the query: a
// customer or a date range walks its index and checks the words in
// order_search; free text alone goes through order_fts (single
// characters and pairs, like the customer filter), so a filter that
// matches few orders reads few rows however many there are; a single
// status walks the documents' (kind, status, id) index.
func (t *Tx) Orders(ctx context.Context, f OrderFilter, p Page) ([]OrderRow, error) {
	p.Query = foldQuery(p.Query)
	words := strings.Fields(strings.ToLower(p.Query))
	gram := gramQuery(p.Query)
	dated := f.From != "" || f.To != ""
	structured := f.CustomerID != 0
	if len(words) == 1 && numberLike.MatchString(words[0]) && !structured && !dated && f.RepID == 0 {
		return t.ordersByNumber(ctx, words[0], f, p)
	}
	// Orders are numbered as they are entered, so a range of order dates
	// is, near enough, a window of ids: whatever drives the query walks
	// only that window (the dates are still checked).
	var lo, hi int64
	if dated {
		found, err := t.orderDateWindow(ctx, f.From, f.To, &lo, &hi)
		if err != nil || !found {
			return nil, err
		}
	}
	from := ` FROM orders o`
	key := "o.doc_id"
	where := []string{"+d.kind = 'order'"}
	var args []any
	switch {
	case gram != "" && !structured:
		from = ` FROM order_fts f JOIN orders o ON o.doc_id = f.rowid JOIN order_search s ON s.doc_id = f.rowid`
		key = "f.rowid"
		where = append(where, "order_fts MATCH ?")
		args = append(args, gram)
	case len(words) > 0:
		from = ` FROM orders o JOIN order_search s ON s.doc_id = o.doc_id`
	}
	for _, w := range words {
		where = append(where, "instr(s.text, ?) > 0")
		args = append(args, w)
	}
	// "+" keeps the planner off the status index unless it drives.
	status := "+d.status"
	if len(f.Statuses) == 1 && gram == "" && !structured && !dated && f.RepID == 0 {
		status, key, where[0] = "d.status", "d.id", "d.kind = 'order'"
	}
	switch {
	case len(f.Statuses) > 0:
		where = append(where, status+" IN ("+marks(len(f.Statuses))+")")
		for _, s := range f.Statuses {
			args = append(args, s)
		}
	case !f.WithRevised:
		where = append(where, "+d.status <> 'revised'")
	}
	if f.CustomerID != 0 {
		where = append(where, "o.customer_id = ?")
		args = append(args, f.CustomerID)
	}
	if f.RepID != 0 {
		where = append(where, "o.rep_id = ?")
		args = append(args, f.RepID)
	}
	if f.From != "" {
		where = append(where, "+o.order_date >= ?")
		args = append(args, f.From)
	}
	if f.To != "" {
		where = append(where, "+o.order_date <= ?")
		args = append(args, f.To)
	}
	if dated {
		where = append(where, key+" BETWEEN ? AND ?")
		args = append(args, lo, hi)
	}
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
	// The page's ids first, from the filters' tables alone; then the
	// columns of those rows only (a date range sorts its ids, not its
	// rows with their line counts).
	ids := `SELECT ` + key + from + ` JOIN documents d ON d.id = o.doc_id WHERE ` + strings.Join(where, " AND ") +
		fmt.Sprintf(" ORDER BY %s LIMIT %d", order, p.limit())
	outer := " ORDER BY o.doc_id"
	if p.Backward {
		outer += " DESC"
	}
	out, err := queryAll(ctx, t, scanOrderRow, `SELECT `+orderRowCols+` FROM orders o`+orderRowJoins+` WHERE o.doc_id IN (`+ids+`)`+outer, args...)
	if p.Backward {
		reverse(out)
	}
	return out, err
}

// orderDateWindow finds the lowest and highest id of the orders dated
// from from to to (either may be ""); found is false when there are
// none.
func (t *Tx) orderDateWindow(ctx context.Context, from, to string, lo, hi *int64) (found bool, err error) {
	if to == "" {
		to = "9999-12-31"
	}
	var a, b sql.NullInt64
	err = t.row(ctx, `SELECT min(doc_id), max(doc_id) FROM orders INDEXED BY orders_date WHERE order_date >= ? AND order_date <= ?`, from, to).Scan(&a, &b)
	*lo, *hi = a.Int64, b.Int64
	return a.Valid, err
}

// ordersByNumber lists the orders whose number (or a revision's), or
// provisional reference, starts with what was typed: ranges of the
// numbers' and refs' indexes, each row with its status, rather than the
// character pairs every number shares.
func (t *Tx) ordersByNumber(ctx context.Context, typed string, f OrderFilter, p Page) ([]OrderRow, error) {
	lo := strings.ToUpper(strings.SplitN(typed, "/", 2)[0])
	hi := lo[:len(lo)-1] + string(rune(lo[len(lo)-1]+1))
	args := []any{lo, hi}
	var where []string
	switch {
	case len(f.Statuses) > 0:
		where = append(where, "k.status IN ("+marks(len(f.Statuses))+")")
		for _, s := range f.Statuses {
			args = append(args, s)
		}
	case !f.WithRevised:
		where = append(where, "k.status <> 'revised'")
	}
	order := "k.id"
	if p.Backward {
		if p.Cursor > 0 {
			where = append(where, "k.id < ?")
			args = append(args, p.Cursor)
		}
		order += " DESC"
	} else if p.Cursor > 0 {
		where = append(where, "k.id > ?")
		args = append(args, p.Cursor)
	}
	cond := ""
	if len(where) > 0 {
		cond = " WHERE " + strings.Join(where, " AND ")
	}
	ids := `SELECT k.id FROM (
	    SELECT n.order_doc_id AS id, d.status AS status FROM order_numbers n JOIN documents d ON d.id = n.order_doc_id
	     WHERE n.order_no >= ?1 AND n.order_no < ?2
	    UNION ALL SELECT r.doc_id, d.status FROM order_numbers n JOIN orders r ON r.root_doc_id = n.order_doc_id
	      JOIN documents d ON d.id = r.doc_id WHERE n.order_no >= ?1 AND n.order_no < ?2
	    UNION ALL SELECT x.id, x.status FROM documents x
	     WHERE x.kind = 'order' AND x.ref >= ?1 AND x.ref < ?2 AND x.ref NOT LIKE '%NO.%') k` + cond +
		fmt.Sprintf(" ORDER BY %s LIMIT %d", order, p.limit())
	outer := " ORDER BY o.doc_id"
	if p.Backward {
		outer += " DESC"
	}
	out, err := queryAll(ctx, t, scanOrderRow, `SELECT `+orderRowCols+` FROM orders o`+orderRowJoins+` WHERE o.doc_id IN (`+ids+`)`+outer, args...)
	if p.Backward {
		reverse(out)
	}
	return out, err
}

// orderSearchText is what the filter matches: the number (or
// provisional ref), the customer's names and mnemonic, and every line's
// grade and spec.
func (t *Tx) orderSearchText(ctx context.Context, docID int64) (string, error) {
	var ref, no, name, short, mnemonic, code string
	var rev int
	err := t.row(ctx, `SELECT d.ref, coalesce(n.order_no, ''), o.revision, o.customer_name, c.short_name, c.mnemonic, c.code
	  FROM orders o JOIN documents d ON d.id = o.doc_id JOIN customers c ON c.id = o.customer_id
	  LEFT JOIN order_numbers n ON n.order_doc_id = coalesce(o.root_doc_id, o.doc_id) WHERE o.doc_id = ?`, docID).
		Scan(&ref, &no, &rev, &name, &short, &mnemonic, &code)
	if err != nil {
		return "", err
	}
	parts := []string{ref, name, short, mnemonic, code}
	if no != "" {
		parts = append(parts, OrderRef(no, rev))
	}
	rows, err := t.query(ctx, `SELECT DISTINCT grade || ' ' || spec FROM order_lines WHERE doc_id = ? AND removed = 0`, docID)
	if err != nil {
		return "", err
	}
	defer rows.Close()
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return "", err
		}
		parts = append(parts, s)
	}
	return strings.ToLower(strings.Join(parts, "\x1f")), rows.Err()
}

// IndexOrder rewrites an order version's entry in the filter's index.
// The index is derived data, written whatever the order's status.
func (t *Tx) IndexOrder(ctx context.Context, docID int64) error {
	text, err := t.orderSearchText(ctx, docID)
	if err != nil {
		return err
	}
	if _, err := t.exec(ctx, `INSERT OR REPLACE INTO order_search(doc_id, text) VALUES (?, ?)`, docID, text); err != nil {
		return classify(err)
	}
	_, err = t.exec(ctx, `INSERT OR REPLACE INTO order_fts(rowid, grams) VALUES (?, ?)`, docID, searchGrams(text))
	return classify(err)
}
