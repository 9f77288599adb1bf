package tui_test

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"orderdesk/tui"
	"orderdesk/tui/common"
	"orderdesk/tui/tuitest"
	"orderdesk/workflow"
)

// TestFormsFitAt80 opens the forms with line grids at 80×24 over lines
// of long specs: no line runs past the window, a spec shows whole, and
// the focus, taken back round to the last cells of the grid (a price,
// an amount, a weight), shows its cell's heading and what was typed.
func TestFormsFitAt80(t *testing.T) {
	f := tuitest.New(t)
	seedLoading(f) // at today's clock: seedLongSpecs ends on the screens'
	seedLongSpecs(t, f)
	desk := f.Supervisor
	desk.Roles = append(desk.Roles, string(workflow.Warehouse))
	for _, tc := range []struct {
		name  string
		open  []tea.Msg
		title string      // of the form: it opened
		whole []string    // on the form as it opens
		back  [][2]string // the last cells' headings and what is typed there, last first
	}{
		{"new order", keys("5", "n"), "新销售订单", nil, [][2]string{{"金额", "131400"}, {"单价", "4380"}}},
		{"copied order", keys("5", "c", "ctrl+s"), "修改订单", []string{"12×1800×12000"}, [][2]string{{"金额", "131400"}, {"单价", "4380"}}},
		{"quote", keys("3", "enter", "e"), "编辑报价", longSpecs, [][2]string{{"单价(元)", "4380"}, {"特殊", "定尺"}}},
		{"inquiry", keys("2", "n", "enter"), "特殊要求", nil, [][2]string{{"特殊要求", "定尺"}, {"交货期", "2026-12-10"}}},
		{"price list change", keys("4", "n"), "提议价目表变更", nil, [][2]string{{"截止日", "2026-12-31"}, {"起始日", "2026-12-10"}}},
		{"delivery note", keys("6", "n"), "开发货单", []string{longItemText}, [][2]string{{"重量(吨)", "12.375"}, {"数量", "12.5"}}},
		{"sales plan", append([]tea.Msg{common.SwitchScreenMsg{Screen: "screen.plans"}}, keys("n")...), "新建销售计划", nil, [][2]string{{"备注", "周一前"}, {"金额", "480000"}}},
		{"loading", keys("6", "]", "]", "]", "]", "enter", "l"), "装车登记", []string{longItemText}, [][2]string{{"原因", "少装"}, {"实装重量(吨)", "12.375"}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			app := f.App(desk, "zh")
			tuitest.Press(app, tea.WindowSizeMsg{Width: 80, Height: 24})
			tuitest.Press(app, tc.open...)
			if got := screenText(app); !strings.Contains(got, tc.title) {
				t.Fatalf("form %q not open:\n%s", tc.title, got)
			}
			assertWholeAt80(t, app, tc.whole...)
			for _, cell := range tc.back {
				tuitest.Press(app, tuitest.Key("shift+tab"))
				tuitest.Press(app, tuitest.Keys(cell[1])...)
				assertShownAt80(t, app, cell[:]...)
			}
		})
	}
}

// assertShownAt80 fails unless the frame fits 80 cells and shows each
// of want.
func assertShownAt80(t *testing.T, app *tui.App, want ...string) {
	t.Helper()
	assertWholeAt80(t, app)
	got := screenText(app)
	for _, w := range want {
		if !strings.Contains(got, w) {
			t.Errorf("%q not shown at 80×24:\n%s", w, got)
		}
	}
}

// seedLoading releases a note of the long lines for loading: a monthly
// customer's, signed off.
func seedLoading(f *tuitest.Fixture) {
	f.SignedOffNote(f.SignedOrder(f.MonthlyCustomer("5000000"), "沈阳", longItem), nil)
}
