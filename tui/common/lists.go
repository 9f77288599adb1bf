package common

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// PagedList is a Pager of any row type, as a row of lists holds it.
type PagedList interface {
	Update(tea.Msg) (tea.Cmd, bool)
	Reload() tea.Cmd
	Refresh() tea.Cmd
	SetHeight(rows int)
	Filtering() bool
}

// Lists is a row of named lists of which one is shown, switched with
// ←→: the desk's documents by state, say. Each list is a Pager; a list
// shown again is shown at once from what it holds and read again behind.
type Lists struct {
	c      *Common
	labels string // catalogue key of the labels, less the name
	names  []string
	lists  []PagedList
	asked  []bool // read at least once
	Shown  int
}

// NewLists starts an empty row; a list's label is the catalogue's
// labels + its name.
func NewLists(c *Common, labels string) *Lists { return &Lists{c: c, labels: labels} }

// Add puts a list called name at the end of the row.
func (l *Lists) Add(name string, list PagedList) {
	l.names, l.lists, l.asked = append(l.names, name), append(l.lists, list), append(l.asked, false)
}

// Index is the place of the list called name (the first when none is).
func (l *Lists) Index(name string) int {
	for i, n := range l.names {
		if n == name {
			return i
		}
	}
	return 0
}

// Current is the list shown.
func (l *Lists) Current() PagedList { return l.lists[l.Shown] }

// Filtering is true while the shown list's filter has focus.
func (l *Lists) Filtering() bool { return l.Current().Filtering() }

// SetHeight sets the rows of every list.
func (l *Lists) SetHeight(rows int) {
	for _, x := range l.lists {
		x.SetHeight(rows)
	}
}

// Reload reads the list shown from its first page.
func (l *Lists) Reload() tea.Cmd {
	l.asked[l.Shown] = true
	return l.Current().Reload()
}

// Refresh reads the rows shown again, keeping the cursor; nothing for a
// list never read.
func (l *Lists) Refresh() tea.Cmd {
	if !l.asked[l.Shown] {
		return nil
	}
	return l.Current().Refresh()
}

// Show shows list i: at once from what it holds and read again behind,
// or read for the first time.
func (l *Lists) Show(i int) tea.Cmd {
	l.Shown = i
	if l.asked[i] {
		return l.Current().Refresh()
	}
	return l.Reload()
}

// Switch shows the list d places along the row (wrapping around).
func (l *Lists) Switch(d int) tea.Cmd { return l.Show((l.Shown + d + len(l.lists)) % len(l.lists)) }

// Key takes what the row of lists does with a key: all of them while
// the shown list's filter has focus, and prev and next to switch lists;
// handled is false for the rest, which are the screen's (and then the
// list's: see Update).
func (l *Lists) Key(msg tea.KeyPressMsg, prev, next key.Binding) (cmd tea.Cmd, handled bool) {
	switch {
	case l.Filtering():
		return l.Update(msg), true
	case key.Matches(msg, prev):
		return l.Switch(-1), true
	case key.Matches(msg, next):
		return l.Switch(1), true
	}
	return nil, false
}

// Update gives keys and pastes to the list shown, and a page to the
// list that asked for it.
func (l *Lists) Update(msg tea.Msg) tea.Cmd {
	switch msg.(type) {
	case tea.KeyPressMsg, tea.PasteMsg:
		cmd, _ := l.Current().Update(msg)
		return cmd
	}
	for _, x := range l.lists {
		if cmd, handled := x.Update(msg); handled {
			return cmd
		}
	}
	return nil
}

// TabsView is the row of labels with the one shown picked out.
func (l *Lists) TabsView() string {
	st := l.c.Styles
	var tabs []string
	for i, n := range l.names {
		label := " " + l.c.T(l.labels+n) + " "
		if i == l.Shown {
			label = st.Selected.Render(label)
		} else {
			label = st.Muted.Render(label)
		}
		tabs = append(tabs, label)
	}
	return strings.Join(tabs, "")
}
