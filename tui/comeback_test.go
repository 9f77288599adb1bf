package tui_test

import (
	"strings"
	"testing"

	"orderdesk/tui/tuitest"
)

// What tells the screens apart: the Dashboard's panel, the Statistics
// table's sort line, a traced row's documents.
const dashboardMark, statisticsMark, drillMark = "Top 5 customers", "sorted by Now", "Docum"

// enter on a Dashboard figure shows Statistics; esc there, with nothing
// of Statistics' own open, returns to the Dashboard, as esc returns from
// a document opened from a list. A drill-down is closed first.
func TestEscReturnsToTheDashboard(t *testing.T) {
	f := tuitest.New(t)
	f.Demo(tuitest.SmallDemo())
	scr := f.RunOn(t, f.Supervisor, "en", "screen.dashboard")
	onDashboard := func(s string) bool { return strings.Contains(s, dashboardMark) }
	scr.WaitUntil(t, "the dashboard", onDashboard)
	scr.Send(tuitest.Key("enter"))
	scr.WaitUntil(t, "statistics", func(s string) bool { return strings.Contains(s, statisticsMark) && !onDashboard(s) })
	scr.Send(tuitest.Key("enter")) // drill into the first row
	scr.WaitText(t, drillMark)
	scr.Send(tuitest.Key("esc"))
	scr.WaitGone(t, drillMark)
	if onDashboard(scr.Text()) {
		t.Fatalf("esc left Statistics with a drill-down open:\n%s", scr.Text())
	}
	scr.Send(tuitest.Key("esc"))
	scr.WaitUntil(t, "the dashboard again", onDashboard)
	scr.Quit(t)
}

// enter on a Dashboard figure shows that figure in Statistics, of the
// month the Dashboard shows, whatever Statistics showed before; esc goes
// back to the Dashboard.
func TestDashboardOpensTheFigureAsked(t *testing.T) {
	f := tuitest.New(t)
	f.Demo(tuitest.SmallDemo())
	scr := f.RunOn(t, f.Supervisor, "en", "screen.dashboard")
	scr.WaitText(t, dashboardMark)
	// Statistics left on another period, measure and dimension first.
	scr.Send(tuitest.Key("shift+tab"), tuitest.Key("shift+tab"))
	scr.WaitText(t, statisticsMark)
	scr.Send(tuitest.Keys("y[3v")...)
	scr.WaitText(t, "· by rep · invoiced ·")
	scr.Send(tuitest.Key("tab"), tuitest.Key("tab"))
	scr.WaitText(t, dashboardMark)
	scr.Send(tuitest.Keys("j")...)
	scr.Send(tuitest.Key("enter"))
	scr.WaitText(t, "Month ", "· by rep · shipped · money", statisticsMark)
	scr.Send(tuitest.Key("esc"))
	scr.WaitText(t, dashboardMark)
	scr.Quit(t)
}
