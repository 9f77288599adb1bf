package common

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// Detail is a document shown whole, wrapped to the window and scrolled
// with the list keys (↑↓ pgup pgdn g G): a long history or a narrow
// window scrolls rather than losing lines off the bottom. Its content is
// drawn afresh each time from what the screen holds, so a refresh keeps
// the place and a shorter document pulls the place back to its end.
type Detail struct {
	c             *Common
	content       func() string
	width, height int
	top           int // the first line shown
}

// NewDetail shows what content draws.
func NewDetail(c *Common, content func() string) *Detail {
	return &Detail{c: c, content: content}
}

// SetSize sets the width lines wrap at and the rows shown.
func (d *Detail) SetSize(width, height int) { d.width, d.height = width, height }

// Reset goes back to the top (another document is shown).
func (d *Detail) Reset() { d.top = 0 }

// Lines is the content wrapped to the width, one screen line each.
func (d *Detail) Lines() []string {
	text := strings.TrimSuffix(d.content(), "\n")
	if d.width > 0 {
		text = Wrap(text, d.width)
	}
	return strings.Split(text, "\n")
}

// Key scrolls; false when msg is not a scrolling key.
func (d *Detail) Key(msg tea.KeyPressMsg) bool {
	top, ok := Scroll(d.c.Keys, msg, d.top, len(d.Lines()), d.height, max(d.height-1, 1))
	d.top = top
	return ok
}

// Scroll moves top, the first of n lines (or rows) shown rows at a time,
// by a scrolling key, page lines for a page; false when msg is not one.
func Scroll(k *KeyMap, msg tea.KeyPressMsg, top, n, rows, page int) (int, bool) {
	switch {
	case key.Matches(msg, k.Up):
		top--
	case key.Matches(msg, k.Down):
		top++
	case key.Matches(msg, k.PageUp):
		top -= page
	case key.Matches(msg, k.PageDown):
		top += page
	case key.Matches(msg, k.Top):
		top = 0
	case key.Matches(msg, k.Bottom):
		top = n
	default:
		return top, false
	}
	return max(min(top, n-rows), 0), true
}

// ShortHelp is the scrolling keys, for the footer.
func (d *Detail) ShortHelp() []key.Binding {
	k := d.c.Keys
	return []key.Binding{k.Up, k.Down, k.PageUp, k.PageDown}
}

// View is the part that fits the height.
func (d *Detail) View() string { return d.Window(d.height) }

// Window is the part that fits in rows lines (fewer than the height when
// something stands under the document), from the place scrolled to.
func (d *Detail) Window(rows int) string {
	lines := d.Lines()
	rows = max(rows, 1)
	from := min(d.top, max(len(lines)-rows, 0))
	return strings.Join(lines[from:min(from+rows, len(lines))], "\n")
}
