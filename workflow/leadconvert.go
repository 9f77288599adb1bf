package workflow

import (
	"context"
	"strings"

	"orderdesk/store"
)

// LeadCustomerInput starts the customer form of a lead: its name,
// 助记码, contact, phone, e-mail, the grades it may buy, its source and
// its notes;
// prepaid, owned by the lead's owner where that is a sales rep.
func (d *Desk) LeadCustomerInput(ctx context.Context, docID int64) (CustomerInput, error) {
	if err := permit(d.User, EditCustomers, actionLeadToCust); err != nil {
		return CustomerInput{}, err
	}
	l, err := read(ctx, d.e, func(tx *store.Tx) (store.Lead, error) { return d.openLead(ctx, tx, docID, actionLeadToCust, true) })
	if err != nil {
		return CustomerInput{}, err
	}
	return d.customerOfLead(ctx, l), nil
}

func (d *Desk) customerOfLead(ctx context.Context, l store.Lead) CustomerInput {
	in := CustomerInput{Name: l.Name, Mnemonic: l.Mnemonic, Contact: l.Contact, Phone: l.Phone, Email: l.Email,
		UsualGrades: l.Grades, Notes: l.Notes, Source: l.Source, PaymentTerms: store.TermsPrepaid, TermsDays: "0", CreditLimit: "0"}
	if owner, err := read(ctx, d.e, func(tx *store.Tx) (store.User, error) { return tx.UserByID(ctx, l.OwnerID) }); err == nil &&
		owner.HasRole(string(SalesRep)) {
		in.RepID = owner.ID
	}
	return in
}

// ConvertLeadToCustomer makes the customer file of an open lead in one
// step and links it to the lead. The file goes through its usual rules:
// terms other than prepaid with no credit wait, as a terms change, for
// a second person's sign-off. A name or phone already on a customer file
// is refused at its field. A file with no source takes the lead's. The
// lead keeps its stage: winning it is the next move.
func (d *Desk) ConvertLeadToCustomer(ctx context.Context, docID int64, in CustomerInput) (custID, termsDoc int64, err error) {
	if err := permit(d.User, EditCustomers, actionLeadToCust); err != nil {
		return 0, 0, err
	}
	c, tc, errs := in.Validate()
	if len(errs) > 0 {
		return 0, 0, errs
	}
	err = d.writeAndPublish(ctx, actionLeadToCust, func(tx *store.Tx, changes *[]Change) error {
		l, err := d.openLead(ctx, tx, docID, actionLeadToCust, true)
		if err != nil {
			return err
		}
		if l.CustomerID != 0 {
			return &Refusal{Code: LeadConverted, Action: actionLeadToCust}
		}
		if dup, err := customerMatches(ctx, tx, c, 0); err != nil || len(dup) > 0 {
			return joinErr(err, dup)
		}
		if c.Source == "" {
			c.Source = l.Source
		}
		if custID, termsDoc, err = d.createCustomerTx(ctx, tx, c, tc); err != nil {
			return err
		}
		*changes = append(*changes, Change{Kind: "customer", ID: custID}, Change{Kind: store.LeadKind, ID: docID})
		return tx.LinkLead(ctx, d.User.ID, docID, custID, 0)
	})
	return custID, termsDoc, err
}

// customerMatches refuses a customer file whose name or phone another
// live customer (other than the file except) already has.
func customerMatches(ctx context.Context, tx *store.Tx, c store.Customer, except int64) (FieldErrors, error) {
	name, phone, _ := matchKeys(c.Name, c.Phone, "")
	ms, err := tx.LeadMatches(ctx, name, phone, "", 0)
	var customers []store.LeadMatch
	for _, m := range ms {
		if !m.Lead && m.ID != except {
			customers = append(customers, m)
		}
	}
	errs, _ := matchErrors(customers)
	return errs, err
}

// ConvertLeadToInquiry makes an inquiry for the customer file an open
// lead became, one line per grade it may need (with its specs and
// tonnes), and links it to the lead; the inquiry opens new, to be
// corrected and priced as any other.
func (d *Desk) ConvertLeadToInquiry(ctx context.Context, docID int64) (inqID int64, warn FieldErrors, err error) {
	if err := permit(d.User, EditInquiries, actionLeadToInq); err != nil {
		return 0, nil, err
	}
	err = d.writeAndPublish(ctx, actionLeadToInq, func(tx *store.Tx, changes *[]Change) error {
		l, err := d.openLead(ctx, tx, docID, actionLeadToInq, true)
		if err != nil {
			return err
		}
		switch {
		case l.CustomerID == 0:
			return &Refusal{Code: LeadNoCustomer, Action: actionLeadToInq}
		case l.InquiryID != 0:
			return &Refusal{Code: LeadConverted, Action: actionLeadToInq}
		}
		in, errs := inquiryOfLead(l)
		if len(errs) > 0 {
			return errs
		}
		for i := range in.Lines {
			if in.Lines[i].Name, err = tx.GradeName(ctx, NormalizeGrade(in.Lines[i].Grade)); err != nil {
				return err
			}
			if in.Lines[i].Name == "" {
				return FieldErrors{{Field: FGrades, Code: UnknownGrade, Want: in.Lines[i].Grade}}
			}
		}
		if inqID, warn, err = d.createInquiryTx(ctx, tx, in); err != nil {
			return err
		}
		*changes = append(*changes, Change{Kind: store.InquiryKind, ID: inqID}, Change{Kind: store.LeadKind, ID: docID})
		return tx.LinkLead(ctx, d.User.ID, docID, 0, inqID)
	})
	return inqID, warn, err
}

// inquiryOfLead is the inquiry form a lead gives: a line per grade (a
// lead needs grades and tonnes for it), each named as the catalogue
// names the grade's products.
func inquiryOfLead(l store.Lead) (InquiryInput, FieldErrors) {
	var errs FieldErrors
	grades := strings.FieldsFunc(l.Grades, func(r rune) bool { return strings.ContainsRune(",，、;；/ ", r) })
	if len(grades) == 0 {
		errs.Add(&FieldError{Field: FGrades, Code: Required})
	}
	if l.Tonnes <= 0 {
		errs.Add(&FieldError{Field: FTonnes, Code: Required})
	}
	in := InquiryInput{CustomerID: l.CustomerID, Contact: l.Contact, Notes: l.Notes}
	for _, g := range grades {
		in.Lines = append(in.Lines, LineInput{Grade: g, Spec: l.Specs, Quantity: l.Tonnes.String(), Unit: "t"})
	}
	return in, errs
}
