package store_test

import (
	"context"
	"database/sql"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"orderdesk/store"
	"orderdesk/store/storetest"
	"orderdesk/workflow/demo"
	"orderdesk/workflow/workflowtest"
)

// The orders filter chooses its plan by cheap counts (a range of numbers
// or refs, a status, a customer, a window of dates); whichever it takes,
// the list must be the one a plain scan of every order gives, page by
// page in both directions.

// plainNumberLike is the store's test for a typed number, repeated so the
// plain scan does not lean on the code it checks.
var plainNumberLike = regexp.MustCompile(`^([a-z]{2}[a-z0-9]*no\.[0-9]*(/[0-9]*)?|dd[0-9]{2,4}(-[0-9]*)?)$`)

// plainOrders is every order version f and query match, in id order, by
// a scan of all of them: a typed number matches the first version's
// number (and so its revisions') or a provisional ref by prefix; other
// words must all be in the order's search text.
func plainOrders(t *testing.T, db *sql.DB, f store.OrderFilter, query string) []int64 {
	t.Helper()
	where := []string{"d.kind = 'order'"}
	var args []any
	switch {
	case len(f.Statuses) > 0:
		where = append(where, "d.status IN ('"+strings.Join(f.Statuses, "', '")+"')")
	case !f.WithRevised:
		where = append(where, "d.status <> 'revised'")
	}
	if f.CustomerID != 0 {
		where, args = append(where, "o.customer_id = ?"), append(args, f.CustomerID)
	}
	if f.RepID != 0 {
		where, args = append(where, "o.rep_id = ?"), append(args, f.RepID)
	}
	if f.From != "" {
		where, args = append(where, "o.order_date >= ?"), append(args, f.From)
	}
	if f.To != "" {
		where, args = append(where, "o.order_date <= ?"), append(args, f.To)
	}
	words := strings.Fields(strings.ToLower(query))
	if len(words) == 1 && plainNumberLike.MatchString(words[0]) {
		prefix := strings.ToUpper(strings.SplitN(words[0], "/", 2)[0])
		where = append(where, `(substr(coalesce(n.order_no, ''), 1, length(?)) = ?
		   OR (substr(d.ref, 1, length(?)) = ? AND d.ref NOT LIKE '%NO.%'))`)
		args = append(args, prefix, prefix, prefix, prefix)
	} else {
		for _, w := range words {
			where, args = append(where, "instr(s.text, ?) > 0"), append(args, w)
		}
	}
	return column[int64](t, db, `SELECT o.doc_id FROM orders o JOIN documents d ON d.id = o.doc_id
	  JOIN order_search s ON s.doc_id = o.doc_id
	  LEFT JOIN order_numbers n ON n.order_doc_id = coalesce(o.root_doc_id, o.doc_id)
	 WHERE `+strings.Join(where, " AND ")+` ORDER BY o.doc_id`, args...)
}

// listAll reads every page of the list, forward or backward, and
// returns the ids in id order.
func listAll(t *testing.T, st *store.Store, f store.OrderFilter, query string, limit int, backward bool) []int64 {
	t.Helper()
	ctx := context.Background()
	var out []int64
	var cursor int64
	for range 10_000 {
		var page []store.OrderRow
		err := st.Read(ctx, func(tx *store.Tx) (err error) {
			page, err = tx.Orders(ctx, f, store.Page{Query: query, Limit: limit, Cursor: cursor, Backward: backward})
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		for i := 1; i < len(page); i++ {
			if page[i].ID <= page[i-1].ID {
				t.Fatalf("page not in id order: %d after %d", page[i].ID, page[i-1].ID)
			}
		}
		if backward {
			slices.Reverse(page)
		}
		for _, r := range page {
			out = append(out, r.ID)
		}
		if len(page) < limit {
			if backward {
				slices.Reverse(out)
			}
			return out
		}
		cursor = page[len(page)-1].ID
	}
	t.Fatal("the pages never end")
	return nil
}

func TestOrdersFilterMatchesPlainScan(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "orders.db")
	eng := workflowtest.Open(t, path)
	st := eng.Store()
	defer st.Close()
	today := time.Date(2026, 11, 2, 9, 0, 0, 0, time.UTC)
	opts := demo.DefaultOptions()
	opts.Customers, opts.Products, opts.Inquiries, opts.Orders, opts.OrderVolume, opts.Today = 60, 60, 10, 120, 500, today
	sum, err := demo.Generate(ctx, eng, opts)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Revised == 0 || sum.Cancelled == 0 {
		t.Fatalf("the demo wrote no revision or cancellation: %+v", sum)
	}
	db := storetest.ReadOnly(t, path)

	// Numbers, refs, customers and reps as the demo wrote them.
	var number, ref, revised string
	var bigCustomer, smallCustomer, rep int64
	err = db.QueryRow(`SELECT
	    (SELECT order_no FROM order_numbers WHERE order_no LIKE (
	       SELECT substr(order_no, 1, instr(order_no, 'NO.') + 2) FROM order_numbers GROUP BY 1 ORDER BY count(*) DESC LIMIT 1) || '%'
	      ORDER BY id LIMIT 1 OFFSET 7),
	    (SELECT ref FROM documents WHERE kind = 'order' AND ref NOT LIKE '%NO.%' ORDER BY id DESC LIMIT 1),
	    (SELECT d.ref FROM orders o JOIN documents d ON d.id = o.doc_id WHERE o.revision > 1 LIMIT 1),
	    (SELECT customer_id FROM orders GROUP BY 1 ORDER BY count(*) DESC LIMIT 1),
	    (SELECT customer_id FROM orders GROUP BY 1 ORDER BY count(*), 1 LIMIT 1),
	    (SELECT rep_id FROM orders WHERE rep_id IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC LIMIT 1)`).
		Scan(&number, &ref, &revised, &bigCustomer, &smallCustomer, &rep)
	if err != nil {
		t.Fatal(err)
	}
	series := number[:strings.Index(number, "NO.")+3] // the biggest series, e.g. LNSYNO.
	lower := strings.ToLower
	queries := []string{"", lower(series), lower(series[:2]), lower(series) + "0", lower(number), lower(number[:len(number)-1]),
		lower(revised), lower(revised[:strings.Index(revised, "/")+1]), lower(ref), lower(ref[:6]), lower(ref[:2]), "dd",
		"sy", "q", "q235b", "q345b 20", "热轧", "钢", "沈阳 q235b", "不存在", "lnxxno.", "45#", "3", "30", "x"}
	filters := map[string]store.OrderFilter{
		"all":            {},
		"with revised":   {WithRevised: true},
		"signed":         {Statuses: []string{"signed"}},
		"cancelled":      {Statuses: []string{"cancelled"}},
		"revised":        {Statuses: []string{"revised"}},
		"draft or sent":  {Statuses: []string{"draft", "sent_back"}},
		"big customer":   {CustomerID: bigCustomer},
		"small customer": {CustomerID: smallCustomer, WithRevised: true},
		"rep signed":     {RepID: rep, Statuses: []string{"signed"}},
		"rep":            {RepID: rep},
		"a month":        {From: today.AddDate(0, -3, 0).Format("2006-01-02"), To: today.AddDate(0, -2, 0).Format("2006-01-02")},
		"from":           {From: today.AddDate(0, -1, 0).Format("2006-01-02")},
		"to":             {To: today.AddDate(-1, 0, 0).Format("2006-01-02")},
		"year approved":  {From: today.AddDate(-1, 0, 0).Format("2006-01-02"), To: today.Format("2006-01-02"), Statuses: []string{"approved"}},
		"customer dated": {CustomerID: bigCustomer, From: today.AddDate(-1, 0, 0).Format("2006-01-02")},
	}
	matched := 0
	for name, f := range filters {
		for _, q := range queries {
			want := plainOrders(t, db, f, q)
			if len(want) > 0 {
				matched++
			}
			for _, limit := range []int{7, 50} {
				for _, backward := range []bool{false, true} {
					got := listAll(t, st, f, q, limit, backward)
					if !slices.Equal(got, want) {
						t.Errorf("%s, %q, limit %d, backward %v: %d orders %v, a plain scan %d %v",
							name, q, limit, backward, len(got), head(got), len(want), head(want))
					}
				}
			}
		}
	}
	if matched < len(filters)*len(queries)/2 {
		t.Fatalf("only %d of the %d cases match any order: the test proves little", matched, len(filters)*len(queries))
	}
}

func head(ids []int64) []int64 { return ids[:min(len(ids), 8)] }
