package workflow

import (
	"context"

	"orderdesk/store"
)

// Statuses of an entry of the register of materials sent.
const (
	MaterialSent     = "sent"     // on its way, its receipt not yet confirmed
	MaterialReceived = "received" // its receipt confirmed
	MaterialVoid     = "void"     // entered by mistake: voided with the reason
)

// ActionConfirmReceipt marks an entry received once its receipt is
// written (taken with ConfirmMaterialReceipt, never as a plain action).
const ActionConfirmReceipt = "confirm_receipt"

// Refusals of the register.
const (
	ReceiptUnconfirmed Code = "receipt_unconfirmed" // received only with the day and who confirmed it
	NotYourMaterial    Code = "not_your_material"   // a sales rep works the entries they sent
	MaterialClosed     Code = "material_closed"     // received or voided: nothing more to confirm
	// InvoiceVoidedOnInvoice: a mailed invoice in the register is the
	// invoice's to void (finance, on the Invoices screen).
	InvoiceVoidedOnInvoice Code = "invoice_voided_on_invoice"
)

// materialWorkers send materials and keep the register: the desk, sales
// reps, supervisors.
var materialWorkers = []Role{Clerk, SalesRep, Supervisor}

// Material (寄出资料) is an entry of the register of materials sent: what
// went to whom, when and how. It is a record of fact, not a request, so
// no second person signs it off: it is sent, then received once its
// receipt is confirmed. A wrong entry is voided with the reason, as the
// kind's rule says (no sign-off, a comment required), by its sender, the
// desk or a supervisor; it is never edited nor deleted.
var Material = &Kind{
	Name:   store.MaterialKind,
	before: (*Engine).checkMaterial,
	States: []State{
		// Editable: the entry's row is written in its first status.
		{Name: MaterialSent, Initial: true, Editable: true},
		{Name: MaterialReceived},
		{Name: MaterialVoid, Final: true},
	},
	Transitions: []Transition{
		{Action: ActionConfirmReceipt, From: []string{MaterialSent}, To: MaterialReceived, Roles: materialWorkers, NeedsForm: true},
		{Action: ActionVoid, From: []string{MaterialSent, MaterialReceived}, To: MaterialVoid, Roles: materialWorkers, NeedsComment: true},
	},
}

// checkMaterial: a sales rep voids only what they sent; a receipt is
// recorded before the entry moves to received.
func (e *Engine) checkMaterial(ctx context.Context, tx *store.Tx, m move) error {
	doc, err := tx.Document(ctx, m.docID)
	if err != nil {
		return err
	}
	if !mayWorkMaterial(m.actor, doc.MakerID) {
		return &Refusal{Code: NotYourMaterial, Action: m.t.Action}
	}
	if m.t.To == MaterialReceived {
		if x, err := tx.Material(ctx, m.docID); err != nil || x.ReceivedOn == "" {
			return &Refusal{Code: ReceiptUnconfirmed, Action: m.t.Action}
		}
	}
	return nil
}

// mayWorkMaterial: the desk and supervisors work every entry, a sales
// rep what they sent.
func mayWorkMaterial(u store.User, senderID int64) bool {
	return hasAnyRole(u, []Role{Clerk, Supervisor}) || (u.HasRole(string(SalesRep)) && u.ID == senderID)
}
