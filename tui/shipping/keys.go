package shipping

import (
	"charm.land/bubbles/v2/key"

	"orderdesk/tui/common"
	"orderdesk/workflow"
)

// keyMap is the screen's bindings: the session's keys and the steps of
// shipping. Keys for steps the workflow would refuse this user are not
// offered (the workflow still decides when they are pressed).
type keyMap struct {
	filter, open, back, create, edit, void, refresh                   key.Binding
	submit, approve, sendBack, pay, release, override, load, dispatch key.Binding
	deliver, printPDF, printText, save, cancel, confirm, report       key.Binding
	ret                                                               key.Binding // a return against a note that left (returnkey.go)
}

func newKeyMap(c *common.Common) keyMap {
	k := c.Keys
	b := c.Bind
	km := keyMap{
		filter: k.Filter, open: k.Open, back: k.Back, refresh: k.Refresh,
		create:    b("n", "shipping.key.draft", "n"),
		edit:      k.Edit,
		void:      k.Void,
		submit:    b("s", "shipping.key.submit", "s"),
		approve:   k.Approve,
		sendBack:  k.SendBack,
		pay:       b("p", "shipping.key.confirm_pay", "p"),
		release:   b("r", "key.release", "r"),
		override:  b("o", "shipping.key.override", "o"),
		load:      b("l", "key.load", "l"),
		dispatch:  b("t", "key.dispatch", "t"),
		deliver:   b("d", "key.deliver", "d"),
		printPDF:  b("P", "shipping.key.print_pdf", "P"),
		printText: b("T", "shipping.key.print_text", "T"),
		report:    b("R", "shipping.report_title", "R"),
		save:      k.Save, cancel: k.Cancel, confirm: k.Confirm,
	}
	km.ret = returnBinding(c)
	u := c.Desk.User
	c.OfferOnly(workflow.EditDeliveries, &km.create, &km.edit, &km.submit, &km.override, &km.dispatch, &km.deliver)
	c.OfferOnly(workflow.ConfirmPayments, &km.pay)
	c.OfferOnly(workflow.LoadDeliveries, &km.load)
	if !workflow.SeesOverrides(u) {
		km.report.SetEnabled(false)
	}
	if !u.HasRole(string(workflow.Supervisor)) {
		km.approve.SetEnabled(false)
		km.sendBack.SetEnabled(false)
	}
	return km
}
