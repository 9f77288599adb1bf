package orders

import (
	"charm.land/bubbles/v2/key"

	"orderdesk/tui/common"
	"orderdesk/workflow"
)

// keyMap is the screen's bindings, with help that says what each does
// here. Keys for what the workflow would refuse this user are disabled,
// so help never offers them.
type keyMap struct {
	up, down, pageUp, pageDown, top, bottom   key.Binding
	filter, open, back, create, edit          key.Binding
	refresh, status, filters, copy, fromQuote key.Binding
	submit, signBack, stockAnswer, stockUp    key.Binding
	revise, cancel, print, withdraw           key.Binding
	withdrawSubmitted                         key.Binding // W on an order waiting for sign-off
	next, prev, save, abandon, addLine        key.Binding
	delLine, pick, confirm, today             key.Binding
}

func newKeyMap(c *common.Common) keyMap {
	k := c.Keys
	b := c.Bind
	with := c.Relabel
	km := keyMap{
		up: k.Up, down: k.Down, pageUp: k.PageUp, pageDown: k.PageDown, top: k.Top, bottom: k.Bottom,
		filter:      with(k.Filter, "orders.key.filter"),
		open:        with(k.Open, "orders.key.open"),
		back:        k.Back,
		create:      with(k.New, "orders.key.new"),
		edit:        with(k.Edit, "orders.key.edit"),
		refresh:     k.Refresh,
		status:      b("s", "orders.key.status_filter", "s"),
		filters:     b("f", "orders.key.filters", "f"),
		copy:        b("c", "orders.key.copy", "c"),
		fromQuote:   b("w", "orders.key.from_quote", "w"),
		submit:      b("s", "orders.key.submit", "s"),
		signBack:    b("r", "orders.key.sign_back", "r"),
		stockAnswer: b("t", "orders.key.stock_answer", "t"),
		stockUp:     b("u", "orders.key.stock_up", "u"),
		revise:      b("v", "orders.key.revise", "v"),
		cancel:      b("x", "orders.key.cancel", "x"),
		print:       b("P", "orders.key.print", "P"),
		withdraw:    b("W", "orders.key.withdraw", "W"),
		// The workflow lets the maker withdraw an order still waiting
		// for sign-off too, and withdrawn is final: the key says so.
		withdrawSubmitted: b("W", "orders.key.withdraw_submitted", "W"),
		next:              b("tab/enter", "orders.key.next_field", "tab", "enter"),
		prev:              b("shift+tab", "orders.key.prev_field", "shift+tab"),
		save:              with(k.Save, "orders.key.save"),
		abandon:           with(k.Cancel, "orders.key.abandon"),
		addLine:           b("ctrl+n", "orders.key.add_line", "ctrl+n"),
		delLine:           b("ctrl+d", "orders.key.delete_line", "ctrl+d"),
		pick:              b("↑/↓", "orders.key.pick_customer", "up", "down"),
		confirm:           with(k.Confirm, "orders.key.confirm"),
		today:             b("ctrl+t", "orders.key.today", "ctrl+t"),
	}
	c.OfferOnly(workflow.EditOrders, &km.create, &km.edit, &km.copy, &km.fromQuote, &km.submit, &km.signBack,
		&km.revise, &km.cancel, &km.withdraw, &km.withdrawSubmitted)
	c.OfferOnly(workflow.RecordStock, &km.stockAnswer)
	c.OfferOnly(workflow.RequestStock, &km.stockUp)
	return km
}
