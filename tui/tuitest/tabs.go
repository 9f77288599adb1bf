package tuitest

import (
	"slices"
	"testing"

	tea "charm.land/bubbletea/v2"

	"orderdesk/store"
	"orderdesk/tui"
)

// BackTabs are the shift+tab presses that take u from screen from to
// screen to (workflow screen names), counted on u's own tab bar, so a
// test stays right when a screen is added.
func BackTabs(t testing.TB, u store.User, from, to string) []tea.Msg {
	names := tui.ScreenNames(u)
	i, j := slices.Index(names, from), slices.Index(names, to)
	if i < 0 || j < 0 {
		t.Fatalf("%s does not see %s and %s: %v", u.Login, from, to, names)
	}
	n := (i - j + len(names)) % len(names)
	return slices.Repeat([]tea.Msg{Key("shift+tab")}, n)
}
