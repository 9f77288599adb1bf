package pricing

import (
	"errors"
	"strings"

	tea "charm.land/bubbletea/v2"

	"orderdesk/tui/common"
	"orderdesk/workflow"
)

// Pricing a quote from the keyboard: enter (or p) opens a price input on
// the line; enter saves it and moves the input to the next line without a
// price, so a whole quote is priced in one go. Prices typed ahead of the
// database are kept in order and saved one after another, each against
// the version the one before it made: nothing typed is lost, nothing is
// saved over a version the clerk did not see.

type pendingPrice struct {
	lineID int64
	lineNo int
	text   string
	tries  int
}

type priceState struct {
	lineID     int64          // the line the input is on
	queue      []pendingPrice // typed, waiting to be saved in order
	saving     bool           // queue[0] is being saved
	waitReload bool           // a save made a new version: the next waits for it
	thenOpen   int64          // a quote to open once the queue is saved
}

func (p *priceState) queued(lineID int64) bool {
	for _, q := range p.queue {
		if q.lineID == lineID {
			return true
		}
	}
	return false
}

func (p *priceState) typed(lineID int64) (string, bool) {
	for _, q := range p.queue {
		if q.lineID == lineID {
			return q.text, true
		}
	}
	return "", false
}

// refuse says why the screen does not open an input the workflow would
// refuse anyway, in the workflow's own words.
func (s *Screen) refuse(code workflow.Code, p workflow.Permission) tea.Cmd {
	r := &workflow.Refusal{Code: code, Action: string(p), Roles: workflow.RolesFor(p)}
	return common.Status(common.RefusalText(s.c.Cat, r), true)
}

func (s *Screen) startPrice() tea.Cmd {
	l, ok := s.currentLine()
	switch {
	case !ok:
		return nil
	case !workflow.Can(s.c.Desk.User, workflow.EditInquiries):
		return s.refuse(workflow.RoleNotAllowed, workflow.EditInquiries)
	case !s.editable():
		return s.refuse(workflow.NotEditable, workflow.EditInquiries)
	}
	s.mode, s.price.lineID, s.inputErr = modePrice, l.ID, ""
	s.input.Reset()
	if text, ok := s.price.typed(l.ID); ok {
		s.input.SetValue(text)
	} else if l.Priced && !s.d.q.MoneyHidden {
		s.input.SetValue(l.Price.Plain())
	}
	s.input.CursorEnd()
	return s.focusInput()
}

func (s *Screen) priceKey(msg tea.KeyPressMsg) tea.Cmd {
	return s.inputKey(msg, s.keys.savePrice, s.commitPrice)
}

// commitPrice checks what was typed (a bad price stays, with the reason
// at the line), queues it and moves to the next line to price.
func (s *Screen) commitPrice() tea.Cmd {
	text := strings.TrimSpace(s.input.Value())
	lines := s.lines()
	at := -1
	for i, l := range lines {
		if l.ID == s.price.lineID {
			at = i
		}
	}
	if at < 0 {
		s.mode = modeDetail
		return nil
	}
	if text != "" {
		if _, _, fe := workflow.ParsePriceField(workflow.FPrice, text); fe != nil {
			s.inputErr = common.FieldText(s.c.Cat, fe)
			return nil
		}
		l := lines[at]
		s.price.queue = append(s.price.queue, pendingPrice{lineID: l.ID, lineNo: l.LineNo, text: text})
	}
	// Empty: nothing to save here; go on to the next line all the same.
	s.inputErr = ""
	next := s.nextUnpriced(at)
	if next < 0 {
		next = s.nextUnpriced(-1) // lines skipped before this one
	}
	cmds := []tea.Cmd{s.dispatchPrice()}
	if next < 0 || next == at && text == "" {
		s.mode = modeDetail
		s.input.Blur()
		return tea.Batch(append(cmds, common.Status(s.c.T("pricing.all_priced"), false))...)
	}
	s.d.line = next
	cmds = append(cmds, s.loadContext(false), s.startPrice())
	return tea.Batch(cmds...)
}

// dispatchPrice saves the first price waiting, against the version
// shown, unless a save is under way or its new version is not loaded yet.
func (s *Screen) dispatchPrice() tea.Cmd {
	p := &s.price
	if p.saving || p.waitReload || len(p.queue) == 0 || !s.d.loaded {
		return nil
	}
	p.saving = true
	item := p.queue[0]
	desk, ctx, docID, seen := s.c.Desk, s.c.Ctx, s.d.id, s.d.q.Version
	return func() tea.Msg {
		err := desk.PriceLine(ctx, docID, seen, item.lineID, item.text)
		return pricedMsg{docID: docID, lineID: item.lineID, lineNo: item.lineNo, text: item.text, err: err}
	}
}

func (s *Screen) onPriced(msg pricedMsg) tea.Cmd {
	p := &s.price
	p.saving = false
	if len(p.queue) == 0 || p.queue[0].lineID != msg.lineID {
		return nil
	}
	if msg.err == nil {
		p.queue = p.queue[1:]
		p.waitReload = true
		return s.reloadQuote()
	}
	// Someone else changed the quote between load and save: try again on
	// the version they made, a couple of times.
	if errors.Is(msg.err, &workflow.Refusal{Code: workflow.StaleStatus}) && p.queue[0].tries < 3 {
		p.queue[0].tries++
		p.waitReload = true
		return s.reloadQuote()
	}
	p.queue = p.queue[1:]
	text := common.ErrorText(s.c.Cat, msg.err)
	var fe workflow.FieldErrors
	if errors.As(msg.err, &fe) && len(fe) > 0 {
		text = common.FieldText(s.c.Cat, fe[0])
	}
	// The price goes back into the input at its line, with the reason,
	// unless the clerk is typing another one: then the status line says it.
	if s.mode != modePrice || strings.TrimSpace(s.input.Value()) == "" {
		for i, l := range s.lines() {
			if l.ID == msg.lineID {
				s.d.line = i
			}
		}
		s.mode, s.price.lineID = modePrice, msg.lineID
		s.input.SetValue(msg.text)
		s.input.CursorEnd()
		s.inputErr = text
		return tea.Batch(s.focusInput(), s.loadContext(false), s.reloadQuote())
	}
	return tea.Batch(common.Status(s.c.T("pricing.price_failed", msg.lineNo, msg.text, text), true), s.reloadQuote())
}

// priceReloaded goes on with the next price once the version the last
// one made is loaded.
func (s *Screen) priceReloaded() tea.Cmd {
	p := &s.price
	if len(p.queue) == 0 && !p.saving && p.thenOpen != 0 {
		id := p.thenOpen
		p.thenOpen, p.waitReload = 0, false
		return s.open(id)
	}
	if !p.waitReload {
		return nil
	}
	p.waitReload = false
	return s.dispatchPrice()
}
