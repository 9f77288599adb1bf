package tuitest

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"orderdesk/store"
	"orderdesk/tui"
	"orderdesk/tui/common"
)

// OpenOn starts user u's app in lang on screen (its title key) at w×h,
// every answer applied.
func (f *Fixture) OpenOn(u store.User, lang, screen string, w, h int) *tui.App {
	app := f.App(u, lang)
	Press(app, tea.WindowSizeMsg{Width: w, Height: h}, common.SwitchScreenMsg{Screen: screen})
	return app
}

// Text is the frame as a person reads it.
func Text(app *tui.App) string { return ansi.Strip(app.Render()) }

// MustShow fails unless the frame shows every one of want.
func MustShow(t testing.TB, app *tui.App, want ...string) {
	t.Helper()
	got := Text(app)
	for _, w := range want {
		if !strings.Contains(got, w) {
			t.Fatalf("the screen lacks %q:\n%s", w, got)
		}
	}
}

// Fits fails on a line of the frame wider than the window, w cells.
func Fits(t testing.TB, app *tui.App, w int) {
	t.Helper()
	fitsIn(t, Text(app), w)
}

// fitsIn fails on a line of frame wider than w cells.
func fitsIn(t testing.TB, frame string, w int) {
	t.Helper()
	for n, line := range strings.Split(frame, "\n") {
		if cells := ansi.StringWidth(line); cells > w {
			t.Errorf("line %d is %d cells in a window of %d: %q", n+1, cells, w, line)
		}
	}
}
