package customers

import (
	"strings"

	tea "charm.land/bubbletea/v2"

	"orderdesk/store"
	"orderdesk/tui/common"
	"orderdesk/tui/common/draft"
	"orderdesk/tui/common/form"
	"orderdesk/workflow"
)

// customerForm creates or edits a customer file. in follows the fields
// as they are typed; what was typed stays in the form until a save works.
type customerForm struct {
	c        *common.Common
	fields   *form.Form
	groupOf  map[string]int // the page each field is on
	in       *workflow.CustomerInput
	orig     *store.Customer // nil when creating
	pending  string          // a terms change already waiting, in words
	reps     []store.User
	err      error // why the last save failed, shown above the form
	saving   bool
	req      int
	returnTo mode
	width    int
	height   int
	draft    *draft.Keeper[customerDraft]
	dirty    bool     // typed into since it opened
	others   []string // who else has this customer open
}

func (s *Screen) openCreate() tea.Cmd {
	in := &workflow.CustomerInput{Category: "sales", PaymentTerms: store.TermsPrepaid}
	return s.openForm(in, nil, "")
}

func (s *Screen) openEdit(file workflow.CustomerFile) tea.Cmd {
	if file.Voided {
		return common.Status(s.c.T("refusal.voided"), true)
	}
	in := workflow.InputFromCustomer(file.Customer)
	if in.PaymentTerms == store.TermsPrepaid && in.TermsDays == "0" {
		in.TermsDays = ""
	}
	orig := file.Customer
	return s.openForm(&in, &orig, s.pendingText(file))
}

func (s *Screen) openForm(in *workflow.CustomerInput, orig *store.Customer, pending string) tea.Cmd {
	s.fileReq = s.nextReq() // an edit or void still loading must not replace this form
	f := &customerForm{c: s.c, in: in, orig: orig, pending: pending, reps: s.reps,
		returnTo: s.mode, width: s.width, height: s.height}
	var load tea.Cmd
	f.draft, load = draft.Open[customerDraft](s.drafts, draftKey(orig))
	if orig != nil {
		presence := s.c.Desk.Presence()
		s.holdRecord(presence.Enter(f.draft.Key(), s.c.Desk.User))
		f.others = presence.Others(f.draft.Key(), s.c.Desk.User.ID)
	}
	s.form, s.mode, s.filtering = f, modeForm, false
	s.filter.Blur()
	f.build()
	return load
}

// build makes the fields over f.in, the focus on the first.
func (f *customerForm) build() {
	f.fields, f.groupOf = newFormFields(f.c, f.reps, f.in, f.orig, f.pending)
	fill(f.fields, f.groupOf, f.in)
	f.resize(f.width, f.height)
}

func (f *customerForm) resize(w, h int) {
	f.width, f.height = w, h
	f.fields.SetSize(formSize(w, h))
}

// setReps gives the rep field the reps that arrived after the form
// opened (a quick n can beat their loading).
func (f *customerForm) setReps(reps []store.User) {
	f.reps = reps
	f.fields.SetOptions(fRep, repOptions(f.c, f.in, reps, f.orig))
}

func (s *Screen) updateForm(msg tea.Msg) tea.Cmd {
	f := s.form
	if f.saving {
		return nil // one save at a time; keys wait for its answer
	}
	if _, ok := msg.(tea.KeyPressMsg); ok && asFieldErrors(f.err, new(workflow.FieldErrors)) {
		f.err = nil // the fields' own messages take over as they are fixed
	}
	before := *f.in
	cmd, act := f.fields.Handle(msg, s.c.Keys)
	if act == form.Cancel {
		return tea.Batch(f.draft.Discard(), s.closeForm(common.Status(s.c.T("customers.not_saved"), false)))
	}
	var keep tea.Cmd
	read(f.fields, f.groupOf, f.in)
	if *f.in != before {
		keep = f.touched()
	}
	if act == form.Save {
		return tea.Batch(cmd, keep, s.submitForm())
	}
	return tea.Batch(cmd, keep)
}

// submitForm checks every field (ctrl+s may come before the user walked
// through them all) and saves in a command.
func (s *Screen) submitForm() tea.Cmd {
	f := s.form
	if _, _, errs := f.in.Validate(); len(errs) > 0 {
		return f.failed(errs)
	}
	// The form itself says it is saving: a status sent beside the save
	// could arrive after the save's own answer and overwrite it.
	f.saving, f.err, f.req = true, nil, s.nextReq()
	return saveCustomer(s.c.Ctx, s.c.Desk, f.req, f.orig, *f.in)
}

// failed shows why saving did not work, field problems at their fields,
// and keeps the form, with what was typed, open.
func (f *customerForm) failed(err error) tea.Cmd {
	f.saving, f.err = false, err
	var fe workflow.FieldErrors
	if asFieldErrors(err, &fe) {
		f.fields.ClearErrors()
		for _, e := range fe {
			f.fields.SetError(e.Field, common.FieldText(f.c.Cat, e))
		}
		if len(fe) > 0 {
			f.fields.FocusField(fe[0].Field)
		}
	}
	return common.Status(common.ErrorText(f.c.Cat, err), true)
}

func (s *Screen) onSaved(msg savedMsg) tea.Cmd {
	f := s.form
	if f == nil || msg.req != f.req {
		return nil
	}
	if msg.err != nil {
		return f.failed(msg.err)
	}
	discard := f.draft.Discard()
	text := s.c.T("customers.saved", strings.TrimSpace(f.in.Name))
	if msg.termsDoc != 0 {
		text = s.c.T("customers.saved_terms_sent", strings.TrimSpace(f.in.Name))
	}
	status := tea.Batch(common.Status(text, false), discard)
	if msg.created {
		s.closeForm(nil)
		s.mode = modeList
		return tea.Batch(status, s.loadList(s.list.last(s.pageSize(), msg.id)))
	}
	cmds := []tea.Cmd{status, s.closeForm(nil), s.reloadList()}
	if s.mode == modeDetail && s.detail.id == msg.id {
		cmds = append(cmds, s.refreshDetail())
	}
	return tea.Batch(cmds...)
}

// closeForm goes back to where the form was opened from.
func (s *Screen) closeForm(cmd tea.Cmd) tea.Cmd {
	if s.form != nil {
		s.mode = s.form.returnTo
		s.holdRecord(nil)
	}
	s.form = nil
	return cmd
}

// view is the form with a title that says where the cursor is, and the
// last save's failure above it.
func (f *customerForm) view() string {
	st := f.c.Styles
	title := f.c.T("customers.form.new")
	if f.orig != nil {
		title = f.c.T("customers.form.edit", f.orig.Code, f.orig.Name)
	}
	if _, k := f.fields.Focused(); k != "" {
		g, pages := f.groupOf[k], 0
		for _, p := range f.groupOf {
			pages = max(pages, p+1)
		}
		title += " · " + f.c.T("customers.form.step", g+1, pages, f.c.T(groupTitles[g])) + " › " + fieldLabel(f.c, k)
	}
	var b strings.Builder
	b.WriteString(common.Fit(st.Title.Render(title), f.width, false) + "\n")
	var problems []string
	if f.err != nil {
		problems = append(problems, st.StatusError.Render(f.errorText()))
	}
	if errs := fieldProblems(f.c, f.fields); errs != "" && f.err == nil {
		problems = append(problems, st.FieldError.Render(errs))
	}
	if f.saving {
		problems = []string{st.Muted.Render(f.c.T("customers.saving"))}
	}
	if len(f.others) > 0 {
		problems = append(problems, st.Warning.Render(f.c.T("customers.also_open", strings.Join(f.others, f.c.T("customers.list_sep")))))
	}
	if text := f.draft.RestoredText("customers.draft_restored"); text != "" {
		problems = append(problems, st.Muted.Render(text))
	}
	b.WriteString(common.Fit(strings.Join(problems, "  ·  "), f.width, false))
	b.WriteString("\n" + f.fields.View())
	return b.String()
}

// errorText says why saving failed; for field problems, which fields.
func (f *customerForm) errorText() string {
	var fe workflow.FieldErrors
	text := common.ErrorText(f.c.Cat, f.err)
	if ok := asFieldErrors(f.err, &fe); ok {
		parts := make([]string, len(fe))
		for i, e := range fe {
			parts[i] = fieldLabel(f.c, e.Field) + f.c.T("customers.colon") + common.FieldText(f.c.Cat, e)
		}
		text += f.c.T("customers.colon") + strings.Join(parts, f.c.T("customers.list_sep"))
	}
	return text
}
