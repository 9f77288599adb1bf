package plans

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"orderdesk/store"
	"orderdesk/tui/common"
	"orderdesk/workflow"
)

// The monthly purchase plans (月采购计划): listed latest month first,
// opened with each line's figures and where they came from, drafted
// from a month (n), edited (e), submitted (s), and once approved sent
// to purchasing (u).

func (s *Screen) purchaseListKey(k tea.KeyPressMsg) tea.Cmd {
	if key.Matches(k, s.keys.newPurchase) {
		return s.startNewPurchase()
	}
	p, ok := s.buys.Current()
	if !ok {
		return nil
	}
	if key.Matches(k, s.keys.open) {
		s.Mode = modeDetail
		return s.openPurchase(p.DocID)
	}
	cmd, _ := s.purchaseStep(k, p)
	return cmd
}

// purchaseStep takes the key of a step on purchase plan p (edit,
// submit, send, void), from its list or its detail.
func (s *Screen) purchaseStep(k tea.KeyPressMsg, p store.PurchasePlan) (tea.Cmd, bool) {
	switch {
	case key.Matches(k, s.keys.edit):
		return s.startPurchaseEdit(p.DocID), true
	case key.Matches(k, s.keys.submit):
		return s.submitPurchase(p), true
	case key.Matches(k, s.keys.send):
		return s.sendPurchase(p), true
	case key.Matches(k, s.keys.void):
		return s.askVoid(p.DocID, p.Version, p.Ref, p.Status), true
	}
	return nil, false
}

// openPurchase reads a purchase plan to show.
func (s *Screen) openPurchase(id int64) tea.Cmd {
	s.AskDetail()
	return loadPurchase(s.c.Ctx, s.c.Desk, s.DetailReq, id)
}

func (s *Screen) updatePurchaseDetail(k tea.KeyPressMsg) tea.Cmd {
	if cmd, ok := s.purchaseStep(k, *s.buy); ok {
		return cmd
	}
	s.Body.Key(k)
	return nil
}

// purchaseEditable asks the workflow whether a purchase plan in status
// takes edits.
func purchaseEditable(status string) bool { return stateEditable(workflow.PurchasePlan, status) }

func (s *Screen) submitPurchase(p store.PurchasePlan) tea.Cmd {
	if !workflow.Can(s.c.Desk.User, workflow.DraftPurchasePlans) || s.Busy {
		return nil
	}
	if !purchaseEditable(p.Status) {
		return common.Status(s.c.T("plans.not_submittable", s.c.T("state.purchase_plan."+p.Status)), true)
	}
	s.Busy = true
	return act(p.DocID, p.Ref, "plans.submitted", func() error { return s.c.Desk.SubmitPurchasePlan(s.c.Ctx, p.DocID, p.Version) })
}

func (s *Screen) sendPurchase(p store.PurchasePlan) tea.Cmd {
	if !workflow.Can(s.c.Desk.User, workflow.DraftPurchasePlans) || s.Busy {
		return nil
	}
	if p.Status != "approved" {
		return common.Status(s.c.T("purchase.send_when_approved"), true)
	}
	s.Busy = true
	return act(p.DocID, p.Ref, "purchase.sent", func() error { return s.c.Desk.SendToPurchasing(s.c.Ctx, p.DocID, p.Version) })
}

func (s *Screen) purchaseDetailHelp() []key.Binding {
	k := s.keys
	edit, submit, send := k.edit, k.submit, k.send
	status := s.buy.Status
	edit.SetEnabled(edit.Enabled() && purchaseEditable(status))
	submit.SetEnabled(submit.Enabled() && purchaseEditable(status))
	send.SetEnabled(send.Enabled() && status == "approved")
	void := k.void
	void.SetEnabled(void.Enabled() && status == "approved")
	return []key.Binding{k.back, edit, submit, send, void, s.c.Keys.Up, s.c.Keys.Down}
}

// purchaseMatches keeps the purchase plans whose ref, month, maker or
// status hold query.
func purchaseMatches(p store.PurchasePlan, query string) bool {
	return containsFold(query, p.Ref, p.Month, p.Maker, p.Note, p.Status)
}

func (s *Screen) purchaseColumns() []common.Column {
	t := s.c.T
	cols := []common.Column{
		{Title: t("plans.col.ref"), Width: common.Widest(13, t("plans.col.ref"))},
		{Title: t("plans.col.period"), Width: common.Widest(7, t("plans.col.period"))},
		{Title: t("purchase.to_buy"), Width: common.Widest(10, t("purchase.to_buy")), Right: true},
		{Title: t("plans.col.status"), Width: common.Widest(6, t("plans.col.status"), t("state.purchase_plan.sent"), t("state.purchase_plan.submitted"))},
		{Title: t("plans.maker"), Width: common.Widest(6, t("plans.maker"))},
		{Title: t("plans.col.note"), Width: common.Widest(6, t("plans.col.note"))},
	}
	return common.Stretch(cols, 5, s.Width)
}

func (s *Screen) purchaseCells(p store.PurchasePlan) ([]string, bool) {
	return []string{p.Ref, p.Month, p.Tonnes.String(), s.c.T("state.purchase_plan." + p.Status), p.Maker, p.Note}, p.Status == "void"
}

// viewPurchases draws the purchase plans with the tonnes of those not
// void.
func (s *Screen) viewPurchases() string {
	t := s.c.T
	return s.buys.Page(t("purchase.title"), t("purchase.hint"), t("purchase.empty"), s.Width, s.purchaseColumns(), s.purchaseCells,
		func(rows []store.PurchasePlan) string {
			var tonnes store.Milli
			for _, p := range rows {
				if p.Status != "void" {
					tonnes += p.Tonnes
				}
			}
			return t("purchase.totals", len(rows), tonnes.String())
		})
}

// purchaseText is a purchase plan shown: its lines, each with its
// figures and sources, and the total to buy.
func (s *Screen) purchaseText(p store.PurchasePlan) string {
	st := s.c.Styles
	t := s.c.T
	var b strings.Builder
	b.WriteString(st.Title.Render(t("purchase.detail_title", p.Month, p.Ref)) + "  " +
		st.Muted.Render(t("state.purchase_plan."+p.Status)) + "\n")
	s.field(&b, "plans.maker", p.Maker)
	if p.Note != "" {
		s.field(&b, "field.name.note", p.Note)
	}
	cols := s.purchaseLineColumns(common.WidestCell(common.Widest(12, t("purchase.product")), p.Lines, s.productName))
	b.WriteString("\n" + st.Header.Render(common.Header(cols)))
	var plans, orders, stock store.Milli
	for _, l := range p.Lines {
		plans, orders, stock = plans+l.FromPlans, orders+l.FromOrders, stock+l.InStock
		b.WriteString("\n" + common.Line(cols, []string{s.productName(l), l.FromPlans.String(), l.FromOrders.String(),
			l.InStock.String(), l.Tonnes.String(), l.Note}))
		if l.Sources != "" {
			b.WriteString("\n" + st.Muted.Render(common.Fit("    "+t("purchase.sources")+" "+l.Sources, s.Width, false)))
		}
	}
	b.WriteString("\n" + st.Value.Render(common.Line(cols, []string{t("plans.total"), plans.String(), orders.String(),
		stock.String(), p.Tonnes.String(), ""})))
	return b.String()
}

// productName is what a line buys: the product's name, grade and spec,
// or a sales plan's product group marked as such.
func (s *Screen) productName(l store.PurchaseLine) string {
	if l.Grade == "" && l.Spec == "" {
		return s.c.T("plans.group_mark") + l.Name
	}
	return strings.TrimSpace(l.Name + " " + l.Grade + " " + l.Spec)
}

func (s *Screen) purchaseLineColumns(what int) []common.Column {
	t := s.c.T
	cols := []common.Column{
		{Title: t("purchase.product"), Width: min(what, 30)},
		{Title: t("purchase.from_plans"), Width: common.Widest(8, t("purchase.from_plans")), Right: true},
		{Title: t("purchase.from_orders"), Width: common.Widest(8, t("purchase.from_orders")), Right: true},
		{Title: t("purchase.in_stock"), Width: common.Widest(7, t("purchase.in_stock")), Right: true},
		{Title: t("purchase.to_buy"), Width: common.Widest(9, t("purchase.to_buy")), Right: true},
		{Title: t("plans.col.note"), Width: 10},
	}
	return common.Stretch(cols, 5, s.Width)
}
