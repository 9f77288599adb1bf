package complaints_test

import (
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"orderdesk/store"
	"orderdesk/tui"
	"orderdesk/tui/common"
	"orderdesk/tui/tuitest"
	"orderdesk/tui/tuitest/screenrig"
	"orderdesk/workflow"
	"orderdesk/workflow/demo"
)

// desk is a fixture with a warehouse user, a second clerk and a monthly
// customer (鞍山恒达重工, 助记码 ashd…) whose delivery note left today.
type desk struct {
	*tuitest.Fixture
	wh, clerk2 store.User
	cust       int64
	note       store.DeliveryNote
}

func newDesk(t testing.TB) desk {
	t.Helper()
	f := tuitest.New(t)
	d := desk{Fixture: f, wh: f.AddUser("wu", "吴仓管", workflow.Warehouse), clerk2: f.AddUser("liqiang", "李强", workflow.Clerk)}
	d.cust = f.MonthlyCustomer("500000")
	order := f.SignedOrder(d.cust, "沈阳", tuitest.Plate())
	d.note = f.Dispatched(order, d.wh, workflow.DispatchInput{Carrier: "顺达物流", Vehicle: "辽A12345", SignedBy: "李师傅"})
	// From here the desk's clock stands at noon, so what the screens
	// stamp does not hang on when the test runs.
	now := time.Now()
	f.Store.Now = screenrig.Fixed(time.Date(now.Year(), now.Month(), now.Day(), 12, 0, 0, 0, now.Location()))
	return d
}

// demoDesk is a fixture filled by the demo at the screens' clock, with
// complaints in every state.
func demoDesk(t *testing.T) *tuitest.Fixture {
	t.Helper()
	f := tuitest.NewAtClock(t)
	o := demo.DefaultOptions()
	o.Customers, o.Products, o.Pending, o.SentBack, o.Inquiries, o.MarketDays = 8, 8, 0, 0, 2, 2
	o.Orders, o.Shipments, o.Invoices, o.LateInvoices, o.MonthlyPercent = 6, 2, 0, 0, 50
	o.Complaints = 12
	o.DeskLogin, o.Today = "", tuitest.Clock
	if _, err := demo.Generate(f.Ctx, f.Engine, o); err != nil {
		t.Fatal(err)
	}
	return f
}

// open starts user u's app in lang on screen at w×h, every answer applied.
func open(f *tuitest.Fixture, u store.User, lang, screen string, w, h int) *tui.App {
	app := f.App(u, lang)
	tuitest.Press(app, tea.WindowSizeMsg{Width: w, Height: h}, common.SwitchScreenMsg{Screen: screen})
	return app
}

// text is the frame as a person reads it.
func text(app *tui.App) string { return ansi.Strip(app.Render()) }

func mustShow(t testing.TB, app *tui.App, want ...string) {
	t.Helper()
	got := text(app)
	for _, w := range want {
		if !strings.Contains(got, w) {
			t.Fatalf("the screen lacks %q:\n%s", w, got)
		}
	}
}

// complaints lists the desk's complaints, newest first.
func (d desk) complaints(t *testing.T) []workflow.ComplaintItem {
	t.Helper()
	xs, err := d.Engine.Desk(d.Supervisor).Complaints(d.Ctx, workflow.ComplaintQuery{})
	if err != nil {
		t.Fatal(err)
	}
	return xs
}

// call is the phone call recorded from wherever the desk is: C, the
// customer by 助记码, the delivery note by its last digits, the type by
// its digit (2: short delivery), the customer's words; enter through
// how it came in (phone) and how severe (normal) saves.
func (d desk) call() []tuitest.Stroke { return d.callOf(d.note.Ref) }

// callOf is the call about the delivery note ref.
func (desk) callOf(ref string) []tuitest.Stroke {
	return []tuitest.Stroke{
		{Typed: "C"}, {Typed: "ashd", Data: true}, {Typed: "\r"},
		{Typed: ref[len(ref)-6:], Data: true}, {Typed: "\r"},
		{Typed: "2", Data: true}, {Typed: "\r"},
		{Typed: "少了一捆,磅单对不上", Data: true}, {Typed: "\r"},
		{Typed: "\r"}, {Typed: "\r"},
	}
}
