package customers

import (
	"orderdesk/tui/common"
	"orderdesk/workflow"
)

// afterSalesLines are the customer's after-sales history (售后记录): each
// complaint with its type, status and resolution, each follow-up call
// with what the customer said; nothing for a customer with none.
func (s *Screen) afterSalesLines(a workflow.AfterSales) []string {
	if len(a.Complaints) == 0 && len(a.FollowUps) == 0 {
		return nil
	}
	st, t := s.c.Styles, s.c.T
	out := []string{"", st.Title.Render(t("customers.aftersales.title", len(a.Complaints), len(a.FollowUps)))}
	for _, x := range a.Complaints {
		line := "  " + x.CreatedAt.In(s.c.Now().Location()).Format("2006-01-02") + "  " + x.Ref + "  " +
			common.Fit(t("complaint.type."+x.Type), 10, false) + "  " + common.Fit(t("state.complaint."+x.Status), 6, false)
		if x.Resolution != "" {
			line += "  " + t("complaint.resolution."+x.Resolution)
		}
		if x.ConcernsRef != "" {
			line += "  " + x.ConcernsRef
		}
		out = append(out, common.Fit(line, s.width, false))
	}
	for _, f := range a.FollowUps {
		ok := t("followup.satisfied")
		if !f.Satisfied {
			ok = t("followup.unsatisfied")
		}
		out = append(out, common.Fit("  "+f.CalledOn+"  "+t("customers.aftersales.call", t("followup.source."+f.Source), f.SourceRef)+
			"  "+ok+"  "+f.Remark+"  "+f.By, s.width, false))
	}
	return out
}
