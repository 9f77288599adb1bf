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
		return common.Column{Title: t(title), Width: max(10, ansi.StringWidth(t(title))), Right: true}
	}
	cols := []common.Column{{Title: "#", Width: 3, Right: true}, {Title: t("field.name.line"), Width: 30},
		figure("shipping.col.ordered"), figure("shipping.col.on_notes"), figure("shipping.col.shipped"),
		figure("shipping.col.open"), {Title: t("shipping.col.unit"), Width: 4}}
	cols = common.Squeeze(cols, s.width, common.Shrink{Col: 1, Min: 16})
	var b strings.Builder
	b.WriteString(st.Header.Render(t("shipping.order_lines")) + "\n")
	b.WriteString(st.Header.Render(common.Header(cols)) + "\n")
	for _, l := range lines {
		b.WriteString(common.Line(cols, []string{itoa(l.LineNo), joinNonEmpty(l.Grade, l.Name, l.Spec), l.Qty.String(),
			l.Committed.String(), l.Shipped.String(), max(l.Open(), 0).String(), l.Unit}) + "\n")
	}
	return b.String()
}
