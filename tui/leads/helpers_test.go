package leads_test

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

// desk is a fixture with a sales rep, a customer on file and a product
// of each grade leads ask for, at the screens' clock (2026-11-26).
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
	if _, _, err := clerk.CreateCustomer(ctx, workflow.CustomerInput{Name: "鞍山宏达钢构有限公司", ShortName: "宏达钢构",
		City: "鞍山", Phone: "0412-5551234", PaymentTerms: store.TermsPrepaid}); err != nil {
		t.Fatal(err)
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

// leads are what user u's desk lists.
func (d desk) leads(t *testing.T, u store.User) []store.Lead {
	t.Helper()
	ls, err := d.Engine.Desk(u).Leads(d.Ctx, workflow.LeadFilter{})
	if err != nil {
		t.Fatal(err)
	}
	return ls
}

// demoDesk is a fixture filled by the demo at the screens' clock: every
// rep's leads in every stage.
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

// lead is the keys of a lead typed into a rep's form (no owner field):
// name, 助记码 (empty), contact, phone, e-mail, QQ/WeChat, source (→ to
// the exhibition), grades, specs, tonnes, next step and its day, notes.
const lead = "营口新港机械制造有限公司\t\t孙经理\t0417-2881234\t\t\t" + "\x1b[C\x1b[C\t" +
	"Q235B、45#\t10×1500×6000\t30\t电话回访\t11-30\t展会上留的名片"

// open starts user u's app in lang on the Leads screen at w×h, every
// answer applied.
func open(f *tuitest.Fixture, u store.User, lang string, w, h int) *tui.App {
	app := f.App(u, lang)
	tuitest.Press(app, tea.WindowSizeMsg{Width: w, Height: h}, common.SwitchScreenMsg{Screen: "screen.leads"})
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

// tuitestLead is the rep's lead entered through the desk: an exhibition
// contact who may buy plate and round bar.
func tuitestLead() workflow.LeadInput {
	return workflow.LeadInput{Name: "营口新港机械制造有限公司", Contact: "孙经理", Phone: "0417-2881234", Source: "exhibition",
		Grades: "Q235B、45#", Specs: "10×1500×6000", Tonnes: "30", NextStep: "电话回访", NextOn: "2026-11-30"}
}

// tuitestSwitch shows a screen by its title key.
func tuitestSwitch(screen string) tea.Msg { return common.SwitchScreenMsg{Screen: screen} }

func contains(s, sub string) bool { return strings.Contains(s, sub) }
