package workflow

import (
	"context"

	"orderdesk/store"
)

// DraftPurchasePlans: derive a month's purchase plan, edit what it buys,
// send it to purchasing once approved.
const DraftPurchasePlans Permission = "draft_purchase_plans"

const (
	actionCreatePurchasePlan = "create_purchase_plan"
	actionEditPurchasePlan   = "edit_purchase_plan"
)

// PurchaseLineInput is one line's edit as typed: the tonnes to buy and
// the note (the derived figures stay as derived).
type PurchaseLineInput struct {
	Tonnes string
	Note   string
}

// PurchasePlanInput is a purchase plan's form as typed: the note and,
// in the plan's order, each line's edit.
type PurchasePlanInput struct {
	Note  string
	Lines []PurchaseLineInput
}

// CreatePurchasePlan derives a draft purchase plan for month (YYYY-MM):
// a month with an approved plan is refused at the field, naming it.
func (d *Desk) CreatePurchasePlan(ctx context.Context, month string) (id int64, err error) {
	if err := permit(d.User, DraftPurchasePlans, actionCreatePurchasePlan); err != nil {
		return 0, err
	}
	m, ok := parseMonth(month)
	if !ok {
		code := InvalidDate
		if month == "" {
			code = Required
		}
		return 0, FieldErrors{{Field: FPeriod, Code: code}}
	}
	err = d.writeAndPublish(ctx, actionCreatePurchasePlan, func(tx *store.Tx, changes *[]Change) error {
		if ref, err := tx.ApprovedPurchasePlan(ctx, m, 0); err != nil || ref != "" {
			if err == nil {
				err = FieldErrors{{Field: FPeriod, Code: OverlapsApproved, Want: ref}}
			}
			return err
		}
		lines, err := d.e.purchaseNeeds(ctx, tx, m)
		if err != nil {
			return err
		}
		ref, err := tx.NextRef(ctx, store.PurchasePlanKind, "CG"+m[:4]+"-")
		if err != nil {
			return err
		}
		p := store.PurchasePlan{Month: m, Lines: lines}
		if id, err = tx.CreatePurchasePlan(ctx, d.User.ID, PurchasePlan.Initial(), ref, p, "purchase "+m); err != nil {
			return err
		}
		*changes = append(*changes, Change{Kind: store.PurchasePlanKind, ID: id})
		return nil
	})
	return id, err
}

// UpdatePurchasePlan saves a draft or sent-back purchase plan's edits as
// of version seen (0: whatever it is now): what is wrong comes back at
// the line's field.
func (d *Desk) UpdatePurchasePlan(ctx context.Context, docID, seen int64, in PurchasePlanInput) error {
	if err := permit(d.User, DraftPurchasePlans, actionEditPurchasePlan); err != nil {
		return err
	}
	var errs FieldErrors
	errs.Add(CheckText(FNote, in.Note, false, MaxLong))
	edits := make([]store.PurchaseLine, len(in.Lines))
	for i, l := range in.Lines {
		t, fe := ParseMilliField(FTonnes, l.Tonnes)
		if fe != nil {
			fe.Line = i + 1
		}
		errs.Add(fe)
		if fe := CheckText(FNote, l.Note, false, MaxShort); fe != nil {
			fe.Line = i + 1
			errs.Add(fe)
		}
		edits[i] = store.PurchaseLine{LineNo: i + 1, Tonnes: t, Note: CleanText(l.Note, false)}
	}
	if len(errs) > 0 {
		return errs
	}
	return d.writeAndPublish(ctx, actionEditPurchasePlan, func(tx *store.Tx, changes *[]Change) error {
		p, err := tx.PurchasePlan(ctx, docID)
		if err != nil {
			return err
		}
		if len(edits) > len(p.Lines) {
			return FieldErrors{{Field: FTonnes, Line: len(p.Lines) + 1, Code: OutOfRange}}
		}
		if seen == 0 {
			seen = p.Version
		}
		*changes = append(*changes, Change{Kind: store.PurchasePlanKind, ID: docID})
		return tx.UpdatePurchasePlan(ctx, d.User.ID, seen, store.PurchasePlan{DocID: docID, Note: CleanText(in.Note, true), Lines: edits},
			"purchase "+p.Month)
	})
}

// SubmitPurchasePlan sends a purchase plan for a supervisor's sign-off.
func (d *Desk) SubmitPurchasePlan(ctx context.Context, docID, seen int64) error {
	return d.submit(ctx, docID, seen)
}

// SendToPurchasing sends an approved purchase plan to purchasing, as of
// version seen.
func (d *Desk) SendToPurchasing(ctx context.Context, docID, seen int64) error {
	return d.ActOn(ctx, docID, seen, ActionSendToPurchasing, "")
}

// PurchasePlan loads a purchase plan with its lines.
func (d *Desk) PurchasePlan(ctx context.Context, docID int64) (store.PurchasePlan, error) {
	if err := permitScreen(d.User, ScreenPlans); err != nil {
		return store.PurchasePlan{}, err
	}
	return read(ctx, d.e, func(tx *store.Tx) (store.PurchasePlan, error) { return tx.PurchasePlan(ctx, docID) })
}

// PurchasePlans lists purchase plans, latest month first.
func (d *Desk) PurchasePlans(ctx context.Context) ([]store.PurchasePlan, error) {
	if err := permitScreen(d.User, ScreenPlans); err != nil {
		return nil, err
	}
	return read(ctx, d.e, func(tx *store.Tx) ([]store.PurchasePlan, error) { return tx.PurchasePlans(ctx, 0) })
}

// loadPurchaseContent adds a purchase plan's lines to a document opened
// for review.
func loadPurchaseContent(ctx context.Context, tx *store.Tx, dd *DocumentDetail) error {
	p, err := tx.PurchasePlan(ctx, dd.ID)
	dd.Purchase = &p
	return err
}
