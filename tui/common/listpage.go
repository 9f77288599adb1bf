package common

import "strings"

// Page draws held rows as a list screen shows them, width wide: the
// title with the filter (or, with none, the hint), the header and the
// rows, and under them the empty line or what totals says of the rows
// the filter keeps.
func (l *List[T]) Page(title, hint, empty string, width int, cols []Column, cells func(T) ([]string, bool), totals func([]T) string) string {
	st := l.c.Styles
	var b strings.Builder
	head := st.Title.Render(title)
	if filter := l.FilterView(); filter != "" {
		head += "  " + filter
	} else {
		head += "  " + st.Muted.Render(hint)
	}
	b.WriteString(Fit(head, width, false) + "\n")
	b.WriteString(l.Render(cols, cells))
	rows := l.Rows()
	if len(rows) == 0 {
		b.WriteString("\n" + st.Muted.Render("  "+empty))
		return b.String()
	}
	b.WriteString("\n" + st.Muted.Render(Fit("  "+totals(rows), width, false)))
	return b.String()
}
