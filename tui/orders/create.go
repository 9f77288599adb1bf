package orders

import (
	"errors"

	tea "charm.land/bubbletea/v2"

	"orderdesk/tui/common"
	"orderdesk/workflow"
)

// create makes a new draft (a copy, or from a won quote) in a command;
// the form then opens on it.
func (s *Screen) create(copied bool, fn func() (int64, error)) tea.Cmd {
	if s.busy {
		return nil
	}
	s.busy = true
	req := s.nextReq()
	s.detailReq = req
	return func() tea.Msg {
		id, err := fn()
		return createdMsg{req: req, id: id, copied: copied, err: err}
	}
}

func (s *Screen) onCreated(msg createdMsg) tea.Cmd {
	s.busy = false
	if msg.err != nil {
		var fields workflow.FieldErrors
		if s.mode == modePrompt && s.prompt != nil && errors.As(msg.err, &fields) {
			s.prompt.showErrors(s, fields)
		}
		return statusErr(s, msg.err)
	}
	s.prompt, s.reason, s.picker = nil, nil, nil
	s.mode = modeList
	s.copied = 0
	if msg.copied {
		s.copied = msg.id
	}
	// The new draft is the list's last row: the cursor waits on it.
	return tea.Batch(s.openEdit(msg.id), s.list.JumpLast(msg.id), common.Status(s.c.T("orders.created"), false))
}
