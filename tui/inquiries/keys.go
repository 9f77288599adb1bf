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
	with := func(b key.Binding, label string) key.Binding {
		b.SetHelp(b.Help().Key, c.T(label))
		return b
	}
	km := keyMap{
		open: k.Open, back: k.Back, create: k.New, edit: k.Edit, refresh: k.Refresh,
		price:   key.NewBinding(key.WithKeys("p"), key.WithHelp("p", c.T("inquiries.key.price"))),
		pick:    with(k.Confirm, "inquiries.key.pick"),
		next:    key.NewBinding(key.WithKeys("tab", "enter"), key.WithHelp("tab/enter", c.T("inquiries.key.next_field"))),
		prev:    key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("shift+tab", c.T("inquiries.key.prev_field"))),
		addLine: key.NewBinding(key.WithKeys("ctrl+n"), key.WithHelp("ctrl+n", c.T("inquiries.key.add_line"))),
		delLine: key.NewBinding(key.WithKeys("ctrl+d"), key.WithHelp("ctrl+d", c.T("inquiries.key.del_line"))),
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
