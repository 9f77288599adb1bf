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
	if !s.keys.void.Enabled() || s.Busy {
		return nil
	}
	t := s.c.T
	if status != "approved" {
		return common.Status(t("plans.void_when_approved"), true)
	}
	ctx, desk := s.c.Ctx, s.c.Desk
	s.askLine("field.name.reason", t("plans.void_title", ref), s.Mode, func(reason string) tea.Cmd {
		s.Busy = true
		return act(docID, ref, "plans.voided", func() error { return desk.ActOn(ctx, docID, seen, workflow.ActionVoid, reason) })
	})
	return nil
}

// viewListWith draws the list with below (a prompt) under it.
func (s *Screen) viewListWith(below string) string {
	rows := max(s.Height-strings.Count(below, "\n")-2, 1)
	lines := strings.Split(s.viewList(), "\n")
	if len(lines) > rows {
		lines = lines[:rows]
	}
	return strings.Join(lines, "\n") + "\n\n" + below
}

// askLine opens the prompt for a line titled title, its field fitted to
// what the title leaves of the line; closed, it goes back to back.
func (s *Screen) askLine(label, title string, back mode, done func(string) tea.Cmd) {
	s.promptTitle, s.promptBack = title, back
	s.AskLine(label, title, s.promptWidth(), done)
}

// promptWidth is what the prompt's title leaves of the line for its
// field.
func (s *Screen) promptWidth() int { return s.Width - 4 - ansi.StringWidth(s.promptTitle) }
