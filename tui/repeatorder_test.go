package tui_test

import (
	"strings"
	"testing"

	"orderdesk/tui/tuitest"
)

// The repeat-order call, "the same as last time, 30 tonnes, and add 15 t
// of Q235B 10×1500×6000", typed key by key from the customer list: the
// new order is the last one's copy at 30 t and today's prices, with the
// new line in the catalogue's unit at today's list price, submitted; and
// it takes at most ten keys beyond what the customer said.
func TestRepeatOrderCallInTenKeys(t *testing.T) {
	f := tuitest.New(t)
	call := tuitest.Sequences[0]
	clerk, made := call.Setup(f)
	app := f.App(clerk, "zh")
	defer app.Close()
	tuitest.Start(app)
	for _, s := range tuitest.RepeatOrderCall {
		if s.Typed == "\x14" { // the copy says which prices today's list has changed
			if got := app.Render(); !strings.Contains(got, "今日价目表 ¥4,650.00(原 ¥4,500.00)") {
				t.Fatalf("the copy does not say its price is not today's:\n%s", got)
			}
		}
		tuitest.Press(app, tuitest.Keys(s.Typed)...)
	}
	if got := made(t); got != call.Want {
		t.Fatalf("the call made\n%s\nwant\n%s\nscreen:\n%s", got, call.Want, app.Render())
	}
	n := tuitest.KeysBeyondData(tuitest.RepeatOrderCall)
	t.Logf("the repeat-order call: %d keys beyond the data (%q)", n, tuitest.Typed(tuitest.RepeatOrderCall))
	if n > 10 {
		t.Fatalf("the repeat-order call takes %d keys beyond the data, want at most 10", n)
	}
}
