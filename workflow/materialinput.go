package workflow

import (
	"strconv"
	"strings"

	"orderdesk/store"
)

// EditMaterials: enter materials sent, confirm their receipt, void an
// entry.
const EditMaterials Permission = "edit_materials"

// Fields of the register's forms, shared with the screens.
const (
	FRecipient     = "recipient" // the customer or the lead it went to
	FMaterial      = "material"  // what it is
	FDescription   = "description"
	FSentOn        = "sent_on"
	FVia           = "via"
	FCourier       = "courier"
	FContractOrder = "contract_order" // the order whose contract went for signature
	FReceiptOn     = "receipt_on"
	FReceiptBy     = "receipt_by"
)

// MaterialTypes are what the register takes: a sample, a catalogue, a
// quotation, a contract for signature, other. An invoice is mailed on
// the invoice (its mailing then shows in the register by itself), so
// the form refuses it and says where.
var MaterialTypes = []string{"sample", "catalogue", "quotation", "contract", "other"}

// MaterialVias are how something is sent.
var MaterialVias = []string{"courier", "post", "hand", "email"}

// Field problems of the register.
const (
	InvoiceMailedOnInvoice FieldCode = "invoice_mailed_on_invoice" // an invoice is mailed from the Invoices screen
	TrackingNotHere        FieldCode = "tracking_not_here"         // a number given with by hand or e-mail
	TrackingChars          FieldCode = "tracking_chars"            // not letters and digits
	TrackingDigits         FieldCode = "tracking_digits"           // letters where the company's numbers are digits
	TrackingLength         FieldCode = "tracking_length"           // too short or long for the company (Want: "12–15")
	ReceivedBeforeSent     FieldCode = "received_before_sent"      // a receipt before the day it left (Want: that day)
)

// courierRule is how a courier company's tracking numbers look: their
// length, and whether letters may stand in them (SF1234567890123,
// EA123456789CN) or they are digits only.
type courierRule struct {
	min, max int
	letters  bool
}

// Couriers are the courier companies the desk sends by, in the order
// the form offers them.
var Couriers = []string{"sf", "ems", "jd", "zto", "yto", "sto", "yunda", "deppon", "other"}

var courierRules = map[string]courierRule{
	"sf": {12, 15, true}, "ems": {13, 13, true}, "jd": {12, 20, true}, "zto": {12, 14, false}, "yto": {12, 15, true},
	"sto": {12, 15, false}, "yunda": {13, 15, false}, "deppon": {8, 14, true}, "other": {6, 30, true},
}

// postRule is a post office number (挂号信, EMS 平邮): RR123456789CN.
var postRule = courierRule{8, 30, true}

// MaterialInput is an entry as typed: whom (a customer by 助记码, code
// or name, or a lead by its id or name), the contact, what and a short
// description, the day sent, how, the courier and its number, and for a
// contract the order's number.
type MaterialInput struct {
	CustomerID  int64
	LeadID      int64
	Recipient   string
	Contact     string
	What        string
	Description string
	SentOn      string // "" for today
	Via         string
	Courier     string
	Tracking    string
	Order       string
}

// ArrivalInput is a receipt of materials sent, as typed: the day and who confirmed it.
type ArrivalInput struct {
	On, By string // On "" for today
}

// NormalizeTracking is a tracking number as the courier prints it:
// full-width letters and digits narrowed, upper case, spaces and dashes
// dropped.
func NormalizeTracking(s string) string {
	s = strings.ToUpper(NormalizeDigits(strings.TrimSpace(s)))
	return strings.NewReplacer(" ", "", "-", "", "　", "").Replace(s)
}

// checkTracking says what is wrong with a tracking number for how it was
// sent and by which company.
func checkTracking(via, courier, tracking string) *FieldError {
	if tracking == "" {
		if via == "courier" {
			return &FieldError{Field: FTracking, Code: Required}
		}
		return nil
	}
	rule := postRule
	switch via {
	case "hand", "email":
		return &FieldError{Field: FTracking, Code: TrackingNotHere}
	case "courier":
		r, ok := courierRules[courier]
		if !ok {
			return nil // the company is refused at its own field
		}
		rule = r
	}
	digits := true
	for _, r := range tracking {
		switch {
		case r >= '0' && r <= '9':
		case r >= 'A' && r <= 'Z':
			digits = false
		default:
			return &FieldError{Field: FTracking, Code: TrackingChars}
		}
	}
	if !digits && !rule.letters {
		return &FieldError{Field: FTracking, Code: TrackingDigits}
	}
	if n := len(tracking); n < rule.min || n > rule.max {
		want := strconv.Itoa(rule.min)
		if rule.max != rule.min {
			want += "–" + strconv.Itoa(rule.max)
		}
		return &FieldError{Field: FTracking, Code: TrackingLength, Want: want}
	}
	return nil
}

// validate checks every field of an entry: what is wrong comes back at
// its field. Whom it went to and the order are looked up by the caller.
func (in MaterialInput) validate(d *Desk) (store.NewMaterial, FieldErrors) {
	var errs FieldErrors
	m := store.NewMaterial{CustomerID: in.CustomerID, LeadID: in.LeadID, Contact: CleanText(in.Contact, false), What: in.What,
		Description: CleanText(in.Description, false), Via: in.Via, Tracking: NormalizeTracking(in.Tracking)}
	errs.Add(CheckText(FContact, in.Contact, false, MaxName), CheckText(FDescription, in.Description, false, MaxShort))
	if in.CustomerID == 0 && in.LeadID == 0 && strings.TrimSpace(in.Recipient) == "" {
		errs.Add(&FieldError{Field: FRecipient, Code: Required})
	}
	switch {
	case in.What == "invoice":
		errs.Add(&FieldError{Field: FMaterial, Code: InvoiceMailedOnInvoice})
	case !oneOf(in.What, MaterialTypes):
		errs.Add(&FieldError{Field: FMaterial, Code: InvalidChoice})
	case in.What == "contract" && strings.TrimSpace(in.Order) == "":
		errs.Add(&FieldError{Field: FContractOrder, Code: Required})
	}
	var fe *FieldError
	if m.SentOn, fe = ParseDayField(FSentOn, in.SentOn, d.e.today(), NotFuture); fe == nil && m.SentOn == "" {
		m.SentOn = d.e.todayString()
	}
	errs.Add(fe)
	if !oneOf(in.Via, MaterialVias) {
		errs.Add(&FieldError{Field: FVia, Code: InvalidChoice})
		return m, errs
	}
	if in.Via == "courier" {
		m.Courier = in.Courier
		if _, ok := courierRules[in.Courier]; !ok {
			errs.Add(&FieldError{Field: FCourier, Code: Required})
		}
	}
	errs.Add(checkTracking(in.Via, m.Courier, m.Tracking))
	return m, errs
}

// validate checks a receipt against the day the row was sent: not
// before it, not in the future, and who confirmed it.
func (in ArrivalInput) validate(d *Desk, sentOn string) (string, FieldErrors) {
	var errs FieldErrors
	errs.Add(CheckText(FReceiptBy, in.By, true, MaxName))
	day, fe := ParseDayField(FReceiptOn, in.On, d.e.today(), NotFuture)
	if fe == nil && day == "" {
		day = d.e.todayString()
	}
	if fe == nil && day < sentOn {
		fe = &FieldError{Field: FReceiptOn, Code: ReceivedBeforeSent, Want: sentOn}
	}
	errs.Add(fe)
	return day, errs
}
