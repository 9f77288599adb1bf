package invoices

import (
	"charm.land/bubbles/v2/key"

	"orderdesk/tui/common"
	"orderdesk/workflow"
)

// keyMap is the screen's bindings. Keys for steps the workflow would
// refuse this user are not offered (the workflow still decides when they
// are pressed).
type keyMap struct {
	filter, open, back, create, edit, void, refresh             key.Binding
	submit, check, sendBack, issue, mail, receipt, save, cancel key.Binding
	confirm                                                     key.Binding
	// On an issued invoice r drafts a credit; R opens one drafted (or
	// sent back) to edit and submit; I issues one checked.
	credit, editCredit, issueCredit key.Binding
	// On the receipts list enter allocates one and n records one.
	allocate, newReceipt key.Binding
}

func newKeyMap(c *common.Common) keyMap {
	k := c.Keys
	b := c.Bind
	km := keyMap{
		filter: k.Filter, open: k.Open, back: k.Back, refresh: k.Refresh, edit: k.Edit, void: k.Void,
		create:   b("n", "invoices.key.request", "n"),
		submit:   b("s", "invoices.key.submit", "s"),
		check:    b("a", "invoices.key.check", "a"),
		sendBack: k.SendBack,
		issue:    b("i", "key.issue", "i"),
		mail:     b("m", "key.mail", "m"),
		receipt:  b("p", "invoices.key.receipt", "p"),
		save:     k.Save, cancel: k.Cancel, confirm: k.Confirm,
		credit:      b("r", "invoices.key.credit", "r"),
		issueCredit: b("I", "invoices.key.issue_credit", "I"),
		editCredit:  b("R", "invoices.key.edit_credit", "R"),
	}
	km.allocate = b(k.Open.Help().Key, "invoices.key.allocate", k.Open.Keys()...)
	km.newReceipt = b(km.create.Help().Key, "invoices.key.receipt", km.create.Keys()...)
	u := c.Desk.User
	c.OfferOnly(workflow.EditInvoices, &km.credit, &km.editCredit, &km.edit, &km.submit)
	c.OfferOnly(workflow.RecordReceipts, &km.issue, &km.issueCredit, &km.receipt, &km.newReceipt)
	if !u.HasRole(string(workflow.Supervisor)) && !u.HasRole(string(workflow.Clerk)) {
		km.check.SetEnabled(false)
	}
	if !workflow.Can(u, workflow.EditInvoices) && !workflow.Can(u, workflow.RecordReceipts) {
		km.create.SetEnabled(false)
	}
	return km
}
