package review

import (
	"strconv"
	"strings"

	"orderdesk/workflow"
)

// planFields shows a sales plan or target to the supervisor who signs
// it: the rep, the period, and each line with its tonnes and amount.
func (s *Screen) planFields(d *workflow.DocumentDetail, field func(label, value string)) {
	if x := d.Target; x != nil {
		field("field.name.rep", x.Rep)
		field("field.name.period", x.Period)
		field("field.name.tonnes", x.Tonnes.String()+" t")
		field("field.name.amount", "¥"+x.Amount.String())
		if x.Note != "" {
			field("field.name.note", x.Note)
		}
	}
	p := d.Plan
	if p == nil {
		return
	}
	field("field.name.rep", p.Rep)
	field("field.name.period", s.c.T("period."+p.Period)+"  "+p.StartsOn+" ~ "+p.EndsOn)
	field("field.name.tonnes", p.Tonnes.String()+" t  ¥"+p.Amount.String())
	field("field.name.new_customers", strconv.Itoa(p.NewCustomers))
	if p.Aims != "" {
		field("field.name.aims", p.Aims)
	}
	for _, l := range p.Lines {
		parts := []string{l.Customer + l.ProductGroup + l.Prospect}
		if l.Activity != "" {
			parts = append(parts, s.c.T("activity."+l.Activity))
		}
		if l.Tonnes != 0 || l.Amount != 0 {
			parts = append(parts, l.Tonnes.String()+" t", "¥"+l.Amount.String())
		}
		if l.Note != "" {
			parts = append(parts, l.Note)
		}
		field("review.plan_line", strings.Join(parts, " · "))
	}
	for _, r := range p.Results {
		field("field.name.result", r.Result+" ("+r.By+")")
	}
}
