package form

import (
	"strconv"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"orderdesk/tui/common"
	"orderdesk/tui/i18n"
	"orderdesk/tui/tuitest/screenrig"
)

func testCommon() *common.Common {
	return &common.Common{Cat: i18n.Catalog{Lang: "zh"}, Styles: common.NewStyles(true)}
}

// inquiryForm is a header of two fields and a grid of four columns, one
// of them read-only.
func inquiryForm() *Form {
	return New(testCommon(),
		Field{Key: "customer", Label: "客户", Width: 20},
		Field{Key: "terms", Label: "付款方式", Width: 10},
	).WithLines(
		Field{Key: "grade", Label: "牌号", Width: 8},
		Field{Key: "name", Label: "品名", Width: 12},
		Field{Key: "total", Label: "金额", Width: 10, ReadOnly: true, Right: true},
		Field{Key: "qty", Label: "数量", Width: 8, Right: true},
	)
}

// typeAll sends every key without running a single command in between:
// the way keys typed ahead arrive while the program is busy.
func typeAll(f *Form, script ...string) {
	for _, m := range screenrig.Script(script...) {
		f.Update(m)
	}
}

type cell struct {
	line int
	key  string
	want string
}

func TestTypingLandsWhereMeant(t *testing.T) {
	tests := []struct {
		name   string
		script []string
		header map[string]string
		cells  []cell
		lines  int
		focus  cell // line -1 for the header; want unused
	}{
		{
			name:   "tab through header into the grid, read-only cell skipped",
			script: []string{"沈阳钢铁", "{tab}", "月结", "{tab}", "Q235B", "{tab}", "钢板", "{tab}", "25.5"},
			header: map[string]string{"customer": "沈阳钢铁", "terms": "月结"},
			cells:  []cell{{0, "grade", "Q235B"}, {0, "name", "钢板"}, {0, "qty", "25.5"}, {0, "total", ""}},
			lines:  1, focus: cell{line: 0, key: "qty"},
		},
		{
			name:   "enter moves on and, at the end of the last line, opens a new one",
			script: []string{"{enter}", "{enter}", "45#", "{enter}", "圆钢", "{enter}", "3", "{enter}", "304"},
			cells:  []cell{{0, "grade", "45#"}, {0, "qty", "3"}, {1, "grade", "304"}},
			lines:  2, focus: cell{line: 1, key: "grade"},
		},
		{
			name:   "down keeps the column, up from the first line returns to the header",
			script: []string{"{tab}", "{tab}", "A", "{ctrl+n}", "B", "{up}", "{end}", "1", "{up}", "X"},
			header: map[string]string{"terms": "X"},
			cells:  []cell{{0, "grade", "A1"}, {1, "grade", "B"}},
			lines:  2, focus: cell{line: -1, key: "terms"},
		},
		{
			name:   "a filled cell typed over is replaced, as in a spreadsheet",
			script: []string{"{tab}", "{tab}", "20", "{ctrl+n}", "B", "{up}", "30"},
			cells:  []cell{{0, "grade", "30"}, {1, "grade", "B"}},
			lines:  2, focus: cell{line: 0, key: "grade"},
		},
		{
			name:   "F2 or end edit in place, backspace on arrival clears, ctrl+u clears",
			script: []string{"{tab}", "{tab}", "20", "{ctrl+n}", "B", "{up}", "{f2}", "5", "{down}", "{backspace}", "C", "{up}", "{ctrl+u}", "D"},
			cells:  []cell{{0, "grade", "D"}, {1, "grade", "C"}},
			lines:  2, focus: cell{line: 0, key: "grade"},
		},
		{
			name:   "ctrl+n inserts below the current line, ctrl+d deletes it",
			script: []string{"{tab}", "{tab}", "L1", "{ctrl+n}", "L2", "{up}", "{ctrl+n}", "MID", "{ctrl+d}"},
			cells:  []cell{{0, "grade", "L1"}, {1, "grade", "L2"}},
			lines:  2, focus: cell{line: 1, key: "grade"},
		},
		{
			name:   "shift+tab walks back over lines into the header",
			script: []string{"{tab}", "{tab}", "G", "{shift+tab}", "{shift+tab}", "C"},
			header: map[string]string{"customer": "C"},
			cells:  []cell{{0, "grade", "G"}},
			lines:  1, focus: cell{line: -1, key: "customer"},
		},
		{
			name:   "deleting the only line empties it",
			script: []string{"{tab}", "{tab}", "Q", "{ctrl+d}", "R"},
			cells:  []cell{{0, "grade", "R"}},
			lines:  1, focus: cell{line: 0, key: "grade"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f := inquiryForm()
			typeAll(f, tc.script...)
			for k, want := range tc.header {
				if got := f.Value(k); got != want {
					t.Errorf("header %s = %q, want %q", k, got, want)
				}
			}
			for _, c := range tc.cells {
				if got := f.Cell(c.line, c.key); got != c.want {
					t.Errorf("line %d %s = %q, want %q", c.line+1, c.key, got, c.want)
				}
			}
			if f.Lines() != tc.lines {
				t.Errorf("lines = %d, want %d", f.Lines(), tc.lines)
			}
			if l, k := f.Focused(); l != tc.focus.line || k != tc.focus.key {
				t.Errorf("focus = line %d %s, want line %d %s", l, k, tc.focus.line, tc.focus.key)
			}
			if !f.Dirty() {
				t.Error("a form typed into is not dirty")
			}
		})
	}
}

func TestSetValuesStayClean(t *testing.T) {
	f := inquiryForm()
	f.SetValue("customer", "大连重工")
	i := f.AddLine(map[string]string{"grade": "Q345B", "qty": "10"})
	f.SetLineID(i, 42)
	if f.Dirty() {
		t.Error("values set by the program made the form dirty")
	}
	if f.Cell(1, "grade") != "Q345B" || f.LineID(1) != 42 || f.LineID(0) != 0 {
		t.Errorf("line 2 = %q id %d", f.Cell(1, "grade"), f.LineID(1))
	}
	if !f.BlankLine(0) || f.BlankLine(1) {
		t.Error("blank lines misjudged")
	}
	f.SetCell(0, "total", "999.00") // read-only cells don't make a line count
	if !f.BlankLine(0) {
		t.Error("a line with only a read-only value is not blank")
	}
}

func TestErrorsShowAtTheField(t *testing.T) {
	f := inquiryForm()
	typeAll(f, "{tab}", "{tab}", "Q235B", "{tab}", "钢板", "{tab}", "0")
	f.SetError("customer", "必填")
	f.SetLineError(0, "qty", "必须大于零")
	f.SetLineNote(0, "不在产品目录中")
	f.SetLineError(0, "lines", "至少一行")
	view := ansi.Strip(f.View())
	for _, want := range []string{"必填", "数量: 必须大于零", "不在产品目录中", "至少一行"} {
		if !strings.Contains(view, want) {
			t.Errorf("view lacks %q:\n%s", want, view)
		}
	}
	if f.Cell(0, "qty") != "0" {
		t.Error("an error replaced what was typed")
	}
	if !f.HasErrors() {
		t.Error("HasErrors is false with errors shown")
	}
	f.ClearErrors()
	if f.HasErrors() || strings.Contains(ansi.Strip(f.View()), "必填") {
		t.Error("ClearErrors left errors")
	}
}

// Columns line up by display width: Chinese text takes two cells a rune.
func TestGridAlignsWideText(t *testing.T) {
	f := inquiryForm()
	f.SetCell(0, "name", "热轧钢板")
	f.AddLine(map[string]string{"grade": "Q235B", "name": "H型钢", "qty": "12.5"})
	f.AddLine(map[string]string{"grade": "304", "name": "不锈钢冷轧卷板超长名称", "qty": "3"})
	f.FocusField("customer") // no grid cell holds the live input
	lines := strings.Split(ansi.Strip(f.View()), "\n")
	var grid []string
	for _, l := range lines {
		if strings.Contains(l, "牌号") || strings.Contains(l, "Q235B") || strings.Contains(l, "304") {
			grid = append(grid, strings.TrimRight(l, " "))
		}
	}
	if len(grid) != 3 {
		t.Fatalf("grid rows = %d:\n%s", len(grid), strings.Join(lines, "\n"))
	}
	qtyEnd := func(s string) int { return ansi.StringWidth(s) }
	if qtyEnd(grid[1]) != qtyEnd(grid[2]) {
		t.Errorf("right-aligned quantities end at %d and %d:\n%s", qtyEnd(grid[1]), qtyEnd(grid[2]), strings.Join(grid, "\n"))
	}
	head := grid[0]
	col := ansi.StringWidth(head[:strings.Index(head, "品名")])
	row := grid[1]
	if got := ansi.StringWidth(row[:strings.Index(row, "H型钢")]); got != col {
		t.Errorf("name column starts at %d, title at %d", got, col)
	}
}

func TestGridScrollsToTheFocus(t *testing.T) {
	f := inquiryForm()
	f.SetSize(80, 15)
	for i := 0; i < 49; i++ {
		f.AddLine(map[string]string{"grade": "G" + strconv.Itoa(i+2)})
	}
	f.FocusCell(45, "grade")
	view := ansi.Strip(f.View())
	if !strings.Contains(view, "G46") || strings.Contains(view, "G2 ") {
		t.Errorf("focused line 46 not in view, or line 2 still shown:\n%s", view)
	}
	if rows := strings.Count(view, "\n") + 1; rows > 15 {
		t.Errorf("view takes %d rows in a height of 15", rows)
	}
	f.FocusField("customer")
	if view := ansi.Strip(f.View()); !strings.Contains(view, "G2 ") || !strings.Contains(view, "…") {
		t.Errorf("back in the header the grid shows its top and says more follow:\n%s", view)
	}
}

// A focus change asks for no blink timer: over SSH every session's timer
// would redraw its screen twice a second for nothing.
func TestFocusStartsNoBlinking(t *testing.T) {
	f := inquiryForm()
	for _, k := range screenrig.Script("{tab}", "{tab}", "{enter}", "{ctrl+n}", "{up}") {
		if cmd := f.Update(k); cmd != nil {
			if msg := cmd(); msg != nil {
				t.Errorf("focus change returned %T", msg)
			}
		}
	}
}

// A paste longer than a field's limit is cut to the limit and the field
// says so, in the header and in a line's cell alike.
func TestPasteCutIsSaid(t *testing.T) {
	f := New(testCommon(), Field{Key: "payer", Label: "付款人", Width: 20, Limit: 5}).
		WithLines(Field{Key: "spec", Label: "规格", Width: 10, Limit: 4})
	f.Update(tea.PasteMsg{Content: "沈阳"}) // fits: nothing said
	if strings.Contains(f.View(), "已截断") {
		t.Fatalf("a paste that fits is reported cut:\n%s", f.View())
	}
	f.Update(tea.PasteMsg{Content: "北方重工集团"})
	if v := f.Value("payer"); v != "沈阳北方重" {
		t.Fatalf("the header field holds %q", v)
	}
	if !strings.Contains(f.View(), "粘贴内容超过 5 字,已截断") {
		t.Fatalf("the cut is not said:\n%s", f.View())
	}
	f.FocusCell(0, "spec")
	f.Update(tea.PasteMsg{Content: "20×1500×6000"})
	if v := f.Cell(0, "spec"); v != "20×1" || !strings.Contains(f.View(), "粘贴内容超过 4 字,已截断") {
		t.Fatalf("the cell holds %q:\n%s", v, f.View())
	}
}

// A grid drops the blank line it starts with only once lines were added
// after it, and never a stored line.
func TestDropBlankFirstKeepsStoredLines(t *testing.T) {
	f := inquiryForm()
	f.DropBlankFirst()
	if f.Lines() != 1 {
		t.Fatalf("the only line dropped: %d lines", f.Lines())
	}
	f.SetLineID(f.AddLine(map[string]string{"grade": "Q345B"}), 42)
	f.DropBlankFirst()
	if f.Lines() != 1 || f.LineID(0) != 42 {
		t.Fatalf("after drop: %d lines, first id %d", f.Lines(), f.LineID(0))
	}
	f.DropBlankFirst()
	if f.Lines() != 1 {
		t.Error("a stored line dropped")
	}
}
