package form

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// orderGrid is an order's grid, 97 cells wide: wider than an 80-column
// window even once the name gives way.
func orderGrid() *Form {
	return New(testCommon(), Field{Key: "ship_to", Label: "送货地址", Width: 50, Hint: "客户收货的完整地址,含区县、街道与楼门号码,以便承运人按址送达"}).WithLines(
		Field{Key: "grade", Label: "牌号", Width: 8},
		Field{Key: "name", Label: "品名", Width: 10, Narrow: 6},
		Field{Key: "spec", Label: "规格", Width: 14},
		Field{Key: "qty", Label: "数量", Width: 9, Right: true},
		Field{Key: "unit", Label: "单位", Width: 5},
		Field{Key: "weight", Label: "重量", Width: 9, Right: true},
		Field{Key: "basis", Label: "计重", Width: 6},
		Field{Key: "price", Label: "单价", Width: 10, Right: true},
		Field{Key: "amount", Label: "金额", Width: 12, Right: true},
	)
}

func assertWithin(t *testing.T, view string, width int) {
	t.Helper()
	for n, l := range strings.Split(view, "\n") {
		if w := ansi.StringWidth(l); w > width {
			t.Errorf("line %d is %d cells, over %d: %q", n+1, w, width, l)
		}
	}
}

func TestGridFitsTheWindow(t *testing.T) {
	f := orderGrid()
	f.SetSize(80, 20)
	f.SetCell(0, "grade", "Q235B")
	f.SetCell(0, "name", "热轧钢板")
	f.SetCell(0, "spec", "10×1500×6000")
	typeAll(f, "{tab}") // onto the grade
	v := ansi.Strip(f.View())
	assertWithin(t, v, 80)
	if !strings.Contains(v, "10×1500×6000") || !strings.Contains(v, "热轧…") {
		t.Errorf("the spec should show whole and the name give way:\n%s", v)
	}
	if !strings.Contains(v, " ›") || strings.Contains(v, "金额") {
		t.Errorf("the amount should be hidden to the right, and marked so:\n%s", v)
	}

	typeAll(f, "{tab}", "{tab}", "{tab}", "{tab}", "{tab}", "{tab}", "{tab}", "4380", "{tab}", "131400")
	v = ansi.Strip(f.View())
	assertWithin(t, v, 80)
	for _, want := range []string{"单价", "金额", "4380", "131400", "‹"} {
		if !strings.Contains(v, want) {
			t.Errorf("at the amount, %q should show:\n%s", want, v)
		}
	}
	if strings.Contains(v, "牌号") || strings.Contains(v, " ›") {
		t.Errorf("the grade should be hidden to the left, and nothing to the right:\n%s", v)
	}

	// Back to the first column: the grid scrolls back.
	typeAll(f, "{enter}")
	v = ansi.Strip(f.View())
	if !strings.Contains(v, "牌号") || strings.Contains(v, "‹") {
		t.Errorf("on a new line's grade the grid should show its first column:\n%s", v)
	}
	if f.Cell(0, "price") != "4380" || f.Cell(0, "amount") != "131400" {
		t.Errorf("typed cells: price %q, amount %q", f.Cell(0, "price"), f.Cell(0, "amount"))
	}
}

// A hint that would run past the edge goes under its field.
func TestHeaderHintWraps(t *testing.T) {
	f := orderGrid()
	f.SetSize(80, 20)
	v := ansi.Strip(f.View())
	assertWithin(t, v, 80)
	if !strings.Contains(v, "楼门号码") {
		t.Errorf("the hint should show whole:\n%s", v)
	}
	f.SetSize(130, 30)
	if v := ansi.Strip(f.View()); !strings.Contains(strings.Split(v, "\n")[0], "客户收货") {
		t.Errorf("in a wide window the hint stays beside its field:\n%s", v)
	}
}

// A grid that fits shows every column, unmarked, as before.
func TestWideWindowShowsEveryColumn(t *testing.T) {
	f := orderGrid()
	f.SetSize(120, 20)
	v := ansi.Strip(f.View())
	for _, want := range []string{"牌号", "品名      ", "金额"} {
		if !strings.Contains(v, want) {
			t.Errorf("%q should show at 120:\n%s", want, v)
		}
	}
	if strings.ContainsAny(v, "‹›") {
		t.Errorf("nothing is hidden at 120:\n%s", v)
	}
}
