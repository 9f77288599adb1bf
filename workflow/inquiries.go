package workflow

import (
	"context"

	"orderdesk/store"
)

// InquiryInput is an inquiry form as typed (询价单).
type InquiryInput struct {
	CustomerID   int64
	PaymentTerms string // "" takes the customer's
	TermsDays    string
	Contact      string
	Notes        string
	Lines        []LineInput
}

// InputFromInquiry fills a form from a stored inquiry.
func InputFromInquiry(in store.Inquiry) InquiryInput {
	out := InquiryInput{CustomerID: in.CustomerID, PaymentTerms: in.PaymentTerms, TermsDays: itoa(in.TermsDays),
		Contact: in.Contact, Notes: in.Notes}
	for _, l := range in.Lines {
		out.Lines = append(out.Lines, LineInput{ID: l.ID, Grade: l.Grade, Name: l.Name, Spec: l.Spec, Quantity: l.Qty.String(),
			Unit: l.Unit, WantedOn: l.WantedOn, Requirements: l.Requirements})
	}
	return out
}

// NewInquiryInput starts an inquiry form for a customer, with the
// customer's payment terms (the customer may ask for others).
func (d *Desk) NewInquiryInput(ctx context.Context, customerID int64) (in InquiryInput, err error) {
	if err = permit(d.User, EditInquiries, ""); err != nil {
		return
	}
	err = d.e.st.Read(ctx, func(tx *store.Tx) error {
		c, err := tx.Customer(ctx, customerID)
		if err != nil {
			return err
		}
		in = InquiryInput{CustomerID: c.ID, PaymentTerms: c.PaymentTerms, TermsDays: itoa(c.TermsDays), Contact: c.Contact}
		return nil
	})
	return in, err
}

// validateHeader checks the header's fields; empty terms are resolved
// from the customer later.
func validateTerms(terms, days string) (string, int, FieldErrors) {
	var errs FieldErrors
	if terms != "" {
		errs.Add(CheckCustomerField(FPaymentTerms, terms))
	}
	n, fe := ParseIntField(FTermsDays, days, 0, 365)
	errs.Add(fe)
	if terms == store.TermsPrepaid {
		n = 0
	}
	return terms, n, errs
}

func (in InquiryInput) validate(d *Desk, old store.Inquiry) (store.Inquiry, []lineFields, FieldErrors) {
	var errs FieldErrors
	h := store.Inquiry{CustomerID: in.CustomerID, Contact: CleanText(in.Contact, false), Notes: CleanText(in.Notes, true)}
	var es FieldErrors
	h.PaymentTerms, h.TermsDays, es = validateTerms(in.PaymentTerms, in.TermsDays)
	errs = append(errs, es...)
	errs.Add(CheckText(FContact, in.Contact, false, MaxName), CheckText(FNotes, in.Notes, false, MaxLong))
	prev := map[int64]string{}
	for _, l := range old.Lines {
		prev[l.ID] = l.WantedOn
	}
	lines, es := validateLines(in.Lines, d.e.today(), false, prev)
	return h, lines, append(errs, es...)
}

func inquiryLine(l lineFields) store.InquiryLine {
	return store.InquiryLine{ID: l.id, Grade: l.grade, Name: l.name, Spec: l.spec, Qty: l.qty, Unit: l.unit, WantedOn: l.wantedOn,
		Requirements: l.requirements, ProductID: l.productID, Unknown: l.unknown}
}

// customerFor loads the customer a pricing document is for, refusing a
// voided one, and a sales rep working on another rep's customer.
func (d *Desk) customerFor(ctx context.Context, tx *store.Tx, id int64, action string) (store.Customer, error) {
	c, err := tx.Customer(ctx, id)
	if err != nil {
		return c, err
	}
	if c.Voided {
		return c, &Refusal{Code: Voided, Action: action}
	}
	if !SeesMoneyOf(d.User, c.RepID) {
		return c, &Refusal{Code: NotYourCustomer, Action: action}
	}
	return c, nil
}

// CreateInquiry records a customer's inquiry. Lines whose grade/spec the
// catalogue does not know are kept, flagged for purchasing, and returned
// as warnings (code UnknownProduct).
func (d *Desk) CreateInquiry(ctx context.Context, in InquiryInput) (id int64, warn FieldErrors, err error) {
	if err := permit(d.User, EditInquiries, ""); err != nil {
		return 0, nil, err
	}
	if errs := in.check(d); len(errs) > 0 {
		return 0, nil, errs
	}
	err = d.e.st.Write(ctx, func(tx *store.Tx) error {
		id, warn, err = d.createInquiryTx(ctx, tx, in)
		return err
	})
	if err != nil {
		return 0, nil, refusalFromStore(err, "save")
	}
	d.e.feed.Publish(Change{Kind: store.InquiryKind, ID: id})
	return id, warn, nil
}

// check is what the form holds wrong before any reading.
func (in InquiryInput) check(d *Desk) FieldErrors {
	_, _, errs := in.validate(d, store.Inquiry{})
	return errs
}

// createInquiryTx records an inquiry inside tx (an inquiry made from a
// lead goes the same way).
func (d *Desk) createInquiryTx(ctx context.Context, tx *store.Tx, in InquiryInput) (id int64, warn FieldErrors, err error) {
	h, lines, errs := in.validate(d, store.Inquiry{})
	if len(errs) > 0 {
		return 0, nil, errs
	}
	c, err := d.customerFor(ctx, tx, h.CustomerID, "save")
	if err != nil {
		return 0, nil, err
	}
	if h.PaymentTerms == "" {
		h.PaymentTerms, h.TermsDays = c.PaymentTerms, c.TermsDays
	}
	if warn, errs, err = matchLines(ctx, tx, lines); err != nil {
		return 0, nil, err
	}
	if len(errs) > 0 {
		return 0, nil, errs
	}
	for _, l := range lines {
		h.Lines = append(h.Lines, inquiryLine(l))
	}
	id, _, err = tx.CreateInquiry(ctx, d.User.ID, Inquiry.Initial(), h)
	return id, warn, err
}

// editable loads a document for an edit: it must be of kind, still at
// version seen (0: any), and in a state that takes edits.
func (d *Desk) editable(ctx context.Context, tx *store.Tx, docID, seen int64, kind *Kind) (store.Document, error) {
	doc, err := tx.Document(ctx, docID)
	if err != nil {
		return doc, err
	}
	if doc.Kind != kind.Name {
		return doc, store.ErrNotFound
	}
	if seen != 0 && doc.Version != seen {
		return doc, &Refusal{Code: StaleStatus, Action: "save"}
	}
	for _, s := range kind.States {
		if s.Name == doc.Status && s.Editable {
			return doc, nil
		}
	}
	return doc, &Refusal{Code: NotEditable, Action: "save"}
}

// UpdateInquiry saves an edited inquiry (new or quoting), as of version
// seen: lines with an ID are updated, lines without one added, and lines
// no longer in the form marked removed.
func (d *Desk) UpdateInquiry(ctx context.Context, docID, seen int64, in InquiryInput) (warn FieldErrors, err error) {
	if err := permit(d.User, EditInquiries, ""); err != nil {
		return nil, err
	}
	err = d.e.st.Write(ctx, func(tx *store.Tx) error {
		if _, err := d.editable(ctx, tx, docID, seen, Inquiry); err != nil {
			return err
		}
		old, err := tx.Inquiry(ctx, docID)
		if err != nil {
			return err
		}
		h, lines, errs := in.validate(d, old)
		if len(errs) > 0 {
			return errs
		}
		if _, err := d.customerFor(ctx, tx, old.CustomerID, "save"); err != nil {
			return err
		}
		if h.PaymentTerms == "" {
			h.PaymentTerms, h.TermsDays = old.PaymentTerms, old.TermsDays
		}
		if warn, errs, err = matchLines(ctx, tx, lines); err != nil {
			return err
		}
		if len(errs) > 0 {
			return errs
		}
		h.DocID, h.CustomerID = docID, old.CustomerID
		if h.PaymentTerms != old.PaymentTerms || h.TermsDays != old.TermsDays || h.Contact != old.Contact || h.Notes != old.Notes {
			if err := tx.UpdateInquiry(ctx, d.User.ID, h); err != nil {
				return err
			}
		}
		kept := map[int64]store.InquiryLine{}
		for _, l := range old.Lines {
			kept[l.ID] = l
		}
		for _, lf := range lines {
			l := inquiryLine(lf)
			l.DocID = docID
			prev, ok := kept[l.ID]
			switch {
			case l.ID == 0:
				_, err = tx.AddInquiryLine(ctx, d.User.ID, docID, l)
			case !ok:
				err = store.ErrNotFound
			default:
				delete(kept, l.ID)
				l.LineNo, l.Removed = prev.LineNo, false
				if l != prev {
					err = tx.UpdateInquiryLine(ctx, d.User.ID, l)
				}
			}
			if err != nil {
				return err
			}
		}
		for _, l := range old.Lines {
			if _, gone := kept[l.ID]; gone {
				if err := tx.RemoveInquiryLine(ctx, d.User.ID, docID, l.ID); err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err != nil {
		return nil, refusalFromStore(err, "save")
	}
	d.e.feed.Publish(Change{Kind: store.InquiryKind, ID: docID})
	return warn, nil
}

// InquiryDetail is an inquiry with its history and its quotes.
type InquiryDetail struct {
	DocumentDetail
	Quotes   []store.QuoteRow        // every version made for it, oldest first
	Requests []store.PriceRequestRow // price requests of its lines and its quotes' lines
}

// Inquiry loads an inquiry for its screen.
func (d *Desk) Inquiry(ctx context.Context, docID int64) (InquiryDetail, error) {
	if err := permitScreen(d.User, ScreenInquiries); err != nil {
		return InquiryDetail{}, err
	}
	var out InquiryDetail
	dd, err := d.Document(ctx, docID)
	if err != nil {
		return out, err
	}
	if dd.Kind != store.InquiryKind {
		return out, store.ErrNotFound
	}
	out.DocumentDetail = dd
	err = d.e.st.Read(ctx, func(tx *store.Tx) error {
		var err error
		if out.Quotes, err = tx.QuotesOfInquiry(ctx, docID); err != nil {
			return err
		}
		out.Requests, err = tx.PriceRequestsOf(ctx, docID, 0)
		return err
	})
	d.hideQuoteRows(out.Quotes)
	d.hideRequests(out.Requests)
	return out, err
}

// Inquiries lists one page of inquiries matching f, oldest first.
func (d *Desk) Inquiries(ctx context.Context, f store.DocFilter, p store.Page) (rows []store.InquiryRow, err error) {
	if err = permitScreen(d.User, ScreenInquiries); err != nil {
		return
	}
	rows, err = read(ctx, d.e, func(tx *store.Tx) ([]store.InquiryRow, error) { return tx.Inquiries(ctx, f, p) })
	return rows, err
}

// OpenInquiries lists inquiries still open (new, quoting, quoted),
// oldest first: the screen shows each one's age from CreatedAt.
func (d *Desk) OpenInquiries(ctx context.Context, p store.Page) ([]store.InquiryRow, error) {
	if err := permitScreen(d.User, ScreenInquiries); err != nil {
		return nil, err
	}
	return d.Inquiries(ctx, store.DocFilter{Statuses: OpenInquiryStatuses}, p)
}

// FlaggedLines lists the lines of open inquiries whose grade/spec the
// catalogue does not know: what purchasing should look at.
func (d *Desk) FlaggedLines(ctx context.Context) (lines []store.FlaggedLine, err error) {
	if err = permitScreen(d.User, ScreenInquiries); err != nil {
		return
	}
	lines, err = read(ctx, d.e, func(tx *store.Tx) ([]store.FlaggedLine, error) {
		return tx.FlaggedInquiryLines(ctx, OpenInquiryStatuses, 500)
	})
	return lines, err
}
