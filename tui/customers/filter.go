package customers

import (
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"orderdesk/tui/common"
)

// newFilterInput is the / input.
func (s *Screen) newFilterInput() textinput.Model {
	ti := common.NewInput()
	ti.Prompt = s.c.T("filter.prompt")
	ti.Placeholder = s.c.T("customers.filter_placeholder")
	ti.CharLimit = 100
	return ti
}

func (s *Screen) focusFilter() tea.Cmd {
	s.filtering = true
	s.filter.SetValue(s.list.query)
	s.filter.CursorEnd()
	s.filter.SetWidth(max(s.width-ansi.StringWidth(s.filter.Prompt)-2, 10))
	return s.filter.Focus()
}

// clearFilter drops the filter and shows the first page of everything.
func (s *Screen) clearFilter() tea.Cmd {
	s.filtering = false
	s.filter.Blur()
	s.filter.SetValue("")
	if s.list.query == "" {
		return nil
	}
	s.list.query = ""
	return s.loadList(s.list.first(s.pageSize(), s.list.selectedID()))
}

// updateFilter types into the filter; each change asks for the first
// page matching it. enter keeps the filter, esc clears it; the arrows
// still move through the list.
func (s *Screen) updateFilter(msg tea.Msg) tea.Cmd {
	if k, ok := msg.(tea.KeyPressMsg); ok {
		switch {
		case key.Matches(k, s.keys.keepFilter):
			s.filtering = false
			s.filter.Blur()
			return nil
		case key.Matches(k, s.keys.clearFilter):
			return s.clearFilter()
		case k.Code == tea.KeyUp || k.Code == tea.KeyDown:
			return s.updateList(k)
		}
	}
	var cmd tea.Cmd
	s.filter, cmd = s.filter.Update(msg)
	if v := s.filter.Value(); v != s.list.query {
		s.list.query = v
		return tea.Batch(cmd, s.loadList(s.list.first(s.pageSize(), 0)))
	}
	return cmd
}

// filterLine shows the input while typing, else the filter in force or
// a hint.
func (s *Screen) filterLine() string {
	st := s.c.Styles
	switch {
	case s.filtering:
		return s.filter.View()
	case s.list.query != "":
		return st.Label.Render(s.filter.Prompt) + st.Value.Render(s.list.query) + "  " +
			st.Muted.Render(s.c.T("customers.filter_clear_hint"))
	}
	return st.Muted.Render(s.c.T("customers.filter_hint"))
}
