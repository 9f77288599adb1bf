package plans

import (
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"orderdesk/store"
	"orderdesk/tui/common"
	"orderdesk/tui/common/docscreen"
)

// openPlan reads a plan to show.
func (s *Screen) openPlan(id int64) tea.Cmd {
	s.AskDetail()
	return loadPlan(s.c.Ctx, s.c.Desk, s.DetailReq, id)
}

// openTarget shows a target with what the rep ordered in its month.
func (s *Screen) openTarget(x store.Target) tea.Cmd {
	s.Mode = docscreen.Detail
	s.AskDetail()
	return loadTarget(s.c.Ctx, s.c.Desk, s.DetailReq, x)
}

func (s *Screen) onDetail(msg detailMsg) tea.Cmd {
	if msg.req == s.DetailReq {
		s.detailAnswered = msg.req
	}
	again := (s.plan != nil && s.plan.DocID == msg.plan.DocID) || (s.buy != nil && s.buy.DocID == msg.buy.DocID)
	if ok, cmd := s.TakeAnswer(msg.req, msg.err, s.plan == nil, again); !ok {
		return cmd
	}
	s.plan, s.target, s.buy, s.report = nil, nil, nil, msg.report
	switch {
	case msg.buy.DocID != 0:
		b := msg.buy
		s.buy = &b
	case msg.plan.DocID != 0:
		p := msg.plan
		s.plan = &p
	default:
		x := msg.target
		s.target = &x
	}
	return nil
}

func (s *Screen) updateDetail(k tea.KeyPressMsg) tea.Cmd {
	switch {
	case key.Matches(k, s.keys.back):
		s.Mode, s.plan, s.target, s.buy, s.report = docscreen.List, nil, nil, nil, nil
		return nil
	case key.Matches(k, s.keys.refresh):
		return s.refresh()
	case s.buy != nil:
		return s.updatePurchaseDetail(k)
	case s.target != nil && key.Matches(k, s.keys.edit):
		return s.startEditTarget(*s.target)
	case s.target != nil && key.Matches(k, s.keys.submit):
		return s.submit(s.target.PlanHeader, "state.sales_target.")
	case s.target != nil && key.Matches(k, s.keys.void):
		return s.askVoid(s.target.DocID, s.target.Version, s.target.Ref, s.target.Status)
	case s.plan == nil:
	case key.Matches(k, s.keys.edit):
		return s.startEdit(s.plan.DocID)
	case key.Matches(k, s.keys.submit):
		return s.submit(s.plan.PlanHeader, "state.sales_plan.")
	case key.Matches(k, s.keys.result):
		return s.askResult()
	case key.Matches(k, s.keys.void):
		return s.askVoid(s.plan.DocID, s.plan.Version, s.plan.Ref, s.plan.Status)
	}
	s.Body.Key(k)
	return nil
}

// viewDetail draws the document scrolled, the keys under it.
func (s *Screen) viewDetail() string { return s.Body.View() }

// detailText is the plan or target shown, for the scrolled body.
func (s *Screen) detailText() string {
	switch {
	case s.plan != nil:
		return s.planText(*s.plan)
	case s.target != nil:
		return s.targetText(*s.target)
	case s.buy != nil:
		return s.purchaseText(*s.buy)
	}
	return s.c.Styles.Muted.Render(s.c.T("plans.loading"))
}

// field writes "label  value" on a line of its own.
func (s *Screen) field(b *strings.Builder, label, value string) {
	st := s.c.Styles
	b.WriteString(st.Label.Render(common.Fit(s.c.T(label), 14, false)) + " " + st.Value.Render(value) + "\n")
}

func (s *Screen) planText(p store.Plan) string {
	st := s.c.Styles
	t := s.c.T
	var b strings.Builder
	b.WriteString(st.Title.Render(common.Capital(t("plans.detail_title", t("period."+p.Period), p.Ref))) + "  " +
		st.Muted.Render(t("state.sales_plan."+p.Status)) + "\n")
	s.field(&b, "field.name.rep", p.Rep)
	s.field(&b, "field.name.period", p.StartsOn+" ~ "+p.EndsOn)
	s.field(&b, "plans.maker", p.Maker)
	if p.NewCustomers > 0 {
		s.field(&b, "field.name.new_customers", strconv.Itoa(p.NewCustomers))
	}
	if p.Aims != "" {
		s.field(&b, "field.name.aims", p.Aims)
	}
	b.WriteString("\n" + s.linesTable(p))
	for _, r := range p.Results {
		b.WriteString("\n" + st.Label.Render(t("field.name.result")) + " " + st.Value.Render(r.Result) + "  " +
			st.Muted.Render(r.By+" "+r.At.In(s.c.Now().Location()).Format("2006-01-02")))
	}
	if s.report != nil {
		b.WriteString("\n\n" + s.reportText(*s.report))
		if p.Period == store.PeriodMonth {
			b.WriteString("\n\n" + s.monthLineText(p, *s.report))
		}
	}
	return b.String()
}

// linesTable lists a plan's lines with their sum.
func (s *Screen) linesTable(p store.Plan) string {
	st := s.c.Styles
	t := s.c.T
	cols := s.lineColumns(common.WidestCell(16, p.Lines, s.lineName))
	var b strings.Builder
	b.WriteString(st.Header.Render(common.Header(cols)))
	for _, l := range p.Lines {
		act := ""
		if l.Activity != "" {
			act = t("activity." + l.Activity)
		}
		b.WriteString("\n" + common.Line(cols, []string{s.lineName(l), act, l.Tonnes.String(), l.Amount.String(), l.Note}))
	}
	b.WriteString("\n" + st.Muted.Render(common.Line(cols, []string{t("plans.total"), "", p.Tonnes.String(), p.Amount.String(), ""})))
	return b.String()
}

// lineName is what a line plans for: a customer, a product group or a
// prospect, the latter two marked.
func (s *Screen) lineName(l store.PlanLine) string {
	switch {
	case l.ProductGroup != "":
		return s.c.T("plans.group_mark") + l.ProductGroup
	case l.Prospect != "":
		return s.c.T("plans.prospect_mark") + l.Prospect
	}
	return l.Customer
}

func (s *Screen) lineColumns(what int) []common.Column {
	t := s.c.T
	cols := []common.Column{
		{Title: t("plans.col.what"), Width: what},
		{Title: t("plans.col.activity"), Width: common.Widest(4, t("plans.col.activity"))},
		{Title: t("plans.col.tonnes"), Width: common.Widest(9, t("plans.col.tonnes")), Right: true},
		{Title: t("plans.col.amount"), Width: common.Widest(12, t("plans.col.amount")), Right: true},
		{Title: t("plans.col.note"), Width: 10},
	}
	// The names whole where there is room (阜新广创建筑安装工程股份有限公司);
	// in a narrow window the note gives way, then the name.
	return common.Squeeze(common.Stretch(cols, 4, s.Width), s.Width, common.Shrink{Col: 4, Min: 6}, common.Shrink{Col: 0, Min: 16})
}

func (s *Screen) targetText(x store.Target) string {
	st := s.c.Styles
	t := s.c.T
	var b strings.Builder
	b.WriteString(st.Title.Render(t("plans.target_title", x.Period, x.Ref)) + "  " +
		st.Muted.Render(t("state.sales_target."+x.Status)) + "\n")
	s.field(&b, "field.name.rep", x.Rep)
	s.field(&b, "field.name.tonnes", x.Tonnes.String()+" t")
	s.field(&b, "field.name.amount", "¥"+x.Amount.String())
	s.field(&b, "plans.maker", x.Maker)
	if x.Note != "" {
		s.field(&b, "field.name.note", x.Note)
	}
	if r := s.report; r != nil {
		b.WriteString("\n" + st.Title.Render(t("plans.attainment")) + "\n")
		s.field(&b, "plans.ordered", r.Total.ActualTonnes.String()+" t  ¥"+r.Total.ActualAmount.String())
		s.field(&b, "plans.attained", t("plans.attained_value", percent(int64(r.Total.ActualTonnes), int64(x.Tonnes)),
			percent(int64(r.Total.ActualAmount), int64(x.Amount))))
	}
	return b.String()
}

// percent is actual as a whole percentage of plan, "—" without a plan.
func percent(actual, plan int64) string {
	if plan <= 0 {
		return "—"
	}
	return strconv.FormatInt(actual*100/plan, 10) + "%"
}
