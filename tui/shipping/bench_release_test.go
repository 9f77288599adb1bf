package shipping_test

import (
	"context"
	"runtime"
	"testing"
	"time"

	"orderdesk/store"
	"orderdesk/tui/tuitest/benchkit"
	"orderdesk/workflow"
)

// BenchmarkRelease times releasing a signed-off note past the payment
// gate over the 200,000-note database (a copy): the gate reads the
// customer's payments, credit and overdue money and the database checks
// the same again. monthly: finance releases a note the gate holds over
// credit (the busiest monthly customer, its whole history summed);
// prepaid: the clerk releases a note whose order finance confirmed paid.
func BenchmarkRelease(b *testing.B) {
	path := copyDB(b, shipBenchDB(b, *benchNotes))
	for _, terms := range []string{store.TermsMonthly, store.TermsPrepaid} {
		b.Run(terms, func(b *testing.B) {
			st, eng, fin := openDesk(b, path, "chen")
			defer st.Close()
			ctx := context.Background()
			clerk, boss := userOf(b, st, "wangli"), userOf(b, st, "zhao")
			cust := busiestCustomer(b, st, terms)
			qty := "2000" // 8,240,000.00: over any demo credit limit
			if terms == store.TermsPrepaid {
				qty = "20"
			}
			notes := heldNotes(b, eng, clerk, boss, cust, b.N, qty)
			if terms == store.TermsPrepaid { // finance's word for all of them
				// One order holds them all; its payment covers every note.
				amount := store.Money(int64(len(notes)) * 82400 * 100)
				if err := eng.Desk(fin).ConfirmPayment(ctx, workflow.PaymentInput{NoteID: notes[0], Amount: amount.Plain()}); err != nil {
					b.Fatal(err)
				}
				notes = notes[1:]
			}
			releaser := fin
			if terms == store.TermsPrepaid {
				releaser = clerk
			}
			d := eng.Desk(releaser)
			lat := make([]time.Duration, 0, b.N)
			runtime.GC()
			b.ResetTimer()
			for i := 0; i < b.N; i++ { // b.N known ahead: one held note each
				start := time.Now()
				if err := d.Release(ctx, notes[i], 0, ""); err != nil {
					b.Fatal(err)
				}
				lat = append(lat, time.Since(start))
			}
			b.StopTimer()
			benchkit.Report(b, lat)
		})
	}
}

func userOf(b *testing.B, st *store.Store, login string) (u store.User) {
	b.Helper()
	if err := st.Read(context.Background(), func(tx *store.Tx) (err error) {
		u, err = tx.UserByLogin(context.Background(), login)
		return err
	}); err != nil {
		b.Fatal(err)
	}
	return u
}

// busiestCustomer is the customer on terms with the most released notes.
func busiestCustomer(b *testing.B, st *store.Store, terms string) (id int64) {
	b.Helper()
	err := st.Read(context.Background(), func(tx *store.Tx) error {
		rows, err := tx.DeliveryRows(context.Background(), []string{"delivered"}, store.Page{Limit: 500})
		if err != nil {
			return err
		}
		count := map[int64]int{}
		for _, r := range rows {
			if r.PaymentTerms == terms {
				count[r.CustomerID]++
				if id == 0 || count[r.CustomerID] > count[id] {
					id = r.CustomerID
				}
			}
		}
		return nil
	})
	if err != nil || id == 0 {
		b.Fatalf("no %s customer: %v", terms, err)
	}
	return id
}

// heldNotes makes n+1 notes of qty tonnes at 4,120.00 for cust, signed
// off and held at the gate, from orders of 1,000,000 t signed off and
// signed back.
func heldNotes(b *testing.B, eng *workflow.Engine, clerk, boss store.User, cust int64, n int, qty string) []int64 {
	b.Helper()
	ctx := context.Background()
	must := func(err error) {
		b.Helper()
		if err != nil {
			b.Fatal(err)
		}
	}
	cd, bd := eng.Desk(clerk), eng.Desk(boss)
	q, err := store.ParseMilli(qty)
	if err != nil {
		b.Fatal(err)
	}
	perOrder := int(1000000000 / int64(q)) // an order line holds at most 1,000,000 t
	var out []int64
	var order int64
	for len(out) < n+1 {
		if order == 0 || len(out)%perOrder == 0 {
			in, err := cd.NewOrderInput(ctx, cust)
			must(err)
			in.DeliveryDate, in.SigningPlace = time.Now().AddDate(0, 1, 0).Format("2006-01-02"), "沈阳"
			in.Lines = []workflow.OrderLineInput{{Grade: "Q235B", Name: "热轧钢板", Spec: "20×1500×6000", Quantity: "1000000", Unit: "t", Price: "4120"}}
			order, _, err = cd.CreateOrder(ctx, in)
			must(err)
			must(cd.SubmitOrder(ctx, order, 0))
			must(bd.Act(ctx, order, workflow.ActionApprove, ""))
			must(cd.RecordSignBack(ctx, order, 0, time.Now().Format("2006-01-02"), ""))
		}
		in, _, err := cd.NewDeliveryInput(ctx, order)
		must(err)
		in.Lines[0].Quantity = qty
		id, err := cd.CreateDelivery(ctx, in)
		must(err)
		must(cd.SubmitDelivery(ctx, id, 0))
		must(bd.Act(ctx, id, workflow.ActionApprove, ""))
		out = append(out, id)
	}
	return out
}
