package materials

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"orderdesk/store"
	"orderdesk/tui/common"
	"orderdesk/workflow"
)

func (s *Screen) updateDetail(k tea.KeyPressMsg) tea.Cmd {
	m, cmd, step := s.shown.Key(k, s.refresh)
	switch {
	case !step:
		return cmd
	case key.Matches(k, s.keys.confirm):
		return s.startReceipt(m)
	case key.Matches(k, s.keys.void):
		return s.askVoid(m)
	case key.Matches(k, s.keys.linked):
		return s.openLinked(m)
	}
	s.Body.Key(k)
	return nil
}

// detailKeys are the steps on the row shown, offered as the workflow
// would take them now (none while it is read): its receipt while it
// waits for one, its void while it is an entry not voided, its document
// when it belongs to one. A key not offered is still answered, with why
// not.
func (s *Screen) detailKeys() []key.Binding {
	k, m := s.keys, s.shown.Doc
	steps := common.Offered(
		common.Offer{Key: k.confirm, OK: m != nil && m.Status == workflow.MaterialSent},
		common.Offer{Key: k.void, OK: m != nil && m.Entry && m.Status != workflow.MaterialVoid},
		common.Offer{Key: k.linked, OK: m != nil && m.LinkID != 0})
	return append(append([]key.Binding{k.back}, steps...), k.refresh)
}

// askVoid opens the prompt for why an entry is voided; a mailed invoice
// is the invoice's to void.
func (s *Screen) askVoid(m store.MaterialSent) tea.Cmd {
	switch {
	case !s.canEdit():
		return common.Status(s.c.T("materials.cannot_edit"), true)
	case !m.Entry:
		return s.Status(&workflow.Refusal{Code: workflow.InvoiceVoidedOnInvoice})
	case m.Status == workflow.MaterialVoid:
		return s.Status(&workflow.Refusal{Code: workflow.MaterialClosed})
	}
	s.back = s.Mode
	s.AskLine("materials.void_reason", s.c.T("materials.void_title", m.Ref), s.Width-4, func(reason string) tea.Cmd {
		s.Busy = true
		return voidRow(s.c.Ctx, s.c.Desk, m.DocID, m.Version, reason)
	})
	return nil
}

// openLinked opens the document a row belongs to in its own screen: the
// order whose contract went for signature, or the invoice mailed.
func (s *Screen) openLinked(m store.MaterialSent) tea.Cmd {
	if m.LinkID == 0 {
		return common.Status(s.c.T("materials.no_link"), false)
	}
	screen := "screen.invoices"
	if m.What == "contract" {
		screen = "screen.orders"
	}
	id := m.LinkID
	return func() tea.Msg { return common.OpenMsg{Screen: screen, DocID: id} }
}

func (s *Screen) onVoided(msg voidedMsg) tea.Cmd {
	if cmd, failed := s.StepAnswered(msg.err, s.back); failed {
		return cmd
	}
	return tea.Batch(s.refresh(), s.Say(s.c.T("materials.voided")))
}

// detailText is the row shown: whom, what, when and how, the document it
// belongs to, and its receipt or how long it has waited.
func (s *Screen) detailText() string {
	m := s.shown.Doc
	if m == nil {
		return s.c.Styles.Muted.Render(s.c.T("status.loading"))
	}
	st, t := s.c.Styles, s.c.T
	var b strings.Builder
	state := s.stateText(*m)
	if s.state(*m) == stateOverdue {
		state = st.StatusError.Render(state)
	} else {
		state = st.Muted.Render(state)
	}
	b.WriteString(st.Title.Render(t("materials.detail.title", m.Ref)) + "  " + state + "\n\n")
	field := func(label, v string) {
		if strings.TrimSpace(v) != "" {
			b.WriteString(st.Label.Render(common.Fit(label, 12, false)) + " " + v + "\n") // 12: "Tracking no." whole
		}
	}
	whom := t("materials.whom.customer")
	if m.LeadID != 0 {
		whom = t("materials.whom.lead")
	}
	field(s.name(workflow.FRecipient), m.Who+"  "+st.Muted.Render(whom))
	field(s.name(workflow.FContact), m.Contact)
	field(s.name(workflow.FMaterial), t("materials.what."+m.What))
	field(s.name(workflow.FDescription), m.Description)
	field(s.name(workflow.FSentOn), m.SentOn)
	field(s.name(workflow.FVia), s.viaText(*m))
	field(s.name(workflow.FTracking), m.Tracking)
	switch {
	case m.What == "contract":
		field(t("materials.link.order"), m.LinkRef)
	case !m.Entry:
		field(t("materials.link.invoice"), m.LinkRef)
		b.WriteString(st.Muted.Render(t("materials.from_mailing")) + "\n")
	}
	field(t("materials.sender"), m.Sender)
	b.WriteString("\n")
	switch {
	case m.ReceivedOn != "":
		b.WriteString(st.Title.Render(t("materials.received", m.ReceivedOn, m.ReceivedBy)) + "\n")
	case m.Status == workflow.MaterialReceived:
		b.WriteString(st.Title.Render(t("materials.received_paid")) + "\n")
	case m.Status == workflow.MaterialSent:
		days, _ := workflow.DaysBetween(m.SentOn, s.today())
		b.WriteString(s.c.Cat.Count("materials.waiting", days, s.days) + "\n")
	}
	if m.Reason != "" {
		b.WriteString(t("materials.void_because", m.Reason) + "\n")
	}
	return b.String()
}

func (s *Screen) name(field string) string { return common.FieldName(s.c.Cat, field) }
