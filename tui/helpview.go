package tui

import (
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"orderdesk/tui/common"
)

// helpEntry is one line of the help: a key and what it does; an empty
// one is the gap between groups.
type helpEntry struct{ key, desc string }

// helpEntries are the screen's keys, then what every screen shares,
// each once, a gap between groups.
func (a *App) helpEntries() []helpEntry {
	k := a.c.Keys
	// / and enter are the screen's own to offer: one that neither
	// filters nor opens must not promise them. Nor do the digits switch
	// screens on a screen that keeps them (Statistics' measures).
	shared := []key.Binding{k.NewInquiry, k.NewComplaint, k.PlanVisit, k.Back, k.NextScreen, k.PrevScreen, k.GotoScreen, k.Help, k.Quit}
	if n, ok := a.screens[a.active].(common.Nested); ok && n.Nested() {
		shared = slices.DeleteFunc(shared, func(b key.Binding) bool { return b.Help() == k.GotoScreen.Help() })
	}
	groups := append(a.screens[a.active].FullHelp(), k.ListKeys(), shared)
	// A key is listed once, with the first (the screen's own) label.
	seen := map[string]bool{}
	var out []helpEntry
	for _, g := range groups {
		n := len(out)
		for _, bnd := range g {
			h := bnd.Help()
			if seen[h.Key] || h.Key == "" || !bnd.Enabled() {
				continue
			}
			seen[h.Key] = true
			out = append(out, helpEntry{h.Key, h.Desc})
		}
		if len(out) > n {
			out = append(out, helpEntry{})
		}
	}
	if len(out) > 0 {
		out = out[:len(out)-1]
	}
	return out
}

// helpLayout is the help laid out for the window: its lines, and how
// many of them the box shows at once.
func (a *App) helpLayout() (lines []string, shown int) {
	entries := a.helpEntries()
	// The box's border and padding, the title, a blank and the close line.
	innerW := max(a.width-4, 10)
	shown = max(a.bodyHeight()-2-3, 1)
	keyW := 0
	descW := 0
	for _, e := range entries {
		keyW = max(keyW, ansi.StringWidth(e.key))
		descW = max(descW, ansi.StringWidth(e.desc))
	}
	cellW := 2 + keyW + 2 + descW
	// Entries side by side when they are too many for the height: as
	// many columns as they need and the width holds.
	cols := 1
	for cols*(cellW+1)+cellW <= innerW && (len(entries)+cols-1)/cols > shown {
		cols++
	}
	if cols == 1 {
		cellW = min(cellW, innerW)
	}
	per := (len(entries) + cols - 1) / cols
	columns := make([][]helpEntry, cols)
	for i, e := range entries {
		c := min(i/max(per, 1), cols-1)
		if e.key == "" && len(columns[c]) == 0 {
			continue // a column starts with a key, not a gap
		}
		columns[c] = append(columns[c], e)
	}
	st := a.c.Styles
	rows := 0
	for _, c := range columns {
		rows = max(rows, len(c))
	}
	lines = make([]string, rows)
	for r := range lines {
		cells := make([]string, 0, cols)
		for _, c := range columns {
			cell := ""
			if r < len(c) && c[r].key != "" {
				cell = "  " + common.Fit(st.Key.Render(c[r].key), keyW, false) + "  " + c[r].desc
			}
			cells = append(cells, common.Fit(cell, cellW, false))
		}
		lines[r] = strings.TrimRight(strings.Join(cells, " "), " ")
	}
	return lines, shown
}

// helpView draws the help box whole, scrolled to helpTop when its
// lines are more than the window holds.
func (a *App) helpView() string {
	st := a.c.Styles
	lines, shown := a.helpLayout()
	top := min(max(a.helpTop, 0), max(len(lines)-shown, 0))
	// A line wider than the window is cut, so the box's border stays whole.
	clip := func(l string) string {
		if w := max(a.width-4, 10); ansi.StringWidth(l) > w {
			return common.Fit(l, w, false)
		}
		return l
	}
	var b strings.Builder
	b.WriteString(clip(st.Title.Render(a.c.T("help.title")+" · "+a.screens[a.active].Title())) + "\n\n")
	for _, l := range lines[top:min(top+shown, len(lines))] {
		b.WriteString(clip(l) + "\n")
	}
	close := a.c.T("help.close")
	if len(lines) > shown {
		close = a.c.T("help.scroll", top+1, min(top+shown, len(lines)), len(lines)) + " · " + close
	}
	b.WriteString(clip(st.Muted.Render(close)))
	return st.Box.Render(b.String())
}

// helpKey is a key while the help is open: ?, esc and q close it, the
// list keys scroll it.
func (a *App) helpKey(msg tea.KeyPressMsg) {
	k := a.c.Keys
	_, shown := a.helpLayout()
	switch {
	case key.Matches(msg, k.Help, k.Back, k.Quit):
		a.showHelp, a.helpTop = false, 0
		return
	case key.Matches(msg, k.Down):
		a.helpTop++
	case key.Matches(msg, k.Up):
		a.helpTop--
	case key.Matches(msg, k.PageDown):
		a.helpTop += shown
	case key.Matches(msg, k.PageUp):
		a.helpTop -= shown
	case key.Matches(msg, k.Top):
		a.helpTop = 0
	case key.Matches(msg, k.Bottom):
		a.helpTop = 1 << 30
	}
	lines, _ := a.helpLayout()
	a.helpTop = min(max(a.helpTop, 0), max(len(lines)-shown, 0))
}
