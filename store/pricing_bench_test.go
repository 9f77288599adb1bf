package store_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"testing"
	"time"

	"orderdesk/store"
	"orderdesk/store/storetest"
	"orderdesk/workflow"
	"orderdesk/workflow/workflowtest"
)

// pricingGenVersion changes whenever the generator below writes
// something different, so a cached database is rebuilt.
const pricingGenVersion = 2

// pricingBenchDB returns a database with `quotes` quotes (most sent,
// many won or lost) and `history` market-price rows, over 20,000
// customers and 2,000 products with two years of monthly list prices. It is built once, in big transactions,
// and kept under the temp folder keyed by size, schema and generator
// version: building it takes minutes.
func pricingBenchDB(b *testing.B, quotes, history int) string {
	b.Helper()
	name := fmt.Sprintf("orderdesk-pricing-bench-%d-%d-v%d-g%d.db", quotes, history, store.SchemaVersion(), pricingGenVersion)
	return storetest.CachedDB(b, name, func(path string) { buildPricingDB(b, path, quotes, history) })
}

// benchGrades and benchSpec make the bench catalogue: 10 × 200 products.
var benchGrades = []string{"Q235B", "Q345B", "Q355B", "Q345R", "45#", "20#", "40CR", "65MN", "SPCC", "DX51D+Z"}

func benchSpec(i int) string { return fmt.Sprintf("%d×%d×6000", 3+i%40, 1250+250*(i/40)) }

type benchWorld struct {
	ctx       context.Context
	st        *store.Store
	eng       *workflow.Engine
	rng       *rand.Rand
	clerk     store.User
	boss      store.User
	buyer     store.User
	products  []store.Product
	customers []int64
	inquiries []int64       // the inquiry of customers[i], once made
	list      []store.Money // the current list price of products[i]
	day0      time.Time     // the first day of the history
}

func buildPricingDB(b *testing.B, path string, quotes, history int) {
	ctx := context.Background()
	eng := workflowtest.Open(b, path)
	st := eng.Store()
	defer st.Close()
	sys, _ := eng.SystemUser(ctx)
	var err error
	w := &benchWorld{ctx: ctx, st: st, eng: eng, rng: rand.New(rand.NewPCG(4, 5)), day0: time.Date(2025, 1, 1, 1, 0, 0, 0, time.UTC)}
	for _, u := range []struct {
		dst   *store.User
		login string
		role  workflow.Role
	}{{&w.clerk, "wang", workflow.Clerk}, {&w.boss, "zhao", workflow.Supervisor}, {&w.buyer, "sun", workflow.Purchasing}} {
		if *u.dst, err = eng.AddUser(ctx, sys, u.login, u.login, "", []workflow.Role{u.role}); err != nil {
			b.Fatal(err)
		}
	}
	must := func(err error) {
		if err != nil {
			b.Fatal(err)
		}
	}
	must(st.Write(ctx, func(tx *store.Tx) error { return w.catalogue(tx, 20000) }))
	must(st.Write(ctx, func(tx *store.Tx) error { return w.priceList(tx, 24) }))
	for done := 0; done < history; {
		must(st.Write(ctx, func(tx *store.Tx) error {
			n, err := w.market(tx, done, min(200000, history-done))
			done += n
			return err
		}))
	}
	for done := 0; done < quotes; {
		n := min(5000, quotes-done)
		must(st.Write(ctx, func(tx *store.Tx) error {
			for i := 0; i < n; i++ {
				if err := w.quote(tx, done+i, quotes); err != nil {
					return err
				}
			}
			return nil
		}))
		done += n
	}
}

// catalogue writes the products and the customers.
func (w *benchWorld) catalogue(tx *store.Tx, customers int) error {
	tx.Now = w.day0.AddDate(0, 0, -30)
	for g := range benchGrades {
		for s := 0; s < 200; s++ {
			p := store.Product{Grade: benchGrades[g], Name: "热轧钢板", Spec: benchSpec(s), Unit: "t"}
			id, err := tx.CreateProduct(w.ctx, w.clerk.ID, p)
			if err != nil {
				return err
			}
			p.ID = id
			w.products = append(w.products, p)
			w.list = append(w.list, store.Money((3800+w.rng.IntN(1700))*100))
		}
	}
	for i := 0; i < customers; i++ {
		id, _, err := tx.CreateCustomer(w.ctx, w.clerk.ID, fakeCustomer(w.rng))
		if err != nil {
			return err
		}
		w.customers = append(w.customers, id)
	}
	w.inquiries = make([]int64, len(w.customers))
	return nil
}

// priceList writes one approved price change a month for every product.
func (w *benchWorld) priceList(tx *store.Tx, months int) error {
	for m := 0; m < months; m++ {
		tx.Now = w.day0.AddDate(0, m, -1)
		var lines []store.PriceChangeLine
		for i, p := range w.products {
			w.list[i] = w.list[i] * store.Money(97+w.rng.IntN(7)) / 100 / 1000 * 1000
			lines = append(lines, store.PriceChangeLine{Grade: p.Grade, Name: p.Name, Spec: p.Spec, Unit: p.Unit, Price: w.list[i],
				ValidFrom: w.day0.AddDate(0, m, 0).Format("2006-01-02")})
		}
		id, _, err := tx.CreatePriceChange(w.ctx, w.clerk.ID, workflow.PriceChange.Initial(), "月度调价", lines)
		if err != nil {
			return err
		}
		if err := w.eng.ApplyIn(w.ctx, tx, w.boss, id, workflow.ActionApprove, ""); err != nil {
			return err
		}
	}
	return nil
}

// market writes n market prices from the from-th on: every product,
// every source, day after day.
func (w *benchWorld) market(tx *store.Tx, from, n int) (int, error) {
	per := len(w.products) * len(store.MarketSources)
	for k := from; k < from+n; k++ {
		day, rest := k/per, k%per
		p := w.products[rest/len(store.MarketSources)]
		tx.Now = w.day0.AddDate(0, 0, day)
		_, err := tx.AddMarketPrice(w.ctx, w.buyer.ID, store.MarketPrice{Source: store.MarketSources[rest%len(store.MarketSources)],
			Grade: p.Grade, Name: p.Name, Spec: p.Spec, Unit: p.Unit, Price: store.Money((3800 + w.rng.IntN(1700)) * 100),
			On: tx.Now.Format("2006-01-02")})
		if err != nil {
			return k - from, err
		}
	}
	return n, nil
}

// quote writes the k-th of total quotes: one to three lines from the
// customer's usual products, priced near the list, and for most quotes
// submit, a supervisor's approval, sending and an outcome. To keep the
// build to minutes, quotes hang on one inquiry per customer and take
// their steps as bare transitions (no engine round trips, no inquiry
// following): the triggers check every step all the same, and the price
// context reads neither inquiries nor the engine.
func (w *benchWorld) quote(tx *store.Tx, k, total int) error {
	ctx := w.ctx
	// Quotes spread over 600 days in order, a few minutes apart.
	tx.Now = w.day0.Add(time.Duration(int64(k) * int64(600*24*time.Hour) / int64(total)))
	ci := w.rng.IntN(len(w.customers))
	cust := w.customers[ci]
	inq := w.inquiries[ci]
	if inq == 0 {
		p := w.products[w.usual(cust)]
		id, _, err := tx.CreateInquiry(ctx, w.clerk.ID, workflow.Inquiry.Initial(), store.Inquiry{CustomerID: cust, PaymentTerms: store.TermsPrepaid,
			Lines: []store.InquiryLine{{Grade: p.Grade, Name: p.Name, Spec: p.Spec, Unit: "t", ProductID: p.ID, Qty: 10000}}})
		if err != nil {
			return err
		}
		inq, w.inquiries[ci] = id, id
	}
	q := store.Quote{InquiryID: inq, CustomerID: cust, PaymentTerms: store.TermsPrepaid, ValidityDays: 7}
	for n := 1 + w.rng.IntN(3); n > 0; n-- {
		i := w.usual(cust)
		p := w.products[i]
		ql := store.QuoteLine{Grade: p.Grade, Name: p.Name, Spec: p.Spec, Qty: store.Milli(1000 + w.rng.IntN(40000)), Unit: "t", ProductID: p.ID}
		ql.SetPrice(w.list[i]*store.Money(97+w.rng.IntN(6))/100/1000*1000, true, store.SourceManual)
		q.Lines = append(q.Lines, ql)
	}
	id, _, err := tx.CreateQuote(ctx, w.clerk.ID, workflow.Quote.Initial(), q)
	if err != nil {
		return err
	}
	fate := w.rng.IntN(100)
	if fate < 10 { // still a draft
		return nil
	}
	type step struct {
		who                    store.User
		action, from, to, note string
		signoff                bool
	}
	steps := []step{{w.clerk, workflow.ActionSubmit, "draft", "submitted", "", false}, {w.boss, workflow.ActionApprove, "submitted", "approved", "", true},
		{w.clerk, workflow.ActionMarkSent, "approved", "sent", "", false}}
	switch {
	case fate < 50:
		steps = append(steps, step{w.clerk, workflow.ActionWin, "sent", "won", "", false})
	case fate < 80:
		steps = append(steps, step{w.clerk, workflow.ActionLose, "sent", "lost", "价格高", false})
	}
	for _, s := range steps {
		if err := tx.InsertTransition(ctx, store.Transition{DocID: id, Action: s.action, From: s.from, To: s.to, ActorID: s.who.ID,
			SignOff: s.signoff, Comment: s.note}); err != nil {
			return err
		}
	}
	return nil
}

// usual picks one of the dozen products a customer buys.
func (w *benchWorld) usual(cust int64) int {
	return (int(cust)*37 + w.rng.IntN(12)*101) % len(w.products)
}

// BenchmarkPriceContext opens a line's price context the way the pricing
// screen does beside each line: the list price valid today, the last
// price quoted and sold to the customer for the grade and spec, and the
// newest market price of each source, in one read, over 200,000 quotes
// and 2,000,000 market-price rows. It reports p50 and p99; the screens
// need p99 under 5 ms. The first run builds the database (about ten
// minutes: run it with -timeout 60m, as make bench does);
// ORDERDESK_BENCH_SMALL=1 uses a tenth of it while developing.
func BenchmarkPriceContext(b *testing.B) {
	quotes, history := 200_000, 2_000_000
	if os.Getenv("ORDERDESK_BENCH_SMALL") != "" {
		quotes, history = 20_000, 200_000
	}
	path := pricingBenchDB(b, quotes, history)
	ctx := context.Background()
	eng := workflowtest.Open(b, path)
	st := eng.Store()
	defer st.Close()
	var clerk store.User
	var lines []benchLine
	// Today, inside the two years of list prices the generator wrote.
	st.Now = func() time.Time { return time.Date(2026, 8, 1, 2, 0, 0, 0, time.UTC) }
	err := st.Read(ctx, func(tx *store.Tx) (err error) {
		clerk, err = tx.UserByLogin(ctx, "wang")
		return err
	})
	if err != nil {
		b.Fatal(err)
	}
	if lines, err = sampleLines(ctx, st, 2000); err != nil {
		b.Fatal(err)
	}
	desk := eng.Desk(clerk)
	b.Run("grade-spec", func(b *testing.B) {
		hits := 0
		n := timed(b, func(i int) func() error {
			l := lines[i%len(lines)]
			return func() error {
				pc, err := desk.PriceContext(ctx, l.customer, l.grade, l.name, l.spec)
				if err == nil && pc.LastQuoted != nil && pc.List != nil && len(pc.Market) == 3 {
					hits++
				}
				return err
			}
		})
		// The share of lines whose context has every part: a list price,
		// a last quoted price and all three markets.
		b.ReportMetric(float64(hits)/float64(n), "complete")
	})
	b.Run("quote-line", func(b *testing.B) {
		timed(b, func(i int) func() error {
			l := lines[i%len(lines)]
			return func() error { _, err := desk.LinePriceContext(ctx, l.lineID); return err }
		})
	})
}

type benchLine struct {
	customer, lineID  int64
	grade, name, spec string
}

// sampleLines picks n quote lines spread over the whole database.
func sampleLines(ctx context.Context, st *store.Store, n int) ([]benchLine, error) {
	var out []benchLine
	err := st.Read(ctx, func(tx *store.Tx) error {
		rows, err := tx.Quotes(ctx, store.DocFilter{}, store.Page{Backward: true, Limit: 1})
		if err != nil || len(rows) == 0 {
			return err
		}
		maxID := rows[0].ID
		rng := rand.New(rand.NewPCG(9, 9))
		for len(out) < n {
			q, err := tx.Quote(ctx, 1+rng.Int64N(maxID))
			if err != nil {
				continue // another kind of document
			}
			l := q.Lines[rng.IntN(len(q.Lines))]
			out = append(out, benchLine{customer: q.CustomerID, lineID: l.ID, grade: l.Grade, name: l.Name, spec: l.Spec})
		}
		return nil
	})
	return out, err
}
