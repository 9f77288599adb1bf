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
	s.linesTable(b, rows, min(len(rows), 10), []common.Column{{Title: "#", Width: 3, Right: true}, {Title: t("pricing.col.grade"), Width: 8},
		{Title: t("pricing.col.name"), Width: 10}, {Title: t("pricing.col.spec"), Width: 16, Keep: true},
		{Title: t("pricing.col.qty"), Width: 14, Right: true, Keep: true}, {Title: t("pricing.col.price"), Width: 12, Right: true, Keep: true},
		{Title: t("pricing.col.amount"), Width: 14, Right: true, Keep: true}})
	if !d.MoneyHidden {
		field("field.name.total", "¥"+q.Total().String())
	}
}

// linesTable writes a document's lines under cols, the first shown of
// rows and how many more there are: the spec and the figures whole
// (cols marks them Keep), the name and the grade giving way.
func (s *Screen) linesTable(b *strings.Builder, rows [][]string, shown int, cols []common.Column) {
	st := s.c.Styles
	cols = common.Squeeze(common.Widen(cols, rows[:shown]...), s.width, common.Shrink{Col: 2, Min: 8}, common.Shrink{Col: 1, Min: 6},
		common.Shrink{Col: 2, Min: 4}, common.Shrink{Col: 1, Min: 5})
	b.WriteString(st.Header.Render(common.Header(cols)) + "\n")
	for _, r := range rows[:shown] {
		b.WriteString(common.Line(cols, r) + "\n")
	}
	if more := len(rows) - shown; more > 0 {
		b.WriteString(st.Muted.Render(s.c.T("orders.audit_more", more)) + "\n")
	}
}
