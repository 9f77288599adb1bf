package orders

import (
	"strings"

	"github.com/charmbracelet/x/ansi"

	"orderdesk/store"
	"orderdesk/tui/common"
	"orderdesk/workflow"
)

// fulfilmentColumns: per line what was ordered, what has shipped, what
// notes hold and has not left, what no note holds yet (open), and what
// is invoiced and still to invoice; quantities in the line's unit
// (shown in the lines table above), weights in tonnes.
func (s *Screen) fulfilmentColumns() []common.Column {
	t := s.c.T
	w := func(title string, n int) int { return max(n, ansi.StringWidth(t(title))) }
	var cols []common.Column
	cols = append(cols, common.Column{Title: "#", Width: 3, Right: true})
	for _, k := range []string{"ordered", "shipped", "shipped_wt", "on_notes", "open", "open_wt", "invoiced", "to_invoice"} {
		cols = append(cols, common.Column{Title: t("orders.fill." + k), Width: w("orders.fill."+k, 10), Right: true})
	}
	// Eighty columns: every figure narrows to eight cells, none vanishes.
	var shrink []common.Shrink
	for i := 1; i < len(cols); i++ {
		shrink = append(shrink, common.Shrink{Col: i, Min: 8})
	}
	return common.Squeeze(cols, s.width-2, shrink...)
}

// fulfilmentTable is the order's lines with their shipping and
// invoicing figures; "" when the order has no lines.
func (s *Screen) fulfilmentTable(d *workflow.OrderDetail) string {
	if len(d.Shipping) == 0 {
		return ""
	}
	st := s.c.Styles
	cols := s.fulfilmentColumns()
	inv := map[int64]store.OrderLineInvoicing{}
	for _, l := range d.Invoicing {
		inv[l.OrderLineID] = l
	}
	var b strings.Builder
	b.WriteString("  " + st.Header.Render(s.c.T("orders.fill.title")))
	b.WriteString("\n  " + st.Header.Render(common.Header(cols)))
	for _, l := range d.Shipping {
		q := store.Milli.String
		i := inv[l.OrderLineID]
		b.WriteString("\n  " + common.Line(cols, []string{itoa(l.LineNo), q(l.Qty), q(l.Shipped), l.ShippedWt.String(),
			q(l.Committed - l.Shipped), q(l.Open()), l.OpenWeight().String(), q(i.Invoiced), q(i.ToInvoice())}))
	}
	return b.String()
}
