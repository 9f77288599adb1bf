package inquiries

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"orderdesk/store"
	"orderdesk/tui/common"
	"orderdesk/workflow"
)

// inquiryForm is an inquiry being typed: first the customer, found with
// the lookup, then the header and the lines.
type inquiryForm struct {
	c        *common.Common
	id       int   // tags the answers meant for this form
	docID    int64 // the inquiry edited; 0 for a new one
	seen     int64 // the version it was opened at
	ref      string
	customer store.CustomerRow
	picking  bool // the customer lookup has focus
	look     *lookup
	// ahead holds what was typed after enter in the lookup while its
	// answer was on the way; it is played into the form once the
	// customer is picked, so nothing typed is lost or misplaced.
	ahead         []tea.Msg
	in            workflow.InquiryInput
	termsLoaded   bool
	width, height int
}

// startNew opens the form for a new inquiry at the customer lookup.
func (s *Screen) startNew() tea.Cmd {
	if !workflow.Can(s.c.Desk.User, workflow.EditInquiries) {
		return common.Status(s.c.T("inquiries.cannot_edit"), true)
	}
	if s.form != nil {
		s.mode = modeForm // keep what is being typed
		return common.Status(s.c.T("inquiries.form_open"), true)
	}
	s.forms++
	f := &inquiryForm{c: s.c, id: s.forms, picking: true, look: newLookup(s.c)}
	f.resize(s.width, s.height)
	s.form, s.mode = f, modeForm
	return f.look.ask(s.nextReq())
}

// startEdit opens the form over a stored inquiry.
func (s *Screen) startEdit(d workflow.InquiryDetail) tea.Cmd {
	if !editable(d.Status) {
		return common.Status(s.c.T("inquiries.not_editable", s.c.T("state.inquiry."+d.Status)), true)
	}
	return nil
}

func (f *inquiryForm) resize(w, h int) {
	f.width, f.height = w, h
	f.look.resize(w)
}

// closeForm leaves the form for the list.
func (s *Screen) closeForm() {
	s.form, s.mode = nil, modeList
}

// updateForm takes a key or paste for the form.
func (s *Screen) updateForm(msg tea.Msg) tea.Cmd {
	f := s.form
	if f == nil {
		s.mode = modeList
		return nil
	}
	if f.picking {
		return s.updateLookup(msg)
	}
	if k, ok := msg.(tea.KeyPressMsg); ok && key.Matches(k, s.keys.cancel) {
		s.closeForm()
	}
	return nil
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
		s.closeForm()
		return nil
	}
	cmd, pick := f.look.key(msg, s.nextReq)
	if !pick {
		return cmd
	}
	if r, ok := f.look.current(); ok {
		return s.pick(r)
	}
	if f.look.shown != f.look.req {
		f.look.waiting = true // the answer to what was typed is on its way
	}
	return cmd
}

// pick takes the customer and moves to the form at once; the customer's
// terms follow from the workflow. Keys typed ahead are played in order.
func (s *Screen) pick(r store.CustomerRow) tea.Cmd {
	f := s.form
	f.customer, f.picking = r, false
	f.in.CustomerID = r.ID
	cmds := []tea.Cmd{loadTerms(s.c.Ctx, s.c.Desk, f.id, r.ID)}
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
	case customersMsg:
		if !f.picking || !f.look.answered(msg) || !f.look.waiting {
			return nil
		}
		f.look.waiting = false
		if r, ok := f.look.current(); ok {
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
		if msg.err != nil {
			return common.Status(common.ErrorText(s.c.Cat, msg.err), true)
		}
		f.in.PaymentTerms, f.in.TermsDays, f.in.Contact = msg.in.PaymentTerms, msg.in.TermsDays, msg.in.Contact
		f.termsLoaded = true
	}
	return nil
}

func (f *inquiryForm) view() string {
	st := f.c.Styles
	title := st.Title.Render(f.c.T("inquiries.new"))
	if f.picking {
		return title + "\n\n" + f.look.view(f.width)
	}
	out := title + "\n\n" + st.Label.Render(f.c.T("inquiries.field.customer")) + " " + f.customer.Name + "\n"
	if f.termsLoaded {
		out += st.Label.Render(f.c.T("inquiries.field.terms")) + " " + f.in.PaymentTerms
	}
	return out
}
