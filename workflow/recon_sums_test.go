package workflow_test

import (
	"context"
	"path/filepath"
	"sort"
	"testing"

	"orderdesk/internal/benchgen/recongen"
	"orderdesk/store"
	"orderdesk/store/storetest"
	"orderdesk/workflow"
)

// genDesk builds a small generated database and a clerk's desk on it.
func genDesk(t *testing.T, o recongen.Options) (*workflow.Engine, *workflow.Desk, string) {
	t.Helper()
	if storetest.OnPostgres() {
		t.Skip("the volume generator (recongen) writes a SQLite file itself, its guards dropped: there is none for PostgreSQL")
	}
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "gen.db")
	if err := recongen.Build(ctx, path, o); err != nil {
		t.Fatal(err)
	}
	st, err := store.Open(ctx, path, store.AllowBenchDB())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	e, err := workflow.New(ctx, st)
	if err != nil {
		t.Fatal(err)
	}
	sys, _ := e.SystemUser(ctx)
	clerk, err := e.AddUser(ctx, sys, "sums_clerk", "对账内勤", "", []workflow.Role{workflow.Clerk})
	if err != nil {
		t.Fatal(err)
	}
	return e, e.Desk(clerk), path
}

// slowFigures works a month out customer by customer from the raw rows,
// the way a clerk would with the ledgers: everything before the month
// makes the opening balance, the month's rows its movements.
func slowFigures(t *testing.T, path, month string) map[int64]store.MonthFigures {
	t.Helper()
	db := storetest.Raw(t, path)
	out := map[int64]store.MonthFigures{}
	read := func(q string, apply func(f *store.MonthFigures, day string, amount store.Money)) {
		rows, err := db.Query(q)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		for rows.Next() {
			var cust int64
			var day string
			var amount store.Money
			if err := rows.Scan(&cust, &day, &amount); err != nil {
				t.Fatal(err)
			}
			f := out[cust]
			f.CustomerID = cust
			apply(&f, day[:7], amount)
			out[cust] = f
		}
	}
	// What a note shipped is what it bills on the contract's weighing
	// basis (release_billed), loaded weights and all.
	read(`SELECT r.customer_id, r.released_on, r.amount FROM release_billed r JOIN documents d ON d.id = r.note_doc_id WHERE d.status <> 'void'`,
		func(f *store.MonthFigures, m string, a store.Money) {
			switch {
			case m < month:
				f.Opening += a
			case m == month:
				f.Shipped += a
			}
		})
	read(`SELECT s.customer_id, s.issued_on, s.amount FROM invoice_issues s JOIN documents d ON d.id = s.invoice_doc_id WHERE d.status <> 'void'`,
		func(f *store.MonthFigures, m string, a store.Money) {
			if m == month {
				f.Invoiced += a
			}
		})
	read(`SELECT customer_id, received_on, amount FROM receipts`,
		func(f *store.MonthFigures, m string, a store.Money) {
			switch {
			case m < month:
				f.Opening -= a
			case m == month:
				f.Received += a
			}
		})
	for id, f := range out {
		f.Closing = f.Opening + f.Shipped - f.Received
		if f.Opening == 0 && f.Shipped == 0 && f.Invoiced == 0 && f.Received == 0 {
			delete(out, id)
			continue
		}
		out[id] = f
	}
	return out
}

func TestReconciliationSumsMatchSlowComputation(t *testing.T) {
	for _, seed := range []uint64{1, 2, 3} {
		_, desk, path := genDesk(t, recongen.Options{Customers: 40, Reps: 3, Months: 8, Last: "2026-10",
			InvoicesPerCM: 2, LinesPerInv: 2, VoidPct: 10, Seed: seed})
		for _, month := range []string{"2026-02", "2026-03", "2026-07", "2026-10", "2026-11"} {
			v, err := desk.MonthReconciliation(context.Background(), month)
			if err != nil {
				t.Fatal(err)
			}
			want := slowFigures(t, path, month)
			if len(v.Rows) != len(want) {
				t.Fatalf("seed %d %s: %d customers, the slow way %d", seed, month, len(v.Rows), len(want))
			}
			var total store.MonthFigures
			for _, r := range v.Rows {
				w := want[r.CustomerID]
				got := r
				got.Customer, got.RepID = "", 0
				if got != w {
					t.Fatalf("seed %d %s customer %d:\n got %+v\nwant %+v", seed, month, r.CustomerID, got, w)
				}
				total.Closing += w.Closing
			}
			if v.Totals.Closing != total.Closing || v.Totals.Closing != v.Totals.Opening+v.Totals.Shipped-v.Totals.Received {
				t.Fatalf("totals %+v", v.Totals)
			}
		}
	}
}

// slowOpen works out each invoice's open amount on day from the raw rows.
func slowOpen(t *testing.T, path, day string) map[int64]store.Money {
	t.Helper()
	db := storetest.Raw(t, path)
	rows, err := db.Query(`SELECT s.invoice_doc_id, s.amount - coalesce((SELECT sum(a.amount) FROM allocations a
	   WHERE a.invoice_doc_id = s.invoice_doc_id AND a.allocated_on <= ?1), 0)
	  FROM invoice_issues s JOIN documents d ON d.id = s.invoice_doc_id
	 WHERE d.status IN ('issued', 'mailed') AND s.issued_on <= ?1`, day)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	out := map[int64]store.Money{}
	for rows.Next() {
		var id int64
		var open store.Money
		if err := rows.Scan(&id, &open); err != nil {
			t.Fatal(err)
		}
		if open > 0 {
			out[id] = open
		}
	}
	return out
}

func TestCollectionsOpenAsOfMatchesSlowComputation(t *testing.T) {
	_, desk, path := genDesk(t, recongen.Options{Customers: 30, Reps: 2, Months: 8, Last: "2026-10",
		InvoicesPerCM: 2, LinesPerInv: 1, VoidPct: 10, Seed: 9})
	for _, day := range []string{"2026-04-15", "2026-08-31", "2026-10-31", "2026-12-01"} {
		c, err := desk.Collections(context.Background(), day)
		if err != nil {
			t.Fatal(err)
		}
		want := slowOpen(t, path, day)
		if len(c.Items) != len(want) {
			t.Fatalf("%s: %d open invoices, the slow way %d", day, len(c.Items), len(want))
		}
		var sum store.Money
		for _, x := range c.Items {
			if want[x.InvoiceID] != x.Open() {
				t.Fatalf("%s invoice %d: open %v, want %v", day, x.InvoiceID, x.Open(), want[x.InvoiceID])
			}
			sum += x.Open()
		}
		var byCust, byRep store.Money
		for _, r := range c.ByCustomer {
			byCust += r.Total
		}
		for _, r := range c.ByRep {
			byRep += r.Total
		}
		if byCust != sum || byRep != sum || c.Total.Total != sum {
			t.Fatalf("%s: ageing by customer %v, by rep %v, total %v; open %v", day, byCust, byRep, c.Total.Total, sum)
		}
		if !sort.SliceIsSorted(c.Items, func(i, j int) bool { return c.Items[i].DueOn < c.Items[j].DueOn }) {
			t.Fatalf("%s: not by due day", day)
		}
	}
}
