package common

import tea "charm.land/bubbletea/v2"

// Cursor is a place in rows held in memory, and the first row shown of
// a window onto them that follows it: the keys of every list (↑↓ jk,
// pgup pgdn, g G) over a table the screen draws itself.
type Cursor struct {
	Pos, Top int
}

// Key moves the cursor over n rows shown height at a time; false when
// msg is not a moving key.
func (c *Cursor) Key(k *KeyMap, msg tea.KeyPressMsg, n, height int) bool {
	pos, ok := Scroll(k, msg, c.Pos, n, 1, max(height-1, 1))
	if ok {
		c.Pos = pos
		c.Clamp(n, height)
	}
	return ok
}

// Clamp keeps the cursor on one of n rows and the window, height rows
// tall, around it.
func (c *Cursor) Clamp(n, height int) {
	c.Pos = max(min(c.Pos, n-1), 0)
	height = max(height, 1)
	if c.Pos < c.Top {
		c.Top = c.Pos
	}
	if c.Pos >= c.Top+height {
		c.Top = c.Pos - height + 1
	}
	c.Top = max(min(c.Top, n-height), 0)
}

// Reset goes back to the first row.
func (c *Cursor) Reset() { c.Pos, c.Top = 0, 0 }
