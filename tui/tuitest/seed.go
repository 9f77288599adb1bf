package tuitest

import (
	"testing"
	"time"

	"orderdesk/store"
	"orderdesk/workflow"
)

// Plate is the order line most tests sell: 25.35 t of plate at 4,120.00.
func Plate() workflow.OrderLineInput {
	return workflow.OrderLineInput{Grade: "Q235B", Name: "热轧钢板", Spec: "20×1500×6000", Quantity: "25.35", Unit: "t", Price: "4120"}
}

// AddUser adds a user with roles.
func (f *Fixture) AddUser(login, name string, roles ...workflow.Role) store.User {
	return f.desk.AddUser(login, name, roles...)
}

// Must fails the test on err.
func (f *Fixture) Must(err error) { f.desk.Must(err) }

// MonthlyCustomer adds 鞍山恒达, paying monthly within credit, its terms
// signed off by the supervisor.
func (f *Fixture) MonthlyCustomer(credit string) int64 {
	cust, terms, err := f.Engine.Desk(f.Clerk).CreateCustomer(f.Ctx, workflow.CustomerInput{Name: "鞍山恒达重工机械有限公司", Province: "辽宁", City: "鞍山",
		Address: "鞍山市铁东区1号", Contact: "刘经理", Phone: "0412-2345678", PaymentTerms: store.TermsMonthly, TermsDays: "30", CreditLimit: credit})
	f.Must(err)
	f.Must(f.Engine.Desk(f.Supervisor).Act(f.Ctx, terms, workflow.ActionApprove, ""))
	return cust
}

// DeliveryDate is when test orders are wanted: in 20 days.
func DeliveryDate() string { return time.Now().AddDate(0, 0, 20).Format("2006-01-02") }

// PrepaidCustomer adds 沈阳北方重工, paying before delivery.
func (f *Fixture) PrepaidCustomer() int64 {
	cust, _, err := f.Engine.Desk(f.Clerk).CreateCustomer(f.Ctx, workflow.CustomerInput{Name: "沈阳北方重工集团有限公司", Province: "辽宁", City: "沈阳",
		Address: "沈阳市铁西区北二路18号", PaymentTerms: store.TermsPrepaid})
	f.Must(err)
	return cust
}

// DraftOrder is the clerk's draft order of lines for cust, signed at
// place, wanted on DeliveryDate.
func (f *Fixture) DraftOrder(cust int64, place string, lines ...workflow.OrderLineInput) int64 {
	clerk := f.Engine.Desk(f.Clerk)
	in, err := clerk.NewOrderInput(f.Ctx, cust)
	f.Must(err)
	in.DeliveryDate, in.SigningPlace, in.Lines = DeliveryDate(), place, lines
	order, _, err := clerk.CreateOrder(f.Ctx, in)
	f.Must(err)
	return order
}

// SignedOrder is the clerk's order of lines for cust, delivered in 20
// days, signed off by the supervisor and signed back by the customer
// today.
func (f *Fixture) SignedOrder(cust int64, place string, lines ...workflow.OrderLineInput) int64 {
	clerk := f.Engine.Desk(f.Clerk)
	order := f.DraftOrder(cust, place, lines...)
	f.Must(clerk.SubmitOrder(f.Ctx, order, 0))
	f.Must(f.Engine.Desk(f.Supervisor).Act(f.Ctx, order, workflow.ActionApprove, ""))
	f.Must(clerk.RecordSignBack(f.Ctx, order, 0, time.Now().Format("2006-01-02"), ""))
	return order
}

// SignedOffNote is the clerk's delivery note of what is open on order
// (as edit changes it, when given), submitted and signed off by the
// supervisor: released, or held at the payment gate.
func (f *Fixture) SignedOffNote(order int64, edit func(*workflow.DeliveryInput)) int64 {
	clerk := f.Engine.Desk(f.Clerk)
	in, _, err := clerk.NewDeliveryInput(f.Ctx, order)
	f.Must(err)
	if edit != nil {
		edit(&in)
	}
	note, err := clerk.CreateDelivery(f.Ctx, in)
	f.Must(err)
	f.Must(clerk.SubmitDelivery(f.Ctx, note, 0))
	f.Must(f.Engine.Desk(f.Supervisor).Act(f.Ctx, note, workflow.ActionApprove, ""))
	return note
}

// Dispatched ships all of order in one note today: released by the
// supervisor, loaded whole by wh, handed to the carrier as dispatch
// says (ShippedAt and the days are today's). It returns the note.
func (f *Fixture) Dispatched(order int64, wh store.User, dispatch workflow.DispatchInput) store.DeliveryNote {
	clerk := f.Engine.Desk(f.Clerk)
	today := time.Now().Format("2006-01-02")
	note := f.SignedOffNote(order, func(in *workflow.DeliveryInput) { in.ShipOn = today })
	dd, err := f.Engine.Desk(wh).Delivery(f.Ctx, note)
	f.Must(err)
	var loads []workflow.LoadInput
	for _, l := range dd.Note.Lines {
		loads = append(loads, workflow.LoadInput{LineID: l.ID, Qty: l.Qty.String(), Weight: l.Weight.String()})
	}
	f.Must(f.Engine.Desk(wh).Load(f.Ctx, note, 0, loads))
	dispatch.ShippedAt, dispatch.ExpectedOn, dispatch.SignedOn = today+" 08:00", today, today
	f.Must(clerk.Dispatch(f.Ctx, note, 0, dispatch))
	return dd.Note
}

// OrderNumber is the number order goes by.
func (f *Fixture) OrderNumber(order int64) string {
	od, err := f.Engine.Desk(f.Clerk).Order(f.Ctx, order)
	f.Must(err)
	return od.Order.Number()
}

// AddCustomers adds customer files as the clerk.
func (f *Fixture) AddCustomers(ins ...workflow.CustomerInput) {
	clerk := f.Engine.Desk(f.Clerk)
	for _, in := range ins {
		_, _, err := clerk.CreateCustomer(f.Ctx, in)
		f.Must(err)
	}
}

// AddProducts adds catalogue products as the clerk.
func (f *Fixture) AddProducts(ps ...workflow.ProductInput) {
	clerk := f.Engine.Desk(f.Clerk)
	for _, p := range ps {
		_, err := clerk.SaveProduct(f.Ctx, store.Product{}, p)
		f.Must(err)
	}
}

// PlateAndRoundBar are the two grades plans and leads name: Q235B
// 热轧钢板 10×1500×6000 and 45# 圆钢 Φ50, in tonnes.
func PlateAndRoundBar() []workflow.ProductInput {
	return []workflow.ProductInput{
		{Grade: "Q235B", Name: "热轧钢板", Spec: "10×1500×6000", Unit: "t"},
		{Grade: "45#", Name: "圆钢", Spec: "Φ50", Unit: "t"},
	}
}

// NewRepDesk is a fixture at the screens' clock with a sales rep (刘洋,
// liuyang), customers on file and the two grades plans and leads name
// in the catalogue; it gives the rep.
func NewRepDesk(t testing.TB, customers ...workflow.CustomerInput) (*Fixture, store.User) {
	t.Helper()
	f := NewAtClock(t)
	rep := f.AddUser("liuyang", "刘洋", workflow.SalesRep)
	f.AddCustomers(customers...)
	f.AddProducts(PlateAndRoundBar()...)
	return f, rep
}
