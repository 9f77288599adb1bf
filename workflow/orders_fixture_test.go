package workflow

import (
	"testing"

	"orderdesk/store"
)

// ofix is the orders fixture: the pricing fixture's desk plus planning,
// and customers in four Liaoning cities (one with no address).
type ofix struct {
	*pfix
	planner                                 store.User
	shenyang, dalian, anshan, jinzhou, bare int64
}

func newOrders(t *testing.T) *ofix {
	t.Helper()
	return ordersFixture.get(t).clone(t)
}

var ordersFixture = built[*ofix]{name: "orders", build: buildOrders}

func buildOrders(t *testing.T, path string) *ofix {
	t.Helper()
	p := buildPricing(t, path)
	o := &ofix{pfix: p}
	sys, _ := p.e.SystemUser(p.ctx)
	var err error
	if o.planner, err = p.e.AddUser(p.ctx, sys, "zhou", "周计划", "", []Role{Planning}); err != nil {
		t.Fatal(err)
	}
	mk := func(name, province, city, address string, rep store.User) int64 {
		id, _, err := p.e.Desk(p.clerk).CreateCustomer(p.ctx, CustomerInput{Name: name, Province: province, City: city, Address: address,
			Contact: "张经理", Phone: "024-23456789", PaymentTerms: store.TermsPrepaid, RepID: rep.ID})
		p.must(err)
		return id
	}
	o.shenyang = mk("沈阳北方重工集团有限公司", "辽宁省", "沈阳", "沈阳市铁西区北二路18号", p.rep)
	o.dalian = mk("大连船舶配套有限公司", "辽宁", "大连市", "大连市甘井子区红旗路6号", p.rep2)
	o.anshan = mk("鞍山恒达重工机械有限公司", "辽宁", "鞍山", "鞍山市铁东区建国路9号", p.rep)
	o.jinzhou = mk("锦州港务机械厂", "辽宁", "锦州", "锦州市太和区港口路1号", p.rep)
	o.bare = mk("营口无地址贸易公司", "辽宁", "营口", "", p.rep)
	return o
}

// oline is an order line as typed: weight in tonnes, price per tonne.
func oline(grade, name, spec, qty, unit, weight, price string) OrderLineInput {
	return OrderLineInput{Grade: grade, Name: name, Spec: spec, Quantity: qty, Unit: unit, Weight: weight, Price: price}
}

var plateLine = oline("Q235B", "热轧钢板", "20×1500×6000", "25.35", "t", "", "4120")

// input starts an order form for cust with a delivery date, a place of
// signing and lines.
func (o *ofix) input(by store.User, cust int64, lines ...OrderLineInput) OrderInput {
	o.t.Helper()
	in, err := o.e.Desk(by).NewOrderInput(o.ctx, cust)
	o.must(err)
	in.DeliveryDate, in.SigningPlace, in.Lines = "2026-11-20", "沈阳", lines
	return in
}

// order enters an order of cust by maker with lines (plateLine if none).
func (o *ofix) order(maker store.User, cust int64, lines ...OrderLineInput) int64 {
	o.t.Helper()
	if len(lines) == 0 {
		lines = []OrderLineInput{plateLine}
	}
	id, _, err := o.e.Desk(maker).CreateOrder(o.ctx, o.input(maker, cust, lines...))
	o.must(err)
	return id
}

// approved takes an order through submit and a supervisor's sign-off.
func (o *ofix) approved(id int64, maker, boss store.User) {
	o.t.Helper()
	o.must(o.e.Desk(maker).SubmitOrder(o.ctx, id, 0))
	o.must(o.e.Desk(boss).Act(o.ctx, id, ActionApprove, ""))
}

func (o *ofix) detail(u store.User, id int64) OrderDetail {
	o.t.Helper()
	od, err := o.e.Desk(u).Order(o.ctx, id)
	o.must(err)
	return od
}
