package workflow

import (
	"context"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"testing"
	"time"

	"orderdesk/store"
)

// winBenchToday is the day the winning statistics are read on; the
// volume goes a year back from it.
var winBenchToday = time.Date(2026, 11, 20, 10, 0, 0, 0, cst)

// winVolume builds, in b's temporary folder, a desk of ten reps with
// leads leads entered over the last year in every stage (a tenth won, a
// fifth lost) and visits visits to them over the same year, each
// reviewed (reached, partly, not) or cancelled or still planned, through
// the store calls and the engine's checks the desk uses, in large
// transactions. It returns the engine and the supervisor who reads.
func winVolume(b *testing.B, leads, visits int) (*Engine, store.User) {
	b.Helper()
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(b.TempDir(), "win.db"))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	e, err := New(ctx, st)
	if err != nil {
		b.Fatal(err)
	}
	e.SetLocation(cst)
	start := winBenchToday.AddDate(-1, 0, 0)
	now := start
	st.Now = func() time.Time { return now }
	sys, _ := e.SystemUser(ctx)
	must := func(err error) {
		if err != nil {
			b.Fatal(err)
		}
	}
	boss, err := e.AddUser(ctx, sys, "zhao", "赵主管", "", []Role{Supervisor, Clerk})
	must(err)
	var reps []store.User
	for i := range 10 {
		u, err := e.AddUser(ctx, sys, fmt.Sprintf("rep%d", i), fmt.Sprintf("销售%d", i), "", []Role{SalesRep})
		must(err)
		reps = append(reps, u)
	}
	cust, _, err := e.Desk(boss).CreateCustomer(ctx, CustomerInput{Name: "沈阳钢铁有限公司", Phone: "024-22334455", PaymentTerms: store.TermsPrepaid})
	must(err)
	rng := rand.New(rand.NewPCG(7, 7))
	year := winBenchToday.Sub(start)
	at := func(i, n int) time.Time { return start.Add(time.Duration(int64(year) / int64(n) * int64(i))) }
	move := func(tx *store.Tx, by store.User, doc int64, action, comment string, internal bool) {
		var changes []Change
		must(e.applyTx(ctx, tx, applyReq{actor: by, docID: doc, action: action, comment: comment, internal: internal}, &changes))
	}
	const batch = 1000
	docs := make([]int64, 0, leads)
	owners := make([]store.User, 0, leads)
	for from := 0; from < leads; from += batch {
		must(st.Write(ctx, func(tx *store.Tx) error {
			for i := from; i < min(from+batch, leads); i++ {
				now = at(i, leads)
				rep := reps[rng.IntN(len(reps))]
				id, _, err := tx.CreateLead(ctx, rep.ID, Lead.Initial(), store.Lead{OwnerID: rep.ID, Name: fmt.Sprintf("辽宁机械厂%05d", i),
					Phone: fmt.Sprintf("024-6%07d", i), Source: LeadSources[rng.IntN(len(LeadSources))]})
				if err != nil {
					return err
				}
				docs, owners = append(docs, id), append(owners, rep)
				now = now.Add(time.Duration(rng.IntN(30*24)) * time.Hour)
				switch f := rng.IntN(100); {
				case f < 10:
					must(tx.LinkLead(ctx, rep.ID, id, cust, 0))
					move(tx, rep, id, ActionWin, "", false)
				case f < 30:
					move(tx, rep, id, ActionLose, "价格高", false)
				case f < 50:
					move(tx, rep, id, ActionQuoted, "", false)
				case f < 70:
					move(tx, rep, id, ActionContact, "", false)
				}
			}
			return nil
		}))
	}
	goals := []string{"relationship", "volume", "collect", "problem"}
	reached := []string{"yes", "yes", "partly", "no"}
	for from := 0; from < visits; from += batch {
		must(st.Write(ctx, func(tx *store.Tx) error {
			for i := from; i < min(from+batch, visits); i++ {
				now = at(i, visits)
				l := rng.IntN(len(docs))
				rep := owners[l]
				day := now.AddDate(0, 0, 1+rng.IntN(5))
				id, _, err := tx.CreateVisit(ctx, rep.ID, Visit.Initial(), store.SalesVisit{OwnerID: rep.ID, LeadID: docs[l],
					On: day.Format(time.DateOnly), At: "09:30", Place: "客户办公室", Goal: goals[rng.IntN(len(goals))]}, "拜访")
				if err != nil {
					return err
				}
				switch f := rng.IntN(100); {
				case f < 5:
					move(tx, rep, id, ActionCancelVisit, "客户出差", false)
				case f < 90 && day.Before(winBenchToday):
					r := reached[rng.IntN(len(reached))]
					must(tx.AddVisitReview(ctx, rep.ID, id, store.VisitReview{Reached: r, Achieved: "见了采购部长", WhyNot: "库存多"}))
					move(tx, rep, id, ActionReviewVisit, "", true)
				}
			}
			return nil
		}))
	}
	now = winBenchToday
	return e, boss
}

// The leads by source and stage and the visits per rep of a month and
// of a year, as the supervisor reads them on the Statistics screen,
// over a year of 5,000 leads and 20,000 visits (ten reps).
func BenchmarkWinningStatistics(b *testing.B) {
	e, boss := winVolume(b, 5000, 20000)
	d, ctx := e.Desk(boss), context.Background()
	month := PeriodOf(PeriodMonth, time.Date(2026, 10, 1, 0, 0, 0, 0, time.UTC))
	year := PeriodOf(PeriodYear, time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
	for _, c := range []struct {
		name string
		read func() error
	}{
		{"leads_month", func() error { _, _, err := d.LeadStatisticsOf(ctx, month); return err }},
		{"leads_year", func() error { _, _, err := d.LeadStatisticsOf(ctx, year); return err }},
		{"visits_month", func() error { _, _, err := d.VisitStatisticsOf(ctx, month); return err }},
		{"visits_year", func() error { _, _, err := d.VisitStatisticsOf(ctx, year); return err }},
	} {
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				if err := c.read(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
