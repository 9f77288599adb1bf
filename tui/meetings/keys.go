package meetings

import (
	"charm.land/bubbles/v2/key"

	"orderdesk/tui/common"
	"orderdesk/workflow"
)

// keyMap is the screen's bindings: copies of the session's keys, some
// with help saying what they do here.
type keyMap struct {
	open, back, create, refresh, addItem, closeItem key.Binding
	submit, sendBack, void                          key.Binding // the minutes' steps (steps.go)
}

func newKeyMap(c *common.Common) keyMap {
	k := c.Keys
	km := keyMap{
		open: k.Open, back: k.Back, refresh: k.Refresh,
		create:    c.Relabel(k.New, "meetings.key.new"),
		addItem:   c.Bind("a", "meetings.key.add_item", "a"),
		closeItem: c.Bind("d", "meetings.key.close_item", "d"),
		submit:    c.Bind("s", "meetings.key.submit", "s"),
		sendBack:  c.Relabel(k.SendBack, "key.send_back"),
		void:      k.Void,
	}
	// Keys for what the workflow would refuse this user are not offered.
	c.OfferOnly(workflow.EditMeetings, &km.create, &km.addItem, &km.closeItem)
	return km
}
