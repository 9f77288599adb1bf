package workflow

import "orderdesk/store"

// CreditNote (红字发票) is a return of invoiced goods or an agreed price
// allowance against an issued invoice, never more than the invoice less
// the credits already against it. It goes the invoice's way: the desk
// drafts it, a second person who neither made nor edited it checks it,
// finance issues it with the number the tax system gives (and may send
// it back). Issued, it settles the original's open amount first; the
// rest stays on account until finance puts it against another invoice.
// Until issued the desk voids it; once issued only finance does, and the
// database gives back what it settled.
var CreditNote = &Kind{
	Name:   store.CreditKind,
	before: (*Engine).checkCredit, // creditflow.go
	after:  (*Engine).creditMoved,
	States: drafted(
		State{Name: "checked"}, // waits for finance to issue
		State{Name: "issued"},
		State{Name: "void", Final: true},
	),
	Transitions: issuedByFinance("issued"), // kinds_invoicing.go
}
