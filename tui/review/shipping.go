package review

import (
	"strings"

	"orderdesk/tui/common"
	"orderdesk/workflow"
)

// shippingFields shows what a reviewer signs of a delivery note (its
// lines against the order: 发货双人复核) or of a release override (the
// note, why the gate held it, the amount and the reason).
func (s *Screen) shippingFields(d *workflow.DocumentDetail, field func(label, value string)) {
	if n := d.Delivery; n != nil {
		field("review.field.customer", d.Customer)
		field("review.field.order", n.OrderNo+"  "+common.Terms(s.c.Cat, n.PaymentTerms, n.TermsDays))
		field("review.field.ship_to", strings.TrimSpace(n.ShipTo+" "+n.Contact+" "+n.Phone))
		for _, l := range n.Lines {
			line := l.Grade + " " + l.Name + " " + l.Spec + "  " + l.Qty.String() + l.Unit + "  " + l.Weight.String() + "t"
			if !d.MoneyHidden {
				line += "  ¥" + l.Amount.String()
			}
			field("review.field.line", line)
		}
		if !d.MoneyHidden {
			field("review.field.amount", "¥"+n.Total.String())
		}
		if n.Notes != "" {
			field("field.name.note", n.Notes)
		}
	}
	if o := d.Override; o != nil {
		field("review.field.customer", d.Customer)
		field("review.field.note", o.NoteRef)
		field("review.field.gate", s.c.T("review.gate."+o.Gate))
		field("review.field.amount", "¥"+o.AmountDue.String())
		field("field.name.reason", o.Reason)
	}
}
