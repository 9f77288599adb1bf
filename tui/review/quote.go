package review

import (
	"strings"

	"orderdesk/tui/common"
)

// quoteDetail writes a quote under review: its customer, terms and lines
// with their prices, so the supervisor signs off what they read.
func (s *Screen) quoteDetail(b *strings.Builder) {
	d := s.detail
	q := d.Quote
	if q == nil {
		return
	}
	st := s.c.Styles
	t := s.c.T
	field := func(label, value string) {
		b.WriteString(st.Label.Render(common.Fit(t(label), 14, false)) + " " + value + "\n")
	}
	field("review.field.customer", q.Customer)
	field("review.field.terms", common.Terms(s.c.Cat, q.PaymentTerms, q.TermsDays))
	field("review.field.validity", t("pricing.validity_days", q.ValidityDays))
	var rows [][]string
	for _, l := range q.Lines {
		if l.Removed {
			continue
		}
		price, amount := t("pricing.unpriced"), ""
		switch {
		case d.MoneyHidden:
			price, amount = t("orders.hidden"), t("orders.hidden")
		case l.Priced:
			price, amount = l.Price.String(), l.Amount.String()
		}
		qty := l.Qty.String() + " " + common.UnitName(s.c, l.Unit)
		rows = append(rows, []string{itoa(l.LineNo), l.Grade, l.Name, l.Spec, qty, price, amount})
	}
	cols := lineColumns(s.width, rows, []common.Column{{Title: "#", Width: 3, Right: true}, {Title: t("pricing.col.grade"), Width: 8},
		{Title: t("pricing.col.name"), Width: 10}, {Title: t("pricing.col.spec"), Width: 16, Keep: true},
		{Title: t("pricing.col.qty"), Width: 14, Right: true, Keep: true}, {Title: t("pricing.col.price"), Width: 12, Right: true, Keep: true},
		{Title: t("pricing.col.amount"), Width: 14, Right: true, Keep: true}})
	b.WriteString(st.Header.Render(common.Header(cols)) + "\n")
	for i, r := range rows {
		if i == 10 {
			b.WriteString(st.Muted.Render(t("orders.audit_more", len(rows)-i)) + "\n")
			break
		}
		b.WriteString(common.Line(cols, r) + "\n")
	}
	if !d.MoneyHidden {
		field("field.name.total", "¥"+q.Total().String())
	}
}

// lineColumns fits a document's lines to width: the spec and the figures
// whole (cols marks them Keep), the name and the grade giving way.
func lineColumns(width int, rows [][]string, cols []common.Column) []common.Column {
	return common.Squeeze(common.Widen(cols, rows...), width, common.Shrink{Col: 2, Min: 8}, common.Shrink{Col: 1, Min: 6},
		common.Shrink{Col: 2, Min: 4}, common.Shrink{Col: 1, Min: 5})
}
