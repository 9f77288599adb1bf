package plans

import (
	tea "charm.land/bubbletea/v2"

	"orderdesk/store"
	"orderdesk/tui/common"
	"orderdesk/tui/common/form"
	"orderdesk/workflow"
)

// purchaseStep is which purchase plan form a planForm is: none (a sales
// plan's or target's), the month a new one is derived for, or its lines.
type purchaseStep int

const (
	notPurchase purchaseStep = iota
	purchaseMonth
	purchaseLines
)

// Grid columns of the purchase plan's lines that are shown, not typed.
const (
	fProduct    = "product"
	fFromPlans  = "from_plans"
	fFromOrders = "from_orders"
	fInStock    = "in_stock"
)

// startNewPurchase asks for the month to derive a purchase plan for.
func (s *Screen) startNewPurchase() tea.Cmd {
	if !workflow.Can(s.c.Desk.User, workflow.DraftPurchasePlans) {
		return common.Status(s.c.T("purchase.cannot_draft"), true)
	}
	if cmd := s.formStillOpen(); cmd != nil {
		return cmd
	}
	t := s.c.T
	s.forms++
	f := form.New(s.c, form.Field{Key: workflow.FPeriod, Label: t("purchase.month"), Width: 8, Hint: t("purchase.month_hint"),
		Placeholder: s.c.Now().Format("2006-01")}).EnterSaves()
	return s.showForm(&planForm{c: s.c, id: s.forms, purchase: purchaseMonth, f: f, known: map[string]int64{}})
}

// startPurchaseEdit reads a purchase plan anew to edit its lines.
func (s *Screen) startPurchaseEdit(id int64) tea.Cmd {
	if !workflow.Can(s.c.Desk.User, workflow.DraftPurchasePlans) {
		return common.Status(s.c.T("purchase.cannot_draft"), true)
	}
	s.AskDetail()
	load := loadPurchase(s.c.Ctx, s.c.Desk, s.DetailReq, id)
	return func() tea.Msg { return editMsg{load().(detailMsg)} }
}

// onPurchaseEdit opens the lines' form over a draft or sent-back plan.
func (s *Screen) onPurchaseEdit(p store.PurchasePlan) tea.Cmd {
	if !purchaseEditable(p.Status) {
		return common.Status(s.c.T("plans.not_editable", s.c.T("state.purchase_plan."+p.Status)), true)
	}
	t := s.c.T
	s.forms++
	ff := form.New(s.c, form.Field{Key: workflow.FNote, Label: t("field.name.note"), Width: 40}).WithLines(
		form.Field{Key: fProduct, Label: t("purchase.product"), Width: 24, Narrow: 10, ReadOnly: true},
		form.Field{Key: fFromPlans, Label: t("purchase.from_plans"), Width: 8, Right: true, ReadOnly: true},
		form.Field{Key: fFromOrders, Label: t("purchase.from_orders"), Width: 8, Right: true, ReadOnly: true},
		form.Field{Key: fInStock, Label: t("purchase.in_stock"), Width: 7, Right: true, ReadOnly: true},
		form.Field{Key: workflow.FTonnes, Label: t("purchase.to_buy"), Width: 9, Right: true},
		form.Field{Key: workflow.FNote, Label: t("plans.col.note"), Width: 14, Narrow: 6},
	)
	f := &planForm{c: s.c, id: s.forms, docID: p.DocID, seen: p.Version, ref: p.Ref, f: ff, purchase: purchaseLines,
		fixed: p.Month, known: map[string]int64{}}
	ff.SetValue(workflow.FNote, p.Note)
	for i, l := range p.Lines {
		values := map[string]string{fProduct: s.productName(l), fFromPlans: l.FromPlans.String(), fFromOrders: l.FromOrders.String(),
			fInStock: l.InStock.String(), workflow.FTonnes: l.Tonnes.String(), workflow.FNote: l.Note}
		if i == 0 {
			for k, v := range values {
				ff.SetCell(0, k, v)
			}
			continue
		}
		ff.AddLine(values)
	}
	ff.MarkClean()
	if len(p.Lines) > 0 {
		ff.FocusCell(0, workflow.FTonnes)
	}
	return s.showForm(f)
}

// purchaseInput reads the lines' form: every line, in order, as the
// plan's lines are.
func (f *planForm) purchaseInput() workflow.PurchasePlanInput {
	in := workflow.PurchasePlanInput{Note: f.f.Value(workflow.FNote)}
	for i := 0; i < f.f.Lines(); i++ {
		in.Lines = append(in.Lines, workflow.PurchaseLineInput{Tonnes: f.f.Cell(i, workflow.FTonnes), Note: f.f.Cell(i, workflow.FNote)})
	}
	return in
}

// savePurchaseForm sends the month (a new plan) or the lines' edits.
func (s *Screen) savePurchaseForm(f *planForm) tea.Cmd {
	if f.purchase == purchaseMonth {
		month := f.f.Value(workflow.FPeriod)
		if month == "" {
			month = s.c.Now().Format("2006-01")
		}
		return savePurchase(s.c.Ctx, s.c.Desk, f.id, 0, 0, month, workflow.PurchasePlanInput{})
	}
	return savePurchase(s.c.Ctx, s.c.Desk, f.id, f.docID, f.seen, "", f.purchaseInput())
}

// onPurchaseSaved goes on from a saved purchase form: a plan just
// derived opens its lines to edit, edited lines show the plan.
func (s *Screen) onPurchaseSaved(f *planForm, msg savedMsg) tea.Cmd {
	s.form = nil
	if f.purchase == purchaseMonth {
		s.Mode = modeList
		return tea.Batch(s.reload(), s.startPurchaseEdit(msg.id), common.Status(s.c.T("purchase.derived"), false), f.draft.Discard())
	}
	s.Mode = modeDetail
	return tea.Batch(s.reload(), s.openPurchase(msg.id), common.Status(s.c.T("purchase.saved"), false), f.draft.Discard())
}
