package store

import (
	"context"
	"database/sql"
	"fmt"
	"math"
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
	var err error
	r.Document, err = scanDocumentAnd(sc, &r.OrderNo, &r.Revision, &r.CustomerID, &r.Customer, &r.RepID, &r.Rep,
		&r.OrderDate, &r.DeliveryDate, &r.Total, &r.Lines)
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
// status walks the documents' (kind, status, id) index, and so does a
// status held by few orders with any other filter. A typed number (or
// the start of one) goes by the numbers themselves (ordersByNumber).
func (t *Tx) Orders(ctx context.Context, f OrderFilter, p Page) ([]OrderRow, error) {
	p.Query = foldQuery(p.Query)
	words := strings.Fields(strings.ToLower(p.Query))
	gram := gramQuery(p.Query)
	dated := f.From != "" || f.To != ""
	structured := f.CustomerID != 0
	if len(words) == 1 && numberLike.MatchString(words[0]) {
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
	// Statuses held by few orders (cancelled, a day's drafts) drive the
	// query through their index: the text's matches, or a window of
	// dates, may hold none of them, and walking those would read them
	// all.
	byStatus := false
	if len(f.Statuses) > 0 && !structured && (gram != "" || dated || f.RepID != 0) {
		n, err := t.countUpTo(ctx, fewOrders, `SELECT 1 FROM documents WHERE kind = 'order' AND status IN (`+marks(len(f.Statuses))+`)`, anys(f.Statuses)...)
		if err != nil {
			return nil, err
		}
		byStatus = n < fewOrders
	}
	from := ` FROM orders o`
	key := "o.doc_id"
	where := []string{"+d.kind = 'order'"}
	var args []any
	switch {
	case byStatus && len(words) > 0:
		from = ` FROM orders o JOIN order_search s ON s.doc_id = o.doc_id`
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
	if byStatus || len(f.Statuses) == 1 && gram == "" && !structured && !dated && f.RepID == 0 {
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
	order, where, args := keysetCursor(p, key, where, args)
	// The page's ids first, from the filters' tables alone; then the
	// columns of those rows only (a date range sorts its ids, not its
	// rows with their line counts).
	ids := `SELECT ` + key + ` AS id` + from + ` JOIN documents d ON d.id = o.doc_id WHERE ` + strings.Join(where, " AND ") +
		fmt.Sprintf(" ORDER BY %s LIMIT %d", order, p.limit())
	return orderPage(ctx, t, p, ids, args...)
}

// orderPage reads the rows of a page of orders whose ids the query ids
// (one column, id) finds, in the page's order. The rows are joined to
// the page rather than picked with IN (ids): PostgreSQL then looks each
// one up by its key, where for IN it read every document to match the
// page's fifty (2.4 times SQLite's time on 5,000 orders, 1.6 times
// now, BenchmarkEngines); SQLite reads both alike.
func orderPage(ctx context.Context, t *Tx, p Page, ids string, args ...any) ([]OrderRow, error) {
	outer := " ORDER BY o.doc_id"
	if p.Backward {
		outer += " DESC"
	}
	return queryPage(ctx, t, p, scanOrderRow, `SELECT `+orderRowCols+` FROM (`+ids+`) page JOIN orders o ON o.doc_id = page.id`+orderRowJoins+outer, args...)
}

// orderDateWindow finds the lowest and highest id of the orders dated
// from from to to (either may be ""); found is false when there are
// none.
func (t *Tx) orderDateWindow(ctx context.Context, from, to string, lo, hi *int64) (found bool, err error) {
	if to == "" {
		to = "9999-12-31"
	}
	// Day by day on orders_date: a few lookups a day, where min() and
	// max() over the range would read every order in it.
	var a, b sql.NullInt64
	err = t.row(ctx, `WITH RECURSIVE days(day) AS (
	    SELECT (SELECT min(order_date) FROM orders WHERE order_date >= ?1)
	    UNION ALL SELECT (SELECT min(order_date) FROM orders WHERE order_date > day) FROM days WHERE day <= ?2)
	  SELECT min((SELECT min(doc_id) FROM orders WHERE order_date = day)), max((SELECT max(doc_id) FROM orders WHERE order_date = day))
	    FROM days WHERE day <= ?2`, from, to).Scan(&a, &b)
	*lo, *hi = a.Int64, b.Int64
	return a.Valid, err
}

// ordersByNumber lists the orders whose number (or a revision's), or
// provisional reference, starts with what was typed. How it reads
// depends on how many match, counted cheaply on the numbers' and refs'
// indexes (up to a cap):
//   - few: read from those ranges and sorted (numberRanges);
//   - many (a series prefix such as LNSYNO. matches thousands): walk the
//     orders in id order from the cursor and check each, which reads
//     about a page of rows when the matches are spread over the ids. The
//     walk is held to a window of ids where a page should be found; when
//     the window holds less (the matches bunch elsewhere, or the list
//     ends), the ranges are read after all;
//   - a customer, or statuses held by fewer orders than match, drive the
//     walk through their own index instead.
func (t *Tx) ordersByNumber(ctx context.Context, typed string, f OrderFilter, p Page) ([]OrderRow, error) {
	lo := strings.ToUpper(strings.SplitN(typed, "/", 2)[0])
	hi := lo[:len(lo)-1] + string(rune(lo[len(lo)-1]+1))
	var lowID, highID int64
	if f.From != "" || f.To != "" {
		found, err := t.orderDateWindow(ctx, f.From, f.To, &lowID, &highID)
		if err != nil || !found {
			return nil, err
		}
	} else if err := t.row(ctx, `SELECT coalesce((SELECT min(doc_id) FROM orders), 0), coalesce((SELECT max(doc_id) FROM orders), 0)`).Scan(&lowID, &highID); err != nil {
		return nil, err
	}
	span := highID - lowID + 1
	// The walk reads about limit*span/matches rows, the ranges about
	// matches (each with more lookups, and a sort): walk when the matches
	// reach the cap where the two meet. Refs are read from a covering
	// index, several times cheaper than numbers.
	crossover := int(math.Sqrt(float64(p.limit())*float64(span))) + 1
	if f.CustomerID != 0 {
		return t.ordersByNumberRead(ctx, numberWalk, lo, hi, lowID, highID, f, p)
	}
	numbers, err := t.countUpTo(ctx, crossover, `SELECT 1 FROM order_numbers WHERE order_no >= ?1 AND order_no < ?2`, lo, hi)
	if err != nil {
		return nil, err
	}
	refs := 0
	if !strings.Contains(lo, "NO.") {
		// A provisional ref never holds "NO.", so only a prefix without it
		// can match refs.
		if refs, err = t.countUpTo(ctx, 8*crossover, `SELECT 1 FROM documents WHERE kind = 'order' AND ref >= ?1 AND ref < ?2 AND ref NOT LIKE '%NO.%'`, lo, hi); err != nil {
			return nil, err
		}
	}
	cost := numbers + refs/8
	if len(f.Statuses) > 0 {
		few := min(cost, crossover)
		n, err := t.countUpTo(ctx, few, `SELECT 1 FROM documents WHERE kind = 'order' AND status IN (`+marks(len(f.Statuses))+`)`, anys(f.Statuses)...)
		if err != nil {
			return nil, err
		}
		if n < few {
			return t.ordersByNumberRead(ctx, numberByStatus, lo, hi, lowID, highID, f, p)
		}
	}
	if cost < crossover {
		return t.ordersByNumberRead(ctx, numberRanges, lo, hi, lowID, highID, f, p)
	}
	// A window of four times the ids a page should take.
	matches := int64(numbers + refs)
	window := 4 * int64(p.limit()) * span / max(matches, 1)
	wlo, whi := lowID, highID
	switch {
	case p.Backward && p.Cursor > 0:
		whi = min(whi, p.Cursor-1)
		wlo = max(wlo, whi-window)
	case p.Backward:
		wlo = max(wlo, whi-window)
	case p.Cursor > 0:
		wlo = max(wlo, p.Cursor+1)
		whi = min(whi, wlo+window)
	default:
		whi = min(whi, wlo+window)
	}
	out, err := t.ordersByNumberRead(ctx, numberWalk, lo, hi, wlo, whi, f, p)
	if err != nil || len(out) == p.limit() || (wlo == lowID && whi == highID) {
		return out, err
	}
	return t.ordersByNumberRead(ctx, numberRanges, lo, hi, lowID, highID, f, p)
}

// fewOrders is how many orders a status may hold and still drive the
// list: reading them all costs less than walking other matches in
// search of them.
const fewOrders = 2000

// How ordersByNumber reads.
const (
	numberRanges   = iota // the numbers' and refs' ranges, sorted
	numberWalk            // the orders in id order (or a customer's), each checked
	numberByStatus        // the orders of the statuses asked for, in id order, each checked
)

// ordersByNumberRead reads a page of the orders numbered from lo (up to
// hi) with ids from lowID to highID, the way how says.
func (t *Tx) ordersByNumberRead(ctx context.Context, how int, lo, hi string, lowID, highID int64, f OrderFilter, p Page) ([]OrderRow, error) {
	var args []any
	arg := func(v any) string {
		args = append(args, v)
		return fmt.Sprintf("?%d", len(args))
	}
	lo, hi = arg(lo), arg(hi)
	// In a walk the documents are read in id order: "+" keeps the planner
	// off the indexes that would read them in another order.
	plus := "+"
	if how == numberByStatus {
		plus = ""
	}
	status := "1 = 1" // true on both engines (PostgreSQL takes no number for a test)
	switch {
	case len(f.Statuses) > 0:
		var ss []string
		for _, s := range f.Statuses {
			ss = append(ss, arg(s))
		}
		status = plus + "d.status IN (" + strings.Join(ss, ", ") + ")"
	case !f.WithRevised:
		status = "+d.status <> 'revised'"
	}
	var where []string
	if f.CustomerID != 0 {
		where = append(where, "o.customer_id = "+arg(f.CustomerID))
	}
	if f.RepID != 0 {
		where = append(where, "+o.rep_id = "+arg(f.RepID))
	}
	if f.From != "" {
		where = append(where, "+o.order_date >= "+arg(f.From))
	}
	if f.To != "" {
		where = append(where, "+o.order_date <= "+arg(f.To))
	}
	var ids, key string
	switch how {
	case numberRanges:
		// Each range with its status, the refs' from their index alone;
		// the page's ids sorted; "+" keeps the ids' bounds out of the
		// ranges, where they would walk the ids instead.
		key = "+k.id"
		ids = `SELECT k.id AS id FROM (
		    SELECT n.order_doc_id AS id FROM order_numbers n JOIN documents d ON d.id = n.order_doc_id
		     WHERE n.order_no >= ` + lo + ` AND n.order_no < ` + hi + ` AND ` + status + `
		    UNION ALL SELECT r.doc_id FROM order_numbers n JOIN orders r ON r.root_doc_id = n.order_doc_id
		      JOIN documents d ON d.id = r.doc_id WHERE n.order_no >= ` + lo + ` AND n.order_no < ` + hi + ` AND ` + status + `
		    UNION ALL SELECT d.id FROM documents d
		     WHERE d.kind = 'order' AND d.ref >= ` + lo + ` AND d.ref < ` + hi + ` AND d.ref NOT LIKE '%NO.%' AND ` + status + `) k`
		if len(where) > 0 {
			ids += ` JOIN orders o ON o.doc_id = k.id`
		}
	default:
		// A ref holding "NO." is the number of the order's first version
		// (with "/n" on a revision), written by transitions_apply; any
		// other ref is provisional, and its order may have been numbered
		// since.
		// The order's row is read only for a provisional ref, or for the
		// filters on it: most rows walked are numbered, and their ref
		// settles them.
		match := `CASE WHEN +d.ref LIKE '%NO.%' THEN +d.ref >= ` + lo + ` AND +d.ref < ` + hi + `
		    ELSE (+d.ref >= ` + lo + ` AND +d.ref < ` + hi + `) OR EXISTS (SELECT 1 FROM orders r JOIN order_numbers n
		      ON n.order_doc_id = coalesce(r.root_doc_id, r.doc_id)
		      WHERE r.doc_id = d.id AND n.order_no >= ` + lo + ` AND n.order_no < ` + hi + `) END`
		key = "d.id"
		ids = `SELECT d.id AS id FROM documents d`
		if len(where) > 0 {
			ids += ` JOIN orders o ON o.doc_id = d.id`
		}
		if f.CustomerID != 0 {
			key = "o.doc_id"
			ids = `SELECT o.doc_id AS id FROM orders o CROSS JOIN documents d ON d.id = o.doc_id`
		}
		where = append(where, plus+"d.kind = 'order'", status, match)
	}
	where = append(where, key+" BETWEEN "+arg(lowID)+" AND "+arg(highID))
	order := strings.TrimPrefix(key, "+")
	if p.Backward {
		if p.Cursor > 0 {
			where = append(where, key+" < "+arg(p.Cursor))
		}
		order += " DESC"
	} else if p.Cursor > 0 {
		where = append(where, key+" > "+arg(p.Cursor))
	}
	ids += ` WHERE ` + strings.Join(where, " AND ") + fmt.Sprintf(" ORDER BY %s LIMIT %d", order, p.limit())
	return orderPage(ctx, t, p, ids, args...)
}

// countUpTo counts the rows of q, stopping at upTo: a cheap estimate of
// how many rows a plan would read.
func (t *Tx) countUpTo(ctx context.Context, upTo int, q string, args ...any) (int, error) {
	var n int
	err := t.row(ctx, fmt.Sprintf(`SELECT count(*) FROM (%s LIMIT %d)`, q, upTo), args...).Scan(&n)
	return n, err
}

func anys(ss []string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
}

// orderSearchHead is what the filter matches of an order version's
// header: its ref, its number once drawn, the customer's names.
type orderSearchHead struct {
	ref, no                     string
	rev                         int
	name, short, mnemonic, code string
}

// orderSearchText is what the filter matches: the number (or
// provisional ref), the customer's names and mnemonic, and every line's
// grade and spec (gradeSpecs, each once, in line order).
func orderSearchText(h orderSearchHead, gradeSpecs []string) string {
	parts := []string{h.ref, h.name, h.short, h.mnemonic, h.code}
	if h.no != "" {
		parts = append(parts, OrderRef(h.no, h.rev))
	}
	return strings.ToLower(strings.Join(append(parts, gradeSpecs...), "\x1f"))
}

// readOrderSearchText is an order version's search text from what it
// stores.
func (t *Tx) readOrderSearchText(ctx context.Context, docID int64) (string, error) {
	var h orderSearchHead
	err := t.row(ctx, `SELECT d.ref, coalesce(n.order_no, ''), o.revision, o.customer_name, c.short_name, c.mnemonic, c.code
	  FROM orders o JOIN documents d ON d.id = o.doc_id JOIN customers c ON c.id = o.customer_id
	  LEFT JOIN order_numbers n ON n.order_doc_id = coalesce(o.root_doc_id, o.doc_id) WHERE o.doc_id = ?`, docID).
		Scan(&h.ref, &h.no, &h.rev, &h.name, &h.short, &h.mnemonic, &h.code)
	if err != nil {
		return "", err
	}
	// In line order said, not left to the engine's DISTINCT (PostgreSQL's hashes).
	lines, err := queryAll(ctx, t, scanString, `SELECT grade || ' ' || spec FROM order_lines WHERE doc_id = ? AND removed = 0
	  GROUP BY 1 ORDER BY min(line_no)`, docID)
	if err != nil {
		return "", err
	}
	return orderSearchText(h, lines), nil
}

// newLineGradeSpecs is what readOrderSearchText reads of lines just
// written: each grade and spec once, in line order.
func newLineGradeSpecs(lines []OrderLine) []string {
	seen := make(map[string]bool, len(lines))
	var out []string
	for _, l := range lines {
		gs := l.Grade + " " + l.Spec
		if !seen[gs] {
			seen[gs] = true
			out = append(out, gs)
		}
	}
	return out
}

// IndexOrder rewrites an order version's entry in the filter's index.
// The index is derived data, written whatever the order's status.
func (t *Tx) IndexOrder(ctx context.Context, docID int64) error {
	text, err := t.readOrderSearchText(ctx, docID)
	if err != nil {
		return err
	}
	return t.writeOrderIndex(ctx, docID, text)
}

// writeOrderIndex writes text as an order version's entry in the
// filter's index.
func (t *Tx) writeOrderIndex(ctx context.Context, docID int64, text string) error {
	if _, err := t.exec(ctx, `INSERT OR REPLACE INTO order_search(doc_id, text) VALUES (?, ?)`, docID, text); err != nil {
		return classify(err)
	}
	_, err := t.exec(ctx, `INSERT OR REPLACE INTO order_fts(rowid, grams) VALUES (?, ?)`, docID, searchGrams(text))
	return classify(err)
}
