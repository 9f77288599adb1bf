package leads_test

import (
	"testing"

	"orderdesk/tui/tuitest"
	"orderdesk/tui/tuitest/screenrig"
)

// A lead whose next step's day has passed waits in its owner's Review
// inbox (from the day after), and enter there opens it on the Leads
// screen.
func TestOverdueLeadWaitsInReview(t *testing.T) {
	d := newDesk(t)
	in := tuitestLead()
	in.NextOn = "2026-11-24" // two days before the screens' day: entered before it
	was := d.Store.Now
	d.Store.Now = screenrig.Fixed(tuitest.Clock.AddDate(0, 0, -5))
	if _, _, err := d.Engine.Desk(d.rep).CreateLead(d.Ctx, in); err != nil {
		t.Fatal(err)
	}
	d.Store.Now = was
	in = tuitestLead()
	in.Name, in.Phone, in.NextOn = "丹东港机械厂", "0415-3123456", "2026-11-26" // due today: not yet overdue
	if _, _, err := d.Engine.Desk(d.rep).CreateLead(d.Ctx, in); err != nil {
		t.Fatal(err)
	}
	app := open(d.Fixture, d.rep, "zh", 80, 24)
	tuitest.Press(app, tuitestSwitch("screen.review"))
	mustShow(t, app, "待跟进线索(1)", "XS2026-000001", "营口新港机械", "2026-11-24", "电话回访")
	if got := text(app); contains(got, "丹东港机械厂") {
		t.Fatalf("a step due today is not overdue yet:\n%s", got)
	}
	tuitest.Press(app, tuitest.Keys("\r")...)
	mustShow(t, app, "营口新港机械制造有限公司  XS2026-000001", "已逾期")
	// Another user's inbox does not hold the rep's lead.
	boss := open(d.Fixture, d.Supervisor, "zh", 80, 24)
	tuitest.Press(boss, tuitestSwitch("screen.review"))
	if got := text(boss); contains(got, "待跟进线索") {
		t.Fatalf("the rep's lead in the supervisor's inbox:\n%s", got)
	}
}
