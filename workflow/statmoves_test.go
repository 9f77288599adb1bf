package workflow

import (
	"testing"

	"orderdesk/store"
)

// statNow is November 2026's figures of every customer as the
// supervisor sees them.
func (s *ifix) statNow() store.StatFigures {
	s.t.Helper()
	v, err := s.e.Desk(s.boss).Statistics(s.ctx, StatQuery{Period: PeriodOf(PeriodMonth, s.e.Now()), Open: true})
	s.must(err)
	return v.Total.Figures[StatNow]
}

// statLedger checks the month's shipped, invoiced and received against
// the reconciliation ledger's.
func (s *ifix) statLedger(f store.StatFigures) {
	s.t.Helper()
	var rows []store.MonthFigures
	s.must(s.st.Read(s.ctx, func(tx *store.Tx) (err error) { rows, err = tx.MonthFigures(s.ctx, "2026-11", 0); return err }))
	l := store.MonthTotals(rows)
	if f.Shipped.Amount != l.Shipped || f.Invoiced.Amount != l.Invoiced || f.Received.Amount != l.Received || f.Open.Amount != l.Closing {
		s.t.Fatalf("statistics %+v, the ledger %+v", f, l)
	}
}

func figure(t, yuan string) store.StatFigure {
	tonnes, err := store.ParseMilli(t)
	if err != nil {
		panic(err)
	}
	amount, err := store.ParseMoney(yuan)
	if err != nil {
		panic(err)
	}
	return store.StatFigure{Tonnes: tonnes, Amount: amount}
}

// A contract counts when the customer signs it; a revision signed back
// restates it on the first signed copy's day, a cancellation takes it
// out; a part shipment counts what left, a void takes a note or an
// invoice out of the day it counted on; every step agrees with the
// ledger; and the aggregates the triggers kept are those the migration
// fills from the documents alone.
func TestStatisticsMoveAsDocumentsDo(t *testing.T) {
	s := newInvoicing(t)
	start := s.statNow()
	step := func(what string, want store.StatFigures) {
		t.Helper()
		got := s.statNow()
		s.statLedger(got)
		if got != want {
			t.Fatalf("%s: figures %+v, want %+v", what, got, want)
		}
	}
	want := start
	id := s.order(s.clerk, s.monthly, oline("Q235B", "热轧钢板", "20×1500×6000", "10", "t", "", "4000"))
	s.approved(id, s.clerk, s.boss)
	step("approved, not signed back", want)
	s.must(s.e.Desk(s.clerk).RecordSignBack(s.ctx, id, 0, "2026-11-02", ""))
	want.Ordered = want.Ordered.Add(figure("10", "40000"))
	step("signed back", want)

	// A revision to 12 t: nothing moves until the customer signs it.
	rev, err := s.e.Desk(s.adminBoss).ReviseOrder(s.ctx, id, 0)
	s.must(err)
	rd := s.detail(s.adminBoss, rev)
	in := InputFromOrder(*rd.Order)
	in.Lines[0].Quantity, in.Lines[0].Weight = "12", ""
	_, err = s.e.Desk(s.adminBoss).UpdateOrder(s.ctx, *rd.Order, in)
	s.must(err)
	s.must(s.e.Desk(s.adminBoss).SubmitOrder(s.ctx, rev, 0))
	s.must(s.e.Desk(s.boss).Act(s.ctx, rev, ActionApprove, ""))
	step("revision approved, not signed back", want)
	s.must(s.e.Desk(s.clerk).RecordSignBack(s.ctx, rev, 0, "2026-11-02", ""))
	want.Ordered = want.Ordered.Add(figure("2", "8000"))
	step("revision signed back", want)
	docs, err := s.e.Desk(s.boss).StatisticsTrace(s.ctx, StatQuery{Period: PeriodOf(PeriodMonth, s.e.Now())}, "", store.StatOrdered, StatNow)
	s.must(err)
	if n := len(docs); n == 0 || docs[n-1].ID != rev || docs[n-1].Day != "2026-11-02" || docs[n-1].Amount != figure("0", "48000").Amount {
		t.Fatalf("the order's documents: %+v", docs)
	}

	// A part shipment counts what left; the order stays as ordered.
	note := s.ship(rev, "5")
	want.Shipped = want.Shipped.Add(figure("5", "20000"))
	want.Open = want.Open.Add(figure("0", "20000"))
	step("5 t of 12 shipped", want)

	// An invoice of it, then voided by finance.
	inv := s.issued(rev, "26210000000010000001")
	want.Invoiced = want.Invoiced.Add(figure("5", "20000"))
	step("invoiced", want)
	s.must(s.e.Desk(s.fin).VoidInvoice(s.ctx, inv, 0, "红冲"))
	want.Invoiced = start.Invoiced
	step("invoice voided", want)

	// Money received counts on its day, against what is owed.
	s.receipt(s.monthly, "15000")
	want.Received = want.Received.Add(figure("0", "15000"))
	want.Open.Amount -= figure("0", "15000").Amount
	step("received", want)

	// A second note released and voided before it left.
	second := s.signedNote(rev, "3")
	if s.status(second) == "approved" { // a monthly customer's is released at the sign-off
		s.must(s.e.Desk(s.fin).Release(s.ctx, second, 0, ""))
	}
	step("3 t more released", store.StatFigures{Ordered: want.Ordered, Shipped: want.Shipped.Add(figure("3", "12000")),
		Invoiced: want.Invoiced, Received: want.Received, Open: want.Open.Add(figure("0", "12000"))})
	s.must(s.e.Desk(s.clerk).VoidDelivery(s.ctx, second, 0, "客户改期"))
	step("the second note voided", want)
	_ = note

	// Loaded off the weighbridge (磅计): what left is the loaded weight.
	s.shipWeighed(rev, []string{"4.1"}, "4")
	want.Shipped = want.Shipped.Add(figure("4.1", "16400"))
	want.Open = want.Open.Add(figure("0", "16400"))
	step("4 t loaded at 4.1 t", want)

	// A cancelled order leaves the figures.
	other := s.order(s.clerk, s.monthly, oline("Q345B", "热轧钢板", "20×1500×6000", "7", "t", "", "4100"))
	s.approved(other, s.clerk, s.boss)
	s.must(s.e.Desk(s.clerk).RecordSignBack(s.ctx, other, 0, "2026-11-02", ""))
	step("another order signed", store.StatFigures{Ordered: want.Ordered.Add(figure("7", "28700")),
		Shipped: want.Shipped, Invoiced: want.Invoiced, Received: want.Received, Open: want.Open})
	c, err := s.e.Desk(s.adminBoss).RequestCancel(s.ctx, other, 0, "客户项目取消")
	s.must(err)
	s.must(s.e.Desk(s.boss).Act(s.ctx, c, ActionApprove, ""))
	step("the other order cancelled", want)

	// A customer moved to another rep takes their history along: the
	// rep's figures by goods (their own roll-up) follow, as by customer.
	var file store.Customer
	s.must(s.st.Read(s.ctx, func(tx *store.Tx) (err error) { file, err = tx.Customer(s.ctx, s.monthly); return err }))
	in2 := InputFromCustomer(file)
	in2.RepID = s.rep2.ID
	_, err = s.e.Desk(s.clerk).UpdateCustomer(s.ctx, file, in2)
	s.must(err)
	month := PeriodOf(PeriodMonth, s.e.Now())
	for _, rep := range []store.User{s.rep, s.rep2} {
		key := itoa(int(rep.ID))
		byGrade, err := s.e.Desk(s.boss).Statistics(s.ctx, StatQuery{Dim: store.StatGrade, Period: month,
			Filters: []store.StatFilter{{Dim: store.StatRep, Key: key}}})
		s.must(err)
		byCustomer, err := s.e.Desk(s.boss).Statistics(s.ctx, StatQuery{Dim: store.StatCustomer, Period: month,
			Filters: []store.StatFilter{{Dim: store.StatRep, Key: key}}})
		s.must(err)
		g, cu := byGrade.Total.Figures[StatNow], byCustomer.Total.Figures[StatNow]
		if g.Ordered != cu.Ordered || g.Shipped != cu.Shipped || g.Invoiced != cu.Invoiced {
			t.Fatalf("rep %s by grade %+v, by customer %+v", rep.Login, g, cu)
		}
		if mine := g.Shipped.Tonnes != 0; mine != (rep.ID == s.rep2.ID) {
			t.Fatalf("rep %s after the move: shipped %v", rep.Login, g.Shipped)
		}
	}
	checkStatRebuild(t, s.st)
}
