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

// creditFields shows a credit (红字发票) as its checker compares it with
// the original invoice: what it is for, why, the returned lines at the
// invoice's price, and the amount.
func (s *Screen) creditFields(d *workflow.DocumentDetail, field func(label, value string)) {
	c := d.Credit
	if c == nil {
		return
	}
	field("review.field.customer", d.Customer)
	field("review.field.credit_of", c.InvoiceNo+"  "+c.InvoiceRef+"  "+c.OrderNo)
	field("review.field.basis", s.c.T("credit.basis."+c.Basis))
	field("review.field.credit_reason", c.Reason)
	for _, l := range c.Lines {
		field("review.field.line", l.Grade+" "+l.Name+" "+l.Spec+"  "+l.Qty.String()+l.Unit+"  "+l.Weight.String()+"t  ¥"+
			l.Price.String()+"  ¥"+l.Amount.String())
	}
	field("review.field.amount", "-¥"+c.Total.String())
	if c.CreditNo != "" {
		field("field.name.invoice_no", c.CreditNo)
	}
}
