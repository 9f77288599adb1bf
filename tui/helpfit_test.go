package tui_test

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"orderdesk/tui/tuitest"
)

// The help at 80×24 in Chinese shows every key with its border whole:
// on Customers and on Reconciliation, the screen with the most keys.
func TestHelpFitsAt80(t *testing.T) {
	f := tuitest.New(t)
	for _, screen := range []rune{'1', '8'} {
		app := f.App(f.Supervisor, "zh")
		app.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
		press(app, char(screen), char('?'))
		got := screenText(app)
		for _, want := range []string{"tab ", "shift+tab", "1-9,0", "切换屏幕", "q ", "退出", "按 ? 或 esc 关闭", "╰", "╮"} {
			if !strings.Contains(got, want) {
				t.Errorf("help on %c lacks %q:\n%s", screen, want, got)
			}
		}
		lines := strings.Split(got, "\n")
		if len(lines) != 24 {
			t.Errorf("help on %c is %d lines", screen, len(lines))
		}
		for _, l := range lines {
			if ansi.StringWidth(l) > 80 {
				t.Errorf("help on %c runs past the window: %q", screen, l)
			}
		}
	}
}

// In a window too low for every key, the help scrolls with ↓, pgdn and
// G, keeps its border, and ? still closes it.
func TestHelpScrollsInALowWindow(t *testing.T) {
	f := tuitest.New(t)
	app := f.App(f.Supervisor, "zh")
	app.Update(tea.WindowSizeMsg{Width: 50, Height: 16})
	press(app, char('8'), char('?'))
	first := screenText(app)
	if strings.Contains(first, "切换屏幕") || !strings.Contains(first, "╰") || !strings.Contains(first, "第 1–") {
		t.Fatalf("a low help should start at its top with its border:\n%s", first)
	}
	press(app, tuitest.Key("down"))
	if got := screenText(app); got == first || !strings.Contains(got, "第 2–") {
		t.Fatalf("↓ did not scroll the help:\n%s", got)
	}
	press(app, tuitest.Key("pgdown"), char('G'))
	got := screenText(app)
	if !strings.Contains(got, "切换屏幕") || !strings.Contains(got, "╰") {
		t.Fatalf("G did not reach the help's end:\n%s", got)
	}
	press(app, char('k'))
	if screenText(app) == got {
		t.Fatalf("k did not scroll back")
	}
	press(app, char('?'))
	if strings.Contains(screenText(app), "按键 ·") {
		t.Fatalf("? did not close the help:\n%s", screenText(app))
	}
}
