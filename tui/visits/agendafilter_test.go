package visits_test

import (
	"testing"

	"orderdesk/store"
	"orderdesk/tui/tuitest"
	"orderdesk/workflow"
)

// / on the week's agenda searches every visit: typed in one burst with
// the text after it, it shows the list of all visits filtered by that
// text, a visit of another week among them and this week's other
// customer not.
func TestSlashOnTheAgendaSearchesEveryVisit(t *testing.T) {
	d := newDesk(t)
	rep := d.Engine.Desk(d.rep)
	other, _, err := d.Engine.Desk(d.Clerk).CreateCustomer(d.Ctx, workflow.CustomerInput{Name: "沈阳重型机械有限公司", ShortName: "沈阳重机",
		City: "沈阳", Phone: "024-23456789", PaymentTerms: store.TermsPrepaid, RepID: d.rep.ID})
	d.Must(err)
	later := tuitestVisit(other)
	later.On = "2026-12-08"
	_, err = rep.PlanVisit(d.Ctx, later)
	d.Must(err)
	scr := d.agendaWithAVisit(t)
	scr.Send(tuitest.Keys("/沈阳")...)
	scr.WaitUntil(t, "the visits filtered by 沈阳", func(screen string) bool {
		return contains(screen, "沈阳重型机械有限公司") && contains(screen, "2026-12-08") && contains(screen, "沈阳") && !contains(screen, "宏达钢构")
	})
	scr.Quit(t)
}
