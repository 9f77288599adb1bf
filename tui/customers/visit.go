package customers

import (
	"errors"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"
	"github.com/charmbracelet/x/ansi"

	"orderdesk/store"
	"orderdesk/tui/common"
	"orderdesk/workflow"
)

// visitKinds are the kinds of contact a visit record can be.
var visitKinds = []string{"visit", "call", "after_sales"}

// visitInput is a visit as typed.
type visitInput struct{ On, Kind, Notes string }

// visitForm records a visit, call or after-sales contact.
type visitForm struct {
	c        *common.Common
	form     *huh.Form
	in       *visitInput
	customer store.Customer
	err      error
	saving   bool
	req      int
	width    int
	height   int
}

func (s *Screen) openVisit(c store.Customer) tea.Cmd {
	if c.Voided {
		return common.Status(s.c.T("refusal.voided"), true)
	}
	in := &visitInput{On: s.c.Now().Format("2006-01-02"), Kind: "visit"}
	s.visit = &visitForm{c: s.c, in: in, customer: c, width: s.width, height: s.height}
	s.mode = modeVisit
	return s.visit.build()
}

func (v *visitForm) build() tea.Cmd {
	c := v.c
	labels := []string{"customers.visit.date", "customers.visit.kind", "customers.visit.notes"}
	width := 0
	for _, l := range labels {
		width = max(width, ansi.StringWidth(c.T(l)))
	}
	title := func(k string) string { return common.Fit(c.T(k), width+1, false) } // inputs line up
	kinds := make([]huh.Option[string], len(visitKinds))
	for i, k := range visitKinds {
		kinds[i] = huh.NewOption(c.T("customers.visit."+k), k)
	}
	v.form = newHuhForm(c, huh.NewGroup(
		huh.NewInput().Key("on").Title(title("customers.visit.date")).Inline(true).Value(&v.in.On).
			CharLimit(20).Validate(func(s string) error {
			if _, ok := parseDate(s); !ok {
				return errors.New(c.T("customers.visit.date") + c.T("customers.colon") + c.T("customers.visit.bad_date"))
			}
			return nil
		}),
		huh.NewSelect[string]().Key("kind").Title(title("customers.visit.kind")).Inline(true).
			Options(kinds...).Value(&v.in.Kind),
		huh.NewText().Key("notes").Title(title("customers.visit.notes")).Lines(4).Value(&v.in.Notes).
			CharLimit(workflow.MaxLong).Validate(func(s string) error {
			if err := common.FieldErr(c.Cat, workflow.CheckText("notes", s, true, workflow.MaxLong)); err != nil {
				return errors.New(c.T("customers.visit.notes") + c.T("customers.colon") + err.Error())
			}
			return nil
		}),
	))
	v.resize(v.width, v.height)
	return v.form.Init()
}

func (v *visitForm) resize(w, h int) {
	v.width, v.height = w, h
	fw, fh := formSize(w, h)
	v.form.WithWidth(fw).WithHeight(fh)
}

func (s *Screen) updateVisit(msg tea.Msg) tea.Cmd {
	v := s.visit
	if v.saving {
		return nil
	}
	if k, ok := msg.(tea.KeyPressMsg); ok && key.Matches(k, s.keys.save) {
		return s.submitVisit()
	}
	var cmd tea.Cmd
	v.form, cmd = updateHuh(v.form, msg)
	switch v.form.State {
	case huh.StateAborted:
		s.visit, s.mode = nil, modeDetail
		return common.Status(s.c.T("customers.not_saved"), false)
	case huh.StateCompleted:
		return tea.Batch(cmd, s.submitVisit())
	}
	return cmd
}

func (s *Screen) submitVisit() tea.Cmd {
	v := s.visit
	on, ok := parseDate(v.in.On)
	var err error
	switch {
	case !ok:
		err = shown(s.c.T("customers.visit.bad_date"))
	case strings.TrimSpace(v.in.Notes) == "":
		err = shown(s.c.T("customers.visit.notes") + s.c.T("customers.colon") + s.c.T("field.required"))
	}
	if err != nil {
		return v.failed(err)
	}
	v.saving, v.err, v.req = true, nil, s.nextReq()
	rec := store.Visit{CustomerID: v.customer.ID, On: on, Kind: v.in.Kind, Notes: strings.TrimSpace(v.in.Notes)}
	return addVisit(s.c.Ctx, s.c.Desk, v.req, rec)
}

// failed keeps the form and what was typed, rebuilt if huh had finished.
func (v *visitForm) failed(err error) tea.Cmd {
	v.saving, v.err = false, err
	var cmd tea.Cmd
	if v.form.State != huh.StateNormal {
		cmd = v.build()
	}
	return tea.Batch(cmd, common.Status(errText(v.c, err), true))
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
	if errs := fieldErrors(v.c, v.form); errs != "" {
		problems = append(problems, st.FieldError.Render(errs))
	}
	if v.saving {
		problems = []string{st.Muted.Render(v.c.T("customers.saving"))}
	}
	b.WriteString(common.Fit(strings.Join(problems, "  ·  "), v.width, false))
	b.WriteString("\n" + v.form.View())
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
