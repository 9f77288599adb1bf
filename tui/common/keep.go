package common

import "github.com/charmbracelet/x/ansi"

// Widen makes each Keep column at least as wide as its title and the
// widest of its cells in rows (display width: 热轧钢板 takes eight
// cells), so a spec or a date is shown whole; Squeeze may then narrow it
// to that and no further. A Words column is widened the same way but
// Squeeze may narrow it further.
func Widen(cols []Column, rows ...[]string) []Column {
	out := append([]Column(nil), cols...)
	for i, c := range out {
		if !c.Keep && !c.Words {
			continue
		}
		need := ansi.StringWidth(c.Title)
		for _, r := range rows {
			if i < len(r) {
				need = max(need, ansi.StringWidth(r[i]))
			}
		}
		out[i].need, out[i].Width = need, max(c.Width, need)
	}
	return out
}

// WidenTo is Widen over rows of any kind, cells giving each row's cells.
func WidenTo[T any](cols []Column, rows []T, cells func(T) []string) []Column {
	all := make([][]string, len(rows))
	for i, r := range rows {
		all[i] = cells(r)
	}
	return Widen(cols, all...)
}

// TableWidth is the cells a row of cols takes, a space between columns.
func TableWidth(cols []Column) int {
	n := len(cols) - 1
	for _, c := range cols {
		n += c.Width
	}
	return max(n, 0)
}
