package customers

import (
	"charm.land/bubbles/v2/key"

	"orderdesk/tui/common"
	"orderdesk/workflow"
)

// keyMap is the screen's bindings: the session's keys, some with help
// text that says what they do here (enter keeps the filter, esc clears
// it). Copies, so the session's keymap is never changed.
type keyMap struct {
	up, down, pageUp, pageDown, top, bottom key.Binding
	filter, open, back, create, edit, void  key.Binding
	visit, refresh, orders                  key.Binding
	keepFilter, clearFilter                 key.Binding
	next, prev, save, cancel, confirm       key.Binding
}

func newKeyMap(c *common.Common) keyMap {
	k := c.Keys
	with := c.Relabel
	km := keyMap{
		up: k.Up, down: k.Down, pageUp: k.PageUp, pageDown: k.PageDown, top: k.Top, bottom: k.Bottom,
		filter: k.Filter, open: k.Open, back: k.Back, create: k.New, edit: k.Edit, void: k.Void,
		visit: k.Visit, refresh: k.Refresh,
		orders:      c.Bind("o", "customers.key.orders", "o"),
		keepFilter:  with(k.Confirm, "customers.key.keep_filter"),
		clearFilter: with(k.Back, "customers.key.clear_filter"),
		next:        c.Bind("enter/tab", "customers.key.next_field", "enter", "tab"),
		prev:        c.Bind("shift+tab", "customers.key.prev_field", "shift+tab"),
		save:        k.Save,
		cancel:      k.Cancel,
		confirm:     k.Confirm,
	}
	// Keys for what the workflow would refuse this user are not offered.
	c.OfferOnly(workflow.EditCustomers, &km.create, &km.edit, &km.void, &km.visit)
	// The customer's orders: only for those who see the Orders screen.
	km.orders.SetEnabled(workflow.SeesScreen(c.Desk.User, workflow.ScreenOrders))
	return km
}
