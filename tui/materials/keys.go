package materials

import (
	"charm.land/bubbles/v2/key"

	"orderdesk/tui/common"
	"orderdesk/workflow"
)

// keyMap is the screen's bindings: copies of the session's keys, some
// with help saying what they do here.
type keyMap struct {
	open, back, create, refresh, confirm, void key.Binding
	next, prev, save, cancel                   key.Binding
}

func newKeyMap(c *common.Common) keyMap {
	k := c.Keys
	km := keyMap{
		open: k.Open, back: k.Back, refresh: k.Refresh,
		create:  c.Relabel(k.New, "materials.key.new"),
		confirm: c.Bind("c", "materials.key.confirm", "c"),
		void:    c.Bind("x", "materials.key.void", "x"),
		next:    c.Bind("tab/enter", "leads.key.next_field", "tab", "enter"),
		prev:    c.Bind("shift+tab", "leads.key.prev_field", "shift+tab"),
		save:    k.Save,
		cancel:  k.Cancel,
	}
	// Keys for what the workflow would refuse this user are not offered.
	if !workflow.Can(c.Desk.User, workflow.EditMaterials) {
		for _, b := range []*key.Binding{&km.create, &km.confirm, &km.void} {
			b.SetEnabled(false)
		}
	}
	return km
}
