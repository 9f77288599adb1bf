package returns_test

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

// desk is a fixture with a warehouse user and a monthly customer whose
// delivery note of 25.35 t of plate left today.
type desk struct {
	*tuitest.Fixture
	wh    store.User
	order int64
	note  store.DeliveryNote
}

func newDesk(t testing.TB) desk {
	t.Helper()
	f := tuitest.New(t)
	d := desk{Fixture: f, wh: f.AddUser("wu", "吴仓管", workflow.Warehouse)}
	cust := f.MonthlyCustomer("500000")
	d.order = f.SignedOrder(cust, "沈阳", tuitest.Plate())
	d.note = f.Dispatched(d.order, d.wh, workflow.DispatchInput{Carrier: "顺达物流", Vehicle: "辽A12345", SignedBy: "李师傅"})
	now := time.Now()
	f.Store.Now = screenrig.Fixed(time.Date(now.Year(), now.Month(), now.Day(), 12, 0, 0, 0, now.Location()))
	return d
}

// demoDesk is a fixture filled by the demo at the screens' clock, with
// returns in every state.
func demoDesk(t *testing.T) *tuitest.Fixture {
	t.Helper()
	f := tuitest.NewAtClock(t)
	o := tuitest.ReturnsDemo()
	o.DeskLogin, o.Today = "", tuitest.Clock
	sum, err := demo.Generate(f.Ctx, f.Engine, o)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Returns < 4 {
		t.Fatalf("the demo recorded %d returns", sum.Returns)
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

// burst hands every key to the app before any answer is applied, as a
// typist ahead of the database would, then applies the answers.
func burst(app *tui.App, keys ...tea.Msg) {
	var cmds []tea.Cmd
	for _, k := range keys {
		_, cmd := app.Update(k)
		cmds = append(cmds, cmd)
	}
	tuitest.Answer(app, tea.Batch(cmds...))
}

// invoicedAndBack issues the invoice of the desk's note (number
// 26210000000000112233) and takes a return of qty of its line through
// the check and the warehouse's receipt.
func (d desk) invoicedAndBack(qty string) (invoice, back int64) {
	ctx, clerk, boss := d.Ctx, d.Engine.Desk(d.Clerk), d.Engine.Desk(d.Supervisor)
	in, _, err := clerk.NewInvoiceInput(ctx, d.order)
	d.Must(err)
	invoice, err = clerk.CreateInvoice(ctx, in)
	d.Must(err)
	d.Must(clerk.SubmitInvoice(ctx, invoice, 0))
	d.Must(boss.CheckInvoice(ctx, invoice, 0))
	d.Must(d.Engine.Desk(d.Finance).IssueInvoice(ctx, invoice, 0, workflow.IssueInput{InvoiceNo: "26210000000000112233"}))
	rin, _, err := clerk.NewReturnInput(ctx, d.note.DocID)
	d.Must(err)
	rin.Reason, rin.Lines[0].Quantity = "锈蚀", qty
	back, err = clerk.CreateReturn(ctx, rin)
	d.Must(err)
	d.Must(clerk.SubmitReturn(ctx, back, 0))
	d.Must(boss.CheckReturn(ctx, back, 0))
	d.Must(d.Engine.Desk(d.wh).ReceiveReturn(ctx, back, 0))
	return invoice, back
}
