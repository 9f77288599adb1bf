package review

import (
	"strings"

	"orderdesk/workflow"
)

// purchaseFields shows a month's purchase plan to the supervisor who
// signs it: each line with what it buys, the tonnes and where they
// came from.
func (s *Screen) purchaseFields(d *workflow.DocumentDetail, field func(label, value string)) {
	p := d.Purchase
	if p == nil {
		return
	}
	t := s.c.T
	field("purchase.month", p.Month)
	field("purchase.to_buy", p.Tonnes.String()+" t")
	if p.Note != "" {
		field("field.name.note", p.Note)
	}
	for _, l := range p.Lines {
		parts := []string{strings.TrimSpace(l.Name + " " + l.Grade + " " + l.Spec), l.Tonnes.String() + " t",
			t("purchase.from_plans") + " " + l.FromPlans.String(), t("purchase.from_orders") + " " + l.FromOrders.String(),
			t("purchase.in_stock") + " " + l.InStock.String()}
		if l.Note != "" {
			parts = append(parts, l.Note)
		}
		if l.Sources != "" {
			parts = append(parts, t("purchase.sources")+" "+l.Sources)
		}
		field("review.purchase_line", strings.Join(parts, " · "))
	}
}
