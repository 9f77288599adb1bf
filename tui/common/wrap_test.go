package common

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

func TestWrapKeepsDatesWhole(t *testing.T) {
	text := "交货日期 2026-12-05 签约地点 沈阳 电话 024-23456789 订单 DD2026-000001 备注 分两批发货"
	for width := 14; width <= 40; width++ {
		got := Wrap(text, width)
		for _, whole := range []string{"2026-12-05", "024-23456789", "DD2026-000001"} {
			if !strings.Contains(got, whole) {
				t.Fatalf("width %d: %q broken in\n%s", width, whole, got)
			}
		}
		for _, line := range strings.Split(got, "\n") {
			if w := ansi.StringWidth(line); w > width {
				t.Fatalf("width %d: line %q is %d cells", width, line, w)
			}
		}
	}
	if got := Wrap("a-b", 80); got != "a-b" {
		t.Errorf("hyphens not restored: %q", got)
	}
}

func TestWidenKeepsTheSpecWhole(t *testing.T) {
	cols := []Column{{Title: "牌号", Width: 6}, {Title: "品名", Width: 6}, {Title: "规格", Width: 8, Keep: true}, {Title: "金额", Width: 12, Right: true}}
	rows := [][]string{{"Q235B", "热轧钢板", "10×1500×6000", "131,400.00"}}
	got := Squeeze(Widen(cols, rows...), 36, Shrink{Col: 2, Min: 4}, Shrink{Col: 1, Min: 4}, Shrink{Col: 0, Min: 5})
	if got[2].Width != 12 {
		t.Errorf("spec column %d cells, want 12 (the whole spec)", got[2].Width)
	}
	if TableWidth(got) > 36 {
		t.Errorf("table %d cells in 36: %v", TableWidth(got), got)
	}
	if line := Line(got, rows[0]); !strings.Contains(line, "10×1500×6000") {
		t.Errorf("spec cut: %q", line)
	}
}

func TestFlowNeverCutsAPart(t *testing.T) {
	got := Flow(30, " · ", "enter 价格记录", "n 提议调价", "m 市场参考价", "c 待审变更")
	for _, line := range strings.Split(got, "\n") {
		if ansi.StringWidth(line) > 30 {
			t.Errorf("line %q wider than 30", line)
		}
	}
	if !strings.Contains(got, "c 待审变更") {
		t.Errorf("a hint was cut: %q", got)
	}
}

func TestHintsKeepWholeKeys(t *testing.T) {
	hint := "enter 价格记录 · n 提议调价 · m 市场参考价 · c 待审变更"
	for _, tc := range []struct {
		width int
		want  string
	}{
		{80, hint},
		{45, "enter 价格记录 · n 提议调价 · m 市场参考价"},
		{20, "enter 价格记录"},
		{5, ""},
		{0, hint}, // the window's width not known yet
	} {
		if got := Hints(hint, tc.width); got != tc.want {
			t.Errorf("width %d: %q, want %q", tc.width, got, tc.want)
		}
	}
}
