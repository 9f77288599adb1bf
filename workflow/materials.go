package workflow

import (
	"context"
	"strings"

	"orderdesk/store"
)

// Refused actions of the register's calls, as refusals name them.
const (
	actionSendMaterial = "send_material"
	actionConfirm      = "confirm_receipt"
)

// materialScope is the sender whose rows this user lists (0: all): a
// sales rep without the desk's roles sees what they sent.
func (d *Desk) materialScope() int64 {
	if hasAnyRole(d.User, []Role{Clerk, Supervisor}) {
		return 0
	}
	return d.User.ID
}

// materialWhom finds whom an entry goes to from what was typed: a
// customer (助记码, code or name) the user may work, else an open lead
// of theirs by its number or name. It returns the name it is summed up
// by.
func (d *Desk) materialWhom(ctx context.Context, tx *store.Tx, in *MaterialInput) (string, error) {
	if in.CustomerID == 0 && in.LeadID == 0 {
		if id, err := d.customerTyped(ctx, in.Recipient); err != nil {
			return "", err
		} else if id != 0 {
			in.CustomerID = id
		} else if in.LeadID, err = d.leadTyped(ctx, tx, in.Recipient); err != nil || in.LeadID == 0 {
			return "", FieldErrors{{Field: FRecipient, Code: InvalidChoice}}
		}
	}
	if in.LeadID != 0 {
		l, err := d.openLead(ctx, tx, in.LeadID, actionSendMaterial, true)
		if err != nil {
			return "", err
		}
		return l.Name, nil
	}
	c, err := tx.Customer(ctx, in.CustomerID)
	if err != nil || c.Voided {
		return "", FieldErrors{{Field: FRecipient, Code: InvalidChoice}}
	}
	if !SeesMoneyOf(d.User, c.RepID) {
		return "", &Refusal{Code: NotYourCustomer, Action: actionSendMaterial}
	}
	return c.Name, nil
}

// leadTyped finds the one open lead this user works whose number or
// name is s (0: none, or more than one).
func (d *Desk) leadTyped(ctx context.Context, tx *store.Tx, s string) (int64, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, nil
	}
	ls, err := tx.Leads(ctx, store.LeadFilter{OwnerID: d.leadScope(), Text: s, Limit: 20})
	if err != nil {
		return 0, err
	}
	var found []int64
	for _, l := range ls {
		if (strings.EqualFold(l.Ref, s) || l.Name == s) && oneOf(l.Status, leadOpen) {
			found = append(found, l.DocID)
		}
	}
	if len(found) != 1 {
		return 0, nil
	}
	return found[0], nil
}

// SendMaterial enters what was sent into the register (寄出资料登记):
// whom, what, the day and how. What is wrong comes back at its field,
// nothing saved; a contract names the order it is the contract of.
func (d *Desk) SendMaterial(ctx context.Context, in MaterialInput) (id int64, err error) {
	if err := permit(d.User, EditMaterials, actionSendMaterial); err != nil {
		return 0, err
	}
	m, errs := in.validate(d)
	if len(errs) > 0 {
		return 0, errs
	}
	err = d.writeAndPublish(ctx, actionSendMaterial, func(tx *store.Tx, changes *[]Change) error {
		who, err := d.materialWhom(ctx, tx, &in)
		if err != nil {
			return err
		}
		m.CustomerID, m.LeadID = in.CustomerID, in.LeadID
		if in.What == "contract" {
			if m.OrderID, err = d.contractOrder(ctx, tx, in.Order, m.CustomerID); err != nil {
				return err
			}
		}
		if id, _, err = tx.CreateMaterial(ctx, d.User.ID, Material.Initial(), m, who); err != nil {
			return err
		}
		*changes = append(*changes, Change{Kind: store.MaterialKind, ID: id})
		return nil
	})
	return id, err
}

// contractOrder finds the order a contract sent for signature belongs
// to, by its number or ref: the customer's own, never voided.
func (d *Desk) contractOrder(ctx context.Context, tx *store.Tx, typed string, customerID int64) (int64, error) {
	id, err := tx.OrderByNumber(ctx, strings.TrimSpace(NormalizeDigits(typed)))
	if err != nil {
		return 0, err
	}
	bad := FieldErrors{{Field: FContractOrder, Code: InvalidChoice}}
	if id == 0 {
		return 0, bad
	}
	o, err := tx.OrderHeader(ctx, id)
	if err != nil || o.CustomerID != customerID || o.Status == "void" {
		return 0, bad
	}
	return id, nil
}

// openMaterial loads a row of the register this user may see.
func (d *Desk) openMaterial(ctx context.Context, tx *store.Tx, docID int64, action string) (store.MaterialSent, error) {
	m, err := tx.Material(ctx, docID)
	if err != nil {
		return m, err
	}
	if scope := d.materialScope(); scope != 0 && m.SenderID != scope {
		return m, &Refusal{Code: NotYourMaterial, Action: action}
	}
	return m, nil
}

// ConfirmMaterialReceipt records that what a register row stands for
// arrived (签收), on which day and who said so, as of version seen (0:
// whatever it is now): an entry moves to received; an invoice mailed
// keeps its own status, its receipt shown in the register.
func (d *Desk) ConfirmMaterialReceipt(ctx context.Context, docID, seen int64, in ArrivalInput) error {
	if err := permit(d.User, EditMaterials, actionConfirm); err != nil {
		return err
	}
	return d.writeAndPublish(ctx, actionConfirm, func(tx *store.Tx, changes *[]Change) error {
		m, err := d.openMaterial(ctx, tx, docID, actionConfirm)
		if err != nil {
			return err
		}
		if m.Status != MaterialSent {
			return &Refusal{Code: MaterialClosed, Action: actionConfirm}
		}
		if seen != 0 && m.Version != seen {
			return &Refusal{Code: StaleStatus, Action: actionConfirm}
		}
		day, errs := in.validate(d, m.SentOn)
		if len(errs) > 0 {
			return errs
		}
		if err := tx.ConfirmMaterialReceipt(ctx, d.User.ID, docID, day, CleanText(in.By, false)); err != nil {
			return err
		}
		*changes = append(*changes, Change{Kind: store.MaterialKind, ID: docID})
		if !m.Entry {
			return nil
		}
		return d.e.applyTx(ctx, tx, applyReq{actor: d.User, docID: docID, action: ActionConfirmReceipt, internal: true}, changes)
	})
}

// VoidMaterial voids an entry entered by mistake, with the reason; a
// mailed invoice is the invoice's to void, not the register's.
func (d *Desk) VoidMaterial(ctx context.Context, docID, seen int64, reason string) error {
	doc, err := read(ctx, d.e, func(tx *store.Tx) (store.Document, error) { return tx.Document(ctx, docID) })
	if err != nil {
		return err
	}
	if doc.Kind != store.MaterialKind {
		return &Refusal{Code: InvoiceVoidedOnInvoice, Action: ActionVoid}
	}
	return d.actWithReason(ctx, docID, seen, ActionVoid, reason)
}

// Material loads a row of the register: a sales rep only what they sent.
func (d *Desk) Material(ctx context.Context, docID int64) (store.MaterialSent, error) {
	if err := permitScreen(d.User, ScreenMaterials); err != nil {
		return store.MaterialSent{}, err
	}
	return read(ctx, d.e, func(tx *store.Tx) (store.MaterialSent, error) { return d.openMaterial(ctx, tx, docID, ScreenMaterials) })
}

// Materials lists the register, the latest sent first: a sales rep what
// they sent, everything for the desk and supervisors; status "" for all.
func (d *Desk) Materials(ctx context.Context, status string) ([]store.MaterialSent, error) {
	if err := permitScreen(d.User, ScreenMaterials); err != nil {
		return nil, err
	}
	f := store.MaterialFilter{SenderID: d.materialScope(), Status: status}
	return read(ctx, d.e, func(tx *store.Tx) ([]store.MaterialSent, error) { return tx.Materials(ctx, f) })
}

// MaterialLate reports whether a row waits for its receipt longer than
// days after the day it was sent, as of today.
func MaterialLate(m store.MaterialSent, today string, days int) bool {
	n, ok := DaysBetween(m.SentOn, today)
	return m.Status == MaterialSent && ok && n > days
}
