package plans

import (
	"strings"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"orderdesk/tui/common"
	"orderdesk/workflow"
)

// askVoid asks a supervisor the reason to void an approved plan, target
// or purchase plan (x), as seen at version seen; voided, its period is
// free for another.
func (s *Screen) askVoid(docID, seen int64, ref, status string) tea.Cmd {
	if !s.keys.void.Enabled() || s.busy {
		return nil
	}
	t := s.c.T
	if status != "approved" {
		return common.Status(t("plans.void_when_approved"), true)
	}
	ctx, desk := s.c.Ctx, s.c.Desk
	s.prompt = common.NewPrompt(s.c, common.PromptTexts{}, "field.name.reason", true, func(reason string) tea.Cmd {
		s.busy = true
		return act(docID, ref, "plans.voided", func() error { return desk.ActOn(ctx, docID, seen, workflow.ActionVoid, reason) })
	}).Titled(t("plans.void_title", ref))
	s.fitPrompt(t("plans.void_title", ref))
	s.promptBack, s.mode = s.mode, modePrompt
	return nil
}

// viewListWith draws the list with below (a prompt) under it.
func (s *Screen) viewListWith(below string) string {
	rows := max(s.height-strings.Count(below, "\n")-2, 1)
	lines := strings.Split(s.viewList(), "\n")
	if len(lines) > rows {
		lines = lines[:rows]
	}
	return strings.Join(lines, "\n") + "\n\n" + below
}

// fitPrompt sizes the prompt's field to what its title leaves of the
// line.
func (s *Screen) fitPrompt(title string) {
	s.promptTitle = title
	s.prompt.SetWidth(s.width - 4 - ansi.StringWidth(title))
}
