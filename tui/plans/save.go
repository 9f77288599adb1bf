package plans

import (
	"errors"
	"strconv"
	"strings"

	tea "charm.land/bubbletea/v2"

	"orderdesk/tui/common"
	"orderdesk/workflow"
)

// input reads the form into the workflow's input: lines left blank are
// skipped, rows maps each input line to its form line, and typed are
// the customers named by text, to look up before the save.
func (f *planForm) input() (in workflow.PlanInput, rows []int, typed []typedCustomer) {
	rep, _ := strconv.ParseInt(f.f.Value(workflow.FRep), 10, 64)
	in = workflow.PlanInput{RepID: rep, Period: f.f.Value(workflow.FPeriod), From: f.f.Value(workflow.FFrom),
		To: f.f.Value(workflow.FTo), NewCustomers: f.f.Value(workflow.FNewCustomers), Aims: f.f.Value(workflow.FAims)}
	for i := 0; i < f.f.Lines(); i++ {
		if f.f.BlankLine(i) {
			continue
		}
		cell := func(k string) string { return f.f.Cell(i, k) }
		l := workflow.PlanLineInput{ProductGroup: cell(workflow.FProductGroup), Prospect: cell(workflow.FProspect),
			Activity: activityCode(cell(workflow.FActivity)), Tonnes: cell(workflow.FTonnes), Amount: cell(workflow.FAmount),
			Note: cell(workflow.FNote)}
		if name := strings.TrimSpace(cell(workflow.FCustomer)); name != "" {
			if id, ok := f.known[name]; ok {
				l.CustomerID = id
			} else {
				typed = append(typed, typedCustomer{line: len(in.Lines), row: i, query: name})
			}
		}
		in.Lines = append(in.Lines, l)
		rows = append(rows, i)
	}
	return in, rows, typed
}

// activityCode reads call or visit as typed in either language, or its
// first letter; anything else goes to the workflow, which refuses it at
// the field.
func activityCode(v string) string {
	switch strings.ToLower(strings.TrimSpace(v)) {
	case "c", "电":
		return workflow.ActivityCall
	case "v", "拜", "访":
		return workflow.ActivityVisit
	}
	return v
}

// save sends the form to the workflow; the form stays, as typed, until
// the answer says it worked.
func (s *Screen) save() tea.Cmd {
	f := s.form
	if f.saving {
		return nil
	}
	f.saving = true
	if f.purchase != notPurchase {
		return s.savePurchaseForm(f)
	}
	if f.target {
		return saveTarget(s.c.Ctx, s.c.Desk, f.id, f.docID, f.seen, f.targetInput())
	}
	in, _, typed := f.input()
	return savePlan(s.c.Ctx, s.c.Desk, f.id, f.docID, f.seen, in, typed)
}

func (s *Screen) onSaved(msg savedMsg) tea.Cmd {
	f := s.form
	if f == nil || msg.form != f.id {
		return nil
	}
	f.saving = false
	if len(msg.unknown) > 0 {
		f.f.ClearErrors()
		for _, row := range msg.unknown {
			f.f.SetLineError(row, workflow.FCustomer, s.c.T("plans.no_customer"))
		}
		f.f.FocusCell(msg.unknown[0], workflow.FCustomer)
		return common.Status(s.c.T("error.fix_fields")+s.c.T("customers.colon")+
			s.c.T("plans.line_problem", msg.unknown[0]+1, s.c.T("plans.col.customer"), s.c.T("plans.no_customer")), true)
	}
	var fields workflow.FieldErrors
	switch {
	case errors.As(msg.err, &fields):
		return s.showErrors(fields)
	case msg.err != nil:
		return s.Status(msg.err)
	}
	if msg.purchase {
		return s.onPurchaseSaved(f, msg)
	}
	if msg.target {
		s.form, s.Mode = nil, modeList
		return tea.Batch(s.reload(), common.Status(s.c.T("plans.target_saved"), false), f.draft.Discard())
	}
	s.form, s.Mode = nil, modeDetail
	return tea.Batch(s.reload(), s.openPlan(msg.id), common.Status(s.c.T("plans.saved"), false), f.draft.Discard())
}

// showErrors puts each problem at its field or cell, keeps everything
// typed, moves the focus to the first problem, and names it in the
// status line.
func (s *Screen) showErrors(errs workflow.FieldErrors) tea.Cmd {
	f := s.form
	var rows []int
	switch {
	case f.purchase == purchaseLines:
		for i := 0; i < f.f.Lines(); i++ {
			rows = append(rows, i)
		}
	case f.purchase == notPurchase && !f.target:
		_, rows, _ = f.input()
	}
	f.f.ClearErrors()
	first := ""
	focused := false
	for _, e := range errs {
		text := common.FieldText(s.c.Cat, e)
		switch {
		case e.Line == 0:
			f.f.SetError(e.Field, text)
			if !focused {
				f.f.FocusField(e.Field)
				focused = true
			}
			text = common.FieldName(s.c.Cat, e.Field) + s.c.T("customers.colon") + text
		case e.Line <= len(rows):
			row := rows[e.Line-1]
			f.f.SetLineError(row, e.Field, text)
			if !focused {
				f.f.FocusCell(row, e.Field)
				focused = true
			}
			text = s.c.T("plans.line_problem", row+1, common.FieldName(s.c.Cat, e.Field), text)
		}
		if first == "" {
			first = text
		}
	}
	return common.Status(s.c.T("error.fix_fields")+s.c.T("customers.colon")+first, true)
}
