package workflow

import (
	"errors"
	"fmt"
	"slices"
	"sync"
	"testing"
	"time"

	"orderdesk/store"
)

// TestOrderRules: who may move an order, and the two-person rule on the
// contract's sign-off, table-driven like the quotes'.
func TestOrderRules(t *testing.T) {
	type step func(o *ofix, id int64)
	submit := func(o *ofix, id int64) {
		o.t.Helper()
		d, _ := o.e.Desk(o.clerk).Document(o.ctx, id)
		maker := o.clerk
		if d.MakerID == o.adminBoss.ID {
			maker = o.adminBoss
		}
		o.must(o.e.Desk(maker).SubmitOrder(o.ctx, id, 0))
	}
	act := func(who func(*ofix) store.User, action, comment string) step {
		return func(o *ofix, id int64) { o.t.Helper(); o.must(o.e.Desk(who(o)).Act(o.ctx, id, action, comment)) }
	}
	editBy := func(who func(*ofix) store.User) step {
		return func(o *ofix, id int64) {
			o.t.Helper()
			od := o.detail(who(o), id)
			in := InputFromOrder(*od.Order)
			in.Notes = "改了交货方式"
			_, err := o.e.Desk(who(o)).UpdateOrder(o.ctx, *od.Order, in)
			o.must(err)
		}
	}
	signBack := func(o *ofix, id int64) {
		o.t.Helper()
		o.must(o.e.Desk(o.clerk).RecordSignBack(o.ctx, id, 0, "2026-11-02", ""))
	}
	clerk := func(o *ofix) store.User { return o.clerk }
	clerk2 := func(o *ofix) store.User { return o.clerk2 }
	boss := func(o *ofix) store.User { return o.boss }
	admin := func(o *ofix) store.User { return o.adminBoss }
	approve := act(boss, ActionApprove, "")
	tests := []struct {
		name    string
		maker   func(*ofix) store.User
		steps   []step
		actor   func(*ofix) store.User
		action  string
		comment string
		want    Code
		status  string
	}{
		{"a clerk cannot sign a contract off", clerk, []step{submit}, clerk2, ActionApprove, "", RoleNotAllowed, "submitted"},
		{"the maker cannot sign their own contract", admin, []step{submit}, admin, ActionApprove, "", MakerCannotSignOff, "submitted"},
		{"the maker cannot send their own back", admin, []step{submit}, admin, ActionSendBack, "x", MakerCannotSignOff, "submitted"},
		{"an editor since the last sign-off cannot sign", clerk, []step{editBy(admin), submit}, admin, ActionApprove, "", EditorCannotSignOff, "submitted"},
		{"another supervisor signs after that edit", clerk, []step{editBy(admin), submit}, boss, ActionApprove, "", "", "approved"},
		{"a supervisor signs the contract off", clerk, []step{submit}, boss, ActionApprove, "", "", "approved"},
		{"purchasing does not sign contracts", clerk, []step{submit}, func(o *ofix) store.User { return o.buyer }, ActionApprove, "", RoleNotAllowed, "submitted"},
		{"sending back needs a comment", clerk, []step{submit}, boss, ActionSendBack, " ", CommentRequired, "submitted"},
		{"sent back with a comment", clerk, []step{submit}, boss, ActionSendBack, "交期太紧", "", "sent_back"},
		{"a draft cannot be approved", clerk, nil, boss, ActionApprove, "", NoSuchTransition, "draft"},
		{"only the maker submits", clerk, nil, clerk2, ActionSubmit, "", MakerOnly, "draft"},
		{"only the maker withdraws", clerk, nil, clerk2, ActionWithdraw, "", MakerOnly, "draft"},
		{"the maker withdraws a draft", clerk, nil, clerk, ActionWithdraw, "", "", "withdrawn"},
		{"a signed-off contract is not withdrawn", clerk, []step{submit, approve}, clerk, ActionWithdraw, "", NoSuchTransition, "approved"},
		{"sign-back needs its day", clerk, []step{submit, approve}, clerk, ActionSignBack, "", SignBackMissing, "approved"},
		{"no fulfilment before the customer signs", clerk, []step{submit, approve}, clerk, ActionStartFulfilment, "", NoSuchTransition, "approved"},
		{"fulfilment after the sign-back", clerk, []step{submit, approve, signBack}, clerk2, ActionStartFulfilment, "", "", "in_fulfilment"},
		{"closed", clerk, []step{submit, approve, signBack, act(clerk, ActionStartFulfilment, "")}, clerk, ActionClose, "", "", "closed"},
		{"cancelled only through a cancellation", clerk, []step{submit, approve}, boss, ActionCancel, "不要了", NotAllowed, "approved"},
		{"revised only through a revision", clerk, []step{submit, approve}, boss, ActionRevise, "", NotAllowed, "approved"},
		{"the warehouse takes nothing", clerk, []step{submit, approve, signBack}, func(o *ofix) store.User { return o.wh }, ActionStartFulfilment, "", RoleNotAllowed, "signed"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel() // its own copy of the fixture
			o := newOrders(t)
			id := o.order(tc.maker(o), o.shenyang)
			for _, s := range tc.steps {
				s(o, id)
			}
			err := o.e.Desk(tc.actor(o)).Act(o.ctx, id, tc.action, tc.comment)
			if tc.want == "" && err != nil {
				t.Fatalf("want success, got %v", err)
			}
			if tc.want != "" {
				refused(t, err, tc.want)
			}
			if got := o.status(id); got != tc.status {
				t.Fatalf("status %s, want %s", got, tc.status)
			}
		})
	}
}

// TestOrderArithmetic: a line's amount is its price × its basis (weight
// in tonnes, or quantity), rounded half away from zero to the fen; the
// total is the sum of the rounded lines. The database agrees.
func TestOrderArithmetic(t *testing.T) {
	tests := []struct {
		name    string
		lines   []OrderLineInput
		amounts []store.Money
		total   store.Money
	}{
		{"per tonne × weight to the kg", []OrderLineInput{oline("Q235B", "热轧钢板", "20×1500×6000", "1.235", "t", "", "3456.78")}, []store.Money{426912}, 426912},
		{"half a fen rounds up", []OrderLineInput{oline("Q235B", "热轧钢板", "20×1500×6000", "0.5", "t", "", "0.01")}, []store.Money{1}, 1},
		{"2.5 fen is 3, not banker's 2", []OrderLineInput{oline("Q235B", "热轧钢板", "20×1500×6000", "0.5", "t", "", "0.05")}, []store.Money{3}, 3},
		{"the total adds rounded lines", []OrderLineInput{
			oline("Q235B", "热轧钢板", "20×1500×6000", "0.5", "t", "", "0.01"), oline("Q345B", "热轧钢板", "20×1500×6000", "0.5", "t", "", "0.01"),
			oline("45#", "圆钢", "Φ50", "0.5", "t", "", "0.01")}, []store.Money{1, 1, 1}, 3},
		{"pieces priced per tonne of their weight", []OrderLineInput{oline("Q235B", "焊接钢管", "48×3.5×6000", "100", "pcs", "2.305", "4980")}, []store.Money{1147890}, 1147890},
		{"pieces weighed from the catalogue", []OrderLineInput{oline("Q235B", "焊接钢管", "48×3.5×6000", "100", "pcs", "", "4980")}, []store.Money{1147890}, 1147890}, // 100 × 23.045 kg = 2.3045 t → 2.305 t
		{"pieces priced per piece", []OrderLineInput{{Grade: "Q235B", Name: "焊接钢管", Spec: "48×3.5×6000", Quantity: "100", Unit: "pcs", Weight: "2.305", Price: "115.33", Basis: "qty"}}, []store.Money{1153300}, 1153300},
		{"kg priced per kg", []OrderLineInput{{Grade: "304", Name: "不锈钢板", Spec: "2.0×1219×2438", Quantity: "800.5", Unit: "kg", Weight: "0.801", Price: "8.55", Basis: "qty"}}, []store.Money{684428}, 684428}, // 6844.275 → 6844.28
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel() // its own copy of the fixture
			o := newOrders(t)
			id := o.order(o.clerk, o.shenyang, tc.lines...)
			od := o.detail(o.clerk, id)
			var sum store.Money
			for i, l := range od.Order.Lines {
				if l.Amount != tc.amounts[i] {
					t.Errorf("line %d: amount %d, want %d (%+v)", i+1, l.Amount, tc.amounts[i], l)
				}
				sum += l.Amount
			}
			if od.Order.Total != tc.total || sum != tc.total {
				t.Errorf("total %d (lines %d), want %d", od.Order.Total, sum, tc.total)
			}
			if od.Check != nil {
				t.Errorf("contract check: %v", od.Check)
			}
			rows, err := o.e.Desk(o.clerk).Orders(o.ctx, store.OrderFilter{}, store.Page{})
			o.must(err)
			if len(rows) != 1 || rows[0].Total != tc.total {
				t.Errorf("listed %+v", rows)
			}
		})
	}
}

// TestOrderBadInput: each mistake comes back at its field and line, and
// nothing is written.
func TestOrderBadInput(t *testing.T) {
	tests := []struct {
		name  string
		edit  func(in *OrderInput)
		field string
		line  int
		code  FieldCode
		want  string
	}{
		{"a hand-typed total that disagrees", func(in *OrderInput) { in.Lines[0].Amount = "104441" }, FAmount, 1, AmountMismatch, "104442.00"},
		{"zero unit price", func(in *OrderInput) { in.Lines[0].Price = "0" }, FPrice, 1, NotPositive, ""},
		{"weight to the gram", func(in *OrderInput) { in.Lines[0].Weight = "25.3505" }, FWeight, 1, TooManyPlaces, ""},
		{"quantity with four decimals", func(in *OrderInput) { in.Lines[1].Quantity = "2.0001" }, FQuantity, 2, TooManyPlaces, ""},
		{"pieces not whole", func(in *OrderInput) { in.Lines[1].Unit, in.Lines[1].Quantity = "pcs", "2.5" }, FQuantity, 2, NotWhole, ""},
		{"delivery before the order", func(in *OrderInput) { in.OrderDate, in.DeliveryDate = "2026-11-10", "2026-11-09" }, FDeliveryDate, 0, DateOrder, ""},
		{"price with letters", func(in *OrderInput) { in.Lines[1].Price = "4千" }, FPrice, 2, NotANumber, ""},
		{"unknown price basis", func(in *OrderInput) { in.Lines[1].Basis = "箱" }, FBasis, 2, InvalidChoice, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel() // its own copy of the fixture
			o := newOrders(t)
			in := o.input(o.clerk, o.shenyang, plateLine, oline("45#", "圆钢", "Φ50", "2", "t", "", "4500"))
			tc.edit(&in)
			_, _, err := o.e.Desk(o.clerk).CreateOrder(o.ctx, in)
			fe := fieldErrs(t, err).ForLine(tc.line, tc.field)
			if fe == nil || fe.Code != tc.code || fe.Want != tc.want {
				t.Fatalf("want %s at line %d %s (want %q), got %v", tc.code, tc.line, tc.field, tc.want, err)
			}
			if rows, _ := o.e.Desk(o.clerk).Orders(o.ctx, store.OrderFilter{}, store.Page{}); len(rows) != 0 {
				t.Fatal("a refused order was written")
			}
		})
	}
	// The right figure is taken.
	o := newOrders(t)
	in := o.input(o.clerk, o.shenyang, plateLine)
	in.Lines[0].Amount = "104,442.00"
	if _, _, err := o.e.Desk(o.clerk).CreateOrder(o.ctx, in); err != nil {
		t.Fatal(err)
	}
}

// TestContractCheckBeforeReview: a draft may be incomplete, but it is
// submitted only when the contract adds up and is filled in; the
// database refuses the same around the desk.
func TestContractCheckBeforeReview(t *testing.T) {
	o := newOrders(t)
	in := o.input(o.clerk, o.bare, oline("Q235B", "热轧钢板", "20×1500×6000", "5", "t", "", ""), oline("Q235B", "焊接钢管", "48×3.5×6000", "10", "pcs", "", "4980"),
		oline("Q390C", "热轧钢板", "20×1500×6000", "3", "t", "", "4400"))
	in.SigningPlace, in.DeliveryDate = "", ""
	id, warn, err := o.e.Desk(o.clerk).CreateOrder(o.ctx, in)
	o.must(err)
	if len(warn) != 1 || warn[0].Line != 3 || warn[0].Code != UnknownProduct {
		t.Fatalf("warnings %v", warn)
	}
	err = o.e.Desk(o.clerk).SubmitOrder(o.ctx, id, 0)
	fe := fieldErrs(t, err)
	for _, w := range []struct {
		line  int
		field string
		code  FieldCode
	}{{0, FShipTo, Required}, {0, FSigningPlace, Required}, {0, FDeliveryDate, Required}, {1, FPrice, Unpriced}} {
		if e := fe.ForLine(w.line, w.field); e == nil || e.Code != w.code {
			t.Errorf("want %s at %d %s in %v", w.code, w.line, w.field, err)
		}
	}
	if fe.ForLine(2, FWeight) != nil {
		t.Errorf("pieces of a catalogue product are weighed: %v", err)
	}
	if o.status(id) != "draft" {
		t.Fatal("submitted anyway")
	}
	if od := o.detail(o.clerk, id); od.Check == nil {
		t.Fatal("the detail shows no contract problems")
	}
	err = o.st.Write(o.ctx, func(tx *store.Tx) error {
		return tx.InsertTransition(o.ctx, store.Transition{DocID: id, Action: ActionSubmit, From: "draft", To: "submitted", ActorID: o.clerk.ID})
	})
	var re *store.RuleError
	if !errors.As(err, &re) || re.Code != string(ContractIncomplete) {
		t.Fatalf("database: %v", err)
	}
	// Filled in, it goes.
	od := o.detail(o.clerk, id)
	in = InputFromOrder(*od.Order)
	in.ShipTo, in.SigningPlace, in.DeliveryDate, in.Lines[0].Price = "营口市站前区1号", "沈阳", "2026-11-30", "4100"
	_, err = o.e.Desk(o.clerk).UpdateOrder(o.ctx, *od.Order, in)
	o.must(err)
	o.must(o.e.Desk(o.clerk).SubmitOrder(o.ctx, id, 0))
}

// TestCityInitials: the series' city part, from the customer's city.
func TestCityInitials(t *testing.T) {
	for city, want := range map[string]string{"沈阳": "SY", "大连": "DL", "鞍山": "AS", "锦州": "JZ", "大连市": "DL", "长春": "CC", "葫芦岛市": "HLD"} {
		if got := CityInitials(city); got != want {
			t.Errorf("%s: %s, want %s", city, got, want)
		}
	}
	for name, want := range map[string]string{"辽宁": "LN", "辽宁省": "LN", "内蒙古自治区": "NM", "黑龙江省": "HL", "ln": "LN", "火星": ""} {
		if got := ProvinceCode(name); got != want {
			t.Errorf("%s: %s, want %s", name, got, want)
		}
	}
}

// TestOrderNumbers: a draft shows a provisional reference; the contract's
// sign-off draws the next number of the customer's series.
func TestOrderNumbers(t *testing.T) {
	o := newOrders(t)
	ids := map[string]int64{}
	for _, c := range []struct {
		name string
		cust int64
	}{{"sy1", o.shenyang}, {"dl1", o.dalian}, {"as1", o.anshan}, {"sy2", o.shenyang}, {"jz1", o.jinzhou}} {
		ids[c.name] = o.order(o.clerk, c.cust)
	}
	if od := o.detail(o.clerk, ids["sy1"]); od.Number != "" || od.Ref != "DD2026-000001" {
		t.Fatalf("a draft is numbered: %q %q", od.Number, od.Ref)
	}
	for _, n := range []string{"sy2", "dl1", "as1", "sy1", "jz1"} { // signed off in another order than entered
		o.approved(ids[n], o.clerk, o.boss)
	}
	for n, want := range map[string]string{"sy2": "LNSYNO.0001", "sy1": "LNSYNO.0002", "dl1": "LNDLNO.0001", "as1": "LNASNO.0001", "jz1": "LNJZNO.0001"} {
		if got := o.detail(o.clerk, ids[n]).Number; got != want {
			t.Errorf("%s: %s, want %s", n, got, want)
		}
	}
	// The document's ref is the number, through the next step too.
	o.must(o.e.Desk(o.clerk).RecordSignBack(o.ctx, ids["sy2"], 0, "11-02", "传真回传"))
	if od := o.detail(o.clerk, ids["sy2"]); od.Ref != "LNSYNO.0001" || od.Status != "signed" || od.SignBack.SignedOn != "2026-11-02" {
		t.Fatalf("%q %s %+v", od.Ref, od.Status, od.SignBack)
	}
	// A series from the configuration.
	if err := o.e.SetOrderSeries(OrderSeries{Pattern: "XS{year}-{seq}", Digits: 5}); err != nil {
		t.Fatal(err)
	}
	id := o.order(o.clerk, o.dalian)
	o.approved(id, o.clerk, o.boss)
	if got := o.detail(o.clerk, id).Number; got != "XS2026-00001" {
		t.Fatalf("configured series: %s", got)
	}
	if err := o.e.SetOrderSeries(OrderSeries{Pattern: "NO.{city}", Digits: 4}); !errors.Is(err, &Refusal{Code: InvalidOrderSeries}) {
		t.Fatalf("a series with no {seq}: %v", err)
	}
}

// TestOrderNumbersConcurrent: eight desks save, submit and sign off
// orders at once; every series runs 1, 2, 3 … with no gap and no
// repeat, and no save fails as busy.
func TestOrderNumbersConcurrent(t *testing.T) {
	o := newOrders(t)
	orderAtOnce(t, o, func(int) *Engine { return o.e })
}

// orderAtOnce has eight desks, desk w on the engine on(w) gives, save,
// submit and sign off orders at once, and checks the numbers.
func orderAtOnce(t *testing.T, o *ofix, on func(w int) *Engine) {
	sys, _ := o.e.SystemUser(o.ctx)
	const writers, each = 8, 6
	type pair struct{ clerk, boss store.User }
	pairs := make([]pair, writers)
	for i := range pairs {
		c, err := o.e.AddUser(o.ctx, sys, fmt.Sprintf("c%d", i), "clerk", "", []Role{Clerk})
		o.must(err)
		b, err := o.e.AddUser(o.ctx, sys, fmt.Sprintf("b%d", i), "boss", "", []Role{Supervisor})
		o.must(err)
		pairs[i] = pair{c, b}
	}
	custs := []int64{o.shenyang, o.dalian}
	var mu sync.Mutex // the fixture's clock, shared by the writers
	o.st.Now = func() time.Time { mu.Lock(); defer mu.Unlock(); o.now = o.now.Add(time.Millisecond); return o.now }
	errs := make(chan error, writers)
	for w := 0; w < writers; w++ {
		go func(w int) {
			for k := 0; k < each; k++ {
				e := on(w)
				in, err := e.Desk(pairs[w].clerk).NewOrderInput(o.ctx, custs[(w+k)%2])
				in.DeliveryDate, in.SigningPlace, in.Lines = "2026-11-20", "沈阳", []OrderLineInput{plateLine}
				var id int64
				if err == nil {
					id, _, err = e.Desk(pairs[w].clerk).CreateOrder(o.ctx, in)
				}
				if err == nil {
					err = e.Desk(pairs[w].clerk).SubmitOrder(o.ctx, id, 0)
				}
				if err == nil { // signed off at the other server, where there is one
					err = on(w+1).Desk(pairs[(w+1)%writers].boss).Act(o.ctx, id, ActionApprove, "")
				}
				if err != nil {
					errs <- err
					return
				}
			}
			errs <- nil
		}(w)
	}
	for w := 0; w < writers; w++ {
		if err := <-errs; err != nil {
			t.Fatal(err)
		}
	}
	checkSeries(t, o.pfix, map[string]int{"LNSYNO.{seq}": writers * each / 2, "LNDLNO.{seq}": writers * each / 2})
}

// checkSeries fails unless each series holds 1…n exactly.
func checkSeries(t *testing.T, p *pfix, want map[string]int) {
	t.Helper()
	err := p.st.Read(p.ctx, func(tx *store.Tx) error {
		for series, n := range want {
			seqs, err := tx.SeriesNumbers(p.ctx, series)
			if err != nil {
				return err
			}
			if len(seqs) != n {
				t.Errorf("%s: %d numbers, want %d", series, len(seqs), n)
			}
			for i, s := range seqs {
				if s != int64(i+1) {
					t.Fatalf("%s: gap or repeat at %d: %v", series, i+1, seqs)
				}
			}
		}
		return nil
	})
	p.must(err)
}

// TestOrderConflict: two clerks edit the same draft; the second save is
// refused with what the first changed, and nothing is overwritten.
func TestOrderConflict(t *testing.T) {
	o := newOrders(t)
	id := o.order(o.clerk, o.shenyang, plateLine, oline("45#", "圆钢", "Φ50", "2", "t", "", "4500"))
	a, b := o.detail(o.clerk, id), o.detail(o.clerk2, id)
	inA := InputFromOrder(*a.Order)
	inA.DeliveryDate, inA.Lines[1].Quantity = "2026-11-25", "3"
	_, err := o.e.Desk(o.clerk).UpdateOrder(o.ctx, *a.Order, inA)
	o.must(err)
	inB := InputFromOrder(*b.Order)
	inB.Notes = "李的备注"
	_, err = o.e.Desk(o.clerk2).UpdateOrder(o.ctx, *b.Order, inB)
	var ce *store.ConflictError
	if !errors.As(err, &ce) || !slices.Contains(ce.Fields, FDeliveryDate) || !slices.Contains(ce.Fields, FLines) || slices.Contains(ce.Fields, FNotes) {
		t.Fatalf("want a conflict naming delivery date and lines, got %v", err)
	}
	now := o.detail(o.clerk, id)
	if now.Order.Notes != "" || now.Order.DeliveryDate != "2026-11-25" || now.Order.Lines[1].Qty != 3000 {
		t.Fatalf("overwritten: %+v", now.Order)
	}
	// Typed again over what is there now, it saves.
	inB = InputFromOrder(*now.Order)
	inB.Notes = "李的备注"
	_, err = o.e.Desk(o.clerk2).UpdateOrder(o.ctx, *now.Order, inB)
	o.must(err)
}

// TestOrderFromQuoteAndCopy: a won quote becomes an order with its lines,
// prices and terms; the quote and inquiry stay won. A repeat order is a
// copy with a new quantity.
func TestOrderFromQuoteAndCopy(t *testing.T) {
	o := newOrders(t)
	q := o.quote(o.clerk, o.shenyang, []string{"4120", "8.55", "115.33"}, line("Q235B", "热轧钢板", "20×1500×6000", "25.35", "t"),
		line("304", "不锈钢板", "2.0×1219×2438", "800", "kg"), line("Q235B", "焊接钢管", "48×3.5×6000", "100", "pcs"))
	refused(t, func() error { _, err := o.e.Desk(o.clerk).CreateOrderFromQuote(o.ctx, q); return err }(), QuoteNotWon)
	o.sent(q, o.clerk, o.boss)
	o.must(o.e.Desk(o.clerk).Act(o.ctx, q, ActionWin, ""))
	qd := o.quoteDetail(o.clerk, q)
	id, err := o.e.Desk(o.clerk).CreateOrderFromQuote(o.ctx, q)
	o.must(err)
	od := o.detail(o.clerk, id)
	ord := od.Order
	if ord.QuoteID != q || ord.Total != qd.Total || len(ord.Lines) != 3 || ord.ShipTo != "沈阳市铁西区北二路18号" || ord.PaymentTerms != qd.Quote.PaymentTerms {
		t.Fatalf("order %+v from quote total %v", ord, qd.Total)
	}
	if l := ord.Lines[0]; l.Basis != store.BasisWeight || l.Weight != 25350 || l.Price != 412000 {
		t.Errorf("tonnes line %+v", l)
	}
	if l := ord.Lines[2]; l.Basis != store.BasisQty || l.Weight != 2305 || l.Amount != 1153300 {
		t.Errorf("pieces line %+v", l)
	}
	if o.status(q) != "won" || o.status(qd.Quote.InquiryID) != "won" {
		t.Fatal("the quote or inquiry moved")
	}
	refused(t, func() error { _, err := o.e.Desk(o.clerk).CreateOrderFromQuote(o.ctx, q); return err }(), OrderExists)

	// "Same as last time, 30 tonnes."
	first := o.order(o.clerk, o.dalian)
	o.approved(first, o.clerk, o.boss)
	cp, err := o.e.Desk(o.clerk2).CopyOrder(o.ctx, first, "30")
	o.must(err)
	c := o.detail(o.clerk2, cp)
	if l := c.Order.Lines[0]; l.Qty != 30000 || l.Weight != 30000 || l.Amount != 12360000 || c.Order.CopiedFromID != first || c.Status != "draft" {
		t.Fatalf("copy %+v line %+v", c.Order, l)
	}
	if c.Order.DeliveryDate != "2026-11-20" || c.Order.SigningPlace != "沈阳" || c.Number != "" {
		t.Fatalf("copy header %+v", c.Order)
	}
	o.must(o.e.Desk(o.clerk2).SubmitOrder(o.ctx, cp, 0))
}

// TestOrderRevision: a signed-off order changes only through a revision
// signed off again; every version is kept.
func TestOrderRevision(t *testing.T) {
	o := newOrders(t)
	id := o.order(o.adminBoss, o.shenyang)
	o.approved(id, o.adminBoss, o.boss)
	o.must(o.e.Desk(o.clerk).RecordSignBack(o.ctx, id, 0, "2026-11-02", ""))
	refused(t, func() error {
		_, err := o.e.Desk(o.clerk).ReviseOrder(o.ctx, o.order(o.clerk, o.shenyang), 0)
		return err
	}(), NotRevisable)
	rev, err := o.e.Desk(o.adminBoss).ReviseOrder(o.ctx, id, 0)
	o.must(err)
	refused(t, func() error { _, err := o.e.Desk(o.clerk).ReviseOrder(o.ctx, id, 0); return err }(), RevisionOpen)
	rd := o.detail(o.adminBoss, rev)
	if rd.Ref != "LNSYNO.0001/2" || rd.Status != "draft" || rd.Order.Revision != 2 || o.status(id) != "signed" {
		t.Fatalf("revision %q %s, original %s", rd.Ref, rd.Status, o.status(id))
	}
	in := InputFromOrder(*rd.Order)
	in.Lines[0].Quantity = "30"
	_, err = o.e.Desk(o.adminBoss).UpdateOrder(o.ctx, *rd.Order, in)
	o.must(err)
	o.must(o.e.Desk(o.adminBoss).SubmitOrder(o.ctx, rev, 0))
	refused(t, o.e.Desk(o.adminBoss).Act(o.ctx, rev, ActionApprove, ""), MakerCannotSignOff)
	o.must(o.e.Desk(o.boss).Act(o.ctx, rev, ActionApprove, ""))
	if o.status(id) != "revised" || o.status(rev) != "approved" {
		t.Fatalf("after approval: %s, %s", o.status(id), o.status(rev))
	}
	od := o.detail(o.clerk, rev)
	if od.Number != "LNSYNO.0001/2" || len(od.Versions) != 2 || od.Versions[0].Status != "revised" || od.Order.Lines[0].Qty != 30000 {
		t.Fatalf("%s %+v", od.Number, od.Versions)
	}
	if old := o.detail(o.clerk, id); old.Order.Lines[0].Qty != 25350 {
		t.Fatal("the version revised changed")
	}
	// The list shows the version in force.
	rows, err := o.e.Desk(o.clerk).Orders(o.ctx, store.OrderFilter{}, store.Page{Query: "LNSYNO.0001"})
	o.must(err)
	if len(rows) != 1 || rows[0].ID != rev || rows[0].Number() != "LNSYNO.0001/2" {
		t.Fatalf("listed %+v", rows)
	}
	checkSeries(t, o.pfix, map[string]int{"LNSYNO.{seq}": 1})
}

// TestOrderCancellation: cancelled only with a reason and a supervisor's
// sign-off, never the maker's.
func TestOrderCancellation(t *testing.T) {
	o := newOrders(t)
	draft := o.order(o.clerk, o.shenyang)
	refused(t, func() error {
		_, err := o.e.Desk(o.clerk).RequestCancel(o.ctx, draft, 0, "客户不要了")
		return err
	}(), NotCancellable)
	id := o.order(o.clerk, o.shenyang)
	o.approved(id, o.clerk, o.boss)
	_, err := o.e.Desk(o.clerk).RequestCancel(o.ctx, id, 0, " ")
	if fe := fieldErrs(t, err).For(FReason); fe == nil || fe.Code != Required {
		t.Fatalf("no reason: %v", err)
	}
	c, err := o.e.Desk(o.adminBoss).RequestCancel(o.ctx, id, 0, "客户项目取消")
	o.must(err)
	refused(t, func() error { _, err := o.e.Desk(o.clerk).RequestCancel(o.ctx, id, 0, "再来一次"); return err }(), CancelOpen)
	refused(t, o.e.Desk(o.adminBoss).Act(o.ctx, c, ActionApprove, ""), MakerCannotSignOff)
	refused(t, o.e.Desk(o.clerk).Act(o.ctx, c, ActionApprove, ""), RoleNotAllowed)
	inbox, err := o.e.Desk(o.boss).Inbox(o.ctx)
	o.must(err)
	if !slices.ContainsFunc(inbox, func(it store.InboxItem) bool { return it.ID == c }) {
		t.Fatal("the cancellation is not in the supervisor's inbox")
	}
	o.must(o.e.Desk(o.boss).Act(o.ctx, c, ActionApprove, ""))
	od := o.detail(o.clerk, id)
	last := od.Transitions[len(od.Transitions)-1]
	if od.Status != "cancelled" || last.Action != ActionCancel || last.Comment != "客户项目取消" || last.ActorID != o.boss.ID {
		t.Fatalf("%s %+v", od.Status, last)
	}
	if len(od.Cancels) != 1 || od.Number != "LNSYNO.0001" {
		t.Fatalf("%+v %s", od.Cancels, od.Number)
	}
}

// TestStockAnswersAndRequests: planning's answer per line; a stock-up
// request waits in purchasing's inbox and is answered there.
func TestStockAnswersAndRequests(t *testing.T) {
	o := newOrders(t)
	id := o.order(o.clerk, o.shenyang, plateLine, oline("45#", "圆钢", "Φ50", "12", "t", "", "4500"))
	o.approved(id, o.clerk, o.boss)
	od := o.detail(o.clerk, id)
	l1, l2 := od.Order.Lines[0].ID, od.Order.Lines[1].ID
	err := o.e.Desk(o.planner).RecordStockAnswer(o.ctx, l1, StockAnswerInput{Answer: "in_stock"})
	o.must(err)
	err = o.e.Desk(o.clerk).RecordStockAnswer(o.ctx, l2, StockAnswerInput{Answer: "partial", Available: "4", MeetOn: "2026-11-18"})
	o.must(err)
	if fe := fieldErrs(t, o.e.Desk(o.clerk).RecordStockAnswer(o.ctx, l2, StockAnswerInput{Answer: "purchase"})).For(FMeetOn); fe == nil {
		t.Fatal("a purchase with no day")
	}
	refused(t, o.e.Desk(o.wh).RecordStockAnswer(o.ctx, l2, StockAnswerInput{Answer: "in_stock"}), RoleNotAllowed)
	od = o.detail(o.clerk, id)
	if s := od.Order.Lines[1].Stock; s == nil || s.Answer != "partial" || s.Available != 4000 || s.MeetOn != "2026-11-18" {
		t.Fatalf("stock %+v", s)
	}
	req, err := o.e.Desk(o.clerk).RequestStock(o.ctx, StockRequestInput{LineID: l2, OnHand: "4", Usage: "每月约20吨,做传动轴"})
	o.must(err)
	refused(t, func() error {
		_, err := o.e.Desk(o.clerk).RequestStock(o.ctx, StockRequestInput{LineID: l2, OnHand: "4"})
		return err
	}(), StockRequestOpen)
	inbox, err := o.e.Desk(o.buyer).Inbox(o.ctx)
	o.must(err)
	if !slices.ContainsFunc(inbox, func(it store.InboxItem) bool { return it.ID == req }) {
		t.Fatal("not in purchasing's inbox")
	}
	toAnswer, err := o.e.Desk(o.buyer).StockRequestsToAnswer(o.ctx)
	o.must(err)
	if len(toAnswer) != 1 || toAnswer[0].Needed != 8000 || toAnswer[0].NeededBy != "2026-11-20" || toAnswer[0].Usage == "" {
		t.Fatalf("%+v", toAnswer)
	}
	waiting, _ := o.e.Desk(o.clerk).StockRequestsWaiting(o.ctx)
	if len(waiting) != 1 {
		t.Fatalf("waiting %+v", waiting)
	}
	refused(t, o.e.Desk(o.clerk).ReplyStockRequest(o.ctx, req, 0, StockReplyInput{Reply: "will_buy", ArriveOn: "2026-11-15"}), PurchasingOnly)
	refused(t, o.e.Desk(o.buyer).Act(o.ctx, req, ActionReply, ""), AnswerMissing)
	o.must(o.e.Desk(o.buyer).ReplyStockRequest(o.ctx, req, 0, StockReplyInput{Reply: "will_buy", ArriveOn: "2026-11-15", Note: "鞍钢现货"}))
	od = o.detail(o.clerk, id)
	if len(od.StockRequests) != 1 || od.StockRequests[0].Status != "answered" || od.StockRequests[0].ReplyQty != 8000 {
		t.Fatalf("%+v", od.StockRequests)
	}
}

// TestOrdersFilter: free text across number, customer, grade and spec,
// with status, customer, rep and dates.
func TestOrdersFilter(t *testing.T) {
	o := newOrders(t)
	a := o.order(o.clerk, o.shenyang, plateLine)
	b := o.order(o.clerk, o.dalian, oline("45#", "圆钢", "Φ50", "2", "t", "", "4500"))
	c := o.order(o.clerk, o.anshan, oline("Q345B", "热轧钢板", "20×1500×6000", "2", "t", "", "4300"))
	o.approved(b, o.clerk, o.boss)
	d := o.e.Desk(o.clerk)
	ids := func(f store.OrderFilter, q string) []int64 {
		t.Helper()
		rows, err := d.Orders(o.ctx, f, store.Page{Query: q})
		o.must(err)
		var out []int64
		for _, r := range rows {
			out = append(out, r.ID)
		}
		return out
	}
	for _, tc := range []struct {
		name string
		f    store.OrderFilter
		q    string
		want []int64
	}{
		{"everything", store.OrderFilter{}, "", []int64{a, b, c}},
		{"grade", store.OrderFilter{}, "q235b", []int64{a}},
		{"spec", store.OrderFilter{}, "Φ50", []int64{b}},
		{"spec part", store.OrderFilter{}, "1500", []int64{a, c}},
		{"customer name", store.OrderFilter{}, "大连", []int64{b}},
		{"customer mnemonic", store.OrderFilter{}, "ashd", []int64{c}},
		{"number", store.OrderFilter{}, "lndlno.0001", []int64{b}},
		{"number begun", store.OrderFilter{}, "LNDLNO.", []int64{b}},
		{"provisional reference", store.OrderFilter{}, "dd2026-000001", []int64{a}},
		{"provisional references", store.OrderFilter{}, "dd2026", []int64{a, c}}, // b's gave way to its number at the sign-off
		{"number and status", store.OrderFilter{Statuses: []string{"draft"}}, "lndlno", nil},
		{"full-width", store.OrderFilter{}, "Ｑ３４５", []int64{c}},
		{"two words", store.OrderFilter{}, "热轧 鞍山", nil},
		{"status", store.OrderFilter{Statuses: []string{"approved"}}, "", []int64{b}},
		{"customer", store.OrderFilter{CustomerID: o.anshan}, "", []int64{c}},
		{"rep", store.OrderFilter{RepID: o.rep2.ID}, "", []int64{b}},
		{"dates", store.OrderFilter{From: "2026-11-03"}, "", nil},
		{"dates and text", store.OrderFilter{From: "2026-11-02", To: "2026-11-02"}, "1500", []int64{a, c}},
		{"nothing", store.OrderFilter{}, "不存在", nil},
	} {
		if got := ids(tc.f, tc.q); fmt.Sprint(got) != fmt.Sprint(tc.want) {
			t.Errorf("%s: %v, want %v", tc.name, got, tc.want)
		}
	}
	// A rep sees no money of a colleague's customer.
	rows, err := o.e.Desk(o.rep).Orders(o.ctx, store.OrderFilter{}, store.Page{})
	o.must(err)
	for _, r := range rows {
		if (r.CustomerID == o.dalian) != r.MoneyHidden {
			t.Errorf("%s: money hidden %v", r.Customer, r.MoneyHidden)
		}
	}
}
