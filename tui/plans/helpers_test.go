package plans_test

import (
	"context"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"orderdesk/store"
	"orderdesk/tui"
	"orderdesk/tui/common"
	"orderdesk/tui/tuitest"
	"orderdesk/workflow"
	"orderdesk/workflow/demo"
)

// desk is a fixture with a sales rep, two customers and two catalogue
// products (热轧钢板, 圆钢), at the screens' clock.
type desk struct {
	*tuitest.Fixture
	rep store.User
}

func newDesk(t *testing.T) desk {
	t.Helper()
	f := tuitest.NewAtClock(t)
	d := desk{Fixture: f, rep: f.AddUser("liuyang", "刘洋", workflow.SalesRep)}
	clerk := f.Engine.Desk(f.Clerk)
	ctx := context.Background()
	for _, in := range []workflow.CustomerInput{
		{Name: "沈阳钢铁有限公司", ShortName: "沈钢", City: "沈阳", Phone: "024-23456789", PaymentTerms: store.TermsPrepaid},
		{Name: "鞍山宏达钢材贸易有限公司", ShortName: "鞍山宏达", City: "鞍山", Phone: "0412-5551234", PaymentTerms: store.TermsPrepaid},
	} {
		if _, _, err := clerk.CreateCustomer(ctx, in); err != nil {
			t.Fatal(err)
		}
	}
	for _, p := range []workflow.ProductInput{
		{Grade: "Q235B", Name: "热轧钢板", Spec: "10×1500×6000", Unit: "t"},
		{Grade: "45#", Name: "圆钢", Spec: "Φ50", Unit: "t"},
	} {
		if _, err := clerk.SaveProduct(ctx, store.Product{}, p); err != nil {
			t.Fatal(err)
		}
	}
	return d
}

// demoDesk is a fixture filled by the demo at the screens' clock: every
// rep's plans and targets.
func demoDesk(t *testing.T) *tuitest.Fixture {
	t.Helper()
	f := tuitest.NewAtClock(t)
	o := demo.DefaultOptions()
	o.Customers, o.Products, o.Pending, o.SentBack, o.Inquiries, o.MarketDays = 8, 8, 1, 1, 2, 2
	o.Orders, o.Shipments, o.Invoices, o.LateInvoices, o.MonthlyPercent = 6, 2, 2, 1, 50
	o.DeskLogin, o.Today = "", tuitest.Clock
	if _, err := demo.Generate(f.Ctx, f.Engine, o); err != nil {
		t.Fatal(err)
	}
	return f
}

// monthPlan is the keys of a rep's month plan for December with two
// lines, a customer by short name and a product group.
const monthPlan = "\t2026-12\t\t3\t巩固老客户,开发两家新客户\t" +
	"沈钢\t\t\t\t100\t480000\t\r" +
	"\t热轧钢板\t\t\t50\t240000\t"

// open starts user u's app in lang on the Plans screen at w×h, every
// answer applied.
func open(f *tuitest.Fixture, u store.User, lang string, w, h int) *tui.App {
	app := f.App(u, lang)
	tuitest.Press(app, tea.WindowSizeMsg{Width: w, Height: h}, common.SwitchScreenMsg{Screen: "screen.plans"})
	return app
}

// text is the frame as a person reads it.
func text(app *tui.App) string { return ansi.Strip(app.Render()) }

func mustShow(t *testing.T, app *tui.App, want ...string) {
	t.Helper()
	got := text(app)
	for _, w := range want {
		if !strings.Contains(got, w) {
			t.Fatalf("the screen lacks %q:\n%s", w, got)
		}
	}
}

// fits fails on a line of the frame wider than the window.
func fits(t *testing.T, app *tui.App, w int) {
	t.Helper()
	for n, line := range strings.Split(text(app), "\n") {
		if cells := ansi.StringWidth(line); cells > w {
			t.Errorf("line %d is %d cells in a window of %d: %q", n+1, cells, w, line)
		}
	}
}
