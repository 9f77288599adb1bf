package orders

import (
	"strings"

	tea "charm.land/bubbletea/v2"

	"orderdesk/tui/common"
	"orderdesk/workflow"
)

// openCancel asks for the reason of a cancellation: one line, which a
// supervisor reads when signing it off.
func (s *Screen) openCancel() tea.Cmd {
	texts := common.PromptTexts{Needed: "field.required", Help: "orders.prompt_hint.cancel"}
	s.reason = common.NewPrompt(s.c, texts, "orders.prompt.cancel", true, s.requestCancel).
		Titled(s.c.T("orders.prompt.cancel", ref(s.detail)))
	s.back, s.mode = s.mode, modePrompt
	return nil
}

// requestCancel sends the cancellation of the order shown, as of the
// version on the screen when the reason is confirmed.
func (s *Screen) requestCancel(reason string) tea.Cmd {
	var id, seen int64
	if s.detail != nil {
		id, seen = s.detail.ID, s.detail.Version
	}
	desk, ctx := s.c.Desk, s.c.Ctx
	return s.act("cancel", func() (int64, error) {
		_, err := desk.RequestCancel(ctx, id, seen, reason)
		return 0, err
	})
}

// reasonRefused shows the desk's objections to the reason beside it.
func (s *Screen) reasonRefused(fields workflow.FieldErrors) {
	texts := make([]string, len(fields))
	for i, fe := range fields {
		texts[i] = common.FieldText(s.c.Cat, fe)
	}
	s.reason.SetError(strings.Join(texts, "; "))
}
