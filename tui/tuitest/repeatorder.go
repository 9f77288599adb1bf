package tuitest

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	tea "charm.land/bubbletea/v2"

	"orderdesk/store"
	"orderdesk/workflow"
)

// The repeat-order call: "the same as last time, 30 tonnes, and add
// 15 t of Q235B 10×1500×6000", typed from the customer list.

// Stroke is part of what is typed: data (what the customer says) or the
// keys that drive the desk.
type Stroke struct {
	Typed string // as a terminal sends it: '\r' enter, '\t' tab, control characters for ctrl+key
	Data  bool
}

// RepeatOrderCall is the call: the customer by 助记码, their orders (the
// cursor waits on the last), a copy with the first line's new
// quantity, today's prices, the new line as it is spoken, save, submit.
var RepeatOrderCall = []Stroke{
	{"/", false}, {"ashd", true}, {"\r", false}, // the customer by 助记码, filter kept
	{"o", false}, {"c", false}, // their orders, copy the last
	{"30", true}, {"\r", false}, // the first line's new quantity
	{"\x14", false},                                           // ctrl+t: today's prices
	{"Q235B 10×1500×6000", true}, {"\t", false}, {"15", true}, // the new line: unit and price from the desk
	{"\x13", false}, {"s", false}, // ctrl+s saves, s submits
}

// Typed is the whole of strokes as a terminal sends it.
func Typed(strokes []Stroke) string {
	var b strings.Builder
	for _, s := range strokes {
		b.WriteString(s.Typed)
	}
	return b.String()
}

// KeysBeyondData counts the keys of strokes that are not data.
func KeysBeyondData(strokes []Stroke) int {
	n := 0
	for _, s := range strokes {
		if !s.Data {
			n += utf8.RuneCountInString(s.Typed)
		}
	}
	return n
}

// StrokeKeys is strokes as key presses.
func StrokeKeys(strokes []Stroke) []tea.Msg { return Keys(Typed(strokes)) }

// RepeatOrder is the desk the call is made at.
type RepeatOrder struct {
	Customer, Last int64 // 鞍山恒达 and its last order
}

// RepeatOrder sets the call's desk up: 鞍山恒达 (paying monthly) and
// another customer; 鞍山恒达's last order 25 t of Q345B plate at
// 4,500.00 after one of round bar; the catalogue's plates in tonnes; and
// today's list, Q345B at 4,650.00 and Q235B 10×1500×6000 at 4,380.00.
func (f *Fixture) RepeatOrder() RepeatOrder {
	clerk := f.Engine.Desk(f.Clerk)
	for _, p := range []workflow.ProductInput{
		{Grade: "Q345B", Name: "热轧钢板", Spec: "20×2000×8000", Unit: "t"},
		{Grade: "Q235B", Name: "热轧钢板", Spec: "10×1500×6000", Unit: "t"},
		{Grade: "45#", Name: "圆钢", Spec: "Φ50", Unit: "t"},
	} {
		_, err := clerk.SaveProduct(f.Ctx, store.Product{}, p)
		f.Must(err)
	}
	_, _, err := clerk.CreateCustomer(f.Ctx, workflow.CustomerInput{Name: "大连重型机械有限公司", Phone: "0411-5551234", PaymentTerms: store.TermsPrepaid})
	f.Must(err)
	r := RepeatOrder{Customer: f.MonthlyCustomer("900000")}
	f.DraftOrder(r.Customer, "鞍山", workflow.OrderLineInput{Grade: "45#", Name: "圆钢", Spec: "Φ50", Quantity: "8", Unit: "t", Price: "4200"})
	r.Last = f.DraftOrder(r.Customer, "鞍山", workflow.OrderLineInput{Grade: "Q345B", Name: "热轧钢板", Spec: "20×2000×8000", Quantity: "25",
		Unit: "t", Price: "4500"})
	today := f.Engine.Now().Format("2006-01-02")
	change, _, err := clerk.ProposePriceChange(f.Ctx, workflow.PriceChangeInput{Reason: "月中调价", Lines: []workflow.PriceLineInput{
		{Grade: "Q345B", Name: "热轧钢板", Spec: "20×2000×8000", Unit: "t", Price: "4650", ValidFrom: today},
		{Grade: "Q235B", Name: "热轧钢板", Spec: "10×1500×6000", Unit: "t", Price: "4380", ValidFrom: today},
	}})
	f.Must(err)
	f.Must(f.Engine.Desk(f.Supervisor).Act(f.Ctx, change, workflow.ActionApprove, ""))
	return r
}

// repeatOrderWant is the order the call makes, as repeatOrderMade says it.
const repeatOrderWant = "submitted copy of last · 鞍山恒达重工机械有限公司 · " +
	"Q345B 热轧钢板 20×2000×8000 30 t 30 t weight 4,650.00 = 139,500.00 | " +
	"Q235B 热轧钢板 10×1500×6000 15 t 15 t weight 4,380.00 = 65,700.00"

// repeatOrderMade says the customer's newest order in one line (status,
// where it was copied from, customer, lines), "" while the call has made
// none.
func (f *Fixture) repeatOrderMade(t testing.TB, r RepeatOrder) string {
	t.Helper()
	rows, err := f.Engine.Desk(f.Clerk).Orders(f.Ctx, store.OrderFilter{CustomerID: r.Customer}, store.Page{Limit: 10})
	f.Must(err)
	var newest int64
	for _, row := range rows {
		newest = max(newest, row.ID)
	}
	if len(rows) < 3 {
		return ""
	}
	od, err := f.Engine.Desk(f.Clerk).Order(f.Ctx, newest)
	f.Must(err)
	o := od.Order
	from := fmt.Sprint(o.CopiedFromID)
	if o.CopiedFromID == r.Last {
		from = "last"
	}
	var lines []string
	for _, l := range o.Lines {
		lines = append(lines, fmt.Sprintf("%s %s %s %s %s %s t %s %s = %s", l.Grade, l.Name, l.Spec, l.Qty, l.Unit, l.Weight, l.Basis,
			l.Price, l.Amount))
	}
	return fmt.Sprintf("%s copy of %s · %s · %s", od.Status, from, o.CustomerName, strings.Join(lines, " | "))
}
