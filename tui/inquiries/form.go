package inquiries

import (
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"orderdesk/store"
	"orderdesk/tui/common"
	"orderdesk/tui/common/custlookup"
	"orderdesk/tui/common/draft"
	"orderdesk/tui/common/form"
	"orderdesk/workflow"
)

// inquiryForm is an inquiry being typed: first the customer, found with
// the lookup, then the header and the grid of lines. Focus moves inside
// Update (tui/common/form), so keys typed ahead land where meant.
type inquiryForm struct {
	c        *common.Common
	id       int   // tags the answers meant for this form
	docID    int64 // the inquiry edited; 0 for a new one
	seen     int64 // the version it was opened (or last refused) at
	ref      string
	orig     store.Inquiry // as it was when opened, to say what changed
	status   string        // its status then
	customer store.CustomerRow
	picking  bool // the customer lookup has focus
	look     *lookup
	// ahead holds what was typed after enter in the lookup while its
	// answer was on the way; it is played into the form once the
	// customer is picked, so nothing typed is lost or misplaced.
	ahead         []tea.Msg
	f             *form.Form
	termsLoading  bool
	saving        bool           // one save at a time
	leaving       common.Leaving // esc once on a dirty form asks: esc again discards
	draft         *draft.Keeper[inquiryDraft]
	from          string // the title key of the screen N was pressed on, where esc returns to ("" for this one)
	width, height int
}

// formChrome is the rows around the form: title, customer, gap, hint.
const formChrome = 4

// Header fields and line columns, in tab order.
func (s *Screen) newFormFields() *form.Form {
	t := s.c.T
	f := form.New(s.c,
		form.Field{Key: workflow.FPaymentTerms, Label: t("inquiries.field.terms"), Width: 12},
		form.Field{Key: workflow.FTermsDays, Label: t("inquiries.field.days"), Width: 5},
		form.Field{Key: workflow.FContact, Label: t("inquiries.field.contact"), Width: 16},
		form.Field{Key: workflow.FNotes, Label: t("inquiries.field.notes"), Width: 40},
	)
	return f.WithLines(
		form.Field{Key: workflow.FGrade, Label: t("inquiries.col.grade"), Width: 8},
		form.Field{Key: workflow.FProductName, Label: t("inquiries.col.name"), Width: 12, Narrow: 6},
		form.Field{Key: workflow.FSpec, Label: t("inquiries.col.spec"), Width: 16},
		form.Field{Key: workflow.FQuantity, Label: t("inquiries.col.qty"), Width: 8, Right: true},
		form.Field{Key: workflow.FUnit, Label: t("inquiries.col.unit"), Width: 5},
		form.Field{Key: workflow.FWantedOn, Label: t("inquiries.col.wanted"), Width: 10},
		form.Field{Key: workflow.FRequirements, Label: t("inquiries.col.req"), Width: 16, Narrow: 6},
	)
}

// startNew opens the form for a new inquiry at the customer lookup.
// startNew opens a new inquiry: at the customer lookup, or straight at
// the first line when the customer is known (N on a customer's file).
func (s *Screen) startNew(customer store.CustomerRow, from string) tea.Cmd {
	if !workflow.Can(s.c.Desk.User, workflow.EditInquiries) {
		return common.Status(s.c.T("inquiries.cannot_edit"), true)
	}
	if s.form != nil {
		s.mode = modeForm // keep what is being typed
		return common.Status(s.c.T("inquiries.form_open"), true)
	}
	s.forms++
	f := &inquiryForm{c: s.c, id: s.forms, picking: true, look: newLookup(s.c), f: s.newFormFields()}
	if from != "screen.inquiries" {
		f.from = from
	}
	f.resize(s.width, s.height)
	s.form, s.mode = f, modeForm
	if customer.ID != 0 {
		return tea.Batch(s.openDraft(f), s.pick(customer))
	}
	return tea.Batch(f.look.ask(s.nextReq()), s.openDraft(f))
}

// startEdit opens the form over a stored inquiry (new or quoting).
func (s *Screen) startEdit(d workflow.InquiryDetail) tea.Cmd {
	if !editable(d.Status) || d.Inquiry == nil {
		return common.Status(s.c.T("inquiries.not_editable", s.c.T("state.inquiry."+d.Status)), true)
	}
	s.forms++
	in := *d.Inquiry
	f := &inquiryForm{c: s.c, id: s.forms, docID: d.ID, seen: d.Version, ref: d.Ref, orig: in, status: d.Status, look: newLookup(s.c),
		f: s.newFormFields(), customer: store.CustomerRow{ID: in.CustomerID, Name: in.Customer}}
	f.fill(in)
	f.resize(s.width, s.height)
	s.form, s.mode = f, modeForm
	return s.openDraft(f)
}

// fill puts a stored inquiry into the form, flagged lines noted.
func (f *inquiryForm) fill(in store.Inquiry) {
	f.f.SetValue(workflow.FPaymentTerms, f.termsWord(in.PaymentTerms))
	f.f.SetValue(workflow.FTermsDays, itoaBlank(in.TermsDays))
	f.f.SetValue(workflow.FContact, in.Contact)
	f.f.SetValue(workflow.FNotes, in.Notes)
	for i, l := range in.Lines {
		values := map[string]string{workflow.FGrade: l.Grade, workflow.FProductName: l.Name, workflow.FSpec: l.Spec,
			workflow.FQuantity: l.Qty.String(), workflow.FUnit: f.c.T("unit." + l.Unit), workflow.FWantedOn: l.WantedOn,
			workflow.FRequirements: l.Requirements}
		if i > 0 {
			f.f.AddLine(values)
		} else {
			for k, v := range values {
				f.f.SetCell(0, k, v)
			}
		}
		f.f.SetLineID(i, l.ID)
		if l.Unknown {
			f.f.SetLineNote(i, f.c.T("inquiries.flagged"))
		}
	}
	f.f.MarkClean()
}

func (f *inquiryForm) resize(w, h int) {
	f.width, f.height = w, h
	f.look.resize(w)
	f.f.SetSize(w, max(h-formChrome, 6))
}

// closeForm leaves the form for the list, or for the screen N was
// pressed on; a deliberate cancel forgets its draft.
func (s *Screen) closeForm() tea.Cmd {
	discard := s.form.draft.Discard()
	back := common.Return(s.form.from)
	s.form, s.mode = nil, modeList
	return tea.Batch(s.list.Refresh(), discard, back)
}

// updateForm takes a key or paste for the form. The screen keeps ctrl+s
// and esc; everything else moves or types in the form at once.
func (s *Screen) updateForm(msg tea.Msg) tea.Cmd {
	f := s.form
	if f == nil {
		s.mode = modeList
		return nil
	}
	if f.picking {
		return s.updateLookup(msg)
	}
	k, isKey := msg.(tea.KeyPressMsg)
	if isKey && key.Matches(k, s.keys.cancel) {
		if question, asking := f.leaving.Esc(s.c, f.f.Dirty()); asking {
			return question
		}
		return s.closeForm()
	}
	f.leaving.TypedOn()
	switch {
	case isKey && key.Matches(k, s.keys.save):
		return s.save()
	case isKey && key.Matches(k, s.keys.prev) && f.docID == 0:
		// Back from the first field to the customer: the one to change
		// when the wrong one was picked.
		if line, field := f.f.Focused(); line < 0 && field == workflow.FPaymentTerms {
			f.picking = true
			f.look.input.Focus()
			return nil
		}
	}
	return tea.Batch(f.f.Update(msg), f.touched())
}

// updateLookup types into the customer lookup; enter picks. Once enter
// waits for an answer, later keys wait with it.
func (s *Screen) updateLookup(msg tea.Msg) tea.Cmd {
	f := s.form
	if f.look.waiting {
		f.ahead = append(f.ahead, msg)
		return nil
	}
	if k, ok := msg.(tea.KeyPressMsg); ok && key.Matches(k, s.keys.cancel) {
		if f.customer.ID != 0 {
			f.picking = false // back to the form, customer unchanged
			return nil
		}
		return s.closeForm()
	}
	cmd, pick := f.look.key(msg, s.nextReq)
	if !pick {
		return cmd
	}
	if r, ok := f.look.Current(); ok {
		return s.pick(r)
	}
	if f.look.Pending() {
		f.look.waiting = true // the answer to what was typed is on its way
	}
	return cmd
}

// pick takes the customer and moves to the first line at once; the
// customer's payment terms follow from the workflow. Keys typed ahead
// are then played in order.
func (s *Screen) pick(r store.CustomerRow) tea.Cmd {
	f := s.form
	changed := f.customer.ID != r.ID
	f.customer, f.picking = r, false
	f.look.input.Blur()
	var cmds []tea.Cmd
	if changed {
		// Terms are the new customer's: clear the old ones for the answer.
		for _, k := range []string{workflow.FPaymentTerms, workflow.FTermsDays, workflow.FContact} {
			f.f.SetValue(k, "")
		}
		f.termsLoading = true
		cmds = append(cmds, loadTerms(s.c.Ctx, s.c.Desk, f.id, r.ID))
	}
	f.f.FocusCell(0, workflow.FGrade)
	ahead := f.ahead
	f.ahead = nil
	for _, m := range ahead {
		cmds = append(cmds, s.updateForm(m))
	}
	return tea.Batch(cmds...)
}

// onFormAnswer applies an answer meant for the open form.
func (s *Screen) onFormAnswer(msg tea.Msg) tea.Cmd {
	f := s.form
	if f == nil {
		return nil
	}
	switch msg := msg.(type) {
	case custlookup.FoundMsg:
		if !f.picking || !f.look.Answered(msg) || !f.look.waiting {
			return nil
		}
		f.look.waiting = false
		if r, ok := f.look.Current(); ok {
			return s.pick(r)
		}
		// Nothing matches: what was typed after enter goes back into
		// the lookup, where it can be seen and corrected.
		ahead := f.ahead
		f.ahead = nil
		var cmds []tea.Cmd
		for _, m := range ahead {
			cmds = append(cmds, s.updateForm(m))
		}
		return tea.Batch(cmds...)
	case termsMsg:
		if msg.form != f.id {
			return nil
		}
		f.termsLoading = false
		if msg.err != nil {
			return common.Status(common.ErrorText(s.c.Cat, msg.err), true)
		}
		// Only into fields still empty: what the clerk typed meanwhile wins.
		for k, v := range map[string]string{workflow.FPaymentTerms: f.termsWord(msg.in.PaymentTerms),
			workflow.FTermsDays: blankZero(msg.in.TermsDays), workflow.FContact: msg.in.Contact} {
			if f.f.Value(k) == "" {
				f.f.SetValue(k, v)
			}
		}
	case savedMsg:
		if msg.form == f.id {
			return s.onSaved(msg)
		}
	case conflictMsg:
		if msg.form == f.id {
			return s.onConflict(msg)
		}
	}
	return nil
}

// view draws the title, the customer, the form and its keys.
func (f *inquiryForm) view() string {
	st := f.c.Styles
	title := f.c.T("inquiries.new")
	if f.docID != 0 {
		title = f.c.T("inquiries.edit", f.ref)
	}
	var b strings.Builder
	b.WriteString(st.Title.Render(title) + "\n")
	if f.picking {
		b.WriteString("\n" + f.look.view(f.width))
		return b.String()
	}
	b.WriteString(st.Label.Render(f.c.T("inquiries.field.customer")) + "  " + st.Value.Render(f.customer.Name))
	if f.customer.Code != "" {
		b.WriteString("  " + st.Muted.Render(f.customer.Code))
	}
	switch {
	case f.saving:
		b.WriteString("  " + st.Muted.Render(f.c.T("inquiries.saving")))
	case f.termsLoading:
		b.WriteString("  " + st.Muted.Render(f.c.T("inquiries.terms_loading")))
	}
	b.WriteString("\n\n" + f.f.View() + "\n")
	b.WriteString(st.Muted.Render(common.Hints(f.c.T("inquiries.form_hint"), f.width)))
	return b.String()
}

// termsWord shows terms the way a clerk says them (先款后货, 月结).
func (f *inquiryForm) termsWord(code string) string {
	if code == "" {
		return ""
	}
	return f.c.T("terms." + code)
}

func itoaBlank(n int) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n)
}

func blankZero(s string) string {
	if strings.TrimSpace(s) == "0" {
		return ""
	}
	return s
}
