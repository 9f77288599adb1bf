package inquiries

import (
	"charm.land/bubbles/v2/key"

	"orderdesk/tui/common"
	"orderdesk/workflow"
)

// keyMap is the screen's bindings: copies of the session's keys, some
// with help saying what they do here, so the session's keymap is never
// changed.
type keyMap struct {
	open, back, create, edit, price, refresh key.Binding
	pick, next, prev, addLine, delLine       key.Binding
	save, cancel                             key.Binding
}

func newKeyMap(c *common.Common) keyMap {
	k := c.Keys
	with := c.Relabel
	km := keyMap{
		open: k.Open, back: k.Back, create: k.New, edit: k.Edit, refresh: k.Refresh,
		price:   c.Bind("p", "inquiries.key.price", "p"),
		pick:    with(k.Confirm, "inquiries.key.pick"),
		next:    c.Bind("tab/enter", "inquiries.key.next_field", "tab", "enter"),
		prev:    c.Bind("shift+tab", "inquiries.key.prev_field", "shift+tab"),
		addLine: c.Bind("ctrl+n", "inquiries.key.add_line", "ctrl+n"),
		delLine: c.Bind("ctrl+d", "inquiries.key.del_line", "ctrl+d"),
		save:    k.Save,
		cancel:  k.Cancel,
	}
	// Keys for what the workflow would refuse this user are not offered.
	if !workflow.Can(c.Desk.User, workflow.EditInquiries) {
		for _, b := range []*key.Binding{&km.create, &km.edit, &km.price} {
			b.SetEnabled(false)
		}
	}
	return km
}
