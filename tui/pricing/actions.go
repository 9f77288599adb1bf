package pricing

import (
	"errors"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"orderdesk/tui/common"
	"orderdesk/workflow"
)

// act takes action on the version shown, as it was shown (its version):
// the workflow decides and its refusal is shown in its words.
func (s *Screen) act(action, comment string) tea.Cmd {
	if !s.d.loaded {
		return nil
	}
	desk, ctx, id, seen, ref := s.c.Desk, s.c.Ctx, s.d.id, s.d.q.Version, s.d.q.Ref
	return func() tea.Msg {
		var err error
		var newID int64
		switch action {
		case workflow.ActionSubmit, workflow.ActionResubmit:
			err = desk.SubmitQuote(ctx, id, seen)
		case workflow.ActionRevise:
			newID, err = desk.ReviseQuote(ctx, id, seen)
		default:
			err = desk.ActOn(ctx, id, seen, action, comment)
		}
		return actedMsg{docID: id, action: action, ref: ref, newID: newID, err: err}
	}
}

func (s *Screen) onActed(msg actedMsg) tea.Cmd {
	if msg.err != nil {
		if lines := unpricedLines(msg.err); len(lines) > 0 {
			if msg.docID == s.d.id {
				s.d.unpriced = map[int]bool{}
				for _, n := range lines {
					s.d.unpriced[n] = true
				}
			}
			nums := make([]string, len(lines))
			for i, n := range lines {
				nums[i] = itoa(n)
			}
			return common.Status(s.c.T("pricing.unpriced_refused", strings.Join(nums, s.c.T("list.sep"))), true)
		}
		// A comment being typed stays, with what was typed.
		return common.Status(common.ErrorText(s.c.Cat, msg.err), true)
	}
	if s.mode == modeComment || s.mode == modeConfirm {
		s.mode = modeDetail
		s.input.Blur()
	}
	done := common.Status(s.c.T("pricing.done."+msg.action, msg.ref), false)
	if msg.newID != 0 {
		return tea.Batch(done, s.open(msg.newID))
	}
	if msg.docID == s.d.id {
		return tea.Batch(done, s.reloadQuote())
	}
	return done
}

// startConfirm asks for enter before a final step (won, expired).
func (s *Screen) startConfirm(action string) tea.Cmd {
	s.mode, s.action = modeConfirm, action
	return nil
}

func (s *Screen) confirmKey(msg tea.KeyPressMsg) tea.Cmd {
	switch {
	case key.Matches(msg, s.keys.cancel):
		s.mode = modeDetail
	case key.Matches(msg, s.keys.confirm):
		return s.act(s.action, "")
	}
	return nil
}

// startComment opens the line for the reason (lost, sent back) or the
// comment (approved) of an action.
func (s *Screen) startComment(action string) tea.Cmd {
	s.mode, s.action, s.inputErr = modeComment, action, ""
	s.input.Reset()
	return s.focusInput()
}

func (s *Screen) commentKey(msg tea.KeyPressMsg) tea.Cmd {
	return s.inputKey(msg, s.keys.confirm, func() tea.Cmd { return s.act(s.action, s.input.Value()) })
}

// focusInput gives the line input the keys; what it holds now counts as
// nothing typed yet.
func (s *Screen) focusInput() tea.Cmd {
	s.inputFrom = s.input.Value()
	s.leaving.TypedOn()
	return s.input.Focus()
}

// inputKey is the keys of the line input under the quote (a price, a
// comment, a request's note): cancel closes it (asking first over
// typed text, as every form does), confirm hands it to done, anything
// else is typing.
func (s *Screen) inputKey(msg tea.KeyPressMsg, confirm key.Binding, done func() tea.Cmd) tea.Cmd {
	if !key.Matches(msg, s.keys.cancel) {
		s.leaving.TypedOn()
	}
	switch {
	case key.Matches(msg, s.keys.cancel):
		if question, asking := s.leaving.Esc(s.c, s.input.Value() != s.inputFrom); asking {
			return question
		}
		s.mode, s.inputErr = modeDetail, ""
		s.input.Blur()
		return nil
	case key.Matches(msg, confirm):
		return done()
	}
	var cmd tea.Cmd
	s.input, cmd = s.input.Update(msg)
	return cmd
}

// startRequest opens the note of a price request for the line.
func (s *Screen) startRequest() tea.Cmd {
	l, ok := s.currentLine()
	switch {
	case !ok:
		return nil
	case !workflow.Can(s.c.Desk.User, workflow.RequestPrices):
		return s.refuse(workflow.RoleNotAllowed, workflow.RequestPrices)
	case l.Priced:
		return common.Status(common.RefusalText(s.c.Cat, &workflow.Refusal{Code: workflow.AlreadyPriced}), true)
	}
	if _, waiting := s.openRequest(l.ID); waiting {
		return common.Status(common.RefusalText(s.c.Cat, &workflow.Refusal{Code: workflow.RequestOpen}), true)
	}
	s.mode, s.inputErr = modeRequest, ""
	s.price.lineID = l.ID
	s.input.Reset()
	return s.focusInput()
}

func (s *Screen) requestKey(msg tea.KeyPressMsg) tea.Cmd {
	return s.inputKey(msg, s.keys.confirm, s.sendRequest)
}

// sendRequest asks purchasing to price the line under the cursor, with
// the note typed.
func (s *Screen) sendRequest() tea.Cmd {
	l, ok := s.currentLine()
	if !ok {
		return nil
	}
	desk, ctx, docID, lineID, note := s.c.Desk, s.c.Ctx, s.d.id, l.ID, s.input.Value()
	lineNo := l.LineNo
	return func() tea.Msg {
		_, err := desk.RequestQuoteLinePrice(ctx, lineID, note)
		return requestedMsg{docID: docID, lineNo: lineNo, err: err}
	}
}

func (s *Screen) onRequested(msg requestedMsg) tea.Cmd {
	if msg.err != nil {
		var fe workflow.FieldErrors
		if errors.As(msg.err, &fe) && len(fe) > 0 && s.mode == modeRequest {
			s.inputErr = common.FieldText(s.c.Cat, fe[0]) // the note stays as typed
			return nil
		}
		return common.Status(common.ErrorText(s.c.Cat, msg.err), true)
	}
	if s.mode == modeRequest {
		s.mode = modeDetail
		s.input.Blur()
	}
	cmds := []tea.Cmd{common.Status(s.c.T("pricing.requested", msg.lineNo), false)}
	if msg.docID == s.d.id {
		cmds = append(cmds, s.reloadQuote())
	}
	return tea.Batch(cmds...)
}
