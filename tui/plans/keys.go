package plans

import (
	"charm.land/bubbles/v2/key"

	"orderdesk/tui/common"
	"orderdesk/workflow"
)

// keyMap is the screen's bindings: copies of the session's keys, some
// with help saying what they do here, so the session's keymap is never
// changed.
type keyMap struct {
	open, back, create, newTarget, edit, submit, result, refresh key.Binding
	period, toggle                                               key.Binding
	newPurchase, send, prevMonth, nextMonth, void                key.Binding
	next, prev, addLine, delLine, save, cancel                   key.Binding
}

func newKeyMap(c *common.Common) keyMap {
	k := c.Keys
	km := keyMap{
		open: k.Open, back: k.Back, refresh: k.Refresh,
		create:      c.Relabel(k.New, "plans.key.new"),
		newTarget:   c.Relabel(k.New, "plans.key.new_target"),
		edit:        c.Relabel(k.Edit, "plans.key.edit"),
		submit:      c.Bind("s", "plans.key.submit", "s"),
		result:      c.Bind("r", "plans.key.result", "r"),
		period:      c.Bind("p", "plans.key.period", "p"),
		toggle:      c.Bind("t", "plans.key.toggle", "t"),
		newPurchase: c.Relabel(k.New, "purchase.key.new"),
		send:        c.Bind("u", "purchase.key.send", "u"),
		void:        c.Relabel(k.Void, "plans.key.void"),
		prevMonth:   c.Bind("[", "collect.key.prev_month", "["),
		nextMonth:   c.Bind("]", "collect.key.next_month", "]"),
		next:        c.Bind("tab/enter", "plans.key.next_field", "tab", "enter"),
		prev:        c.Bind("shift+tab", "plans.key.prev_field", "shift+tab"),
		addLine:     c.Bind("ctrl+n", "plans.key.add_line", "ctrl+n"),
		delLine:     c.Bind("ctrl+d", "plans.key.del_line", "ctrl+d"),
		save:        k.Save,
		cancel:      k.Cancel,
	}
	// Keys for what the workflow would refuse this user are not offered.
	c.OfferOnly(workflow.DraftPlans, &km.create, &km.newTarget, &km.edit, &km.submit, &km.result)
	// Approved plans, targets and purchase plans are voided by a supervisor.
	km.void.SetEnabled(c.Desk.User.HasRole(string(workflow.Supervisor)))
	c.OfferOnly(workflow.DraftPurchasePlans, &km.newPurchase, &km.send)
	return km
}
