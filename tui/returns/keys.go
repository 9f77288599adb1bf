package returns

import (
	"charm.land/bubbles/v2/key"

	"orderdesk/tui/common"
	"orderdesk/workflow"
)

// keyMap is the screen's bindings. Keys for steps the workflow would
// refuse this user are not offered (the workflow still decides when they
// are pressed).
type keyMap struct {
	filter, open, refresh, create, void                key.Binding
	submit, check, sendBack, receive, exchange, credit key.Binding
	edit                                               key.Binding // a draft, or one sent back (e, as exchange on a received one)
}

func newKeyMap(c *common.Common) keyMap {
	k := c.Keys
	b := c.Bind
	km := keyMap{
		filter: k.Filter, open: k.Open, refresh: k.Refresh, void: k.Void,
		create:   b("n", "returns.key.new", "n"),
		submit:   b("s", "returns.key.submit", "s"),
		check:    b("a", "returns.key.check", "a"),
		sendBack: k.SendBack,
		receive:  b("w", "key.receive", "w"),
		exchange: b("e", "returns.key.exchange", "e"),
		credit:   b("c", "returns.key.credit", "c"),
		edit:     k.Edit,
	}
	u := c.Desk.User
	if !workflow.Can(u, workflow.EditReturns) {
		for _, b := range []*key.Binding{&km.create, &km.submit, &km.exchange, &km.edit} {
			b.SetEnabled(false)
		}
	}
	if !workflow.Can(u, workflow.EditInvoices) {
		km.credit.SetEnabled(false)
	}
	if !workflow.Can(u, workflow.ReceiveReturns) {
		km.receive.SetEnabled(false)
	}
	return km
}
