package statistics_test

import (
	"testing"

	"orderdesk/tui"
	"orderdesk/tui/tuitest"
)

// The range form asks before esc drops the days typed, as every form
// does.
func TestRangeFormAsksBeforeDroppingWhatWasTyped(t *testing.T) {
	f := tuitest.New(t)
	open := func() *tui.App {
		app := f.OpenOn(f.Supervisor, "en", "screen.statistics", 120, 40)
		tuitest.Press(app, tuitest.Key("r"))
		return app
	}
	tuitest.AsksBeforeDropping(t, open, tuitest.Keys("2026-10-0"), "2026-10-0")
}
