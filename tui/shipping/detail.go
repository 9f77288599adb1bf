package shipping

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"orderdesk/store"
	"orderdesk/tui/common"
	"orderdesk/workflow"
)

// detailKeys are the keys of the steps the workflow offers this user on
// the note shown (it still decides when one is pressed).
func (s *Screen) detailKeys() []key.Binding {
	k := s.keys
	var steps []key.Binding
	if dd := s.detail; dd != nil {
		can, held := common.Steps(dd.Actions), dd.Status == "approved"
		steps = common.Offered(
			common.Offer{Key: k.submit, OK: can[workflow.ActionSubmit] || can[workflow.ActionResubmit]},
			common.Offer{Key: k.approve, OK: can[workflow.ActionApprove]}, common.Offer{Key: k.sendBack, OK: can[workflow.ActionSendBack]},
			common.Offer{Key: k.pay, OK: held}, common.Offer{Key: k.release, OK: can[workflow.ActionRelease]},
			common.Offer{Key: k.override, OK: held}, common.Offer{Key: k.load, OK: can[workflow.ActionLoad]},
			common.Offer{Key: k.dispatch, OK: can[workflow.ActionDispatch]}, common.Offer{Key: k.deliver, OK: can[workflow.ActionDeliver]},
			common.Offer{Key: k.edit, OK: dd.Status == "draft" || dd.Status == "sent_back"},
			common.Offer{Key: k.void, OK: can[workflow.ActionVoid]}, common.Offer{Key: k.ret, OK: s.noteLeft()})
	}
	return s.DocHelp(append(steps, k.printPDF, k.printText)...)
}

// closeDetail forgets the note shown and reads the lists again.
func (s *Screen) closeDetail() tea.Cmd {
	s.detail = nil
	return s.refreshAll()
}

func (s *Screen) detailKey(msg tea.KeyPressMsg) tea.Cmd {
	if cmd, step := s.DocKey(msg, s.closeDetail, s.loadDetail); !step {
		return cmd
	}
	if cmd, ok := s.startReturn(msg); ok {
		return cmd
	}
	k, dd := s.keys, s.detail
	ctx, d, id, seen := s.c.Ctx, s.c.Desk, dd.ID, dd.Version
	switch {
	case key.Matches(msg, k.submit):
		return s.act("shipping.key.submit", id, false, func() error { return d.SubmitDelivery(ctx, id, seen) })
	case key.Matches(msg, k.approve):
		return s.act("key.approve", id, false, func() error { return d.ActOn(ctx, id, seen, workflow.ActionApprove, "") })
	case key.Matches(msg, k.sendBack):
		s.OpenPrompt("shipping.reason_send_back", func(text string) tea.Cmd {
			return s.act("key.send_back", id, false, func() error { return d.ActOn(ctx, id, seen, workflow.ActionSendBack, text) })
		})
	case key.Matches(msg, k.release):
		return s.act("key.release", id, false, func() error { return d.Release(ctx, id, seen, "") })
	case key.Matches(msg, k.override):
		s.OpenPrompt("shipping.reason_override", func(text string) tea.Cmd {
			return s.act("shipping.override_asked", id, false, func() error {
				_, err := d.RequestOverride(ctx, id, seen, text)
				return err
			})
		})
	case key.Matches(msg, k.void):
		s.OpenPrompt("shipping.reason_void", func(text string) tea.Cmd {
			return s.act("key.void", id, false, func() error { return d.VoidDelivery(ctx, id, seen, text) })
		})
	case key.Matches(msg, k.deliver):
		return s.act("key.deliver", id, false, func() error { return d.Deliver(ctx, id, seen) })
	case key.Matches(msg, k.pay):
		return s.startStep(formPayment)
	case key.Matches(msg, k.load):
		return s.startStep(formLoad)
	case key.Matches(msg, k.dispatch):
		return s.startStep(formDispatch)
	case key.Matches(msg, k.edit):
		return s.startEdit()
	case key.Matches(msg, k.printPDF):
		return s.print(false)
	case key.Matches(msg, k.printText):
		return s.print(true)
	}
	return nil
}

// detailView shows the note, its lines (with what was loaded), the gate,
// payments, overrides, the order's lines and the history.
func (s *Screen) detailView() string {
	st, c := s.c.Styles, s.c
	dd := s.detail
	if dd == nil {
		return st.Muted.Render(c.T("status.loading"))
	}
	n := dd.Note
	var b strings.Builder
	b.WriteString(st.Title.Render(fmt.Sprintf("%s  %s", common.DocTitle(c, "delivery_note", n.Ref), c.T("state.delivery_note."+n.Status))) + "\n")
	b.WriteString(c.T("shipping.order_line", n.OrderNo, n.Customer, common.Terms(c.Cat, n.PaymentTerms, n.TermsDays)) + "\n")
	b.WriteString(c.T("shipping.ship_to", n.ShipTo, n.Contact, n.Phone) + "  " + c.T("field.name.ship_on") + " " + n.ShipOn + "\n")
	if n.Notes != "" {
		b.WriteString(c.T("field.name.note") + ": " + n.Notes + "\n")
	}
	rows := make([][]string, len(n.Lines))
	for i, l := range n.Lines {
		amount := l.Amount.String()
		if dd.MoneyHidden {
			amount = c.T("shipping.no_money")
		}
		loaded := ""
		if l.Loaded != nil {
			loaded = l.Loaded.Qty.String() + " / " + l.Loaded.Weight.String()
			if l.Loaded.Reason != "" {
				loaded += " " + c.T("shipping.loaded_reason", l.Loaded.Reason)
			}
		}
		rows[i] = []string{itoa(l.LineNo), l.Item(), l.Qty.String() + l.Unit, l.Weight.String(), amount, loaded}
	}
	// The item (grade, name and spec) and the figures are shown whole;
	// in a narrow window they close up to what they hold, and only then
	// does what was loaded give way.
	cols := common.Widen([]common.Column{{Title: "#", Width: 3, Right: true}, {Title: c.T("field.name.line"), Width: 30, Keep: true},
		{Title: c.T("field.name.quantity"), Width: 10, Right: true, Keep: true}, {Title: c.T("shipping.col.weight"), Width: 10, Right: true, Keep: true},
		{Title: c.T("shipping.col.total"), Width: 13, Right: true, Keep: true}, {Title: c.T("shipping.col.loaded"), Width: 22}}, rows...)
	cols = common.Squeeze(cols, s.Width, common.Shrink{Col: 1}, common.Shrink{Col: 2}, common.Shrink{Col: 3},
		common.Shrink{Col: 4}, common.Shrink{Col: 5, Min: 0})
	b.WriteString("\n" + st.Header.Render(common.Header(cols)) + "\n")
	for _, r := range rows {
		b.WriteString(common.Line(cols, r) + "\n")
	}
	if !dd.MoneyHidden {
		b.WriteString(c.T("shipping.total", n.Total.String()) + "\n")
	}
	if g := dd.Gate; g != nil {
		b.WriteString(st.Warning.Render(s.gateText(*g)) + "\n")
	}
	if r := n.Release; r != nil {
		b.WriteString(c.T("shipping.released_by", r.ReleasedOn, r.By, c.T("shipping.basis."+r.Basis)) + "\n")
	}
	if x := n.Dispatch; x != nil {
		b.WriteString(c.T("shipping.dispatch_line", x.Carrier, x.Vehicle, x.Driver, x.ShippedAt, x.ExpectedOn, x.SignedBy, x.SignedOn) + "\n")
	}
	if len(dd.Payments) > 0 {
		b.WriteString("\n" + st.Header.Render(c.T("shipping.payments")) + "\n")
		for _, p := range dd.Payments {
			b.WriteString(c.T("shipping.payment_line", p.ReceivedOn, p.Amount.String(), p.Method, p.Reference, p.By) + "\n")
		}
	}
	if len(dd.Overrides) > 0 {
		b.WriteString("\n" + st.Header.Render(c.T("shipping.overrides")) + "\n")
		for _, o := range dd.Overrides {
			b.WriteString(c.T("shipping.override_line", o.Ref, c.T("state.shipping_override."+o.Status), o.Maker, o.Reason, o.Signer) + "\n")
		}
	}
	b.WriteString("\n" + s.orderLinesView(dd.Open))
	b.WriteString("\n" + st.Header.Render(c.T("shipping.history")) + "\n")
	for _, t := range dd.Transitions {
		line := t.At.In(s.c.Now().Location()).Format("2006-01-02 15:04") + "  " + t.Actor + "  " + c.T("action."+t.Action)
		if t.Comment != "" {
			line += ": " + t.Comment
		}
		b.WriteString(line + "\n")
	}
	return b.String()
}

// gateText says why the gate holds a note and who must act.
func (s *Screen) gateText(g workflow.Gate) string {
	c := s.c
	switch g.Held {
	case "":
		return c.T("shipping.gate.open", c.T("shipping.basis."+g.Basis))
	case store.GatePrepaidUnpaid:
		return c.T("shipping.gate.prepaid", g.Paid.String(), g.Released.String(), g.Due.String()) + "; " + c.T("shipping.gate.or_override")
	case store.GateOverCredit:
		return c.T("shipping.gate.over_credit", max(g.Exposure, 0).String(), g.Amount.String(), g.CreditLimit.String()) + "; " + c.T("shipping.gate.or_override")
	}
	return c.T("shipping.gate.overdue", g.OverdueDays, g.Overdue.String()) + "; " + c.T("shipping.gate.or_override")
}
