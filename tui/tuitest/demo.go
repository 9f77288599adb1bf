package tuitest

import (
	"testing"

	"orderdesk/workflow/demo"
)

// SmallDemo is a small desk for a screen's walk: eight customers and
// products, two inquiries, six orders, two shipments and two invoices
// (one late), one change waiting for review and one sent back.
func SmallDemo() demo.Options {
	o := demo.DefaultOptions()
	o.Customers, o.Products, o.Pending, o.SentBack, o.Inquiries, o.MarketDays = 8, 8, 1, 1, 2, 2
	o.Orders, o.Shipments, o.Invoices, o.LateInvoices, o.MonthlyPercent = 6, 2, 2, 1, 50
	return o
}

// ReturnsDemo is a desk with goods coming back: eight customers and
// products, 24 orders shipped, six complaints and six returns in every
// state (some received this month), no invoices.
func ReturnsDemo() demo.Options {
	o := demo.DefaultOptions()
	o.Customers, o.Products, o.Pending, o.SentBack, o.Inquiries, o.MarketDays = 8, 8, 0, 0, 2, 2
	o.Orders, o.Shipments, o.Invoices, o.LateInvoices, o.MonthlyPercent = 24, 24, 0, 0, 50
	o.Complaints, o.Returns = 6, 6
	return o
}

// Demo fills the desk with the demo's o as of the screens' clock,
// logged in as nobody.
func (f *Fixture) Demo(o demo.Options) {
	o.DeskLogin, o.Today = "", Clock
	_, err := demo.Generate(f.Ctx, f.Engine, o)
	f.Must(err)
}

// NewDemo is a fixture at the screens' clock filled by the demo with o.
func NewDemo(t testing.TB, o demo.Options) *Fixture {
	t.Helper()
	f := NewAtClock(t)
	f.Demo(o)
	return f
}
