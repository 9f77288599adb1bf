package plans

import (
	"strings"

	"orderdesk/store"
	"orderdesk/tui/common"
	"orderdesk/workflow"
)

// reportText is the rep's month, the approved plans against what was
// ordered: by customer, by product group, the customers' total and the
// target.
func (s *Screen) reportText(r workflow.PlanReport) string {
	st := s.c.Styles
	t := s.c.T
	var b strings.Builder
	b.WriteString(st.Title.Render(t("plans.vs_actual", r.Month)) + "\n")
	cols := s.reportColumns(max(common.WidestCell(8, r.ByCustomer, func(a store.PlanActual) string { return a.Name }),
		common.WidestCell(8, r.ByGroup, func(a store.PlanActual) string { return a.Name })))
	b.WriteString(st.Header.Render(common.Header(cols)))
	section := func(title string, rows []store.PlanActual) {
		if len(rows) == 0 {
			return
		}
		b.WriteString("\n" + st.Label.Render(title))
		for _, a := range rows {
			b.WriteString("\n" + common.Line(cols, actualCells(a.Name, a)))
		}
	}
	section(t("plans.by_customer"), r.ByCustomer)
	section(t("plans.by_group"), r.ByGroup)
	b.WriteString("\n" + st.Value.Render(common.Line(cols, actualCells(t("plans.total_customers"), r.Total))))
	if x := r.Target; x.DocID != 0 {
		b.WriteString("\n" + st.Muted.Render(common.Line(cols, []string{t("plans.target_row", x.Ref), x.Tonnes.String(),
			r.Total.ActualTonnes.String(), x.Amount.String(), r.Total.ActualAmount.String(),
			percent(int64(r.Total.ActualAmount), int64(x.Amount))})))
	}
	return b.String()
}

// actualCells are one row's plan and actual, tonnes and amount.
func actualCells(name string, a store.PlanActual) []string {
	return []string{name, a.PlanTonnes.String(), a.ActualTonnes.String(), a.PlanAmount.String(), a.ActualAmount.String(),
		percent(int64(a.ActualAmount), int64(a.PlanAmount))}
}

func (s *Screen) reportColumns(name int) []common.Column {
	t := s.c.T
	cols := []common.Column{
		{Title: "", Width: min(name, 26)},
		{Title: t("plans.col.plan_t"), Width: common.Widest(9, t("plans.col.plan_t")), Right: true},
		{Title: t("plans.col.actual_t"), Width: common.Widest(9, t("plans.col.actual_t")), Right: true},
		{Title: t("plans.col.plan_amount"), Width: common.Widest(13, t("plans.col.plan_amount")), Right: true},
		{Title: t("plans.col.actual_amount"), Width: common.Widest(13, t("plans.col.actual_amount")), Right: true},
		{Title: t("plans.col.done"), Width: common.Widest(5, t("plans.col.done")), Right: true},
	}
	return cols
}
