package review

import (
	"orderdesk/workflow"
)

// reconFields shows a month's reconciliation (or a reopening of one) to
// its reviewer: the month, the desk's totals, each difference and its
// note, the reopening's reason.
func (s *Screen) reconFields(d *workflow.DocumentDetail, field func(label, value string)) {
	r := d.Recon
	if r == nil {
		return
	}
	t := r.Totals
	field("field.name.month", r.Month)
	field("recon.col.opening", t.Opening.String())
	field("recon.col.shipped", t.Shipped.String())
	field("recon.col.invoiced", t.Invoiced.String())
	field("recon.col.received", t.Received.String())
	field("recon.col.closing", t.Closing.String()+"  ("+s.c.T("recon.total", r.Customers)+")")
	for _, x := range r.Diffs {
		line := s.c.T("recon.diff_line", x.Customer, s.c.T("recon.figure."+x.Field), x.Desk.String(), x.Finance.String(), x.Difference().String())
		if x.Note != "" {
			line += " · " + x.Note
		}
		field("recon.view.recon", line)
	}
	if r.Reason != "" {
		field("field.name.reason", r.Reason)
	}
}
