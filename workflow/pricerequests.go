package workflow

import (
	"context"
	"slices"

	"orderdesk/store"
)

// RequestQuoteLinePrice asks purchasing for the price of a quote line
// that has none (单价申请). The answer fills the line, if the quote is
// still being drafted then. It returns the request's id.
func (d *Desk) RequestQuoteLinePrice(ctx context.Context, lineID int64, note string) (int64, error) {
	return d.requestPrice(ctx, lineID, 0, note)
}

// RequestInquiryLinePrice asks purchasing for the price of an inquiry
// line before its quote is drafted; the quote drafted later takes the
// answer, and an unpriced line of a draft quote copied from it is filled
// when the answer comes.
func (d *Desk) RequestInquiryLinePrice(ctx context.Context, lineID int64, note string) (int64, error) {
	return d.requestPrice(ctx, 0, lineID, note)
}

func (d *Desk) requestPrice(ctx context.Context, quoteLineID, inquiryLineID int64, note string) (id int64, err error) {
	if err := permit(d.User, RequestPrices, ""); err != nil {
		return 0, err
	}
	if fe := CheckText(FNote, note, false, MaxShort); fe != nil {
		return 0, FieldErrors{fe}
	}
	var changes []Change
	err = d.e.st.Write(ctx, func(tx *store.Tx) error {
		changes = changes[:0]
		r := store.PriceRequest{Note: CleanText(note, false)}
		if quoteLineID != 0 {
			l, err := tx.QuoteLine(ctx, quoteLineID)
			if err != nil || l.Removed {
				return store.ErrNotFound
			}
			if l.Priced {
				return &Refusal{Code: AlreadyPriced, Action: "request_price"}
			}
			if _, err := d.editable(ctx, tx, l.DocID, 0, Quote); err != nil {
				return err
			}
			if err := tx.QuoteCustomer(ctx, l.DocID, &r.CustomerID); err != nil {
				return err
			}
			r.QuoteLineID, r.InquiryLineID = l.ID, l.InquiryLineID
			r.Grade, r.Name, r.Spec, r.Qty, r.Unit = l.Grade, l.Name, l.Spec, l.Qty, l.Unit
			changes = append(changes, Change{Kind: store.QuoteKind, ID: l.DocID})
		} else {
			l, err := tx.InquiryLine(ctx, inquiryLineID)
			if err != nil || l.Removed {
				return store.ErrNotFound
			}
			doc, err := tx.Document(ctx, l.DocID)
			if err != nil {
				return err
			}
			if !slices.Contains(OpenInquiryStatuses, doc.Status) {
				return &Refusal{Code: InquiryClosed, Action: "request_price"}
			}
			inq, err := tx.Inquiry(ctx, l.DocID)
			if err != nil {
				return err
			}
			r.CustomerID, r.InquiryLineID = inq.CustomerID, l.ID
			r.Grade, r.Name, r.Spec, r.Qty, r.Unit = l.Grade, l.Name, l.Spec, l.Qty, l.Unit
			changes = append(changes, Change{Kind: store.InquiryKind, ID: l.DocID})
		}
		if _, err := d.customerFor(ctx, tx, r.CustomerID, "request_price"); err != nil {
			return err
		}
		open, err := tx.OpenPriceRequest(ctx, r.QuoteLineID, r.InquiryLineID)
		if err != nil {
			return err
		}
		if open != 0 {
			return &Refusal{Code: RequestOpen, Action: "request_price"}
		}
		id, _, err = tx.CreatePriceRequest(ctx, d.User.ID, PriceRequest.Initial(), r)
		changes = append(changes, Change{Kind: store.PriceRequestKind, ID: id})
		return err
	})
	if err != nil {
		return 0, refusalFromStore(err, "request_price")
	}
	d.e.publish(changes)
	return id, nil
}

// AnswerPriceRequest gives the price a request asked for, as purchasing,
// on the request as seen (version seen; 0 for as it is). The database
// takes the answer only from an active purchasing user who did not ask;
// the answer fills the line in a quote still being drafted.
func (d *Desk) AnswerPriceRequest(ctx context.Context, docID, seen int64, price, note string) error {
	if err := permit(d.User, AnswerPrices, ActionAnswer); err != nil {
		return err
	}
	p, set, fe := ParsePriceField(FPrice, price)
	if err := requiredWithNote(FPrice, fe, !set, note); err != nil {
		return err
	}
	return d.writeAndPublish(ctx, ActionAnswer, func(tx *store.Tx, changes *[]Change) error {
		if err := d.answerable(ctx, tx, docID, seen, store.PriceRequestKind, ActionAnswer); err != nil {
			return err
		}
		if err := tx.AnswerPriceRequest(ctx, d.User.ID, docID, p, CleanText(note, false)); err != nil {
			return err
		}
		if err := d.e.applyTx(ctx, tx, applyReq{actor: d.User, docID: docID, seen: seen, action: ActionAnswer}, changes); err != nil {
			return err
		}
		pr, err := tx.PriceRequest(ctx, docID)
		if err != nil {
			return err
		}
		return d.filledBy(ctx, tx, pr, changes)
	})
}

// filledBy adds the documents an answer touched to changes: the quote of
// the line asked about, and the inquiry and its quotes for an inquiry
// line.
func (d *Desk) filledBy(ctx context.Context, tx *store.Tx, pr store.PriceRequest, changes *[]Change) error {
	if pr.QuoteLineID != 0 {
		l, err := tx.QuoteLine(ctx, pr.QuoteLineID)
		if err != nil {
			return err
		}
		*changes = append(*changes, Change{Kind: store.QuoteKind, ID: l.DocID})
	}
	if pr.InquiryLineID != 0 {
		l, err := tx.InquiryLine(ctx, pr.InquiryLineID)
		if err != nil {
			return err
		}
		*changes = append(*changes, Change{Kind: store.InquiryKind, ID: l.DocID})
		quotes, err := tx.QuotesOfInquiry(ctx, l.DocID)
		if err != nil {
			return err
		}
		for _, q := range quotes {
			if slices.Contains([]string{"draft", "sent_back"}, q.Status) {
				*changes = append(*changes, Change{Kind: store.QuoteKind, ID: q.ID})
			}
		}
	}
	return nil
}

// PriceRequestsToAnswer lists the open requests a purchasing user may
// answer (not their own), oldest first.
func (d *Desk) PriceRequestsToAnswer(ctx context.Context) ([]store.PriceRequestRow, error) {
	if err := permit(d.User, AnswerPrices, ActionAnswer); err != nil {
		return nil, err
	}
	var rows []store.PriceRequestRow
	err := d.e.st.Read(ctx, func(tx *store.Tx) (err error) {
		rows, err = tx.PriceRequests(ctx, store.DocFilter{Statuses: []string{"open"}}, 500)
		return err
	})
	rows = slices.DeleteFunc(rows, func(r store.PriceRequestRow) bool { return r.MakerID == d.User.ID })
	return rows, err
}

// PriceRequestsWaiting lists this user's requests still waiting for
// purchasing, oldest first.
func (d *Desk) PriceRequestsWaiting(ctx context.Context) (rows []store.PriceRequestRow, err error) {
	rows, err = read(ctx, d.e, func(tx *store.Tx) ([]store.PriceRequestRow, error) {
		return tx.PriceRequests(ctx, store.DocFilter{Statuses: []string{"open"}, MakerID: d.User.ID}, 500)
	})
	d.hideRequests(rows)
	return rows, err
}

// answerable refuses to answer a request (a price request, a stock-up
// request) that is not of kind, changed since version seen, no longer
// open, or the answerer's own.
func (d *Desk) answerable(ctx context.Context, tx *store.Tx, docID, seen int64, kind, action string) error {
	doc, err := tx.Document(ctx, docID)
	switch {
	case err != nil:
		return err
	case doc.Kind != kind:
		return store.ErrNotFound
	case seen != 0 && doc.Version != seen:
		return &Refusal{Code: StaleStatus, Action: action}
	case doc.Status != "open":
		return &Refusal{Code: NoSuchTransition, Action: action}
	case doc.MakerID == d.User.ID:
		return &Refusal{Code: MakerCannotSignOff, Action: action}
	}
	return nil
}
