package reconcile_test

import (
	"testing"

	"orderdesk/tui"
	"orderdesk/tui/tuitest"
)

// The difference form asks before esc drops what was typed, as every
// form does.
func TestDifferenceFormAsksBeforeDroppingWhatWasTyped(t *testing.T) {
	f := desk(t)
	open := func() *tui.App {
		app := f.OpenOn(f.Clerk, "en", "screen.reconciliation", 120, 40)
		tuitest.Press(app, press('d'))
		return app
	}
	tuitest.AsksBeforeDropping(t, open, tuitest.Keys("1234.5"), "1234.5")
}
