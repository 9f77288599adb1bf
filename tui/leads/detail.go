package leads

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"orderdesk/tui/common"
	"orderdesk/tui/common/docscreen"
)

func (s *Screen) updateDetail(k tea.KeyPressMsg) tea.Cmd {
	switch {
	case key.Matches(k, s.keys.back):
		s.Mode, s.lead.Doc = docscreen.List, nil
		return nil
	case key.Matches(k, s.keys.refresh):
		return s.refresh()
	case s.lead.Doc == nil:
		return nil
	}
	if cmd, handled := s.leadStepCmd(k, *s.lead.Doc); handled {
		return cmd
	}
	s.Body.Key(k)
	return nil
}

// detailText is the lead shown, for the scrolled body: who it is, how to
// reach it, what it may need, its stage and next step, what it became,
// and its log, newest last.
func (s *Screen) detailText() string {
	l := s.lead.Doc
	if l == nil {
		return s.c.Styles.Muted.Render(s.c.T("status.loading"))
	}
	st := s.c.Styles
	t := s.c.T
	var b strings.Builder
	b.WriteString(st.Title.Render(l.Name+"  "+l.Ref) + "  " + st.Muted.Render(t("state.lead."+l.Status)) + "\n\n")
	// label is a field's name, or a catalogue key (with a dot).
	field := func(label, v string) {
		if v == "" {
			return
		}
		if strings.Contains(label, ".") {
			label = t(label)
		} else {
			label = common.FieldName(s.c.Cat, label)
		}
		b.WriteString(st.Label.Render(common.Fit(label, 12, false)) + " " + v + "\n")
	}
	field("mnemonic", l.Mnemonic)
	field("contact", l.Contact)
	field("phone", l.Phone)
	field("email", l.Email)
	field("im", l.IM)
	field("source", t("lead.source."+l.Source))
	field("owner", l.Owner)
	field("grades", l.Grades)
	field("specs", l.Specs)
	if l.Tonnes > 0 {
		field("tonnes", l.Tonnes.String()+" t")
	}
	field("notes", l.Notes)
	if isOpen(l.Status) && (l.NextStep != "" || l.NextOn != "") {
		next := strings.TrimSpace(l.NextOn + "  " + l.NextStep)
		if l.NextOn != "" && l.NextOn < s.today() && isOpen(l.Status) {
			next += "  " + st.StatusError.Render(t("leads.overdue"))
		}
		field("next_step", next)
	}
	field("leads.lost_reason", l.Reason)
	if l.CustomerID != 0 {
		field("leads.became_customer", l.Customer)
	}
	field("leads.became_inquiry", l.InquiryRef)
	b.WriteString("\n" + st.Title.Render(t("leads.log_title", len(l.Contacts))) + "\n")
	if len(l.Contacts) == 0 {
		b.WriteString(st.Muted.Render(t("leads.log_empty")) + "\n")
	}
	for _, c := range l.Contacts {
		b.WriteString(st.Muted.Render(c.At.In(s.c.Now().Location()).Format("2006-01-02 15:04")+"  "+c.By+"  "+
			t("lead.channel."+c.Channel)) + "\n  " + c.Note + "\n")
		if c.NextStep != "" {
			b.WriteString("  " + st.Muted.Render(t("leads.log_next", c.NextOn, c.NextStep)) + "\n")
		}
	}
	return b.String()
}
