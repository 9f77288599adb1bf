package customers

import (
	"errors"
	"strings"

	tea "charm.land/bubbletea/v2"

	"orderdesk/store"
	"orderdesk/tui/common"
	"orderdesk/tui/common/form"
	"orderdesk/workflow"
)

// visitKinds are the kinds of contact a visit record can be.
var visitKinds = []string{"visit", "call", "after_sales"}

// visitForm records a visit, call or after-sales contact.
type visitForm struct {
	c        *common.Common
	fields   *form.Form
	customer store.Customer
	err      error
	saving   bool
	req      int
	width    int
	height   int
}

// The visit form's fields.
const (
	fVisitOn    = "on"
	fVisitKind  = "kind"
	fVisitNotes = "notes"
)

func (s *Screen) openVisit(c store.Customer) tea.Cmd {
	if c.Voided {
		return common.Status(s.c.T("refusal.voided"), true)
	}
	s.visit = &visitForm{c: s.c, customer: c, fields: newVisitFields(s.c), width: s.width, height: s.height}
	s.visit.fields.SetValue(fVisitOn, s.c.Now().Format("2006-01-02"))
	s.visit.fields.SetValue(fVisitKind, "visit")
	s.visit.resize(s.width, s.height)
	s.mode = modeVisit
	return nil
}

func newVisitFields(c *common.Common) *form.Form {
	kinds := make([]form.Option, len(visitKinds))
	for i, k := range visitKinds {
		kinds[i] = form.Option{Value: k, Label: c.T("customers.visit." + k)}
	}
	return form.New(c,
		form.Field{Key: fVisitOn, Label: c.T("customers.visit.date"), Width: 20, Limit: 20, Check: func(s string) string {
			if _, ok := parseDate(s, c.Now()); !ok {
				return c.T("customers.visit.bad_date")
			}
			return ""
		}},
		form.Field{Key: fVisitKind, Label: c.T("customers.visit.kind"), Width: 16, Options: kinds},
		form.Field{Key: fVisitNotes, Label: c.T("customers.visit.notes"), Width: 60, Rows: 4, Limit: workflow.MaxLong,
			Check: func(s string) string {
				return common.FieldProblem(c.Cat, workflow.CheckText("notes", s, true, workflow.MaxLong))
			}},
	).EnterSaves()
}

func (v *visitForm) resize(w, h int) {
	v.width, v.height = w, h
	v.fields.SetSize(formSize(w, h))
}

func (s *Screen) updateVisit(msg tea.Msg) tea.Cmd {
	v := s.visit
	if v.saving {
		return nil
	}
	cmd, act := v.fields.Handle(msg, s.c.Keys)
	switch act {
	case form.Save:
		return tea.Batch(cmd, s.submitVisit())
	case form.Cancel:
		s.visit, s.mode = nil, modeDetail
		return common.Status(s.c.T("customers.not_saved"), false)
	}
	return cmd
}

func (s *Screen) submitVisit() tea.Cmd {
	v := s.visit
	date, notes := v.fields.Value(fVisitOn), v.fields.Value(fVisitNotes)
	on, ok := parseDate(date, s.c.Now())
	var err error
	switch {
	case !ok:
		err = shown(s.c.T("customers.visit.bad_date"))
	case strings.TrimSpace(notes) == "":
		err = shown(s.c.T("customers.visit.notes") + s.c.T("customers.colon") + s.c.T("field.required"))
	}
	if err != nil {
		return v.failed(err)
	}
	v.saving, v.err, v.req = true, nil, s.nextReq()
	rec := store.Visit{CustomerID: v.customer.ID, On: on, Kind: v.fields.Value(fVisitKind), Notes: strings.TrimSpace(notes)}
	return addVisit(s.c.Ctx, s.c.Desk, v.req, rec)
}

// failed keeps the form and what was typed.
func (v *visitForm) failed(err error) tea.Cmd {
	v.saving, v.err = false, err
	return common.Status(errText(v.c, err), true)
}

func (s *Screen) onVisitSaved(msg visitSavedMsg) tea.Cmd {
	v := s.visit
	if v == nil || msg.req != v.req {
		return nil
	}
	if msg.err != nil {
		return v.failed(msg.err)
	}
	s.visit, s.mode = nil, modeDetail
	return tea.Batch(common.Status(s.c.T("customers.visit.saved"), false), s.refreshDetail())
}

func (v *visitForm) view() string {
	st := v.c.Styles
	var b strings.Builder
	b.WriteString(st.Title.Render(v.c.T("customers.visit.title", v.customer.Code, v.customer.Name)) + "\n")
	var problems []string
	if v.err != nil {
		problems = append(problems, st.StatusError.Render(errText(v.c, v.err)))
	}
	if errs := fieldProblems(v.c, v.fields); errs != "" {
		problems = append(problems, st.FieldError.Render(errs))
	}
	if v.saving {
		problems = []string{st.Muted.Render(v.c.T("customers.saving"))}
	}
	b.WriteString(common.Fit(strings.Join(problems, "  ·  "), v.width, false))
	b.WriteString("\n" + v.fields.View())
	return b.String()
}

// shown is an error already in the user's words, written by this screen.
type shown string

func (e shown) Error() string { return string(e) }

// errText puts any error in the user's words.
func errText(c *common.Common, err error) string {
	var sh shown
	if errors.As(err, &sh) {
		return string(sh)
	}
	return common.ErrorText(c.Cat, err)
}
