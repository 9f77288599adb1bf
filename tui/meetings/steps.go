package meetings

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"orderdesk/store"
	"orderdesk/tui/common"
	"orderdesk/workflow"
)

// The minutes' own steps on the detail: s submits minutes with no item
// open for their sign-off, b sends minutes waiting for it back and x
// voids them, both with the reason asked in the prompt under the
// minutes, as the other document screens ask it. The sign-off itself
// is the Review inbox's.

// stepMsg answers a step taken on the minutes.
type stepMsg struct {
	id   int64
	said string // the catalogue's words for a step that went
	err  error
}

// stepSaid is what the status line says once a step went.
var stepSaid = map[string]string{
	workflow.ActionSubmit:   "meetings.submitted",
	workflow.ActionSendBack: "meetings.sent_back",
	workflow.ActionVoid:     "meetings.voided",
}

// offeredSteps are the step keys the workflow would take from this user
// on the minutes shown (a key pressed anyway still gets its refusal).
func (s *Screen) offeredSteps() []key.Binding {
	k := s.keys
	return common.Offered(common.Offer{Key: k.submit, OK: s.steps[workflow.ActionSubmit]},
		common.Offer{Key: k.sendBack, OK: s.steps[workflow.ActionSendBack]},
		common.Offer{Key: k.void, OK: s.steps[workflow.ActionVoid]})
}

// step takes the step of key k on minutes m, asking the reason first
// for a send-back or a void.
func (s *Screen) step(k tea.KeyPressMsg, m store.Meeting) tea.Cmd {
	switch {
	case key.Matches(k, s.keys.submit):
		s.Busy = true
		return s.act(m, workflow.ActionSubmit, "")
	case key.Matches(k, s.keys.sendBack):
		s.askReason("meetings.send_back_why", m, workflow.ActionSendBack)
	case key.Matches(k, s.keys.void):
		s.askReason("meetings.void_why", m, workflow.ActionVoid)
	}
	return nil
}

// reasonWidth is the most the reason's field takes of the line: a
// refusal is said beside it (a longer reason scrolls in it).
const reasonWidth = 30

// askReason opens the prompt under the minutes for the reason of action,
// titled title, which is taken once the reason is confirmed.
func (s *Screen) askReason(title string, m store.Meeting, action string) {
	t := s.c.T(title)
	width := max(min(s.Width-4-ansi.StringWidth(t), reasonWidth), 10)
	s.AskLine("field.name.reason", t, width, func(reason string) tea.Cmd {
		s.Busy = true
		return s.act(m, action, reason)
	})
}

// act takes action on the minutes as this user saw them (version seen).
func (s *Screen) act(m store.Meeting, action, reason string) tea.Cmd {
	ctx, desk, id, seen := s.c.Ctx, s.c.Desk, m.DocID, m.Version
	return func() tea.Msg {
		return stepMsg{id: id, said: stepSaid[action], err: desk.ActOn(ctx, id, seen, action, reason)}
	}
}

// updatePrompt gives a key or a paste to the reason's prompt; esc closes
// it back to the minutes unless the step is on its way.
func (s *Screen) updatePrompt(msg tea.Msg) tea.Cmd { return s.PromptKey(msg, modeDetail, true) }

// onStep ends a step: a refusal is said beside the prompt's field (what
// was typed kept) or in the status line; a step that went reads the
// minutes and the list again.
func (s *Screen) onStep(msg stepMsg) tea.Cmd {
	cmd, failed := s.StepAnswered(msg.err, modeDetail)
	if failed {
		return tea.Batch(cmd, s.meeting.Read(msg.id))
	}
	return tea.Batch(s.reload(), s.meeting.Read(msg.id), common.Status(s.c.T(msg.said), false))
}
