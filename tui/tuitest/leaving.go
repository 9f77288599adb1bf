package tuitest

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"orderdesk/tui"
)

// AsksBeforeDropping checks a form (or a typed line) asks before esc
// drops what was typed, as every form does: open gives an app with it
// open, typing types into it and shows shown. The first esc keeps shown
// and asks; the second closes it. The same keys pressed at once end on
// the same frame.
func AsksBeforeDropping(t testing.TB, open func() *tui.App, typing []tea.Msg, shown string) {
	t.Helper()
	app := open()
	Press(app, typing...)
	MustShow(t, app, shown)
	Press(app, Key("esc"))
	if got := Text(app); !strings.Contains(got, shown) || !asks(got) {
		t.Fatalf("the first esc did not ask, keeping %q:\n%s", shown, got)
	}
	Press(app, Key("esc"))
	if got := Text(app); strings.Contains(got, shown) {
		t.Fatalf("the second esc kept %q:\n%s", shown, got)
	}
	keys := append(append([]tea.Msg{}, typing...), Key("esc"), Key("esc"))
	fast := open()
	PressAtOnce(fast, keys...)
	if got, want := Text(fast), Text(app); got != want {
		t.Fatalf("typed at once:\n%s\n\ntyped slowly:\n%s", got, want)
	}
}

// asks is whether frame shows the question before typed text is dropped.
func asks(frame string) bool {
	return strings.Contains(frame, "discard what was typed?") || strings.Contains(frame, "放弃已录入的内容?")
}
