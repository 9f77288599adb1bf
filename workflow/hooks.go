package workflow

import (
	"context"
	"errors"

	"orderdesk/store"
)

// What the pricing kinds do around a transition, whatever path took it
// (a desk call, the review screen, a sign-off at another's desk): the
// database checks the same again with its own triggers.

// explain turns a refusal into a more telling one where the kind knows
// why: revising a won quote is not just "not possible".
func explain(doc store.Document, action string, err error) error {
	if !errors.Is(err, &Refusal{Code: NoSuchTransition}) || doc.Kind != store.QuoteKind || action != ActionRevise {
		return err
	}
	if doc.Status == "won" {
		return &Refusal{Code: QuoteWon, Action: action}
	}
	return &Refusal{Code: NotRevisable, Action: action}
}

// before runs after the rule check and ahead of the transition.
func (e *Engine) before(ctx context.Context, tx *store.Tx, r applyReq, doc store.Document, t Transition, changes *[]Change) error {
	if handled, err := e.orderBefore(ctx, tx, r, doc, t); handled {
		return err
	}
	if handled, err := e.shippingBefore(ctx, tx, r, doc, t); handled {
		return err
	}
	if handled, err := e.invoicingBefore(ctx, tx, r, doc, t); handled {
		return err
	}
	if handled, err := e.reconBefore(ctx, tx, r, doc, t); handled {
		return err
	}
	switch {
	case doc.Kind == store.QuoteKind && (t.Action == ActionSubmit || t.Action == ActionResubmit):
		lines, err := tx.QuoteLines(ctx, doc.ID, false)
		if err != nil {
			return err
		}
		return checkPriced(lines)
	case doc.Kind == store.QuoteKind && t.Action == ActionRevise:
		id, err := e.makeRevision(ctx, tx, r.actor, doc)
		if err != nil {
			return err
		}
		*changes = append(*changes, Change{Kind: store.QuoteKind, ID: id})
	case doc.Kind == store.PriceRequestKind && t.Action == ActionAnswer:
		pr, err := tx.PriceRequest(ctx, doc.ID)
		if err != nil {
			return err
		}
		if !pr.Answered || pr.AnsweredByID != r.actor.ID {
			return &Refusal{Code: AnswerMissing, Action: t.Action}
		}
	}
	return nil
}

// checkPriced refuses a quote with no lines, or with lines that have no
// price, naming each of those lines.
func checkPriced(lines []store.QuoteLine) error {
	if len(lines) == 0 {
		return &Refusal{Code: NoLines, Action: ActionSubmit}
	}
	var errs FieldErrors
	for _, l := range lines {
		if !l.Priced {
			errs = append(errs, &FieldError{Field: FPrice, Line: l.LineNo, Code: Unpriced})
		}
	}
	if len(errs) > 0 {
		return errs
	}
	return nil
}

// makeRevision copies a quote version into a new draft version that
// revises it, and returns the new version's id.
func (e *Engine) makeRevision(ctx context.Context, tx *store.Tx, actor store.User, doc store.Document) (int64, error) {
	q, err := tx.Quote(ctx, doc.ID)
	if err != nil {
		return 0, err
	}
	if !SeesMoneyOf(actor, q.RepID) {
		return 0, &Refusal{Code: NotYourCustomer, Action: ActionRevise}
	}
	q.RevisesID, q.Revision = doc.ID, q.Revision+1
	for i := range q.Lines {
		l := &q.Lines[i]
		l.ID, l.DocID = 0, 0
		if l.Priced {
			l.Source = store.SourceCopy
		}
	}
	id, _, err := tx.CreateQuote(ctx, actor.ID, Quote.Initial(), q)
	return id, err
}

// inquiryFollows maps a quote's action to the one its inquiry takes.
var inquiryFollows = map[string]string{
	ActionMarkSent: ActionQuoteSent,
	ActionRevise:   ActionRequote,
	ActionWin:      ActionWin,
	ActionLose:     ActionLose,
	ActionExpire:   ActionExpire,
}

// after runs once the transition is in: the inquiry follows its quote,
// when it is where that step expects it (an inquiry already closed by
// hand stays as it is).
func (e *Engine) after(ctx context.Context, tx *store.Tx, r applyReq, doc store.Document, t Transition, changes *[]Change) error {
	if handled, err := e.orderAfter(ctx, tx, r, doc, t, changes); handled {
		return err
	}
	if handled, err := e.shippingAfter(ctx, tx, r, doc, t, changes); handled {
		return err
	}
	if handled, err := e.invoicingAfter(ctx, tx, r, doc, t, changes); handled {
		return err
	}
	if handled, err := e.reconAfter(ctx, tx, r, doc, t, changes); handled {
		return err
	}
	if doc.Kind == store.PriceChangeKind && t.To == "approved" {
		*changes = append(*changes, Change{Kind: PriceListKind}) // the database listed its prices
	}
	follow := inquiryFollows[t.Action]
	if doc.Kind != store.QuoteKind || follow == "" {
		return nil
	}
	q, err := tx.Quote(ctx, doc.ID)
	if err != nil {
		return err
	}
	return e.followInquiry(ctx, tx, r.actor, q.InquiryID, follow, r.comment, changes)
}

// followInquiry takes action on an inquiry if its status allows it.
func (e *Engine) followInquiry(ctx context.Context, tx *store.Tx, actor store.User, inquiryID int64, action, comment string, changes *[]Change) error {
	inq, err := tx.Document(ctx, inquiryID)
	if err != nil {
		return err
	}
	if _, ok := Inquiry.find(action, inq.Status); !ok {
		return nil
	}
	return e.applyTx(ctx, tx, applyReq{actor: actor, docID: inquiryID, action: action, comment: comment, internal: true}, changes)
}
