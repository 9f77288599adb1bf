package tui_test

import (
	"fmt"
	"testing"

	tea "charm.land/bubbletea/v2"

	"orderdesk/tui/common"
	"orderdesk/tui/tuitest"
)

// After a burst of resizes, only the last one's settling redraws the
// whole screen; the earlier ones' do nothing.
func TestTheFrameAfterTheLastResizeIsWhole(t *testing.T) {
	f := tuitest.New(t)
	app := f.App(f.Clerk, "en")
	var settles []tea.Msg
	for _, w := range []int{100, 90, 80} {
		_, cmd := app.Update(tea.WindowSizeMsg{Width: w, Height: 24})
		bg, ok := cmd().(common.BackgroundMsg)
		if !ok {
			t.Fatalf("a resize waits for the size to settle in the background, got %T", cmd())
		}
		settles = append(settles, bg.Cmd())
	}
	for i, m := range settles {
		_, cmd := app.Update(m)
		last := i == len(settles)-1
		switch {
		case last && (cmd == nil || fmt.Sprintf("%T", cmd()) != "tea.clearScreenMsg"):
			t.Fatalf("the last resize's settling does not redraw the whole screen")
		case !last && cmd != nil:
			t.Fatalf("resize %d, already overtaken, redraws: %T", i, cmd())
		}
	}
}
