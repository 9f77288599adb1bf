package leads_test

import (
	"testing"

	"orderdesk/tui/tuitest"
)

// The list filters as typed and p steps the stage shown; t shows the
// leads by source and stage with their totals, conversion and time to
// win: a source with no lead decided has no win rate ("—"), not 0%.
func TestLeadsFilterStageAndStatistics(t *testing.T) {
	d := newDesk(t)
	rep := d.Engine.Desk(d.rep)
	won, _, err := rep.CreateLead(d.Ctx, tuitestLead())
	if err != nil {
		t.Fatal(err)
	}
	other := tuitestLead()
	other.Name, other.Phone, other.Source = "丹东港机械厂", "0415-3123456", "phone"
	if _, _, err := rep.CreateLead(d.Ctx, other); err != nil {
		t.Fatal(err)
	}
	in, err := rep.LeadCustomerInput(d.Ctx, won)
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := rep.ConvertLeadToCustomer(d.Ctx, won, in); err != nil {
		t.Fatal(err)
	}
	if err := rep.Act(d.Ctx, won, "win", ""); err != nil {
		t.Fatal(err)
	}
	app := open(d.Fixture, d.rep, "en", 120, 40)
	mustShow(t, app, "2 leads, 1 open, 0 overdue")
	tuitest.Press(app, tuitest.Keys("p")...)
	mustShow(t, app, "Leads · new", "丹东港机械厂")
	tuitest.Press(app, tuitest.Keys("pppp")...)
	mustShow(t, app, "Leads · won", "营口新港机械制造有限公司", "1 leads, 0 open")
	tuitest.Press(app, tuitest.Keys("p")...)
	mustShow(t, app, "Leads · lost", "no leads")
	tuitest.Press(app, tuitest.Keys("p")...)
	tuitest.Press(app, tuitest.Keys("t")...)
	mustShow(t, app, "Leads by source and stage",
		"phone         1      0    0      0    0    0    1   0.0%        —      —",
		"exhibition    0      0    0      0    1    0    1 100.0%   100.0%    0.0",
		"Total         1      0    0      0    1    0    2  50.0%   100.0%    0.0")
	tuitest.Press(app, tuitest.Key("esc"))
	tuitest.Press(app, tuitest.Keys("/DGJ\r")...)
	mustShow(t, app, "丹东港机械厂", "1 leads, 1 open")
	if contains(text(app), "营口新港") {
		t.Fatalf("the filter kept a lead it does not match:\n%s", text(app))
	}
}
