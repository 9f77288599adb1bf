package visits

import (
	"charm.land/bubbles/v2/key"

	"orderdesk/tui/common"
)

// keyMap holds the screen's own bindings; movement, save, cancel and
// back are the session's.
type keyMap struct {
	prevWeek, nextWeek key.Binding // the agenda's week, the counts' month
	open, create       key.Binding
	lists, agenda      key.Binding // the lists from the agenda, and back
	stats              key.Binding
	edit, review, drop key.Binding
}

func newKeyMap(c *common.Common) keyMap {
	return keyMap{
		prevWeek: c.Bind("←", "visits.key.prev", "left"),
		nextWeek: c.Bind("→", "visits.key.next", "right"),
		open:     c.Relabel(c.Keys.Open, "visits.key.open"),
		create:   c.Relabel(c.Keys.New, "visits.key.new"),
		lists:    c.Bind("w", "visits.key.lists", "w"),
		agenda:   c.Bind("w", "visits.key.agenda", "w"),
		stats:    c.Bind("t", "visits.key.stats", "t"),
		edit:     c.Relabel(c.Keys.Edit, "visits.key.edit"),
		review:   c.Bind("r", "visits.key.review", "r"),
		drop:     c.Bind("x", "visits.key.cancel", "x"),
	}
}
