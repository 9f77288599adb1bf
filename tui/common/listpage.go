package common

import (
	"strings"

	tea "charm.land/bubbletea/v2"
)

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
		if q := l.Query(); q != "" {
			empty = l.c.T("list.no_match", q) // rows there are, none the filter keeps
		}
		b.WriteString("\n" + st.Muted.Render("  "+empty))
		return b.String()
	}
	b.WriteString("\n" + st.Muted.Render(Fit("  "+totals(rows), width, false)))
	return b.String()
}

// KeyLeft gives msg to a list first (its cursor keys, its filter, a
// page it asked for) and says what the list left: a key that is the
// screen's (left), or else what the list did with msg (cmd).
func KeyLeft(list interface {
	Update(tea.Msg) (tea.Cmd, bool)
}, msg tea.Msg) (k tea.KeyPressMsg, cmd tea.Cmd, left bool) {
	if cmd, handled := list.Update(msg); handled {
		return k, cmd, false
	}
	k, left = msg.(tea.KeyPressMsg)
	return k, nil, left
}
