// Package recongen builds databases of shipped, invoiced and paid money
// for the reconciliation tests and benchmarks: customers, released
// notes, issued invoices with their lines, receipts and allocations,
// over a number of months.
//
// It writes rows straight into the tables in big transactions, around
// the workflow and the guard triggers (which it drops first: checking
// each of a million rows would take an hour), so a database it builds is
// for measuring and comparing sums only, never for use at a desk: it is
// marked (store.MarkBench) before the triggers go, and store.Open refuses
// it unless the test that built it asks with store.AllowBenchDB. The
// triggers that keep the derived ledger (ledger_months, receivable_open)
// stay and run on every row, so the reading side is exercised as at the
// desk.
package recongen

import (
	"context"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"orderdesk/store"
)

// Options size a generated database.
type Options struct {
	Customers     int
	Reps          int
	Months        int    // months of history, ending with Last
	Last          string // YYYY-MM, the last month
	InvoicesPerCM int    // invoices per customer and month (on average)
	LinesPerInv   int    // lines per invoice
	VoidPct       int    // per cent of notes and invoices voided
	Seed          uint64
}

// Build creates path (which must not exist) with the schema and the
// generated rows. It returns the ids of the generated reps.
func Build(ctx context.Context, path string, o Options) error {
	st, err := store.Open(ctx, path)
	if err != nil {
		return err
	}
	if err := st.Close(); err != nil {
		return err
	}
	db, err := sql.Open("sqlite", "file:"+path+"?_pragma=journal_mode(WAL)&_pragma=synchronous(OFF)")
	if err != nil {
		return err
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	if err := store.MarkBench(ctx, db); err != nil {
		return err
	}
	if err := dropGuards(ctx, db); err != nil {
		return err
	}
	return generate(ctx, db, o)
}

// dropGuards drops every trigger but those keeping the derived ledger.
func dropGuards(ctx context.Context, db *sql.DB) error {
	rows, err := db.QueryContext(ctx, `SELECT name FROM sqlite_master WHERE type = 'trigger'`)
	if err != nil {
		return err
	}
	var names []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			rows.Close()
			return err
		}
		if !strings.HasPrefix(n, "ledger_") && !strings.HasPrefix(n, "receivable_open_") {
			names = append(names, n)
		}
	}
	rows.Close()
	for _, n := range names {
		if _, err := db.ExecContext(ctx, `DROP TRIGGER "`+n+`"`); err != nil {
			return err
		}
	}
	return nil
}

type gen struct {
	ctx   context.Context
	tx    *sql.Tx
	rng   *rand.Rand
	now   string
	stmts map[string]*sql.Stmt
}

func (g *gen) exec(q string, args ...any) (int64, error) {
	st, ok := g.stmts[q]
	if !ok {
		var err error
		if st, err = g.tx.PrepareContext(g.ctx, q); err != nil {
			return 0, err
		}
		g.stmts[q] = st
	}
	res, err := st.ExecContext(g.ctx, args...)
	if err != nil {
		return 0, err
	}
	return res.LastInsertId()
}

func generate(ctx context.Context, db *sql.DB, o Options) error {
	last, err := time.Parse("2006-01", o.Last)
	if err != nil {
		return err
	}
	if o.InvoicesPerCM <= 0 {
		o.InvoicesPerCM = 1
	}
	if o.LinesPerInv <= 0 {
		o.LinesPerInv = 1
	}
	rng := rand.New(rand.NewPCG(o.Seed, o.Seed^0x5eed))
	now := time.Now().UTC().Format("2006-01-02T15:04:05.000Z")
	begin := func() (*gen, error) {
		tx, err := db.BeginTx(ctx, nil)
		if err != nil {
			return nil, err
		}
		return &gen{ctx: ctx, tx: tx, rng: rng, now: now, stmts: map[string]*sql.Stmt{}}, nil
	}
	commit := func(g *gen) error {
		for _, s := range g.stmts {
			s.Close()
		}
		return g.tx.Commit()
	}
	g, err := begin()
	if err != nil {
		return err
	}
	// Users: a finance user who records and issues; the reps.
	fin, err := g.exec(`INSERT INTO users(login, name, roles, active, created_at, updated_at, updated_by)
		VALUES ('gen_fin', '生成财务', ',finance,', 1, ?, ?, 1)`, now, now)
	if err != nil {
		return err
	}
	var reps []int64
	for i := 0; i < max(o.Reps, 1); i++ {
		id, err := g.exec(`INSERT INTO users(login, name, roles, active, created_at, updated_at, updated_by)
			VALUES (?, ?, ',sales_rep,', 1, ?, ?, 1)`, fmt.Sprintf("gen_rep%d", i), fmt.Sprintf("销售%d", i+1), now, now)
		if err != nil {
			return err
		}
		reps = append(reps, id)
	}
	type cust struct {
		id, order int64
		days      int
	}
	custs := make([]cust, o.Customers)
	for i := range custs {
		id, err := g.exec(`INSERT INTO customers(code, name, rep_id, payment_terms, terms_days, created_at, updated_at, updated_by)
			VALUES (?, ?, ?, 'monthly', ?, ?, ?, 1)`, fmt.Sprintf("G%06d", i+1), fmt.Sprintf("生成客户%05d钢铁有限公司", i+1),
			reps[i%len(reps)], 30*(1+i%3), now, now)
		if err != nil {
			return err
		}
		ord, err := g.exec(`INSERT INTO documents(kind, ref, status, maker_id, subject_id, summary, status_since, created_at, updated_at, updated_by)
			VALUES ('order', ?, 'shipped', 1, ?, '', ?, ?, ?, 1)`, fmt.Sprintf("LNGEN%06d", i+1), id, now, now, now)
		if err != nil {
			return err
		}
		custs[i] = cust{id: id, order: ord, days: 30 * (1 + i%3)}
	}
	if err := commit(g); err != nil {
		return err
	}
	seq := 0
	for m := o.Months - 1; m >= 0; m-- {
		month := last.AddDate(0, -m, 0)
		if g, err = begin(); err != nil {
			return err
		}
		for _, c := range custs {
			n := rng.IntN(2*o.InvoicesPerCM + 1)
			for k := 0; k < n; k++ {
				seq++
				day := month.AddDate(0, 0, rng.IntN(28))
				ds := day.Format("2006-01-02")
				void := rng.IntN(100) < o.VoidPct
				note, err := g.exec(`INSERT INTO documents(kind, ref, status, maker_id, subject_id, summary, status_since, created_at, updated_at, updated_by)
					VALUES ('delivery_note', ?, 'released', 1, ?, '', ?, ?, ?, 1)`, fmt.Sprintf("FH%08d", seq), c.id, now, now, now)
				if err != nil {
					return err
				}
				var amount int64
				lines := make([]int64, o.LinesPerInv)
				for j := range lines {
					lines[j] = int64(100000 + rng.IntN(5000000)) // 1,000 – 51,000 yuan
					amount += lines[j]
				}
				if _, err := g.exec(`INSERT INTO delivery_releases(note_doc_id, order_doc_id, customer_id, basis, amount, released_on, due_on,
					released_by, created_at, updated_at, updated_by) VALUES (?, ?, ?, 'terms', ?, ?, ?, ?, ?, ?, ?)`,
					note, c.order, c.id, amount, ds, day.AddDate(0, 0, c.days).Format("2006-01-02"), fin, now, now, fin); err != nil {
					return err
				}
				if void {
					if _, err := g.exec(`UPDATE documents SET status = 'void' WHERE id = ?`, note); err != nil {
						return err
					}
					continue
				}
				// The invoice of the note, issued a few days later.
				iday := day.AddDate(0, 0, rng.IntN(10))
				inv, err := g.exec(`INSERT INTO documents(kind, ref, status, maker_id, subject_id, summary, status_since, created_at, updated_at, updated_by)
					VALUES ('invoice', ?, 'checked', 1, ?, '', ?, ?, ?, 1)`, fmt.Sprintf("KP%08d", seq), c.id, now, now, now)
				if err != nil {
					return err
				}
				if _, err := g.exec(`INSERT INTO invoices(doc_id, order_doc_id, customer_id, total, created_at, updated_at, updated_by)
					VALUES (?, ?, ?, ?, ?, ?, 1)`, inv, c.order, c.id, amount, now, now); err != nil {
					return err
				}
				for j, a := range lines {
					if _, err := g.exec(`INSERT INTO invoice_lines(doc_id, line_no, delivery_line_id, order_line_id, qty, weight, amount,
						created_at, updated_at, updated_by) VALUES (?, ?, ?, ?, 1000, 1000, ?, ?, ?, 1)`,
						inv, j+1, seq*100+j, j+1, a, now, now); err != nil {
						return err
					}
				}
				due := iday.AddDate(0, 0, c.days)
				if _, err := g.exec(`INSERT INTO invoice_issues(invoice_doc_id, invoice_no, customer_id, amount, issued_on, due_on, issued_by,
					created_at, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
					inv, fmt.Sprintf("%s21%016d", iday.Format("06"), seq), c.id, amount, iday.Format("2006-01-02"), due.Format("2006-01-02"), fin, now, now, fin); err != nil {
					return err
				}
				st := "mailed"
				if rng.IntN(100) < o.VoidPct {
					st = "void"
				}
				if _, err := g.exec(`UPDATE documents SET status = ? WHERE id = ?`, st, inv); err != nil {
					return err
				}
				if st == "void" {
					continue
				}
				// Paid mostly around the due day, some late; one in eight in
				// two parts, the rest three to six weeks after the first; one
				// in a hundred never. Nothing after the last month.
				pay := due.AddDate(0, 0, rng.IntN(60)-20)
				if pay.Before(iday) {
					pay = iday
				}
				if rng.IntN(100) == 0 {
					continue
				}
				parts := []int64{amount}
				if rng.IntN(8) == 0 {
					parts = []int64{amount / 2, amount - amount/2}
				}
				for _, paid := range parts {
					if pay.After(last.AddDate(0, 1, -1)) {
						break
					}
					ps := pay.Format("2006-01-02")
					rec, err := g.exec(`INSERT INTO receipts(customer_id, received_on, amount, method, payer, recorded_by, created_at, updated_at, updated_by)
						VALUES (?, ?, ?, 'bank', '', ?, ?, ?, ?)`, c.id, ps, paid, fin, now, now, fin)
					if err != nil {
						return err
					}
					if _, err := g.exec(`INSERT INTO allocations(receipt_id, invoice_doc_id, amount, allocated_on, allocated_by, created_at, updated_at, updated_by)
						VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, rec, inv, paid, ps, fin, now, now, fin); err != nil {
						return err
					}
					pay = pay.AddDate(0, 0, 21+rng.IntN(21))
				}
			}
			// Now and then money on account, unallocated.
			if rng.IntN(30) == 0 {
				ps := month.AddDate(0, 0, rng.IntN(28)).Format("2006-01-02")
				if _, err := g.exec(`INSERT INTO receipts(customer_id, received_on, amount, method, payer, recorded_by, created_at, updated_at, updated_by)
					VALUES (?, ?, ?, 'bill', '', ?, ?, ?, ?)`, c.id, ps, 100000+rng.IntN(1000000), fin, now, now, fin); err != nil {
					return err
				}
			}
		}
		if err := commit(g); err != nil {
			return err
		}
	}
	_, err = db.ExecContext(ctx, `ANALYZE`)
	return err
}
