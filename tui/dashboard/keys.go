package dashboard

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"orderdesk/tui/common"
	"orderdesk/workflow"
)

// keys are the screen's own bindings, built once per session.
type keys struct{ open, unit, start key.Binding }

func newKeys(c *common.Common) keys {
	b := c.Bind
	return keys{
		open:  b("enter", "key.dash.open", "enter"),
		unit:  b("t", "key.dash.unit", "t"),
		start: b("s", "key.dash.start", "s"),
	}
}

// key handles a key.
func (s *Screen) key(msg tea.KeyPressMsg) tea.Cmd {
	k, g := s.keys, s.c.Keys
	switch {
	case key.Matches(msg, k.open):
		return s.open()
	case key.Matches(msg, k.unit):
		s.tonnes = !s.tonnes
	case key.Matches(msg, k.start):
		return s.toggleStart()
	case key.Matches(msg, g.Refresh):
		return s.load(workflow.DashAll, true)
	default:
		s.cursor.Key(g, msg, len(s.items()), len(s.items()))
	}
	return nil
}

// clamp keeps the cursor on an item.
func (s *Screen) clamp() { n := len(s.items()); s.cursor.Clamp(n, n) }

// ShortHelp lists the screen's keys.
func (s *Screen) ShortHelp() []key.Binding {
	return []key.Binding{s.c.Keys.Up, s.c.Keys.Down, s.keys.open, s.keys.unit, s.keys.start, s.c.Keys.Refresh}
}

// FullHelp is the ? help.
func (s *Screen) FullHelp() [][]key.Binding {
	return [][]key.Binding{{s.keys.open, s.keys.unit, s.keys.start, s.c.Keys.Refresh}, s.c.Keys.ListKeys()}
}
