package common

import (
	"strconv"
	"strings"

	"orderdesk/store"
)

// PriceChangeTable draws the lines of a price-list change, each with the
// list price it replaces, for whoever proposes or reviews it; hidden
// blanks the prices of a reader who may not see them; the table fits
// width cells.
func PriceChangeTable(c *Common, lines []store.PriceChangeLine, hidden bool, width int) string {
	st := c.Styles
	rows := make([][]string, len(lines))
	for i, l := range lines {
		old, price := "—", l.Price.String()
		if l.HadOld {
			old = l.OldPrice.String()
		}
		if hidden {
			old, price = c.T("pricelist.hidden"), c.T("pricelist.hidden")
		}
		rows[i] = []string{strconv.Itoa(l.LineNo), l.Grade, l.Name, l.Spec, UnitName(c, l.Unit), old, price,
			l.ValidFrom, OpenEnd(c, l.ValidTo)}
	}
	// The spec, the prices and the dates whole; at 80 columns the name
	// and the grade give way.
	cols := Squeeze(Widen([]Column{
		{Title: "#", Width: 3, Right: true},
		{Title: c.T("pricelist.col.grade"), Width: 10},
		{Title: c.T("pricelist.col.name"), Width: 12},
		{Title: c.T("pricelist.col.spec"), Width: 16, Keep: true},
		{Title: c.T("pricelist.col.unit"), Width: 4},
		{Title: c.T("pricelist.col.old_price"), Width: 12, Right: true, Keep: true},
		{Title: c.T("pricelist.col.price"), Width: 12, Right: true, Keep: true},
		{Title: c.T("pricelist.col.from"), Width: 10, Keep: true},
		{Title: c.T("pricelist.col.to"), Width: 10, Keep: true},
	}, rows...), width, Shrink{Col: 3}, Shrink{Col: 5}, Shrink{Col: 6}, Shrink{Col: 2, Min: 6}, Shrink{Col: 1, Min: 6}, Shrink{Col: 2, Min: 4})
	var b strings.Builder
	b.WriteString(st.Header.Render(Header(cols)))
	for i, l := range lines {
		row := Line(cols, rows[i])
		if l.Unknown {
			row += "  " + st.Warning.Render(c.T("pricelist.not_in_catalogue"))
		}
		b.WriteString("\n" + row)
	}
	return b.String()
}

// UnitName is a unit in the user's language (吨, 千克, 件).
func UnitName(c *Common, unit string) string {
	if unit == "" {
		return ""
	}
	return c.T("unit." + unit)
}

// OpenEnd shows the last day of a price, or that it has none.
func OpenEnd(c *Common, day string) string {
	if day == "" {
		return c.T("pricelist.open_end")
	}
	return day
}
