// Package placeholder is a screen that says what it will hold: the
// screens of later parts of the chain start as one.
package placeholder

import (
	"charm.land/bubbles/v2/key"
	"strings"

	tea "charm.land/bubbletea/v2"

	"orderdesk/tui/common"
)

// Screen shows a title and a description.
type Screen struct {
	c             *common.Common
	title, body   string
	width, height int
}

// New returns a placeholder with catalogue keys for its title and text.
func New(c *common.Common, title, body string) *Screen {
	return &Screen{c: c, title: title, body: body}
}

func (s *Screen) Init() tea.Cmd                           { return nil }
func (s *Screen) Update(tea.Msg) (common.Screen, tea.Cmd) { return s, nil }
func (s *Screen) SetSize(w, h int)                        { s.width, s.height = w, h }
func (s *Screen) Title() string                           { return s.c.T(s.title) }
func (s *Screen) ShortHelp() []key.Binding                { return nil }

// FullHelp is the ? help: the same keys, as one group.
func (s *Screen) FullHelp() [][]key.Binding { return [][]key.Binding{s.ShortHelp()} }
func (s *Screen) Capturing() bool           { return false }

// View renders the title and the description.
func (s *Screen) View() string {
	st := s.c.Styles
	var b strings.Builder
	b.WriteString(st.Title.Render(s.Title()) + "\n\n")
	b.WriteString(st.Muted.Render(s.c.T(s.body)))
	return b.String()
}
