package shipping

import (
	"strings"

	"github.com/charmbracelet/x/ansi"

	"orderdesk/store"
	"orderdesk/tui/common"
)

// orderLinesView is the order's lines under a note, each figure in its
// own column under a heading that says what it is: ordered, on delivery
// notes, shipped, and open (on no note yet), in the line's unit.
func (s *Screen) orderLinesView(lines []store.OpenLine) string {
	st, t := s.c.Styles, s.c.T
	figure := func(title string) common.Column {
		return common.Column{Title: t(title), Width: max(10, ansi.StringWidth(t(title))), Right: true, Keep: true}
	}
	rows := make([][]string, len(lines))
	for i, l := range lines {
		rows[i] = []string{itoa(l.LineNo), l.Item(), l.Qty.String(),
			l.Committed.String(), l.Shipped.String(), max(l.Open(), 0).String(), l.Unit}
	}
	// The item (grade, name and spec) and the figures are shown whole.
	cols := common.Widen([]common.Column{{Title: "#", Width: 3, Right: true}, {Title: t("field.name.line"), Width: 30, Keep: true},
		figure("shipping.col.ordered"), figure("shipping.col.on_notes"), figure("shipping.col.shipped"),
		figure("shipping.col.open"), {Title: t("shipping.col.unit"), Width: 4}}, rows...)
	cols = common.Squeeze(cols, s.Width, common.Shrink{Col: 1}, common.Shrink{Col: 2}, common.Shrink{Col: 3},
		common.Shrink{Col: 4}, common.Shrink{Col: 5})
	var b strings.Builder
	b.WriteString(st.Header.Render(t("shipping.order_lines")) + "\n")
	b.WriteString(st.Header.Render(common.Header(cols)) + "\n")
	for _, r := range rows {
		b.WriteString(common.Line(cols, r) + "\n")
	}
	return b.String()
}
