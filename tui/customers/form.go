package customers

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"

	"orderdesk/store"
	"orderdesk/tui/common"
	"orderdesk/tui/common/draft"
	"orderdesk/workflow"
)

// customerForm creates or edits a customer file. The huh form writes
// into in as the user types, so what was typed survives a failed save:
// a form that has completed is rebuilt over the same values.
type customerForm struct {
	c        *common.Common
	form     *huh.Form
	fields   formFields
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
	return tea.Batch(f.build(0), load)
}

// build makes the huh form over f.in and opens it at group.
func (f *customerForm) build(group int) tea.Cmd {
	f.fields = newFormFields(f.c, f.in, f.reps, f.orig, f.pending)
	f.form = newHuhForm(f.c, f.fields.groups...)
	f.resize(f.width, f.height)
	cmds := []tea.Cmd{f.form.Init()}
	for range group {
		cmds = append(cmds, f.form.NextGroup())
	}
	return tea.Sequence(cmds...)
}

func (f *customerForm) resize(w, h int) {
	f.width, f.height = w, h
	fw, fh := formSize(w, h)
	f.form.WithWidth(fw).WithHeight(fh)
}

func (s *Screen) updateForm(msg tea.Msg) tea.Cmd {
	f := s.form
	if f.saving {
		return nil // one save at a time; keys wait for its answer
	}
	if k, ok := msg.(tea.KeyPressMsg); ok && key.Matches(k, s.keys.save) {
		return s.submitForm()
	}
	if _, ok := msg.(tea.KeyPressMsg); ok && asFieldErrors(f.err, new(workflow.FieldErrors)) {
		f.err = nil // the fields' own messages take over as they are fixed
	}
	f.fields.refresh(f.in) // the derived 助记码 follows the name
	var cmd, draft tea.Cmd
	before := *f.in
	f.form, cmd = updateHuh(f.form, msg)
	if *f.in != before {
		draft = f.touched()
	}
	switch f.form.State {
	case huh.StateAborted:
		return tea.Batch(f.draft.Discard(), s.closeForm(common.Status(s.c.T("customers.not_saved"), false)))
	case huh.StateCompleted:
		return tea.Batch(cmd, draft, s.submitForm())
	}
	return tea.Batch(cmd, draft)
}

// submitForm checks every field (ctrl+s may come before the user walked
// through them all) and saves in a command.
func (s *Screen) submitForm() tea.Cmd {
	f := s.form
	if _, _, errs := f.in.Validate(); len(errs) > 0 {
		return f.failed(errs)
	}
	f.saving, f.err, f.req = true, nil, s.nextReq()
	return tea.Batch(common.Status(s.c.T("customers.saving"), false),
		saveCustomer(s.c.Ctx, s.c.Desk, f.req, f.orig, *f.in))
}

// failed shows why saving did not work and keeps the form, with what was
// typed, open: a completed huh form is rebuilt at its last group.
func (f *customerForm) failed(err error) tea.Cmd {
	f.saving, f.err = false, err
	var cmd tea.Cmd
	if f.form.State != huh.StateNormal {
		cmd = f.build(len(f.fields.groups) - 1)
	}
	return tea.Batch(cmd, common.Status(common.ErrorText(f.c.Cat, err), true))
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
	if fld := f.form.GetFocusedField(); fld != nil {
		g := f.fields.groupOf[fld.GetKey()]
		title += " · " + f.c.T("customers.form.step", g+1, len(f.fields.groups), f.c.T(groupTitles[g])) +
			" › " + fieldLabel(f.c, fld.GetKey())
	}
	var b strings.Builder
	b.WriteString(common.Fit(st.Title.Render(title), f.width, false) + "\n")
	var problems []string
	if f.err != nil {
		problems = append(problems, st.StatusError.Render(f.errorText()))
	}
	if errs := fieldErrors(f.c, f.form); errs != "" {
		problems = append(problems, st.FieldError.Render(errs))
	}
	if f.saving {
		problems = []string{st.Muted.Render(f.c.T("customers.saving"))}
	}
	if len(f.others) > 0 {
		problems = append(problems, st.Warning.Render(f.c.T("customers.also_open", strings.Join(f.others, f.c.T("customers.list_sep")))))
	}
	if at := f.draft.Restored(); !at.IsZero() {
		problems = append(problems, st.Muted.Render(f.c.T("customers.draft_restored", at.Local().Format("01-02 15:04"))))
	}
	b.WriteString(common.Fit(strings.Join(problems, "  ·  "), f.width, false))
	b.WriteString("\n" + f.form.View())
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
