package leads

import (
	"charm.land/bubbles/v2/key"

	"orderdesk/tui/common"
	"orderdesk/workflow"
)

// keyMap is the screen's bindings: copies of the session's keys, some
// with help saying what they do here, so the session's keymap is never
// changed.
type keyMap struct {
	open, back, create, edit, refresh, stage, stats key.Binding
	logCall, move, win, lose, toCustomer, toInquiry key.Binding
}

func newKeyMap(c *common.Common) keyMap {
	k := c.Keys
	km := keyMap{
		open: k.Open, back: k.Back, refresh: k.Refresh,
		create:     c.Relabel(k.New, "leads.key.new"),
		edit:       c.Relabel(k.Edit, "leads.key.edit"),
		stage:      c.Bind("p", "leads.key.stage", "p"),
		stats:      c.Bind("t", "leads.key.stats", "t"),
		logCall:    c.Bind("v", "leads.key.log", "v"),
		move:       c.Bind("m", "leads.key.move", "m"),
		win:        c.Bind("w", "leads.key.win", "w"),
		lose:       c.Bind("l", "leads.key.lose", "l"),
		toCustomer: c.Bind("c", "leads.key.customer", "c"),
		toInquiry:  c.Bind("i", "leads.key.inquiry", "i"),
	}
	// Keys for what the workflow would refuse this user are not offered.
	c.OfferOnly(workflow.EditLeads, &km.create, &km.edit, &km.logCall, &km.move, &km.win, &km.lose)
	c.OfferOnly(workflow.EditCustomers, &km.toCustomer)
	c.OfferOnly(workflow.EditInquiries, &km.toInquiry)
	return km
}
