package workflow

import (
	"context"
	"strconv"

	"orderdesk/store"
)

// CustomerInput is a customer form as typed. Validate turns it into a
// customer and, when terms or credit differ, a terms change to review.
type CustomerInput struct {
	Name, ShortName, Mnemonic                      string
	Province, City, Address                        string
	Contact, Phone, Fax, Email, Website            string
	Produces, UsualGrades, Suppliers, Notes        string
	Category                                       string
	Weighing                                       string // the usual basis of its contracts; "" takes the desk's
	Source                                         string // where it came from (来源): one of CustomerSources, "" not known
	RepID                                          int64
	PaymentTerms, TermsDays, CreditLimit, TermsWhy string
}

// InputFromCustomer fills a form from a stored customer.
func InputFromCustomer(c store.Customer) CustomerInput {
	return CustomerInput{
		Name: c.Name, ShortName: c.ShortName, Mnemonic: c.Mnemonic, Province: c.Province, City: c.City,
		Address: c.Address, Contact: c.Contact, Phone: c.Phone, Fax: c.Fax, Email: c.Email, Website: c.Website,
		Produces: c.Produces, UsualGrades: c.UsualGrades, Suppliers: c.Suppliers, Notes: c.Notes,
		Category: c.Category, Weighing: c.Weighing, Source: c.Source, RepID: c.RepID, PaymentTerms: c.PaymentTerms,
		TermsDays: strconv.Itoa(c.TermsDays), CreditLimit: c.CreditLimit.Plain(),
	}
}

// Field names, shared with the forms so errors land at the right field.
const (
	FName, FShortName, FMnemonic, FProvince, FCity, FAddress = "name", "short_name", "mnemonic", "province", "city", "address"
	FContact, FPhone, FFax, FEmail, FWebsite                 = "contact", "phone", "fax", "email", "website"
	FProduces, FUsualGrades, FSuppliers, FNotes, FCategory   = "produces", "usual_grades", "suppliers", "notes", "category"
	FPaymentTerms, FTermsDays, FCreditLimit, FTermsWhy       = "payment_terms", "terms_days", "credit_limit", "terms_why"
)

// CheckCustomerField validates one field of the form, for inline errors.
func CheckCustomerField(field, v string) *FieldError {
	switch field {
	case FName:
		return CheckText(field, v, true, MaxName)
	case FShortName, FMnemonic, FProvince, FCity, FContact, FWebsite:
		return CheckText(field, v, false, MaxName)
	case FAddress, FProduces, FUsualGrades, FSuppliers, FTermsWhy:
		return CheckText(field, v, false, MaxShort)
	case FNotes:
		return CheckText(field, v, false, MaxLong)
	case FPhone, FFax:
		return CheckPhone(field, v)
	case FEmail:
		return CheckEmail(field, v)
	case FCategory:
		if v != "sales" && v != "after_sales" && v != "" {
			return &FieldError{Field: field, Code: InvalidChoice}
		}
	case FWeighing:
		_, e := ParseWeighing(field, v)
		return e
	case FSource:
		if v != "" && !oneOf(v, CustomerSources) {
			return &FieldError{Field: field, Code: InvalidChoice}
		}
	case FPaymentTerms:
		if v != store.TermsPrepaid && v != store.TermsMonthly {
			return &FieldError{Field: field, Code: InvalidChoice}
		}
	case FTermsDays:
		_, e := ParseIntField(field, v, 0, 365)
		return e
	case FCreditLimit:
		_, e := ParseMoneyField(field, v)
		return e
	}
	return nil
}

// Validate checks every field and returns the customer (without terms)
// and the terms asked for.
func (in CustomerInput) Validate() (store.Customer, store.TermsChange, FieldErrors) {
	var errs FieldErrors
	check := func(field, v string) string {
		if e := CheckCustomerField(field, v); e != nil {
			errs = append(errs, e)
		}
		return v
	}
	c := store.Customer{
		Name:        CleanText(check(FName, in.Name), false),
		ShortName:   CleanText(check(FShortName, in.ShortName), false),
		Province:    CleanText(check(FProvince, in.Province), false),
		City:        CleanText(check(FCity, in.City), false),
		Address:     CleanText(check(FAddress, in.Address), false),
		Contact:     CleanText(check(FContact, in.Contact), false),
		Phone:       NormalizeDigits(check(FPhone, in.Phone)),
		Fax:         NormalizeDigits(check(FFax, in.Fax)),
		Email:       NormalizeDigits(check(FEmail, in.Email)),
		Website:     CleanText(check(FWebsite, in.Website), false),
		Produces:    CleanText(check(FProduces, in.Produces), false),
		UsualGrades: CleanText(check(FUsualGrades, in.UsualGrades), false),
		Suppliers:   CleanText(check(FSuppliers, in.Suppliers), false),
		Notes:       CleanText(check(FNotes, in.Notes), true),
		Category:    check(FCategory, in.Category),
		Source:      check(FSource, in.Source),
		RepID:       in.RepID,
	}
	c.Weighing, _ = ParseWeighing(FWeighing, check(FWeighing, in.Weighing))
	c.Mnemonic = NormalizeDigits(check(FMnemonic, in.Mnemonic))
	if c.Mnemonic == "" && len(errs) == 0 {
		c.Mnemonic = Mnemonic(c.Name)
	}
	if c.Category == "" {
		c.Category = "sales"
	}
	tc := store.TermsChange{NewTerms: check(FPaymentTerms, in.PaymentTerms), Reason: CleanText(check(FTermsWhy, in.TermsWhy), false)}
	var e *FieldError
	if tc.NewDays, e = ParseIntField(FTermsDays, in.TermsDays, 0, 365); e != nil {
		errs = append(errs, e)
	}
	if tc.NewCredit, e = ParseMoneyField(FCreditLimit, in.CreditLimit); e != nil {
		errs = append(errs, e)
	}
	if tc.NewTerms == store.TermsPrepaid && errs.For(FTermsDays) == nil {
		tc.NewDays = 0
	}
	return c, tc, errs
}

func termsDiffer(c store.Customer, tc store.TermsChange) bool {
	return c.PaymentTerms != tc.NewTerms || c.TermsDays != tc.NewDays || c.CreditLimit != tc.NewCredit
}

// CustomerFile is everything the detail screen shows of a customer.
type CustomerFile struct {
	store.Customer
	PendingTerms    *store.TermsChange
	PendingTermsDoc store.Document
	Visits          []store.Visit
	Materials       store.MaterialCounts // what went to it, for who sees the register
	History         []store.AuditRecord
}

// Customers lists one page of customers.
func (d *Desk) Customers(ctx context.Context, p store.Page) (rows []store.CustomerRow, err error) {
	rows, err = read(ctx, d.e, func(tx *store.Tx) ([]store.CustomerRow, error) { return tx.Customers(ctx, p) })
	for i := range rows {
		if !SeesMoneyOf(d.User, rows[i].RepID) {
			rows[i].CreditLimit, rows[i].MoneyHidden = 0, true
		}
	}
	return rows, err
}

// CustomerFile loads a customer with its pending terms, visits and history.
func (d *Desk) CustomerFile(ctx context.Context, id int64) (f CustomerFile, err error) {
	err = d.e.st.Read(ctx, func(tx *store.Tx) error {
		if f.Customer, err = tx.Customer(ctx, id); err != nil {
			return err
		}
		docID, err := tx.OpenTermsChange(ctx, id, openTermsStatuses...)
		if err != nil {
			return err
		}
		if docID != 0 {
			tc, err := tx.TermsChange(ctx, docID)
			if err != nil {
				return err
			}
			f.PendingTerms = &tc
			if f.PendingTermsDoc, err = tx.Document(ctx, docID); err != nil {
				return err
			}
		}
		if f.Visits, err = tx.Visits(ctx, id, 50); err != nil {
			return err
		}
		if SeesScreen(d.User, ScreenMaterials) {
			if f.Materials, err = tx.MaterialCountsOf(ctx, id); err != nil {
				return err
			}
		}
		f.History, err = tx.History(ctx, "customers", id, 50)
		return err
	})
	if err == nil && !SeesMoneyOf(d.User, f.RepID) {
		// Credit and the history's images hold money: hide them all.
		f.CreditLimit, f.MoneyHidden, f.History = 0, true, nil
		if f.PendingTerms != nil {
			f.PendingTerms.OldCredit, f.PendingTerms.NewCredit = 0, 0
		}
	}
	return f, err
}

var openTermsStatuses = []string{"submitted", "sent_back"}

// CreateCustomer saves a new customer file. Terms other than prepaid with
// no credit become a terms change waiting for review, in the same
// transaction. It returns the customer's id and the terms change's (or 0).
func (d *Desk) CreateCustomer(ctx context.Context, in CustomerInput) (id, termsDoc int64, err error) {
	if err := permit(d.User, EditCustomers, ""); err != nil {
		return 0, 0, err
	}
	c, tc, errs := in.Validate()
	if len(errs) > 0 {
		return 0, 0, errs
	}
	err = d.e.st.Write(ctx, func(tx *store.Tx) error {
		if dup, err := customerMatches(ctx, tx, byName(store.Customer{}, c), 0); err != nil || len(dup) > 0 {
			return joinErr(err, dup)
		}
		id, termsDoc, err = d.createCustomerTx(ctx, tx, c, tc)
		return err
	})
	if err != nil {
		return 0, 0, refusalFromStore(err, "save")
	}
	d.e.feed.Publish(Change{Kind: "customer", ID: id})
	return id, termsDoc, nil
}

// createCustomerTx saves a new customer file, prepaid, inside tx; terms
// asked for other than prepaid with no credit become a terms change
// waiting for review (a customer made from a lead goes the same way).
func (d *Desk) createCustomerTx(ctx context.Context, tx *store.Tx, c store.Customer, tc store.TermsChange) (id, termsDoc int64, err error) {
	if id, c.Code, err = tx.CreateCustomer(ctx, d.User.ID, c); err != nil {
		return 0, 0, err
	}
	c.ID, c.PaymentTerms = id, store.TermsPrepaid
	if termsDiffer(c, tc) {
		tc.CustomerID = id
		termsDoc, err = tx.CreateTermsChange(ctx, d.User.ID, TermsChange.Initial(), tc, c.Name)
	}
	return id, termsDoc, err
}

// byName is what a customer file typed at the desk is matched on: its
// name, unless an edit keeps the one it had (a file already sharing it
// keeps its other edits). A phone is not: a group's companies may share
// one switchboard, where a lead with a customer's phone is that customer.
func byName(orig, c store.Customer) store.Customer {
	was, _, _ := matchKeys(orig.Name, "", "")
	if name, _, _ := matchKeys(c.Name, "", ""); name == was {
		return store.Customer{}
	}
	return store.Customer{Name: c.Name}
}

// UpdateCustomer saves an edited customer file. Changed terms become a
// terms change for review; a customer with one already waiting is refused
// until that one is decided.
func (d *Desk) UpdateCustomer(ctx context.Context, orig store.Customer, in CustomerInput) (termsDoc int64, err error) {
	if err := permit(d.User, EditCustomers, ""); err != nil {
		return 0, err
	}
	c, tc, errs := in.Validate()
	if len(errs) > 0 {
		return 0, errs
	}
	c.ID = orig.ID
	c.Mnemonic = keptMnemonic(orig, c)
	if c.RepID != orig.RepID {
		// A rep who could move a customer to themselves would see its money.
		if err := permit(d.User, AssignReps, ""); err != nil {
			return 0, err
		}
	}
	err = d.e.st.Write(ctx, func(tx *store.Tx) error {
		if dup, err := customerMatches(ctx, tx, byName(orig, c), orig.ID); err != nil || len(dup) > 0 {
			return joinErr(err, dup)
		}
		if err := tx.UpdateCustomer(ctx, d.User.ID, orig, c); err != nil {
			return err
		}
		if !SeesMoneyOf(d.User, orig.RepID) || !termsDiffer(orig, tc) {
			return nil // terms unseen are terms unchanged
		}
		open, err := tx.OpenTermsChange(ctx, orig.ID, openTermsStatuses...)
		if err != nil {
			return err
		}
		if open != 0 {
			return &Refusal{Code: PendingTermsChange}
		}
		tc.CustomerID = orig.ID
		termsDoc, err = tx.CreateTermsChange(ctx, d.User.ID, TermsChange.Initial(), tc, c.Name)
		return err
	})
	if err != nil {
		return 0, refusalFromStore(err, "save")
	}
	d.e.feed.Publish(Change{Kind: "customer", ID: orig.ID})
	return termsDoc, nil
}

// VoidCustomer voids a customer file with a reason.
func (d *Desk) VoidCustomer(ctx context.Context, orig store.Customer, reason string) error {
	if err := permit(d.User, EditCustomers, ""); err != nil {
		return err
	}
	if e := CheckText("reason", reason, true, MaxShort); e != nil {
		return FieldErrors{e}
	}
	err := d.e.st.Write(ctx, func(tx *store.Tx) error {
		return tx.VoidCustomer(ctx, d.User.ID, orig, CleanText(reason, false))
	})
	if err != nil {
		return refusalFromStore(err, "void")
	}
	d.e.feed.Publish(Change{Kind: "customer", ID: orig.ID})
	return nil
}

// AddVisit records a visit, call or after-sales contact. A visit
// becomes at once a reviewed visit of the caller (visitlog.go), with the
// note as what it achieved.
func (d *Desk) AddVisit(ctx context.Context, v store.Visit) error {
	if err := permit(d.User, EditCustomers, ""); err != nil {
		return err
	}
	if e := CheckText("notes", v.Notes, true, MaxLong); e != nil {
		return FieldErrors{e}
	}
	var moved []Change
	err := d.e.st.Write(ctx, func(tx *store.Tx) error {
		moved = moved[:0]
		id, err := tx.AddVisit(ctx, d.User.ID, v)
		if err != nil || v.Kind != "visit" {
			return err
		}
		return d.e.moveLogEntry(ctx, tx, store.VisitLogEntry{ID: id, CustomerID: v.CustomerID, By: d.User.ID, On: v.On, Notes: v.Notes}, &moved)
	})
	if err == nil {
		d.e.feed.Publish(Change{Kind: "customer", ID: v.CustomerID})
		d.e.publish(moved)
	}
	return err
}
