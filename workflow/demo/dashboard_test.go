package demo

import (
	"context"
	"testing"

	"orderdesk/store"
)

// deskDashboard is the 120-customer desk as the demo command makes it,
// with this month's orders signed back.
var deskDashboard = &sharedDesk{name: "desk120dash", opts: func() Options {
	o := options(120, 60, 1)
	o.MonthOrders = DashboardMonthOrders
	return o
}()}

// The demo desk gives the supervisor's dashboard something in every
// part on day one (here the month's second day): the month's orders,
// today's among them, against an approved plan and target, leading
// customers and products, money overdue on the ladder, inquiries and
// quotes waiting.
func TestDemoFillsTheDashboard(t *testing.T) {
	eng, sum, _ := deskDashboard.copyFor(t)
	_, without, _ := desk120.copyFor(t)
	if sum.Orders != without.Orders+DashboardMonthOrders {
		t.Errorf("%d orders, %d without the month's", sum.Orders, without.Orders)
	}
	ctx := context.Background()
	var boss store.User
	if err := eng.Store().Read(ctx, func(tx *store.Tx) (err error) { boss, err = tx.UserByLogin(ctx, "zhao"); return err }); err != nil {
		t.Fatal(err)
	}
	v, err := eng.Desk(boss).Dashboard(ctx, today)
	if err != nil {
		t.Fatal(err)
	}
	var overdue store.Money
	for _, s := range v.Overdue {
		overdue += s.Amount
	}
	if v.Today.Ordered.Amount == 0 || v.MonthFigures.Ordered.Amount == 0 || v.MonthFigures.Shipped.Amount == 0 || v.Plan.Amount == 0 || v.Target.Amount == 0 {
		t.Errorf("the month: %+v, plan %+v, target %+v", v.MonthFigures, v.Plan, v.Target)
	}
	if len(v.TopCustomers) == 0 || len(v.TopProducts) == 0 || overdue == 0 || v.OpenInquiries == 0 {
		t.Errorf("%d customers, %d products lead; %v overdue; %d inquiries open", len(v.TopCustomers), len(v.TopProducts), overdue, v.OpenInquiries)
	}
}
