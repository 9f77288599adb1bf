package reconcile

import (
	"testing"
	"time"

	"orderdesk/store"
	"orderdesk/tui/common"
	"orderdesk/tui/i18n"
	"orderdesk/tui/tuitest/screenrig"
	"orderdesk/workflow/demo"
)

// ladderClock is the day the screen tests run on.
var ladderClock = screenrig.At

// lateInvoicesDesk is a small demo desk at ladderClock with invoices
// late on monthly terms, so the collection ladder has every step.
func lateInvoicesDesk(t *testing.T) *screenrig.Desk {
	t.Helper()
	d := screenrig.OpenDesk(t, screenrig.Fixed(ladderClock))
	if _, err := demo.Generate(d.Ctx, d.Engine, LateInvoicesOptions(ladderClock)); err != nil {
		t.Fatal(err)
	}
	return d
}

// LateInvoicesOptions is the small demo desk of today with invoices late
// on monthly terms (exported for the app's tests of this screen).
func LateInvoicesOptions(today time.Time) demo.Options {
	o := demo.DefaultOptions()
	o.Customers, o.Products, o.Pending, o.SentBack, o.Inquiries, o.Orders, o.Shipments, o.Invoices = 30, 30, 0, 0, 10, 8, 6, 4
	o.LateInvoices, o.MonthlyPercent, o.DeskLogin, o.Today = 20, 50, "", today
	return o
}

// demoUser is the demo's user with login.
func demoUser(d *screenrig.Desk, login string) store.User {
	var u store.User
	d.Must(d.Store.Read(d.Ctx, func(tx *store.Tx) (err error) { u, err = tx.UserByLogin(d.Ctx, login); return err }))
	return u
}

// newLadder is the screen of u in lang over d, sized but not started.
func newLadder(t *testing.T, d *screenrig.Desk, u store.User, lang string) *Screen {
	cat := i18n.New(lang)
	c := &common.Common{Ctx: d.Ctx, Desk: d.Engine.Desk(u), Cat: cat, Styles: common.NewStyles(true),
		Keys: common.NewKeyMap(cat), Now: screenrig.Fixed(ladderClock), PrintDir: t.TempDir()}
	s := New(c)
	s.SetSize(120, 40)
	return s
}
