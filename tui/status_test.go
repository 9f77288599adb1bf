package tui_test

import (
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"orderdesk/tui"
	"orderdesk/tui/common"
	"orderdesk/tui/tuitest"
)

const (
	refused = "保存被拒绝:信用额度不足"
	saved   = "已保存 C000001"
)

// statusShows says whether the status line (the frame's last line)
// shows text.
func statusShows(app *tui.App, text string) bool {
	lines := strings.Split(screenText(app), "\n")
	return strings.Contains(lines[len(lines)-1], text)
}

func clerkApp(t *testing.T) (*tuitest.Fixture, *tui.App) {
	f := tuitest.New(t)
	app := f.App(f.Clerk, "zh")
	tuitest.Press(app, tea.WindowSizeMsg{Width: 100, Height: 30})
	return f, app
}

// TestStatusNoticeLeavesAtTheNextKeyTyped: "saved" is news once; the
// next key typed, even into a filter, moves on from it.
func TestStatusNoticeLeavesAtTheNextKeyTyped(t *testing.T) {
	_, app := clerkApp(t)
	tuitest.Press(app, tuitest.Key("/"), common.StatusMsg{Text: saved})
	if !statusShows(app, saved) {
		t.Fatalf("status not shown:\n%s", screenText(app))
	}
	tuitest.Press(app, tuitest.Char('鞍'))
	if statusShows(app, saved) {
		t.Errorf("%q still shown while a filter is typed:\n%s", saved, screenText(app))
	}
}

// TestStatusErrorStaysWhileTheInputIsFixed: an error that came while an
// input had focus stays while the clerk types on in it, and leaves with
// the input.
func TestStatusErrorStaysWhileTheInputIsFixed(t *testing.T) {
	_, app := clerkApp(t)
	tuitest.Press(app, tuitest.Key("/"), common.StatusMsg{Text: refused, Error: true}, tuitest.Char('鞍'))
	if !statusShows(app, refused) {
		t.Fatalf("the error left while its input was being typed in:\n%s", screenText(app))
	}
	tuitest.Press(app, tuitest.Key("enter"))
	if tui.Capturing(app) {
		t.Fatalf("the filter kept the focus:\n%s", screenText(app))
	}
	if statusShows(app, refused) {
		t.Errorf("the error stayed after its input closed:\n%s", screenText(app))
	}
}

// TestStatusLeavesWithTheScreen: an error about a form leaves when
// another screen is shown, even by a message rather than a key.
func TestStatusLeavesWithTheScreen(t *testing.T) {
	_, app := clerkApp(t)
	tuitest.Press(app, tuitest.Key("n"), common.StatusMsg{Text: refused, Error: true})
	tuitest.Press(app, common.SwitchScreenMsg{Screen: "screen.orders"})
	if statusShows(app, refused) {
		t.Errorf("the error followed to another screen:\n%s", screenText(app))
	}
}

// TestStatusLeavesAtTheNextAction: opening a document, changing list or
// starting a filter moves on from what the status said.
func TestStatusLeavesAtTheNextAction(t *testing.T) {
	for _, key := range []string{"enter", "j", "/", "tab", "5"} {
		_, app := clerkApp(t)
		tuitest.Press(app, common.StatusMsg{Text: refused, Error: true}, tuitest.Key(key))
		if statusShows(app, refused) {
			t.Errorf("after %s the error is still shown:\n%s", key, screenText(app))
		}
	}
}

// TestTeaStatusLeavesAfterAWhile: with nothing else moving it on, a
// status leaves when its time is up, under the real program.
func TestTeaStatusLeavesAfterAWhile(t *testing.T) {
	f := tuitest.New(t)
	app := f.App(f.Clerk, "zh")
	tui.SetStatusLife(app, 300*time.Millisecond, 600*time.Millisecond)
	scr := tuitest.Run(t, app)
	scr.WaitText(t, "客户档案")
	scr.Send(common.StatusMsg{Text: saved})
	scr.WaitText(t, saved)
	scr.WaitGone(t, saved)
	scr.Send(common.StatusMsg{Text: refused, Error: true})
	scr.WaitText(t, refused)
	scr.WaitGone(t, refused)
	scr.Quit(t)
}

// TestTeaStatusErrorLeavesWithItsInput: a burst typed into an input
// keeps the error that came while it had focus; enter closing the input
// takes the error with it.
func TestTeaStatusErrorLeavesWithItsInput(t *testing.T) {
	f := tuitest.New(t)
	scr := tuitest.Run(t, f.App(f.Clerk, "zh"))
	scr.WaitText(t, "客户档案")
	scr.Send(tuitest.Key("/"))
	// The status is sent from outside, not as the answer of a key: only
	// once the input is open does it come "while the input had focus"
	// (a loaded machine could still hold the / for the list's first page).
	// The help line says so; "筛选:" would also match the list's hint.
	scr.WaitText(t, "enter 保留筛选")
	scr.Send(common.StatusMsg{Text: refused, Error: true})
	scr.Type("鞍山")
	scr.WaitText(t, refused, "鞍山")
	scr.Send(tuitest.Key("enter"))
	scr.WaitGone(t, refused)
	scr.Quit(t)
}
