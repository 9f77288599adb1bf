package workflow

import (
	"context"
	"errors"

	"orderdesk/store"
)

// What the pricing kinds do around a transition, whatever path took it
// (a desk call, the review screen, a sign-off at another's desk): the
// database checks the same again with its own triggers.

// explainQuote turns a refusal into a more telling one: revising a won
// quote is not just "not possible".
func explainQuote(doc store.Document, action string, err error) error {
	if !errors.Is(err, &Refusal{Code: NoSuchTransition}) || action != ActionRevise {
		return err
	}
	if doc.Status == "won" {
		return &Refusal{Code: QuoteWon, Action: action}
	}
	return &Refusal{Code: NotRevisable, Action: action}
}

// checkQuote refuses to submit a quote with unpriced lines; revising one
// drafts its next version.
func (e *Engine) checkQuote(ctx context.Context, tx *store.Tx, m move) error {
	switch m.t.Action {
	case ActionSubmit, ActionResubmit:
		lines, err := tx.QuoteLines(ctx, m.doc.ID, false)
		if err != nil {
			return err
		}
		return checkPriced(lines)
	case ActionRevise:
		id, err := e.makeRevision(ctx, tx, m.actor, m.doc)
		if err != nil {
			return err
		}
		m.changed(Change{Kind: store.QuoteKind, ID: id})
	}
	return nil
}

// checkAnswer refuses purchasing's answer step without the price given
// by the one who takes it.
func (e *Engine) checkAnswer(ctx context.Context, tx *store.Tx, m move) error {
	if m.t.Action != ActionAnswer {
		return nil
	}
	pr, err := tx.PriceRequest(ctx, m.doc.ID)
	if err != nil {
		return err
	}
	if !pr.Answered || pr.AnsweredByID != m.actor.ID {
		return &Refusal{Code: AnswerMissing, Action: m.t.Action}
	}
	return nil
}

// pricesListed: an approved price change was written into the list by
// the database.
func (e *Engine) pricesListed(ctx context.Context, tx *store.Tx, m move) error {
	if m.t.To == "approved" {
		m.changed(Change{Kind: PriceListKind})
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
	id, _, err := tx.CreateQuote(ctx, actor.ID, e.kinds[store.QuoteKind].Initial(), q)
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

// inquiryFollowsQuote: the inquiry follows its quote, when it is where
// that step expects it (an inquiry already closed by hand stays as it
// is).
func (e *Engine) inquiryFollowsQuote(ctx context.Context, tx *store.Tx, m move) error {
	follow := inquiryFollows[m.t.Action]
	if follow == "" {
		return nil
	}
	q, err := tx.Quote(ctx, m.doc.ID)
	if err != nil {
		return err
	}
	return e.followInquiry(ctx, tx, m.actor, q.InquiryID, follow, m.comment, m.changes)
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
