package workflow

import (
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"orderdesk/store"
	"orderdesk/store/storetest"
)

// Random sequences of contracts signed back, revisions signed back,
// cancellations, part shipments, notes voided, invoices issued and
// voided and money received (today and dated back), over the turn of a
// year: after every step each roll-up of stat_days (by month, customer
// and goods; by year; what each customer owes at a month's end) is the
// days it sums, and at the end what the triggers kept is what the
// migrations fill from the documents alone.
func TestStatRollupsFollowRandomSequences(t *testing.T) {
	for _, seed := range []uint64{1, 2, 3} {
		t.Run(fmt.Sprint("seed ", seed), func(t *testing.T) {
			t.Parallel() // its own copy of the fixture
			s := newInvoicing(t)
			raw := storetest.Raw(t, s.st.Path())
			rng := rand.New(rand.NewPCG(seed, 20))
			s.at(time.Date(2025, 12, 27, 9, 0, 0, 0, time.UTC))
			custs := []int64{s.monthly, s.shenyang}
			grades := []string{"Q235B", "Q345B"}
			var signed []int64 // orders signed back and not cancelled (latest version)
			invoiceNo := 0
			ops := []struct {
				name string
				do   func()
			}{
				{"signed back", func() {
					id := s.order(s.clerk, custs[rng.IntN(len(custs))],
						oline(grades[rng.IntN(2)], "热轧钢板", "20×1500×6000", fmt.Sprint(10+rng.IntN(10)), "t", "", fmt.Sprint(3000+rng.IntN(2000))))
					s.approved(id, s.clerk, s.boss)
					s.must(s.e.Desk(s.clerk).RecordSignBack(s.ctx, id, 0, s.e.todayString(), ""))
					signed = append(signed, id)
				}},
				{"revised", func() {
					if len(signed) == 0 {
						return
					}
					k := rng.IntN(len(signed))
					rev, err := s.e.Desk(s.adminBoss).ReviseOrder(s.ctx, signed[k], 0)
					if err != nil { // shipped or invoiced past what a revision may change
						return
					}
					rd := s.detail(s.adminBoss, rev)
					in := InputFromOrder(*rd.Order)
					in.Lines[0].Quantity, in.Lines[0].Weight = fmt.Sprint(20+rng.IntN(5)), ""
					_, err = s.e.Desk(s.adminBoss).UpdateOrder(s.ctx, *rd.Order, in)
					s.must(err)
					s.must(s.e.Desk(s.adminBoss).SubmitOrder(s.ctx, rev, 0))
					s.must(s.e.Desk(s.boss).Act(s.ctx, rev, ActionApprove, ""))
					s.must(s.e.Desk(s.clerk).RecordSignBack(s.ctx, rev, 0, s.e.todayString(), ""))
					signed[k] = rev
				}},
				{"cancelled", func() {
					if len(signed) < 2 {
						return
					}
					k := rng.IntN(len(signed))
					c, err := s.e.Desk(s.adminBoss).RequestCancel(s.ctx, signed[k], 0, "客户项目取消")
					if err != nil { // something shipped already
						return
					}
					s.must(s.e.Desk(s.boss).Act(s.ctx, c, ActionApprove, ""))
					signed = append(signed[:k], signed[k+1:]...)
				}},
				{"shipped", func() {
					if len(signed) > 0 {
						s.ship(signed[rng.IntN(len(signed))], "1")
					}
				}},
				{"note voided", func() {
					if len(signed) == 0 {
						return
					}
					note := s.signedNote(signed[rng.IntN(len(signed))], "1")
					if s.status(note) == "approved" && rng.IntN(2) == 0 {
						if err := s.e.Desk(s.fin).Release(s.ctx, note, 0, ""); err != nil { // a prepaid note waits for money
							return
						}
					}
					s.must(s.e.Desk(s.clerk).VoidDelivery(s.ctx, note, 0, "客户改期"))
				}},
				{"invoiced", func() {
					orders, err := s.e.Desk(s.clerk).OrdersToInvoice(s.ctx, store.Page{Limit: 50})
					s.must(err)
					if len(orders) == 0 {
						return
					}
					invoiceNo++
					id := s.issued(orders[rng.IntN(len(orders))].OrderID, fmt.Sprintf("%020d", invoiceNo))
					if rng.IntN(3) == 0 {
						s.must(s.e.Desk(s.fin).VoidInvoice(s.ctx, id, 0, "红冲"))
					}
				}},
				{"received", func() { s.receipt(custs[rng.IntN(len(custs))], fmt.Sprint(1000+rng.IntN(20000))) }},
				// Entered today, dated up to five weeks back: its day's
				// figures change under months that have their own since.
				{"received, dated back", func() {
					day := s.now.AddDate(0, 0, -1-rng.IntN(35)).Format(time.DateOnly)
					_, err := s.e.Desk(s.fin).RecordReceipt(s.ctx, ReceiptInput{CustomerID: custs[rng.IntN(len(custs))],
						Amount: fmt.Sprint(1000 + rng.IntN(20000)), ReceivedOn: day, Method: store.MethodBank})
					s.must(err)
				}},
			}
			for step := 0; step < 18; step++ {
				op := ops[rng.IntN(len(ops))]
				if step == 0 {
					op = ops[0]
				}
				op.do()
				checkStatRollups(t, raw)
				if t.Failed() {
					t.Fatalf("step %d %s (%s)", step, op.name, s.e.todayString())
				}
				s.at(s.now.Add(time.Duration(rng.IntN(3)) * 24 * time.Hour))
			}
			checkStatRebuild(t, s.st)
		})
	}
}
