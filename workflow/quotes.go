package workflow

import (
	"context"
	"slices"
	"time"

	"orderdesk/store"
)

// DefaultValidityDays is how long a new quote holds.
const DefaultValidityDays = 7

// DefaultFollowUpDays is how many days a sent quote may wait for the
// customer's answer before the desk is told to follow it up.
const DefaultFollowUpDays = 3

// QuoteInput is a quote form as typed: the header and the lines with
// their prices (yuan per unit; "" for a line not priced yet).
type QuoteInput struct {
	PaymentTerms string
	TermsDays    string
	ValidityDays string
	Notes        string
	Lines        []LineInput
}

// InputFromQuote fills a form from a stored quote version.
func InputFromQuote(q store.Quote) QuoteInput {
	out := QuoteInput{PaymentTerms: q.PaymentTerms, TermsDays: itoa(q.TermsDays), ValidityDays: itoa(q.ValidityDays), Notes: q.Notes}
	for _, l := range q.Lines {
		in := LineInput{ID: l.ID, Grade: l.Grade, Name: l.Name, Spec: l.Spec, Quantity: l.Qty.String(), Unit: l.Unit,
			WantedOn: l.WantedOn, Requirements: l.Requirements}
		if l.Priced {
			in.Price = l.Price.Plain()
		}
		out.Lines = append(out.Lines, in)
	}
	return out
}

// CreateQuote drafts the first quote for an inquiry: its lines copied,
// each priced from purchasing's answer to a price request for it or else
// from the price list valid today (same unit), or left unpriced. The
// inquiry moves to quoting. It returns the quote's id.
func (d *Desk) CreateQuote(ctx context.Context, inquiryID int64) (id int64, err error) {
	if err := permit(d.User, EditInquiries, ""); err != nil {
		return 0, err
	}
	var changes []Change
	err = d.e.st.Write(ctx, func(tx *store.Tx) error {
		changes = changes[:0]
		doc, err := tx.Document(ctx, inquiryID)
		if err != nil {
			return err
		}
		if doc.Kind != store.InquiryKind {
			return store.ErrNotFound
		}
		if !slices.Contains(OpenInquiryStatuses, doc.Status) {
			return &Refusal{Code: InquiryClosed, Action: "create_quote"}
		}
		inq, err := tx.Inquiry(ctx, inquiryID)
		if err != nil {
			return err
		}
		if _, err := d.customerFor(ctx, tx, inq.CustomerID, "create_quote"); err != nil {
			return err
		}
		quotes, err := tx.QuotesOfInquiry(ctx, inquiryID)
		if err != nil {
			return err
		}
		for _, q := range quotes {
			if slices.Contains(LiveQuoteStatuses, q.Status) {
				return &Refusal{Code: QuoteExists, Action: "create_quote"}
			}
		}
		if len(inq.Lines) == 0 {
			return &Refusal{Code: NoLines, Action: "create_quote"}
		}
		q := store.Quote{InquiryID: inquiryID, CustomerID: inq.CustomerID, PaymentTerms: inq.PaymentTerms, TermsDays: inq.TermsDays,
			ValidityDays: DefaultValidityDays}
		for _, il := range inq.Lines {
			l := store.QuoteLine{InquiryLineID: il.ID, Grade: il.Grade, Name: il.Name, Spec: il.Spec, Qty: il.Qty, Unit: il.Unit,
				WantedOn: il.WantedOn, Requirements: il.Requirements, ProductID: il.ProductID, Unknown: il.Unknown}
			if err := d.prefill(ctx, tx, &l); err != nil {
				return err
			}
			q.Lines = append(q.Lines, l)
		}
		if id, _, err = tx.CreateQuote(ctx, d.User.ID, Quote.Initial(), q); err != nil {
			return err
		}
		changes = append(changes, Change{Kind: store.QuoteKind, ID: id})
		return d.e.followInquiry(ctx, tx, d.User, inquiryID, ActionStartQuote, "", &changes)
	})
	if err != nil {
		return 0, refusalFromStore(err, "create_quote")
	}
	d.e.publish(changes)
	return id, nil
}

// prefill prices a new line from an answered price request for its
// inquiry line, or from the price list valid today in the same unit.
func (d *Desk) prefill(ctx context.Context, tx *store.Tx, l *store.QuoteLine) error {
	if l.InquiryLineID != 0 {
		p, ok, err := tx.AnsweredPrice(ctx, l.InquiryLineID)
		if err != nil {
			return err
		}
		if ok {
			l.SetPrice(p, true, store.SourceRequest)
			return nil
		}
	}
	price, ok, err := d.listPrice(ctx, tx, l.Grade, l.Name, l.Spec, l.Unit)
	if ok {
		l.SetPrice(price, true, store.SourceList)
	}
	return err
}

func (in QuoteInput) validate(d *Desk, old store.Quote) (store.Quote, []lineFields, FieldErrors) {
	var errs FieldErrors
	h := old
	h.Notes = CleanText(in.Notes, true)
	errs.Add(CheckText(FNotes, in.Notes, false, MaxLong))
	if in.PaymentTerms != "" {
		var es FieldErrors
		h.PaymentTerms, h.TermsDays, es = validateTerms(in.PaymentTerms, in.TermsDays)
		errs = append(errs, es...)
	}
	if in.ValidityDays != "" {
		n, fe := ParseIntField(FValidityDays, in.ValidityDays, 1, 365)
		if fe == nil && n == 0 {
			fe = &FieldError{Field: FValidityDays, Code: NotPositive}
		}
		errs.Add(fe)
		h.ValidityDays = n
	}
	prev := map[int64]string{}
	for _, l := range old.Lines {
		prev[l.ID] = l.WantedOn
	}
	lines, es := validateLines(in.Lines, d.e.today(), true, prev)
	return h, lines, append(errs, es...)
}

// UpdateQuote saves an edited quote version (a draft, or one sent back),
// as of version seen: header, lines and prices. A price changed or typed
// is the clerk's ("manual"); one left as it was keeps where it came
// from. Unknown grade/specs come back as warnings.
func (d *Desk) UpdateQuote(ctx context.Context, docID, seen int64, in QuoteInput) (warn FieldErrors, err error) {
	if err := permit(d.User, EditInquiries, ""); err != nil {
		return nil, err
	}
	err = d.e.st.Write(ctx, func(tx *store.Tx) error {
		if _, err := d.editable(ctx, tx, docID, seen, Quote); err != nil {
			return err
		}
		old, err := tx.Quote(ctx, docID)
		if err != nil {
			return err
		}
		if _, err := d.customerFor(ctx, tx, old.CustomerID, "save"); err != nil {
			return err
		}
		h, lines, errs := in.validate(d, old)
		if len(errs) > 0 {
			return errs
		}
		if warn, errs, err = matchLines(ctx, tx, lines); err != nil {
			return err
		}
		if len(errs) > 0 {
			return errs
		}
		if h.PaymentTerms != old.PaymentTerms || h.TermsDays != old.TermsDays || h.ValidityDays != old.ValidityDays || h.Notes != old.Notes {
			if err := tx.UpdateQuote(ctx, d.User.ID, h); err != nil {
				return err
			}
		}
		return syncQuoteLines(ctx, tx, d.User.ID, old, lines)
	})
	if err != nil {
		return nil, refusalFromStore(err, "save")
	}
	d.e.feed.Publish(Change{Kind: store.QuoteKind, ID: docID})
	return warn, nil
}

// syncQuoteLines writes the form's lines over a version's: updated,
// added, and removed where the form no longer has them.
func syncQuoteLines(ctx context.Context, tx *store.Tx, by int64, old store.Quote, lines []lineFields) error {
	kept := map[int64]store.QuoteLine{}
	for _, l := range old.Lines {
		kept[l.ID] = l
	}
	for _, lf := range lines {
		l := store.QuoteLine{ID: lf.id, DocID: old.DocID, Grade: lf.grade, Name: lf.name, Spec: lf.spec, Qty: lf.qty, Unit: lf.unit,
			WantedOn: lf.wantedOn, Requirements: lf.requirements, ProductID: lf.productID, Unknown: lf.unknown}
		prev, ok := kept[l.ID]
		source := store.SourceManual
		if ok && prev.Priced && lf.priced && prev.Price == lf.price {
			source = prev.Source
		}
		l.SetPrice(lf.price, lf.priced, source)
		var err error
		switch {
		case l.ID == 0:
			_, err = tx.AddQuoteLine(ctx, by, old.DocID, l)
		case !ok:
			err = store.ErrNotFound
		default:
			delete(kept, l.ID)
			l.LineNo, l.InquiryLineID = prev.LineNo, prev.InquiryLineID
			if l != prev {
				err = tx.UpdateQuoteLine(ctx, by, l)
			}
		}
		if err != nil {
			return err
		}
	}
	for _, l := range old.Lines {
		if _, gone := kept[l.ID]; gone {
			if err := tx.RemoveQuoteLine(ctx, by, old.DocID, l.ID); err != nil {
				return err
			}
		}
	}
	return nil
}

// PriceLine sets (or, with "", clears) one line's unit price, as the
// pricing screen does beside the line's price context.
func (d *Desk) PriceLine(ctx context.Context, docID, seen, lineID int64, price string) error {
	if err := permit(d.User, EditInquiries, ""); err != nil {
		return err
	}
	p, priced, fe := ParsePriceField(FPrice, price)
	err := d.e.st.Write(ctx, func(tx *store.Tx) error {
		if _, err := d.editable(ctx, tx, docID, seen, Quote); err != nil {
			return err
		}
		l, err := tx.QuoteLine(ctx, lineID)
		if err != nil || l.DocID != docID || l.Removed {
			return store.ErrNotFound
		}
		if fe != nil {
			fe.Line = l.LineNo
			return FieldErrors{fe}
		}
		q, err := tx.Quote(ctx, docID)
		if err != nil {
			return err
		}
		if _, err := d.customerFor(ctx, tx, q.CustomerID, "save"); err != nil {
			return err
		}
		l.SetPrice(p, priced, store.SourceManual)
		return tx.UpdateQuoteLine(ctx, d.User.ID, l)
	})
	if err != nil {
		return refusalFromStore(err, "save")
	}
	d.e.feed.Publish(Change{Kind: store.QuoteKind, ID: docID})
	return nil
}

// SubmitQuote sends a draft (or a version sent back) for a supervisor's
// sign-off. A quote with lines not priced is refused with a FieldError
// (code Unpriced) naming each of them.
func (d *Desk) SubmitQuote(ctx context.Context, docID, seen int64) error {
	return d.submit(ctx, docID, seen)
}

// ReviseQuote makes a new version of an approved or sent quote, from the
// customer's feedback: a draft copy that goes through review again, while
// the version revised is kept, marked revised. A won quote is refused
// (QuoteWon). It returns the new version's id.
func (d *Desk) ReviseQuote(ctx context.Context, docID, seen int64) (id int64, err error) {
	if err := d.ActOn(ctx, docID, seen, ActionRevise, ""); err != nil {
		return 0, err
	}
	id, err = read(ctx, d.e, func(tx *store.Tx) (int64, error) { return tx.QuoteRevisedBy(ctx, docID) })
	return id, err
}

// QuoteDetail is a quote version for its screen.
type QuoteDetail struct {
	DocumentDetail
	Total      store.Money // the sum of the rounded line amounts
	Versions   []store.QuoteRow
	Requests   []store.PriceRequestRow // price requests of its lines
	SentAt     time.Time               // zero until marked sent
	ValidUntil string                  // the last day it holds, once sent
}

// Quote loads a quote version with its lines, every version of its
// number, its price requests and its history. Prices are hidden (and
// MoneyHidden set) from a user who may not see the customer's money.
func (d *Desk) Quote(ctx context.Context, docID int64) (QuoteDetail, error) {
	var out QuoteDetail
	dd, err := d.Document(ctx, docID)
	if err != nil {
		return out, err
	}
	if dd.Kind != store.QuoteKind || dd.Quote == nil {
		return out, store.ErrNotFound
	}
	out.DocumentDetail = dd
	out.Total = dd.Quote.Total()
	for _, tr := range dd.Transitions {
		if tr.Action == ActionMarkSent {
			out.SentAt = tr.At
			out.ValidUntil = validUntil(tr.At, dd.Quote.ValidityDays, d.e.loc)
		}
	}
	err = d.e.st.Read(ctx, func(tx *store.Tx) error {
		var err error
		if out.Versions, err = tx.QuoteVersions(ctx, dd.Quote.QuoteNo); err != nil {
			return err
		}
		out.Requests, err = tx.PriceRequestsOf(ctx, 0, docID)
		return err
	})
	d.hideQuoteRows(out.Versions)
	d.hideRequests(out.Requests)
	return out, err
}

// validUntil is the last day a quote sent at sent holds.
func validUntil(sent time.Time, days int, loc *time.Location) string {
	s := sent.In(loc)
	return time.Date(s.Year(), s.Month(), s.Day()+days, 0, 0, 0, 0, time.UTC).Format("2006-01-02")
}

// Quotes lists one page of quote versions matching f.
func (d *Desk) Quotes(ctx context.Context, f store.DocFilter, p store.Page) (rows []store.QuoteRow, err error) {
	rows, err = read(ctx, d.e, func(tx *store.Tx) ([]store.QuoteRow, error) { return tx.Quotes(ctx, f, p) })
	d.hideQuoteRows(rows)
	return rows, err
}

// FollowUp is a sent quote the customer has not answered for too long.
type FollowUp struct {
	store.QuoteRow
	SentOn       string // the day it was sent, in the desk's calendar
	DaysWaiting  int    // whole calendar days from SentOn to the day asked about
	ValidUntil   string
	PastValidity bool // the quote no longer holds: expire or revise it
}

// QuotesToFollowUp lists quotes sent and still waiting for the
// customer's feedback more than days calendar days as of asOf's day in
// the desk's time zone (sent on the 1st, days 3: flagged from the 5th),
// longest waiting first.
func (d *Desk) QuotesToFollowUp(ctx context.Context, asOf time.Time, days int) ([]FollowUp, error) {
	if err := permitScreen(d.User, ScreenPricing); err != nil {
		return nil, err
	}
	a := asOf.In(d.e.loc)
	// Sent before the start of the day `days` days back: waiting more
	// than `days` days.
	cutoff := time.Date(a.Year(), a.Month(), a.Day()-days, 0, 0, 0, 0, d.e.loc)
	var rows []store.QuoteRow
	err := d.e.st.Read(ctx, func(tx *store.Tx) (err error) {
		rows, err = tx.QuotesInStatusSince(ctx, "sent", cutoff, 500)
		return err
	})
	if err != nil {
		return nil, err
	}
	d.hideQuoteRows(rows)
	today := time.Date(a.Year(), a.Month(), a.Day(), 0, 0, 0, 0, time.UTC)
	out := make([]FollowUp, len(rows))
	for i, r := range rows {
		s := r.StatusSince.In(d.e.loc)
		sentDay := time.Date(s.Year(), s.Month(), s.Day(), 0, 0, 0, 0, time.UTC)
		f := FollowUp{QuoteRow: r, SentOn: sentDay.Format("2006-01-02"), DaysWaiting: int(today.Sub(sentDay).Hours() / 24),
			ValidUntil: validUntil(r.StatusSince, r.ValidityDays, d.e.loc)}
		f.PastValidity = today.Format("2006-01-02") > f.ValidUntil
		out[i] = f
	}
	return out, nil
}
