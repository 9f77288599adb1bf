package materials

import (
	"charm.land/bubbles/v2/key"

	"orderdesk/tui/common"
	"orderdesk/workflow"
)

// keyMap is the screen's bindings: copies of the session's keys, some
// with help saying what they do here.
type keyMap struct {
	open, back, create, refresh, confirm, void, linked key.Binding
}

func newKeyMap(c *common.Common) keyMap {
	k := c.Keys
	km := keyMap{
		open: k.Open, back: k.Back, refresh: k.Refresh,
		create:  c.Relabel(k.New, "materials.key.new"),
		confirm: c.Bind("c", "materials.key.confirm", "c"),
		void:    c.Bind("x", "materials.key.void", "x"),
		linked:  c.Bind("o", "materials.key.linked", "o"),
	}
	// Keys for what the workflow would refuse this user are not offered.
	c.OfferOnly(workflow.EditMaterials, &km.create, &km.confirm, &km.void)
	return km
}
