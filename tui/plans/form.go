package plans

import (
	"strconv"
	"strings"

	tea "charm.land/bubbletea/v2"

	"orderdesk/store"
	"orderdesk/tui/common"
	"orderdesk/tui/common/docscreen"
	"orderdesk/tui/common/draft"
	"orderdesk/tui/common/form"
	"orderdesk/workflow"
)

// planForm is a plan being typed: the rep (for the desk), the period
// kind and days, new customers to win and the aims, then a grid of
// lines, each a customer (by name, short name or 助记码), a product group
// or a prospect. Focus moves inside Update (tui/common/form), so keys
// typed ahead land where meant.
type planForm struct {
	c        *common.Common
	id       int   // tags the answers meant for this form
	docID    int64 // the plan edited; 0 for a new one
	seen     int64 // the version it was opened at
	ref      string
	fixed    string // an edited plan's rep and period kind, which stay as made
	target   bool   // a target's form, not a plan's
	purchase purchaseStep
	complete *completion // the customers a line's customer cell offers
	draft    *draft.Keeper[planDraft]
	f        *form.Form
	known    map[string]int64 // customers already named by the plan, by name
	saving   bool             // one save at a time
	width    int
	height   int
}

// formChrome is the rows around the form: title, gap, hint.
const formChrome = 3

// newForm builds the plan's fields: a new plan's period kind and, at the
// desk, its rep; an edited plan keeps both as made.
func (s *Screen) newForm(isNew bool) *form.Form {
	t := s.c.T
	var header []form.Field
	if isNew && !ownPlansOnly(s.c.Desk.User) {
		header = append(header, form.Field{Key: workflow.FRep, Label: t("field.name.rep"), Width: 12, Options: repOptions(s.reps)})
	}
	if isNew {
		header = append(header, form.Field{Key: workflow.FPeriod, Label: t("field.name.period"), Width: 8, Options: []form.Option{
			{Value: store.PeriodMonth, Label: t("period.month")}, {Value: store.PeriodWeek, Label: t("period.week")},
			{Value: store.PeriodDay, Label: t("period.day")}}})
	}
	header = append(header,
		form.Field{Key: workflow.FFrom, Label: t("field.name.from"), Width: 11, Hint: t("plans.from_hint")},
		form.Field{Key: workflow.FTo, Label: t("field.name.to"), Width: 11, Hint: t("plans.to_hint")},
		form.Field{Key: workflow.FNewCustomers, Label: t("field.name.new_customers"), Width: 5},
		form.Field{Key: workflow.FAims, Label: t("field.name.aims"), Width: 40},
	)
	return form.New(s.c, header...).WithLines(
		form.Field{Key: workflow.FCustomer, Label: t("plans.col.customer"), Width: 14, Narrow: 8},
		form.Field{Key: workflow.FProductGroup, Label: t("plans.col.group"), Width: 10, Narrow: 8},
		form.Field{Key: workflow.FProspect, Label: t("plans.col.prospect"), Width: 10, Narrow: 6},
		form.Field{Key: workflow.FActivity, Label: t("plans.col.activity"), Width: 10, Narrow: 5},
		form.Field{Key: workflow.FTonnes, Label: t("plans.col.tonnes"), Width: 9, Right: true},
		form.Field{Key: workflow.FAmount, Label: t("plans.col.amount"), Width: 12, Right: true},
		form.Field{Key: workflow.FNote, Label: t("plans.col.note"), Width: 12, Narrow: 6},
	)
}

// repOptions are the reps a plan may be drafted for.
func repOptions(reps []store.User) []form.Option {
	var out []form.Option
	for _, u := range reps {
		out = append(out, form.Option{Value: strconv.FormatInt(u.ID, 10), Label: u.Name})
	}
	return out
}

// setReps fills the rep choice once the reps have come.
func (f *planForm) setReps(reps []store.User) { f.f.SetOptions(workflow.FRep, repOptions(reps)) }

// startNew opens the form for a new plan.
func (s *Screen) startNew() tea.Cmd {
	if !workflow.Can(s.c.Desk.User, workflow.DraftPlans) {
		return common.Status(s.c.T("plans.cannot_draft"), true)
	}
	if cmd := s.formStillOpen(); cmd != nil {
		return cmd
	}
	s.forms++
	return s.showForm(&planForm{c: s.c, id: s.forms, f: s.newForm(true), known: map[string]int64{}})
}

// formStillOpen goes back to a form still open, keeping what is typed
// in it, and says so; nil when none is.
func (s *Screen) formStillOpen() tea.Cmd {
	if s.form == nil {
		return nil
	}
	s.Mode = docscreen.Form
	return common.Status(s.c.T("plans.form_open"), true)
}

// showForm puts a form just built on screen and asks for its kept draft.
func (s *Screen) showForm(f *planForm) tea.Cmd {
	f.resize(s.Width, s.Height)
	s.form, s.Mode = f, docscreen.Form
	return s.openDraft(f)
}

// startEdit opens the form over a draft or sent-back plan, read anew so
// the form holds what is stored.
func (s *Screen) startEdit(id int64) tea.Cmd {
	if !workflow.Can(s.c.Desk.User, workflow.DraftPlans) {
		return common.Status(s.c.T("plans.cannot_draft"), true)
	}
	s.AskDetail()
	req := s.DetailReq
	load := loadPlan(s.c.Ctx, s.c.Desk, req, id)
	return func() tea.Msg { return editMsg{load().(detailMsg)} }
}

// editMsg is a plan read to edit.
type editMsg struct{ detailMsg }

func (s *Screen) onEdit(msg editMsg) tea.Cmd {
	if msg.req != s.DetailReq {
		return nil
	}
	s.detailAnswered = msg.req
	if msg.err != nil {
		return s.Status(msg.err)
	}
	if msg.buy.DocID != 0 {
		return s.onPurchaseEdit(msg.buy)
	}
	p := msg.plan
	if !editable(p.Status) {
		return common.Status(s.c.T("plans.not_editable", s.c.T("state.sales_plan."+p.Status)), true)
	}
	s.forms++
	f := &planForm{c: s.c, id: s.forms, docID: p.DocID, seen: p.Version, ref: p.Ref, f: s.newForm(false),
		fixed: p.Rep + " · " + s.c.T("period."+p.Period), known: map[string]int64{}}
	f.fill(p)
	return s.showForm(f)
}

// fill puts a stored plan into the form.
func (f *planForm) fill(p store.Plan) {
	from := p.StartsOn
	if p.Period == store.PeriodMonth && strings.HasSuffix(from, "-01") {
		from = from[:7]
	}
	f.f.SetValue(workflow.FFrom, from)
	f.f.SetValue(workflow.FTo, p.EndsOn)
	if p.NewCustomers > 0 {
		f.f.SetValue(workflow.FNewCustomers, strconv.Itoa(p.NewCustomers))
	}
	f.f.SetValue(workflow.FAims, p.Aims)
	for i, l := range p.Lines {
		if l.CustomerID != 0 {
			f.known[l.Customer] = l.CustomerID
		}
		act := ""
		if l.Activity != "" {
			act = f.c.T("activity." + l.Activity)
		}
		values := map[string]string{workflow.FCustomer: l.Customer, workflow.FProductGroup: l.ProductGroup,
			workflow.FProspect: l.Prospect, workflow.FActivity: act, workflow.FTonnes: blankZero(l.Tonnes.String()),
			workflow.FAmount: blankZero(l.Amount.String()), workflow.FNote: l.Note}
		if i == 0 {
			for k, v := range values {
				f.f.SetCell(0, k, v)
			}
			continue
		}
		f.f.AddLine(values)
	}
	f.f.MarkClean()
}

// blankZero leaves a figure of nothing empty, as it was typed.
func blankZero(v string) string {
	if strings.Trim(v, "0.") == "" {
		return ""
	}
	return v
}

func (f *planForm) resize(w, h int) {
	f.width, f.height = w, h
	f.f.SetSize(w, max(h-formChrome, 6))
}

// updateForm takes a key or paste for the form; ctrl+s saves, esc
// leaves (asking once when something was typed).
func (s *Screen) updateForm(msg tea.Msg) tea.Cmd {
	f := s.form
	if f == nil {
		s.Mode = docscreen.List
		return nil
	}
	if f.completeKey(msg) {
		return nil
	}
	cmd, act := f.f.Handle(msg, s.c.Keys)
	switch act {
	case form.Cancel:
		s.form, s.Mode = nil, docscreen.List
		return f.draft.Discard()
	case form.AskLeave:
		return cmd
	case form.Save:
		return s.save()
	}
	return tea.Batch(cmd, f.touched(), s.askCompletion(f))
}

// view draws the title, the form and its keys.
func (f *planForm) view() string {
	st := f.c.Styles
	title := f.c.T("plans.new")
	switch {
	case f.purchase == purchaseMonth:
		title = f.c.T("purchase.new")
	case f.purchase == purchaseLines:
		title = f.c.T("purchase.edit", f.ref) + "  " + st.Muted.Render(f.fixed)
	case f.target && f.docID != 0:
		title = f.c.T("plans.edit_target", f.ref) + "  " + st.Muted.Render(f.fixed)
	case f.target:
		title = f.c.T("plans.new_target")
	case f.docID != 0:
		title = f.c.T("plans.edit", f.ref) + "  " + st.Muted.Render(f.fixed)
	}
	if f.saving {
		title += "  " + st.Muted.Render(f.c.T("plans.saving"))
	}
	var b strings.Builder
	b.WriteString(common.Fit(st.Title.Render(title), f.width, false) + "\n")
	b.WriteString(f.f.View() + "\n")
	hint := "plans.form_hint"
	switch {
	case f.purchase == purchaseMonth:
		hint = "purchase.month_form_hint"
	case f.purchase == purchaseLines:
		hint = "purchase.form_hint"
	case f.target:
		hint = "plans.target_form_hint"
	}
	if offer := f.completionLine(); offer != "" {
		b.WriteString(offer)
		return b.String()
	}
	b.WriteString(st.Muted.Render(common.Hints(f.c.T(hint), f.width)))
	return b.String()
}
