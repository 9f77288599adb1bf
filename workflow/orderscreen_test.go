package workflow

import (
	"testing"

	"orderdesk/store"
)

// TestOrderByNumber: a number names the version in force, "/2" its
// revision, a provisional reference its draft; anything else is not
// found.
func TestOrderByNumber(t *testing.T) {
	o := newOrders(t)
	first := o.order(o.clerk, o.shenyang)
	o.approved(first, o.clerk, o.boss)
	draft := o.order(o.clerk, o.shenyang)
	d := o.e.Desk(o.clerk)
	find := func(number string, want int64) {
		t.Helper()
		got, err := d.OrderByNumber(o.ctx, number)
		if want == 0 {
			if err != store.ErrNotFound {
				t.Fatalf("%q: %d %v, want not found", number, got, err)
			}
			return
		}
		if err != nil || got != want {
			t.Fatalf("%q: %d %v, want %d", number, got, err, want)
		}
	}
	find("LNSYNO.0001", first)
	find("lnsyno.0001", first)
	find(o.detail(o.clerk, draft).Ref, draft)
	rev, err := d.ReviseOrder(o.ctx, first, 0)
	o.must(err)
	find("LNSYNO.0001", first) // the revision is not signed off yet
	find("LNSYNO.0001/2", rev)
	o.approved(rev, o.clerk, o.boss)
	find("LNSYNO.0001", rev)
	find("LNSYNO.0002", 0)
	find(" ", 0)
}

// TestWonQuotesWithoutOrder: a won quote is offered until an order is
// made from it, and only for its customer.
func TestWonQuotesWithoutOrder(t *testing.T) {
	o := newOrders(t)
	q := o.quote(o.clerk, o.shenyang, []string{"4380"}, LineInput{Grade: "Q345B", Name: "热轧钢板", Spec: "16×2000×8000", Quantity: "30", Unit: "t"})
	d := o.e.Desk(o.clerk)
	list := func(cust int64) []store.QuoteRow {
		t.Helper()
		rows, err := d.WonQuotesWithoutOrder(o.ctx, cust, 10)
		o.must(err)
		return rows
	}
	if n := len(list(o.shenyang)); n != 0 {
		t.Fatalf("%d quotes offered before any was won", n)
	}
	o.sent(q, o.clerk, o.boss)
	o.must(d.Act(o.ctx, q, ActionWin, ""))
	if rows := list(o.shenyang); len(rows) != 1 || rows[0].ID != q {
		t.Fatalf("offered %+v", rows)
	}
	if n := len(list(o.dalian)); n != 0 {
		t.Fatalf("another customer is offered %d quotes", n)
	}
	_, err := d.CreateOrderFromQuote(o.ctx, q)
	o.must(err)
	if n := len(list(0)); n != 0 {
		t.Fatalf("%d quotes offered after the order was made", n)
	}
}

// TestContractOf: the contract carries the number, the parties, the
// lines, the terms and the weighing basis; a sales rep of another customer is refused.
func TestContractOf(t *testing.T) {
	o := newOrders(t)
	id := o.order(o.clerk, o.shenyang)
	o.approved(id, o.clerk, o.boss)
	c, err := o.e.Desk(o.clerk).ContractOf(o.ctx, id, "沈阳恒信钢铁贸易有限公司")
	o.must(err)
	if c.Number != "LNSYNO.0001" || c.Seller.Name != "沈阳恒信钢铁贸易有限公司" || c.Buyer.Name != "沈阳北方重工集团有限公司" ||
		c.PaymentTerms != "先款后货" || c.Weighing != "磅计（按过磅实际重量结算）" || c.Place != "沈阳" || len(c.Lines) != 1 || c.Lines[0].Amount != 10444200 ||
		c.Lines[0].Unit != "吨" { // the contract is in Chinese: 吨, not the code t
		t.Fatalf("%+v", c)
	}
	if _, err := o.e.Desk(o.rep2).ContractOf(o.ctx, id, ""); err == nil {
		t.Fatal("a rep of another customer printed its contract")
	}
}

// TestContractOfPriceUnit: each contract line says what its price is
// per, from the order's pricing basis: per tonne, or per kg of a line
// priced by its quantity in kg.
func TestContractOfPriceUnit(t *testing.T) {
	o := newOrders(t)
	kg := oline("45#", "圆钢", "Φ20", "500", "kg", "", "4.12")
	kg.Basis = store.BasisQty
	id := o.order(o.clerk, o.shenyang, plateLine, kg)
	c, err := o.e.Desk(o.clerk).ContractOf(o.ctx, id, "沈阳恒信钢铁贸易有限公司")
	o.must(err)
	if len(c.Lines) != 2 || c.Lines[0].PriceUnit != "元/吨" || c.Lines[1].PriceUnit != "元/千克" || c.Lines[1].Price != 412 {
		t.Fatalf("%+v", c.Lines)
	}
}
