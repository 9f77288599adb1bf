package tuitest

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"testing"

	"orderdesk/store/storetest"
	"orderdesk/tui/tuitest/screenrig"
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

// NewDemo is a fixture at the screens' clock filled by the demo with o:
// a copy of one built the first time o was asked for and kept in the
// temporary folder while the test binary stays the same (the demo is
// the same every time for the same options), since building it again
// for every test was a tenth of the screens' tests. o reports no
// progress: a copy has none to report.
func NewDemo(t testing.TB, o demo.Options) *Fixture {
	t.Helper()
	o.DeskLogin, o.Today, o.Progress = "", Clock, nil // as Demo makes it
	key := sha256.Sum256(fmt.Appendf(nil, "%#v", o))
	built := storetest.CodeCachedDB(t, "orderdesk-demo-desk-"+hex.EncodeToString(key[:6])+".db", func(path string) {
		f := NewAtClock(t)
		f.Demo(o)
		f.Must(f.Store.Close())
		storetest.CopyFile(t, f.Path, path, 0o600)
	})
	return copyOf(t, built, screenrig.Fixed(Clock))
}
