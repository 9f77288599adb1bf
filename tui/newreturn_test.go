package tui_test

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"orderdesk/tui"
	"orderdesk/tui/tuitest"
)

// N pressed on another screen and given up (esc at the customer lookup,
// nothing typed) goes back to that screen, as C does: slowly, and typed
// at once with the next key, which then acts there (m: Review's own,
// the documents the clerk made).
func TestNewInquiryGivenUpReturnsWhereItWasAsked(t *testing.T) {
	f, app := clerkOnReview(t)
	press(app, char('N'))
	if !strings.Contains(screenText(app), "新询价单") {
		t.Fatalf("N did not open a new inquiry:\n%s", screenText(app))
	}
	press(app, tea.KeyPressMsg{Code: tea.KeyEscape})
	if got := screenText(app); strings.Contains(got, "新询价单") || !strings.Contains(got, "待我审核") {
		t.Fatalf("esc did not go back to Review:\n%s", got)
	}

	scr := tuitest.Run(t, f.App(f.Clerk, "zh"))
	scr.Send(char('9'), char('N'), tea.KeyPressMsg{Code: tea.KeyEscape}, char('m'))
	scr.WaitText(t, "我的单据")
	scr.Quit(t)
}

// clerkOnReview is the clerk's desk, 120×30, on Review: a screen other
// than Inquiries to press N on.
func clerkOnReview(t *testing.T) (*tuitest.Fixture, *tui.App) {
	t.Helper()
	f := tuitest.New(t)
	app := f.App(f.Clerk, "zh")
	app.Update(tea.WindowSizeMsg{Width: 120, Height: 30})
	press(app, char('9'))
	if !strings.Contains(screenText(app), "待审") {
		t.Fatalf("not on Review:\n%s", screenText(app))
	}
	return f, app
}
