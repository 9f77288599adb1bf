package workflow

import (
	"errors"
	"slices"
	"testing"
	"time"

	"orderdesk/store"
)

// TestPaymentGate takes a note through every path of the gate.
func TestPaymentGate(t *testing.T) {
	tests := []struct {
		name string
		run  func(s *sfix, t *testing.T)
	}{
		{"prepaid without payment is held; the clerk's release names finance", func(s *sfix, t *testing.T) {
			id := s.signedNote(s.signedOrder(s.shenyang))
			if st := s.status(id); st != "approved" {
				t.Fatalf("status %s, want approved (held)", st)
			}
			r := refusal(t, s.e.Desk(s.clerk).Release(s.ctx, id, 0, ""), PaymentMissing)
			if !slices.Equal(r.Roles, []Role{Finance}) {
				t.Fatalf("refusal names %v, want finance", r.Roles)
			}
			refused(t, s.e.Desk(s.boss).Release(s.ctx, id, 0, ""), PaymentMissing)
			g, err := s.e.Desk(s.clerk).GateOf(s.ctx, id)
			s.must(err)
			if g.Held != store.GatePrepaidUnpaid || g.Due != 10444200 {
				t.Fatalf("gate %+v, want 104,442.00 due", g)
			}
		},
		},
		{"prepaid part paid stays held with the rest due; paid in full it is released", func(s *sfix, t *testing.T) {
			id := s.signedNote(s.signedOrder(s.shenyang))
			fin := s.e.Desk(s.fin)
			s.must(fin.ConfirmPayment(s.ctx, PaymentInput{NoteID: id, Amount: "100000", Method: "电汇"}))
			if st := s.status(id); st != "approved" {
				t.Fatalf("part payment released it: %s", st)
			}
			if g, _ := s.e.Desk(s.clerk).GateOf(s.ctx, id); g.Due != 444200 {
				t.Fatalf("due %v, want 4,442.00", g.Due)
			}
			s.must(fin.ConfirmPayment(s.ctx, PaymentInput{NoteID: id, Amount: "4442"}))
			n := s.note(s.boss, id).Note
			if n.Status != "released" || n.Release.Basis != store.BasisPrepaid || n.Release.ByID != s.fin.ID {
				t.Fatalf("after payment: %s %+v", n.Status, n.Release)
			}
		}},
		{"prepaid paid before the sign-off is released by it", func(s *sfix, t *testing.T) {
			order := s.signedOrder(s.shenyang)
			id, err := s.draft(s.clerk, order)
			s.must(err)
			s.must(s.e.Desk(s.clerk).SubmitDelivery(s.ctx, id, 0))
			s.must(s.e.Desk(s.fin).ConfirmPayment(s.ctx, PaymentInput{NoteID: id, Amount: "104442"}))
			s.must(s.e.Desk(s.boss).Act(s.ctx, id, ActionApprove, ""))
			if st := s.status(id); st != "released" {
				t.Fatalf("status %s", st)
			}
		}},
		{"a clerk cannot confirm a payment", func(s *sfix, t *testing.T) {
			id := s.signedNote(s.signedOrder(s.shenyang))
			refused(t, s.e.Desk(s.clerk).ConfirmPayment(s.ctx, PaymentInput{NoteID: id, Amount: "104442"}), FinanceOnly)
		}},
		{"monthly within credit is released at the sign-off", func(s *sfix, t *testing.T) {
			id := s.signedNote(s.signedOrder(s.monthly))
			n := s.note(s.boss, id).Note
			if n.Status != "released" || n.Release.Basis != store.BasisTerms || n.Release.DueOn != "2026-12-02" {
				t.Fatalf("%s %+v", n.Status, n.Release)
			}
		}},
		{"monthly over credit is held for finance, who releases it", func(s *sfix, t *testing.T) {
			order := s.signedOrder(s.monthly, plateLine, plateLine)
			first := s.signedNote(order, "25.35", "0")
			second := s.signedNote(order, "0", "25.35")
			if s.status(first) != "released" || s.status(second) != "approved" {
				t.Fatalf("first %s second %s", s.status(first), s.status(second))
			}
			g, _ := s.e.Desk(s.clerk).GateOf(s.ctx, second)
			if g.Held != store.GateOverCredit || g.Exposure != 10444200 || g.CreditLimit != 15000000 {
				t.Fatalf("gate %+v", g)
			}
			r := refusal(t, s.e.Desk(s.clerk).Release(s.ctx, second, 0, ""), NeedsFinance)
			if !slices.Equal(r.Roles, []Role{Finance}) {
				t.Fatalf("refusal names %v", r.Roles)
			}
			s.must(s.e.Desk(s.fin).Release(s.ctx, second, 0, "客户信誉好"))
			if n := s.note(s.boss, second).Note; n.Release.Basis != store.BasisFinance {
				t.Fatalf("basis %s", n.Release.Basis)
			}
		}},
		{"finance cannot release a held note it made", func(s *sfix, t *testing.T) {
			order := s.signedOrder(s.monthly, plateLine, plateLine)
			s.signedNote(order, "25.35", "0")
			id, err := s.draft(s.fin2, order, "0", "25.35")
			s.must(err)
			s.must(s.e.Desk(s.fin2).SubmitDelivery(s.ctx, id, 0))
			s.must(s.e.Desk(s.boss).Act(s.ctx, id, ActionApprove, ""))
			refused(t, s.e.Desk(s.fin2).Release(s.ctx, id, 0, ""), NeedsFinance)
		}},
		{"an overdue customer is held though within credit; payment clears it", func(s *sfix, t *testing.T) {
			order := s.signedOrder(s.monthly, oline("Q235B", "热轧钢板", "20×1500×6000", "10", "t", "", "4120"),
				oline("Q235B", "热轧钢板", "20×1500×6000", "10", "t", "", "4120"))
			s.signedNote(order, "10", "0") // 41,200.00 due 2026-12-02
			s.at(time.Date(2027, 1, 5, 1, 0, 0, 0, time.UTC))
			second := s.signedNote(order, "0", "10")
			g, _ := s.e.Desk(s.clerk).GateOf(s.ctx, second)
			if second == 0 || s.status(second) != "approved" || g.Held != store.GateOverdue || g.Overdue != 4120000 {
				t.Fatalf("status %s gate %+v", s.status(second), g)
			}
			refused(t, s.e.Desk(s.clerk).Release(s.ctx, second, 0, ""), NeedsFinance)
			s.must(s.e.Desk(s.fin).ConfirmPayment(s.ctx, PaymentInput{NoteID: second, Amount: "41200"}))
			s.must(s.e.Desk(s.clerk).Release(s.ctx, second, 0, ""))
			if n := s.note(s.boss, second).Note; n.Release.Basis != store.BasisTerms {
				t.Fatalf("basis %s", n.Release.Basis)
			}
		}},
		{"an override signed by its maker, or by the note's maker, is refused", func(s *sfix, t *testing.T) {
			order := s.signedOrder(s.shenyang)
			id, err := s.draft(s.adminBoss, order)
			s.must(err)
			s.must(s.e.Desk(s.adminBoss).SubmitDelivery(s.ctx, id, 0))
			s.must(s.e.Desk(s.boss).Act(s.ctx, id, ActionApprove, ""))
			_, err = s.e.Desk(s.clerk).RequestOverride(s.ctx, id, 0, " ")
			var fe FieldErrors
			if !errors.As(err, &fe) || fe.For(FReason) == nil {
				t.Fatalf("empty reason: %v", err)
			}
			ov, err := s.e.Desk(s.clerk).RequestOverride(s.ctx, id, 0, "老客户,款在途")
			s.must(err)
			refused(t, s.e.Desk(s.clerk).Act(s.ctx, ov, ActionApprove, ""), RoleNotAllowed)
			mine, err := s.e.Desk(s.adminBoss).RequestOverride(s.ctx, id, 0, "x")
			if !errors.Is(err, &Refusal{Code: OverrideOpen}) || mine != 0 {
				t.Fatalf("second override: %v", err)
			}
			refused(t, s.e.Desk(s.adminBoss).Act(s.ctx, ov, ActionApprove, ""), MakerCannotSignOff)
			if st := s.status(id); st != "approved" {
				t.Fatalf("status %s", st)
			}
		}},
		{"an override by finance releases the note and is in the report", func(s *sfix, t *testing.T) {
			id := s.signedNote(s.signedOrder(s.shenyang))
			ov, err := s.e.Desk(s.fin2).RequestOverride(s.ctx, id, 0, "老客户,款在途")
			s.must(err)
			refused(t, s.e.Desk(s.fin2).Act(s.ctx, ov, ActionApprove, ""), MakerCannotSignOff)
			s.must(s.e.Desk(s.fin).Act(s.ctx, ov, ActionApprove, "同意"))
			n := s.note(s.boss, id).Note
			if n.Status != "released" || n.Release.Basis != store.BasisOverride || n.Release.OverrideID != ov {
				t.Fatalf("%s %+v", n.Status, n.Release)
			}
			rep, err := s.e.Desk(s.boss).Overrides(s.ctx, "", "")
			s.must(err)
			if len(rep) != 1 || rep[0].Signer != s.fin.Name || rep[0].Reason != "老客户,款在途" || rep[0].Gate != store.GatePrepaidUnpaid {
				t.Fatalf("report %+v", rep)
			}
		}},
		{"an override for a note the gate lets through is refused", func(s *sfix, t *testing.T) {
			id := s.signedNote(s.signedOrder(s.monthly))
			_, err := s.e.Desk(s.clerk).RequestOverride(s.ctx, id, 0, "x")
			refused(t, err, NotHeld)
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel() // its own copy of the fixture
			s := newShipping(t)
			s.t = t
			tc.run(s, t)
		})
	}
}

// TestPartialShipments ships an order in parts that add up, refuses
// more than is open, and moves the order to partly shipped and shipped.
func TestPartialShipments(t *testing.T) {
	s := newShipping(t)
	order := s.signedOrder(s.monthly, oline("Q235B", "热轧钢板", "20×1500×6000", "10", "t", "", "4120"),
		oline("45#", "圆钢", "Φ50", "3", "t", "3.333", "4800"))
	a := s.signedNote(order, "4", "1")
	// The second takes the rest (prefilled with what is open).
	in, open, err := s.e.Desk(s.clerk).NewDeliveryInput(s.ctx, order)
	s.must(err)
	if in.Lines[0].Quantity != "6" || in.Lines[1].Quantity != "2" || open[1].OpenWeight() != 2222 {
		t.Fatalf("prefilled %+v open %+v", in.Lines, open)
	}
	// More than open is refused with the open figure.
	in.Lines[0].Quantity = "6.5"
	_, err = s.e.Desk(s.clerk).CreateDelivery(s.ctx, in)
	var fe FieldErrors
	if !errors.As(err, &fe) || fe.ForLine(1, FQuantity) == nil || fe.ForLine(1, FQuantity).Code != OverOpen || fe.ForLine(1, FQuantity).Want != "6" {
		t.Fatalf("over open: %v", err)
	}
	b := s.signedNote(order)
	if _, err := s.draft(s.clerk, order, "0.001", "0"); !errors.As(err, &fe) || fe.ForLine(1, FQuantity).Want != "0" {
		t.Fatalf("nothing open: %v", err)
	}
	na, nb := s.note(s.clerk, a).Note, s.note(s.clerk, b).Note
	if na.Lines[1].Weight+nb.Lines[1].Weight != 3333 || na.Lines[0].Qty+nb.Lines[0].Qty != 10000 {
		t.Fatalf("weights %v+%v, qty %v+%v", na.Lines[1].Weight, nb.Lines[1].Weight, na.Lines[0].Qty, nb.Lines[0].Qty)
	}
	if na.Total+nb.Total != 4120000+1599840 {
		t.Fatalf("totals %v + %v", na.Total, nb.Total)
	}
	// Voiding a note frees what it held.
	waiting := func() bool {
		rows, err := s.e.Desk(s.clerk).OrdersToShip(s.ctx, store.Page{})
		s.must(err)
		return slices.ContainsFunc(rows, func(r store.OrderRow) bool { return r.ID == order })
	}
	if waiting() {
		t.Fatal("an order all on notes waits for a note")
	}
	s.must(s.e.Desk(s.clerk).VoidDelivery(s.ctx, b, 0, "客户改期"))
	if !waiting() {
		t.Fatal("a void note left its order off the list")
	}
	c := s.signedNote(order)
	// Loading and dispatch: the order follows.
	for i, id := range []int64{a, c} {
		n := s.note(s.wh, id).Note
		if n.Total != 0 || n.Lines[0].Amount != 0 {
			t.Fatal("the warehouse sees money")
		}
		var loads []LoadInput
		for _, l := range n.Lines {
			loads = append(loads, LoadInput{LineID: l.ID, Qty: l.Qty.String(), Weight: l.Weight.String()})
		}
		s.must(s.e.Desk(s.wh).Load(s.ctx, id, 0, loads))
		s.must(s.e.Desk(s.clerk).Dispatch(s.ctx, id, 0, DispatchInput{Carrier: "沈阳顺达物流", Vehicle: "辽A12345", ShippedAt: "2026-11-02 10:00",
			ExpectedOn: "2026-11-03", SignedBy: "李师傅", SignedOn: "2026-11-02"}))
		want := []string{"partly_shipped", "shipped"}[i]
		if st := s.detail(s.clerk, order).Status; st != want {
			t.Fatalf("after note %d the order is %s, want %s", i+1, st, want)
		}
	}
	lines, _, err := s.e.Desk(s.clerk).OrderShipping(s.ctx, order)
	s.must(err)
	for _, l := range lines {
		if l.Shipped != l.Qty || l.Open() != 0 {
			t.Fatalf("line %+v", l)
		}
	}
	s.must(s.e.Desk(s.clerk).Deliver(s.ctx, a, 0))
}

// TestLoadingAndDispatchInput refuses loads without figures, a weight far
// from the note's without a reason, loading by anyone but the warehouse,
// and a carrier signature before the ship time.
func TestLoadingAndDispatchInput(t *testing.T) {
	s := newShipping(t)
	id := s.signedNote(s.signedOrder(s.monthly, oline("Q235B", "热轧钢板", "20×1500×6000", "10", "t", "", "4120")))
	n := s.note(s.wh, id).Note
	line := n.Lines[0].ID
	refused(t, s.e.Desk(s.clerk).Load(s.ctx, id, 0, []LoadInput{{LineID: line, Qty: "10", Weight: "10"}}), WarehouseOnly)
	refused(t, s.e.Desk(s.wh).Act(s.ctx, id, ActionLoad, ""), LoadMissing)
	var fe FieldErrors
	if err := s.e.Desk(s.wh).Load(s.ctx, id, 0, nil); !errors.As(err, &fe) || fe.ForLine(1, FLoadedQty) == nil {
		t.Fatalf("no figures: %v", err)
	}
	if err := s.e.Desk(s.wh).Load(s.ctx, id, 0, []LoadInput{{LineID: line, Qty: "10", Weight: "10.5"}}); !errors.As(err, &fe) ||
		fe.ForLine(1, FReason) == nil || fe.ForLine(1, FReason).Code != WeightNeedsReason {
		t.Fatalf("far weight: %v", err)
	}
	s.must(s.e.Desk(s.wh).Load(s.ctx, id, 0, []LoadInput{{LineID: line, Qty: "10", Weight: "10.25"}})) // within 3%
	n = s.note(s.clerk, id).Note
	if n.Status != "loaded" || n.Lines[0].Loaded.Weight != 10250 || n.Lines[0].Weight != 10000 {
		t.Fatalf("%s %+v", n.Status, n.Lines[0])
	}
	in := DispatchInput{Carrier: "顺达物流", Vehicle: "辽A12345", ShippedAt: "2026-11-02 10:00", ExpectedOn: "2026-11-01", SignedBy: "李师傅", SignedOn: "2026-11-01"}
	err := s.e.Desk(s.clerk).Dispatch(s.ctx, id, 0, in)
	if !errors.As(err, &fe) || fe.For(FSignedOn).Code != BeforeShipTime || fe.For(FExpectedOn).Code != BeforeShipTime {
		t.Fatalf("signature before ship time: %v", err)
	}
	in.Carrier = ""
	if err := s.e.Desk(s.clerk).Dispatch(s.ctx, id, 0, in); !errors.As(err, &fe) || fe.For(FCarrier) == nil {
		t.Fatalf("no carrier: %v", err)
	}
	if st := s.status(id); st != "loaded" {
		t.Fatalf("a refused dispatch moved it: %s", st)
	}
	refused(t, s.e.Desk(s.clerk).VoidDelivery(s.ctx, id, 0, "x"), NoSuchTransition)
}

// TestShippingInbox shows finance only what waits for its word, and the
// warehouse only released notes, without prices.
func TestShippingInbox(t *testing.T) {
	s := newShipping(t)
	held := s.signedNote(s.signedOrder(s.shenyang))
	open := s.signedNote(s.signedOrder(s.monthly))
	s.signedNote(s.signedOrder(s.anshan)) // prepaid, held too
	fin, err := s.e.Desk(s.fin).ShippingInbox(s.ctx, 0)
	s.must(err)
	if len(fin) != 2 || fin[0].ID != held || fin[0].Action != "confirm_payment" || fin[0].Gate.Due != 10444200 {
		t.Fatalf("finance inbox %+v", fin)
	}
	wh, err := s.e.Desk(s.wh).ShippingInbox(s.ctx, 0)
	s.must(err)
	if len(wh) != 1 || wh[0].ID != open || wh[0].Action != ActionLoad || wh[0].Total != 0 {
		t.Fatalf("warehouse inbox %+v", wh)
	}
	if got, _ := s.e.Desk(s.clerk).ShippingInbox(s.ctx, 0); len(got) != 0 {
		t.Fatalf("clerk inbox %+v", got)
	}
	// An override waits in the review inbox of finance and supervisors,
	// never of the clerk who asked.
	ov, err := s.e.Desk(s.clerk).RequestOverride(s.ctx, held, 0, "老客户")
	s.must(err)
	for _, u := range []store.User{s.fin, s.boss, s.clerk} {
		items, err := s.e.Desk(u).Inbox(s.ctx)
		s.must(err)
		found := slices.ContainsFunc(items, func(it store.InboxItem) bool { return it.ID == ov })
		if found != (u.ID != s.clerk.ID) {
			t.Fatalf("%s's review inbox has the override: %v", u.Login, found)
		}
	}
}

// TestDraftRules: notes only from orders signed back; the supervisor's
// sign-off never by the note's maker.
func TestDraftRules(t *testing.T) {
	s := newShipping(t)
	order := s.order(s.clerk, s.shenyang)
	s.approved(order, s.clerk, s.boss)
	_, err := s.draft(s.clerk, order)
	refused(t, err, OrderNotSigned)
	s.must(s.e.Desk(s.clerk).RecordSignBack(s.ctx, order, 0, "2026-11-02", ""))
	id, err := s.draft(s.adminBoss, order)
	s.must(err)
	s.must(s.e.Desk(s.adminBoss).SubmitDelivery(s.ctx, id, 0))
	refused(t, s.e.Desk(s.adminBoss).Act(s.ctx, id, ActionApprove, ""), MakerCannotSignOff)
	refused(t, s.e.Desk(s.clerk).Act(s.ctx, id, ActionApprove, ""), RoleNotAllowed)
	s.must(s.e.Desk(s.boss).Act(s.ctx, id, ActionSendBack, "数量不对"))
	// Edited after send-back: smaller, then resubmitted.
	n := s.note(s.adminBoss, id).Note
	in, _, err := s.e.Desk(s.adminBoss).NewDeliveryInput(s.ctx, order)
	s.must(err)
	in.Lines = []DeliveryLineInput{{OrderLineID: n.Lines[0].OrderLineID, Quantity: "20"}}
	in.ShipOn = "2026-11-10"
	s.must(s.e.Desk(s.adminBoss).UpdateDelivery(s.ctx, n, in))
	if n2 := s.note(s.adminBoss, id).Note; n2.Lines[0].Qty != 20000 || n2.Total != store.LineAmount(412000, store.BasisWeight, 20000, n2.Lines[0].Weight) {
		t.Fatalf("updated %+v", n2.Lines[0])
	}
	s.must(s.e.Desk(s.adminBoss).SubmitDelivery(s.ctx, id, 0))
	s.must(s.e.Desk(s.boss).Act(s.ctx, id, ActionApprove, ""))
}

// TestOverdueDaysConfigurable: shipping.overdue_days moves the line
// between a customer held as overdue and one released per contract, in
// the workflow and in the database alike.
func TestOverdueDaysConfigurable(t *testing.T) {
	s := newShipping(t)
	refused(t, s.e.SetShippingRules(s.ctx, ShippingRules{OverdueDays: -1, WeightTolerance: 3}), InvalidSetting)
	s.must(s.e.SetShippingRules(s.ctx, ShippingRules{OverdueDays: 60, WeightTolerance: 3}))
	order := s.signedOrder(s.monthly, oline("Q235B", "热轧钢板", "20×1500×6000", "10", "t", "", "4120"),
		oline("Q235B", "热轧钢板", "20×1500×6000", "10", "t", "", "4120"))
	s.signedNote(order, "10", "0") // due 2026-12-02
	s.at(time.Date(2027, 1, 5, 1, 0, 0, 0, time.UTC))
	second := s.signedNote(order, "0", "10") // 34 days past due: within 60
	if n := s.note(s.boss, second).Note; n.Status != "released" || n.Release.Basis != store.BasisTerms {
		t.Fatalf("%s %+v", n.Status, n.Release)
	}
}

// TestDeliveriesFilter finds notes by number, customer and carrier in a
// list of notes still moving and in the delivered list.
func TestDeliveriesFilter(t *testing.T) {
	s := newShipping(t)
	a := s.signedNote(s.signedOrder(s.monthly))
	b := s.signedNote(s.signedOrder(s.dalian))
	n := s.note(s.wh, a).Note
	s.must(s.e.Desk(s.wh).Load(s.ctx, a, 0, []LoadInput{{LineID: n.Lines[0].ID, Qty: "25.35", Weight: "25.35"}}))
	s.must(s.e.Desk(s.clerk).Dispatch(s.ctx, a, 0, DispatchInput{Carrier: "沈阳顺达物流", Vehicle: "辽A12345", ShippedAt: "2026-11-02 10:00",
		ExpectedOn: "2026-11-03", SignedBy: "李师傅", SignedOn: "2026-11-02"}))
	s.must(s.e.Desk(s.clerk).Deliver(s.ctx, a, 0))
	refA, refB := s.note(s.clerk, a).Ref, s.note(s.clerk, b).Ref
	for _, tc := range []struct {
		statuses []string
		query    string
		want     []int64
	}{
		{[]string{"delivered"}, "顺达", []int64{a}},
		{[]string{"delivered"}, "辽a12", []int64{a}},
		{[]string{"delivered"}, refA, []int64{a}},
		{[]string{"delivered"}, "大连", nil},
		{[]string{"approved"}, "大连船舶", []int64{b}},
		{[]string{"approved"}, refB, []int64{b}},
		{[]string{"approved"}, "fh", []int64{b}},
		{nil, "fh", []int64{a, b}},
		{[]string{"approved"}, "沈阳月结", nil},
	} {
		rows, err := s.e.Desk(s.clerk).Deliveries(s.ctx, tc.statuses, store.Page{Query: tc.query})
		s.must(err)
		var got []int64
		for _, r := range rows {
			got = append(got, r.ID)
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("%v %q: %v, want %v", tc.statuses, tc.query, got, tc.want)
		}
	}
}

// TestOrdersToShipFilter lists signed orders with something open, found
// by customer; an order shipped in full on notes leaves the list.
func TestOrdersToShipFilter(t *testing.T) {
	s := newShipping(t)
	a, b := s.signedOrder(s.monthly), s.signedOrder(s.dalian)
	s.signedNote(a) // all of a is on a note
	for _, tc := range []struct {
		query string
		want  []int64
	}{{"", []int64{b}}, {"大连", []int64{b}}, {"月结", nil}, {"沈阳", nil}} {
		rows, err := s.e.Desk(s.clerk).OrdersToShip(s.ctx, store.Page{Query: tc.query})
		s.must(err)
		var got []int64
		for _, r := range rows {
			got = append(got, r.ID)
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("%q: %v, want %v", tc.query, got, tc.want)
		}
	}
}
