package workflow

import "testing"

// A new order line typed with only its grade, spec and quantity takes
// its unit from the catalogue and its price from the list valid today;
// a copy of an order priced before the list changed names the line and
// today's price.
func TestNewOrderLineTakesUnitAndTodaysListPrice(t *testing.T) {
	o := newOrders(t)
	old := o.order(o.clerk, o.shenyang, oline("Q235B", "热轧钢板", "20×1500×6000", "25", "t", "", "4120"))
	o.approvePrices(o.clerk, o.boss, PriceLineInput{Grade: "Q235B", Name: "热轧钢板", Spec: "20×1500×6000", Unit: "t", Price: "4380",
		ValidFrom: o.e.todayString()})

	id := o.order(o.clerk, o.shenyang, OrderLineInput{Grade: "q235b", Spec: "20x1500x6000", Quantity: "15"})
	l := o.detail(o.clerk, id).Order.Lines[0]
	if l.Unit != "t" || l.Weight.String() != "15" || !l.Priced || l.Price.String() != "4,380.00" || l.Basis != "weight" || l.Name != "热轧钢板" {
		t.Fatalf("line %+v: want 15 t of 热轧钢板 at the list's 4380 per tonne", l)
	}

	_, _, err := o.e.Desk(o.clerk).CreateOrder(o.ctx, o.input(o.clerk, o.shenyang, OrderLineInput{Grade: "Q999", Name: "无此钢", Quantity: "3"}))
	fes, ok := err.(FieldErrors)
	if !ok || len(fes) != 1 || fes[0].Field != FUnit || fes[0].Code != Required {
		t.Fatalf("a product the catalogue does not know, without a unit: %v", err)
	}

	changed, err := o.e.Desk(o.clerk).PricesChanged(o.ctx, old)
	o.must(err)
	if len(changed) != 1 || changed[0].Was.String() != "4,120.00" || changed[0].Now.String() != "4,380.00" {
		t.Fatalf("prices changed: %+v", changed)
	}
	if changed, _ := o.e.Desk(o.clerk).PricesChanged(o.ctx, id); len(changed) != 0 {
		t.Fatalf("an order at today's prices: %+v", changed)
	}
}
