package reconcile

import (
	"errors"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"orderdesk/store"
	"orderdesk/tui/common"
	"orderdesk/tui/common/form"
	"orderdesk/workflow"
	"orderdesk/workflow/printout"
	"orderdesk/workflow/spool"
)

// selected is the customer row under the cursor.
func (s *Screen) selected() (store.MonthFigures, bool) {
	if s.cursor.Pos < 0 || s.cursor.Pos >= len(s.mv.Rows) {
		return store.MonthFigures{}, false
	}
	return s.mv.Rows[s.cursor.Pos], true
}

// reconKey handles the month's keys.
func (s *Screen) reconKey(msg tea.KeyPressMsg) tea.Cmd {
	k := s.keys
	ctx, desk, month, cat := s.c.Ctx, s.c.Desk, s.month, s.c.Cat
	row, ok := s.selected()
	switch {
	case key.Matches(msg, k.start):
		return s.act(cat.T("recon.started", month), func() error {
			_, err := desk.StartReconciliation(ctx, month)
			return err
		})
	case key.Matches(msg, k.submit):
		return s.act(cat.T("recon.submitted"), func() error { return desk.SubmitReconciliation(ctx, month) })
	case key.Matches(msg, k.sign):
		if s.mv.Doc == nil {
			return common.Status(common.ErrorText(cat, &workflow.Refusal{Code: workflow.ReconMissing}), true)
		}
		seen := s.mv.Doc.Version
		return s.act(cat.T("recon.signed", month), func() error { return desk.SignOffMonth(ctx, month, seen) })
	case key.Matches(msg, k.reopen):
		s.openForm("reopen", 0, cat.T("recon.form.reopen", month), form.Field{Key: workflow.FReason, Label: cat.T("field.name.reason"), Width: 50})
	case !ok:
		return nil
	case key.Matches(msg, k.diff):
		s.openForm("diff", row.CustomerID, cat.T("recon.form.diff", row.Customer),
			form.Field{Key: workflow.FField, Label: cat.T("field.name.field"), Width: 12},
			form.Field{Key: workflow.FFinance, Label: cat.T("field.name.finance"), Width: 16},
			form.Field{Key: workflow.FNote, Label: cat.T("field.name.note"), Width: 50})
		s.form.SetValue(workflow.FField, "closing")
		s.form.FocusField(workflow.FFinance)
	case key.Matches(msg, k.resolve):
		for _, d := range s.mv.Diffs {
			if d.CustomerID == row.CustomerID && !d.Resolved {
				s.openForm("resolve", d.ID, cat.T("recon.form.resolve")+" · "+row.Customer,
					form.Field{Key: workflow.FNote, Label: cat.T("field.name.note"), Width: 50})
				return nil
			}
		}
		return common.Status(cat.T("recon.no_diffs"), false)
	case key.Matches(msg, k.issue):
		cust := row.CustomerID
		return func() tea.Msg {
			st, err := desk.IssueStatement(ctx, cust, month)
			if err != nil {
				return doneMsg{err: err}
			}
			return doneMsg{status: cat.T("recon.stmt_issued", st.Number)}
		}
	case key.Matches(msg, k.print):
		cust, company, pr, dir := row.CustomerID, s.c.Company, s.c.Printer(), s.c.PrintDir
		return func() tea.Msg {
			p, err := desk.StatementPrintout(ctx, cust, month, company)
			if err != nil {
				return doneMsg{err: err}
			}
			pdf, err := printout.StatementPDF(p)
			if err != nil {
				return doneMsg{err: err}
			}
			local := "statement-" + month + "-" + strings.ReplaceAll(p.Customer.Name, "/", "_")
			number := p.Number
			if number == "" { // not issued yet: named as at the local desk
				number = local
			}
			return putPDF(pr, dir, cat, spool.Statement, number, local+".pdf", pdf)
		}
	case key.Matches(msg, k.reply):
		st, issued := s.mv.Statements[row.CustomerID]
		if !issued {
			return common.Status(common.ErrorText(cat, &workflow.Refusal{Code: workflow.MonthNotSigned}), true)
		}
		s.openForm("reply", st.ID, cat.T("recon.form.reply", st.Number),
			form.Field{Key: workflow.FAction, Label: cat.T("recon.form.kind"), Width: 12},
			form.Field{Key: workflow.FDay, Label: cat.T("field.name.day"), Width: 12},
			form.Field{Key: workflow.FDisputed, Label: cat.T("field.name.disputed"), Width: 16},
			form.Field{Key: workflow.FNote, Label: cat.T("field.name.note"), Width: 50})
	}
	return nil
}

// ladderKey handles the collections' keys on the invoice under the cursor.
func (s *Screen) ladderKey(msg tea.KeyPressMsg) tea.Cmd {
	if key.Matches(msg, s.keys.mine) {
		s.mine = !s.mine
		s.cursor.Reset()
		return s.load()
	}
	if s.cursor.Pos >= len(s.coll.Items) {
		return nil
	}
	x := s.coll.Items[s.cursor.Pos]
	k := s.keys
	ctx, desk, cat := s.c.Ctx, s.c.Desk, s.c.Cat
	switch {
	case key.Matches(msg, k.remind):
		return s.act(cat.T("recon.reminded"), func() error { return desk.RemindRep(ctx, x.InvoiceID, "") })
	case key.Matches(msg, k.unpaid):
		s.openForm("unpaid", x.InvoiceID, cat.T("recon.form.unpaid", x.InvoiceNo+" "+x.Customer),
			form.Field{Key: workflow.FReason, Label: cat.T("field.name.reason"), Width: 40},
			form.Field{Key: workflow.FPromised, Label: cat.T("field.name.promised"), Width: 12},
			form.Field{Key: workflow.FAction, Label: cat.T("field.name.action"), Width: 40})
	case key.Matches(msg, k.letter):
		cust, company, pr, dir := x.CustomerID, s.c.Company, s.c.Printer(), s.c.PrintDir
		return func() tea.Msg {
			l, err := desk.SendOverdueLetter(ctx, cust, company)
			if err != nil {
				return doneMsg{err: err}
			}
			pdf, err := printout.OverdueLetterPDF(l)
			if err != nil {
				return doneMsg{err: err}
			}
			return putPDF(pr, dir, cat, spool.Letter, l.Number, "overdue-"+l.Number+".pdf", pdf)
		}
	}
	return nil
}

// openForm opens a form of kind acting on target.
func (s *Screen) openForm(kind string, target int64, title string, fields ...form.Field) {
	s.form = form.New(s.c, fields...)
	s.formKind, s.target, s.title = kind, target, title
	s.resizeForm()
}

func (s *Screen) resizeForm() {
	if s.form != nil {
		s.form.SetSize(s.width, max(s.height-4, 3))
	}
}

// formKey: ctrl+s saves, esc cancels (asking first over typed input,
// as every form does), the rest goes to the form.
func (s *Screen) formKey(msg tea.KeyPressMsg) tea.Cmd {
	switch {
	case key.Matches(msg, s.c.Keys.Save):
		return s.save()
	case key.Matches(msg, s.c.Keys.Cancel):
		if question, asking := s.form.Leaving(); asking {
			return question
		}
		s.form = nil
		return nil
	}
	return s.form.Update(msg)
}

// save sends the form's values to the workflow.
func (s *Screen) save() tea.Cmd {
	f := s.form
	f.ClearErrors()
	ctx, desk, month, cat, target := s.c.Ctx, s.c.Desk, s.month, s.c.Cat, s.target
	switch s.formKind {
	case "diff":
		in := workflow.DifferenceInput{CustomerID: target, Field: strings.TrimSpace(f.Value(workflow.FField)),
			Finance: f.Value(workflow.FFinance), Note: f.Value(workflow.FNote)}
		return s.act(cat.T("recon.diff_saved"), func() error {
			_, err := desk.AddDifference(ctx, month, in)
			return err
		})
	case "resolve":
		note := f.Value(workflow.FNote)
		return s.act(cat.T("recon.diff_saved"), func() error { return desk.ResolveDifference(ctx, month, target, note) })
	case "reply":
		in := workflow.ReplyInput{Kind: strings.TrimSpace(f.Value(workflow.FAction)), Day: f.Value(workflow.FDay),
			Disputed: f.Value(workflow.FDisputed), Note: f.Value(workflow.FNote)}
		return s.act(cat.T("recon.reply_saved"), func() error { return desk.RecordStatementReply(ctx, target, in) })
	case "reopen":
		reason := f.Value(workflow.FReason)
		return s.act(cat.T("recon.reopen_asked"), func() error {
			_, err := desk.RequestReopening(ctx, month, reason)
			return err
		})
	case "unpaid":
		in := workflow.UnpaidInput{Reason: f.Value(workflow.FReason), Promised: f.Value(workflow.FPromised), Action: f.Value(workflow.FAction)}
		return s.act(cat.T("recon.report_filed"), func() error {
			_, err := desk.FileUnpaidReport(ctx, target, in)
			return err
		})
	}
	return nil
}

// formErrors puts field errors at their fields; false if err is not one.
func (s *Screen) formErrors(err error) bool {
	var fes workflow.FieldErrors
	var fe *workflow.FieldError
	switch {
	case errors.As(err, &fes):
	case errors.As(err, &fe):
		fes = workflow.FieldErrors{fe}
	default:
		return false
	}
	for _, e := range fes {
		s.form.SetError(e.Field, common.FieldText(s.c.Cat, e))
	}
	return true
}
