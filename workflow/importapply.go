package workflow

import (
	"context"
	"slices"
	"strings"

	"orderdesk/store"
)

// applyImport makes what an approved batch brings in, in the
// transaction of its sign-off: customers and products are created or
// changed as their lines say (as made by the batch's maker); terms and
// credit become terms changes, and prices one price-list change, made by
// the maker and approved by the batch's signer, so the database's own
// guards on terms and the price list hold and their history reads as
// at the desk; opening balances are written from their lines.
func (e *Engine) applyImport(ctx context.Context, tx *store.Tx, m move) error {
	if m.t.To != "approved" {
		return nil
	}
	b, err := tx.ImportBatch(ctx, m.doc.ID)
	if err != nil {
		return err
	}
	lines, err := tx.ImportLines(ctx, m.doc.ID)
	if err != nil {
		return err
	}
	a := importApply{e: e, ctx: ctx, tx: tx, m: m}
	switch b.What {
	case store.ImportCustomers:
		err = a.customers(lines)
	case store.ImportProducts:
		err = a.products(lines)
	case store.ImportPrices:
		err = a.prices(lines)
	case store.ImportBalances:
		err = a.balances(lines)
	}
	return err
}

// importApply is one approved batch being applied.
type importApply struct {
	e   *Engine
	ctx context.Context
	tx  *store.Tx
	m   move
}

func (a importApply) maker() int64 { return a.m.doc.MakerID }

// approve signs off a document the batch made, as the batch's signer.
func (a importApply) approve(docID int64) error {
	return a.e.applyTx(a.ctx, a.tx, applyReq{actor: a.m.actor, sessionUser: a.m.sessionUser, docID: docID,
		action: ActionApprove, comment: a.m.doc.Ref, internal: true}, a.m.changes)
}

func (a importApply) customers(lines []store.ImportLine) error {
	for _, l := range lines {
		if l.Outcome == store.OutcomeSame {
			continue
		}
		c, tc := customerFromLine(l.Fields)
		id := l.TargetID
		if l.Outcome == store.OutcomeNew {
			var err error
			if id, _, err = a.tx.CreateCustomer(a.ctx, a.maker(), c); err != nil {
				return err
			}
		} else {
			// Only what the line changes: an edit made at the desk
			// since the file was checked is kept.
			orig, err := a.tx.Customer(a.ctx, id)
			if err != nil {
				return err
			}
			merged := customerFields(orig, termsOf(orig))
			for _, k := range strings.Split(l.Changes, ",") {
				merged[k] = l.Fields[k]
			}
			c, tc = customerFromLine(merged)
			c.ID = id
			if err := a.tx.UpdateCustomer(a.ctx, a.maker(), orig, c); err != nil {
				return err
			}
		}
		cur, err := a.tx.Customer(a.ctx, id)
		if err != nil {
			return err
		}
		a.m.changed(Change{Kind: "customer", ID: id})
		if !termsDiffer(cur, tc) {
			continue
		}
		if open, err := a.tx.OpenTermsChange(a.ctx, id, openTermsStatuses...); err != nil || open != 0 {
			if err == nil {
				err = &Refusal{Code: PendingTermsChange}
			}
			return err
		}
		tc.CustomerID, tc.Reason = id, a.m.doc.Ref
		doc, err := a.tx.CreateTermsChange(a.ctx, a.maker(), TermsChange.Initial(), tc, cur.Name)
		if err != nil {
			return err
		}
		if err := a.approve(doc); err != nil {
			return err
		}
	}
	return nil
}

func (a importApply) products(lines []store.ImportLine) error {
	for _, l := range lines {
		p := productFromLine(l.Fields)
		switch l.Outcome {
		case store.OutcomeNew:
			id, err := a.tx.CreateProduct(a.ctx, a.maker(), p)
			if err != nil {
				return err
			}
			a.m.changed(Change{Kind: "product", ID: id})
		case store.OutcomeChanged:
			orig, err := a.tx.Product(a.ctx, l.TargetID)
			if err != nil {
				return err
			}
			// Only what the line changes, as for customers.
			changed := strings.Split(l.Changes, ",")
			p.ID, p.Voided = orig.ID, orig.Voided
			for key, keep := range map[string]func(){FUnit: func() { p.Unit = orig.Unit },
				FUnitWeight: func() { p.UnitWeight = orig.UnitWeight }, FMnemonic: func() { p.Mnemonic = orig.Mnemonic }} {
				if !slices.Contains(changed, key) {
					keep()
				}
			}
			if err := a.tx.UpdateProduct(a.ctx, a.maker(), orig, p); err != nil {
				return err
			}
			a.m.changed(Change{Kind: "product", ID: orig.ID})
		}
	}
	return nil
}

func (a importApply) prices(lines []store.ImportLine) error {
	var pls []store.PriceChangeLine
	for _, l := range lines {
		if l.Outcome != store.OutcomeSame {
			pls = append(pls, priceFromLine(l.Fields))
		}
	}
	if len(pls) == 0 {
		return nil
	}
	doc, _, err := a.tx.CreatePriceChange(a.ctx, a.maker(), PriceChange.Initial(), a.m.doc.Ref+" "+a.m.doc.Summary, pls)
	if err != nil {
		return err
	}
	return a.approve(doc)
}

func (a importApply) balances(lines []store.ImportLine) error {
	for _, l := range lines {
		if l.Outcome != store.OutcomeNew {
			continue
		}
		amount, err := store.ParseMoney(l.Fields[FAmount])
		if err != nil {
			return err
		}
		if err := a.tx.AddOpeningBalance(a.ctx, a.m.actor.ID, a.m.doc.ID, l.ID,
			store.OpeningBalance{CustomerID: l.TargetID, Amount: amount, AsOf: l.Fields[FAsOf]}); err != nil {
			return err
		}
		a.m.changed(Change{Kind: "customer", ID: l.TargetID})
	}
	return nil
}
