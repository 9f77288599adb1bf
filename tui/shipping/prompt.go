package shipping

import (
	tea "charm.land/bubbletea/v2"

	"orderdesk/tui/common"
)

// openPrompt asks for one line under the document (a reason or a
// comment); done gets it once confirmed.
func (s *Screen) openPrompt(label string, required bool, done func(string) tea.Cmd) {
	texts := common.PromptTexts{Needed: "shipping.reason_required", Help: "shipping.prompt_help"}
	s.prompt, s.mode = common.NewPrompt(s.c, texts, label, required, done), modePrompt
}
