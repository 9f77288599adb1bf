package complaints_test

import (
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"orderdesk/store"
	"orderdesk/tui"
	"orderdesk/tui/tuitest"
	"orderdesk/tui/tuitest/benchkit"
	"orderdesk/workflow"
)

// benchComplaints is how many complaints the list benchmark holds.
const benchComplaints = 50_000

// BenchmarkComplaintFilterKeystroke times one key typed into the
// complaints list's filter over 50,000 complaints, to the new frame:
// the app's Update and the whole frame's View, as the program does per
// key (the list read again for the filter is answered between keys,
// untimed). Reports p50 and p99.
func BenchmarkComplaintFilterKeystroke(b *testing.B) {
	app := filteredList(b)
	defer app.Close()
	keys := []tea.KeyPressMsg{{Code: '4', Text: "4"}, {Code: tea.KeyBackspace}}
	var cmd tea.Cmd
	benchkit.Time(b, func(i int) {
		_, cmd = app.Update(keys[i%len(keys)])
		_ = app.View()
	}, func() { tuitest.Answer(app, cmd) })
}

// BenchmarkComplaintFilterAnswered times the same key to the frame that
// shows the list it filters: the Update, the list read again from the
// database and applied, and the View. Reports p50 and p99.
func BenchmarkComplaintFilterAnswered(b *testing.B) {
	app := filteredList(b)
	defer app.Close()
	keys := []tea.KeyPressMsg{{Code: '4', Text: "4"}, {Code: tea.KeyBackspace}}
	benchkit.Time(b, func(i int) {
		_, cmd := app.Update(keys[i%len(keys)])
		tuitest.Answer(app, cmd)
		_ = app.View()
	}, nil)
}

// filteredList is the clerk's complaints list over benchComplaints
// complaints, its filter open with "TS2026-0" typed.
func filteredList(b *testing.B) *tui.App {
	f := tuitest.New(b)
	cust := f.MonthlyCustomer("500000")
	err := f.Store.Write(f.Ctx, func(tx *store.Tx) error {
		for i := range benchComplaints {
			typ := workflow.ComplaintTypes[i%len(workflow.ComplaintTypes)]
			_, err := tx.CreateComplaint(f.Ctx, f.Clerk.ID, store.NewComplaint{Ref: fmt.Sprintf("TS2026-%06d", i+1), Status: workflow.ComplaintOpen,
				CustomerID: cust, Type: typ, Words: "钢板表面锈蚀 " + fmt.Sprint(i), Channel: "phone", Severity: "normal",
				RouteRole: string(workflow.RouteOf(typ)), Product: "Q235B 热轧钢板", Summary: typ})
			if err != nil {
				return err
			}
		}
		return nil
	})
	f.Must(err)
	app := open(f, f.Clerk, "zh", "screen.complaints", 120, 40)
	tuitest.Press(app, tuitest.Keys("/TS2026-0")...)
	if got := text(app); !strings.Contains(got, fmt.Sprintf("TS2026-%06d", benchComplaints)) {
		b.Fatalf("the list does not show the newest complaint:\n%s", got)
	}
	return app
}

// BenchmarkComplaintCall times the whole call recorded from the
// customer list (C … enter), key by key, every answer applied, and
// reports the keys it takes beyond what is typed.
func BenchmarkComplaintCall(b *testing.B) {
	d := newDesk(b)
	b.ResetTimer()
	for range b.N {
		b.StopTimer()
		app := open(d.Fixture, d.Supervisor, "zh", "screen.customers", 120, 40)
		keys := tuitest.StrokeKeys(d.call())
		b.StartTimer()
		tuitest.Press(app, keys...)
		b.StopTimer()
		mustShow(b, app, "投诉已记录")
		app.Close()
	}
	b.ReportMetric(float64(tuitest.KeysBeyondData(desk{}.callOf("FH2026-000001"))), "keys-beyond-data")
}
