package pricing

import (
	"charm.land/bubbles/v2/key"

	"orderdesk/tui/common"
)

// keyMap is the screen's bindings: the session's keys where the desk
// already has one (a approve, b send back, e edit, / filter …) and the
// pricing keys, each with help in the session's language. Copies, so the
// session's keymap is never changed.
type keyMap struct {
	up, down, pageUp, pageDown, top, bottom key.Binding
	filter, open, back, refresh             key.Binding
	prevGroup, nextGroup                    key.Binding

	lineUp, lineDown, price, request key.Binding
	submit, markSent, win, lose      key.Binding
	expire, revise, compare, edit    key.Binding
	approve, sendBack                key.Binding

	savePrice, confirm, cancel, save, next, prev key.Binding
	newLine, delLine                             key.Binding
}

func newKeyMap(c *common.Common) keyMap {
	k := c.Keys
	with := c.Relabel
	b := c.Bind
	return keyMap{
		up: k.Up, down: k.Down, pageUp: k.PageUp, pageDown: k.PageDown, top: k.Top, bottom: k.Bottom,
		filter: k.Filter, open: k.Open, back: k.Back, refresh: k.Refresh,
		prevGroup: b("←", "pricing.key.prev_group", "left", "["),
		nextGroup: b("→", "pricing.key.next_group", "right", "]"),

		lineUp:   with(k.Up, "pricing.key.line_up"),
		lineDown: with(k.Down, "pricing.key.line_down"),
		price:    b("enter/p", "pricing.key.price", "enter", "p"),
		request:  b("r", "pricing.key.request", "r"),
		submit:   b("t", "pricing.key.submit", "t"),
		markSent: b("m", "pricing.key.mark_sent", "m"),
		win:      b("w", "pricing.key.win", "w"),
		lose:     b("l", "pricing.key.lose", "l"),
		expire:   b("x", "pricing.key.expire", "x"),
		revise:   b("v", "pricing.key.revise", "v"),
		compare:  b("c", "pricing.key.compare", "c"),
		edit:     with(k.Edit, "pricing.key.edit"),
		approve:  k.Approve,
		sendBack: k.SendBack,

		savePrice: b("enter", "pricing.key.save_price", "enter"),
		confirm:   k.Confirm,
		cancel:    k.Cancel,
		save:      k.Save,
		next:      b("enter/tab", "pricing.key.next_field", "enter", "tab"),
		prev:      b("shift+tab", "pricing.key.prev_field", "shift+tab"),
		newLine:   b("ctrl+n", "pricing.key.new_line", "ctrl+n"),
		delLine:   b("ctrl+d", "pricing.key.delete_line", "ctrl+d"),
	}
}
