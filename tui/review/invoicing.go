package review

import (
	"orderdesk/tui/common"
	"orderdesk/workflow"
)

// invoiceFields shows an invoice request as its checker compares it with
// the order (开票双人复核): each line's item, quantity, weight, the
// order's unit price and the amount, with the note it shipped on.
func (s *Screen) invoiceFields(d *workflow.DocumentDetail, field func(label, value string)) {
	v := d.Invoice
	if v == nil {
		return
	}
	field("review.field.customer", d.Customer)
	field("review.field.order", v.OrderNo+"  "+common.Terms(s.c.Cat, v.PaymentTerms, v.TermsDays))
	for _, l := range v.Lines {
		field("review.field.line", l.Grade+" "+l.Name+" "+l.Spec+"  "+l.Qty.String()+l.Unit+"  "+l.Weight.String()+"t  ¥"+
			l.Price.String()+"  ¥"+l.Amount.String()+"  ("+l.NoteRef+")")
	}
	field("review.field.amount", "¥"+v.Total.String())
	if v.Issue != nil {
		field("field.name.invoice_no", v.Issue.InvoiceNo+"  "+v.Issue.IssuedOn+" → "+v.Issue.DueOn)
	}
	if v.Notes != "" {
		field("field.name.note", v.Notes)
	}
}
