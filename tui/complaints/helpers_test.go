package complaints_test

import (
	"testing"
	"time"

	"orderdesk/store"
	"orderdesk/tui"
	"orderdesk/tui/tuitest"
	"orderdesk/tui/tuitest/screenrig"
	"orderdesk/workflow"
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
	o := tuitest.SmallDemo()
	o.Pending, o.SentBack, o.Invoices, o.LateInvoices = 0, 0, 0, 0
	o.Complaints = 12
	return tuitest.NewDemo(t, o)
}

// open starts user u's app in lang on screen at w×h, every answer applied.
func open(f *tuitest.Fixture, u store.User, lang, screen string, w, h int) *tui.App {
	return f.OpenOn(u, lang, screen, w, h)
}

// text is the frame as read; mustShow fails unless it shows each text.
var text, mustShow = tuitest.Text, tuitest.MustShow

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
