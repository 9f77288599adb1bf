package workflow

import (
	"errors"
	"fmt"
	"strings"

	"orderdesk/store"
)

// Code names why something was refused; the screens turn it into words
// from the message catalogue. Codes raised by the database's triggers use
// the same names, so a refusal reads the same wherever it came from.
type Code string

// Refusal codes.
const (
	MakerCannotSignOff      Code = "maker_cannot_sign"
	EditorCannotSignOff     Code = "editor_cannot_sign"
	RoleNotAllowed          Code = "role_not_allowed"
	NoSuchTransition        Code = "no_such_transition"
	StaleStatus             Code = "stale_status"
	CommentRequired         Code = "comment_required"
	NotEditable             Code = "not_editable"
	TermsNeedSignOff        Code = "terms_need_signoff"
	PendingTermsChange      Code = "pending_terms_change"
	NotAllowed              Code = "not_allowed"
	MakerOnly               Code = "maker_only"
	Voided                  Code = "voided"
	NoDelete                Code = "no_delete"
	AppendOnly              Code = "append_only"
	StatusWithoutTransition Code = "status_without_transition"
	EditWindow              Code = "edit_window" // a save's edit window misused, or a status change while one is open

	// Pricing (inquiries, quotes, the price list, price requests).
	QuoteWon          Code = "quote_won"           // a won quote is never revised
	NotRevisable      Code = "not_revisable"       // only an approved or sent version is revised
	RevisionMissing   Code = "revision_missing"    // "revise" without the new version
	UnpricedLines     Code = "unpriced_lines"      // submitted with lines that have no price
	NoLines           Code = "no_lines"            // submitted with no lines
	PriceNeedsSignOff Code = "price_needs_signoff" // the price list changes only through an approved change
	PurchasingOnly    Code = "purchasing_only"     // price requests are answered by purchasing
	AnswerMissing     Code = "answer_missing"      // "answer" without the price
	DerivedOnly       Code = "derived_only"        // rows the database writes itself
	CustomerMismatch  Code = "customer_mismatch"   // a quote for another customer than its inquiry's
	QuoteExists       Code = "quote_exists"        // the inquiry already has a live quote
	InquiryClosed     Code = "inquiry_closed"      // won, lost or expired: no new quote
	AlreadyPriced     Code = "already_priced"      // a price request for a priced line
	RequestOpen       Code = "request_open"        // the line already waits for purchasing
	NotYourCustomer   Code = "not_your_customer"   // a sales rep pricing another rep's customer

	// Orders (contracts, numbers, sign-backs, cancellations, stock).
	QuoteNotWon        Code = "quote_not_won"        // an order is made only from a won quote
	OrderExists        Code = "order_exists"         // the quote already has an order in play
	ContractIncomplete Code = "contract_incomplete"  // the contract check failed (the database's word)
	NumberNeedsSignOff Code = "number_needs_signoff" // a number is drawn only by the contract's sign-off
	NumberGap          Code = "number_gap"           // a number that is not the next of its series
	NumberMissing      Code = "number_missing"       // a contract signed back before it was numbered
	SignBackMissing    Code = "signback_missing"     // "sign_back" without the day it came back
	SignedBeforeOrder  Code = "signed_before_order"  // signed back before the order's date
	NotCancellable     Code = "not_cancellable"      // only a signed-off order still in force is cancelled
	CancelNeedsSignOff Code = "cancel_needs_signoff" // an order is cancelled only by an approved cancellation
	CancelOpen         Code = "cancel_open"          // a cancellation of this order already waits
	RevisionOpen       Code = "revision_open"        // a revision of this version is already in play
	StockRequestOpen   Code = "stock_request_open"   // the line already waits for purchasing
	InvalidOrderSeries Code = "invalid_order_series" // the configured series cannot number an order
	OrderClosed        Code = "order_closed"         // the order is done with: no stock answers or requests

	// Shipping (delivery notes, the payment gate, overrides, loading).
	OrderNotSigned      Code = "order_not_signed"      // notes are drawn only from an order signed back and not shipped in full
	OverShipped         Code = "over_shipped"          // more than the order line has open (the database's word)
	LineNotInOrder      Code = "line_not_in_order"     // a note's line from another order
	LineAmountMismatch  Code = "amount_mismatch"       // a note's amount or total that disagrees with the order's prices
	PaymentMissing      Code = "payment_missing"       // prepaid: finance has not confirmed the money (finance must act)
	NeedsFinance        Code = "needs_finance"         // monthly over credit or overdue: finance must release it
	FinanceOnly         Code = "finance_only"          // payments are confirmed by finance
	WarehouseOnly       Code = "warehouse_only"        // loading is recorded by the warehouse
	NotHeld             Code = "not_held"              // an override for a note not waiting at the gate
	OverrideOpen        Code = "override_open"         // an override of this note already waits
	OverrideMissing     Code = "override_missing"      // released "by override" without an approved one
	ReleaseMissing      Code = "release_missing"       // "release" without the gate's record
	LoadMissing         Code = "load_missing"          // "load" without every line's loaded figures
	DispatchMissing     Code = "dispatch_missing"      // "dispatch" without the carrier's hand-over
	WeightReasonMissing Code = "weight_reason_missing" // a loaded weight far from the note's, with no reason
	NotShipped          Code = "not_shipped"           // an order marked shipped before its goods left
	InvalidSetting      Code = "invalid_setting"       // a shipping figure out of range in the configuration
)

// Refusal is a typed "no" with the reason and, where it helps, who could
// do it instead.
type Refusal struct {
	Code   Code
	Action string
	Roles  []Role // who may do it, for role refusals
}

func (r *Refusal) Error() string {
	switch r.Code {
	case MakerCannotSignOff:
		return "you made this document: someone else must sign it off"
	case EditorCannotSignOff:
		return "you edited this document since its last sign-off: someone else must sign it off"
	case RoleNotAllowed:
		return fmt.Sprintf("%s needs one of the roles %s", r.Action, strings.Join(roleNames(r.Roles), ", "))
	case NoSuchTransition:
		return fmt.Sprintf("%s is not possible in the document's current status", r.Action)
	case StaleStatus:
		return "the document changed meanwhile: reload it"
	case CommentRequired:
		return "a comment is required"
	case NotEditable:
		return "the document cannot be edited in its current status"
	case TermsNeedSignOff:
		return "payment terms and credit change only through a reviewed terms change"
	case MakerOnly:
		return "only the document's maker may do this"
	case PendingTermsChange:
		return "a terms change for this customer is already waiting for review"
	case QuoteWon:
		return "the quote was won: it cannot be revised"
	case NotRevisable:
		return "only an approved or sent quote can be revised"
	case UnpricedLines:
		return "every line needs a price before the quote is submitted"
	case NoLines:
		return "the document has no lines"
	case PriceNeedsSignOff:
		return "the price list changes only through a reviewed price change"
	case PurchasingOnly:
		return "price requests are answered by purchasing"
	case QuoteExists:
		return "this inquiry already has a quote in progress"
	case InquiryClosed:
		return "the inquiry is closed"
	case AlreadyPriced:
		return "the line already has a price"
	case RequestOpen:
		return "a price request for this line is already waiting"
	case NotYourCustomer:
		return "the customer belongs to another sales rep"
	}
	return "refused: " + string(r.Code)
}

// Is lets errors.Is(err, &Refusal{Code: X}) match by code.
func (r *Refusal) Is(target error) bool {
	t, ok := target.(*Refusal)
	return ok && t.Code == r.Code
}

// refusalFromStore turns a trigger's refusal into a Refusal.
func refusalFromStore(err error, action string) error {
	var re *store.RuleError
	if errors.As(err, &re) {
		return &Refusal{Code: Code(re.Code), Action: action}
	}
	return err
}

// FieldError says what is wrong with one field of a form. A field of a
// document's line names the line by its number (1-based, as shown).
type FieldError struct {
	Field string
	Line  int // 0 for a field of the header
	Code  FieldCode
	Max   int
	Want  string // the right value, where the program knows it (a line total, in yuan)
}

// FieldCode names a field problem.
type FieldCode string

// Field problems.
const (
	Required      FieldCode = "required"
	TooLong       FieldCode = "too_long"
	InvalidText   FieldCode = "invalid_text"
	NotANumber    FieldCode = "not_a_number"
	TooManyPlaces FieldCode = "too_many_places"
	Negative      FieldCode = "negative"
	TooLarge      FieldCode = "too_large"
	InvalidEmail  FieldCode = "invalid_email"
	InvalidPhone  FieldCode = "invalid_phone"
	InvalidChoice FieldCode = "invalid_choice"
	OutOfRange    FieldCode = "out_of_range"

	NotPositive    FieldCode = "not_positive"    // zero where more is needed (a quantity, a price)
	NotWhole       FieldCode = "not_whole"       // pieces come whole
	InvalidDate    FieldCode = "invalid_date"    // not a day the desk can read
	InvalidMonth   FieldCode = "invalid_month"   // not a month (nor a day) where a month may be given
	InvalidPeriod  FieldCode = "invalid_period"  // not a month nor a year where either is asked (a target's)
	DateInPast     FieldCode = "date_in_past"    // a delivery or start day already gone
	DateInFuture   FieldCode = "date_in_future"  // a market price from a day not yet come
	DateOrder      FieldCode = "date_order"      // an end before its start
	UnknownProduct FieldCode = "unknown_product" // a warning: grade/spec not in the catalogue, flagged for purchasing
	Unpriced       FieldCode = "unpriced"        // a line with no price where one is needed
	AmountMismatch FieldCode = "amount_mismatch" // a line total or total that disagrees with the arithmetic; Want holds the right one

	OverOpen          FieldCode = "over_open"           // more than the order line has open; Want holds the open figure
	WeightNeedsReason FieldCode = "weight_needs_reason" // a loaded weight beyond the tolerance: say why
	BeforeShipTime    FieldCode = "before_ship_time"    // a signature or arrival before the goods left
	InvalidTime       FieldCode = "invalid_time"        // not a time the desk can read (HH:MM)
)

func (e *FieldError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("line %d %s: %s", e.Line, e.Field, e.Code)
	}
	return e.Field + ": " + string(e.Code)
}

// FieldErrors collects the problems of a whole form.
type FieldErrors []*FieldError

func (es FieldErrors) Error() string {
	parts := make([]string, len(es))
	for i, e := range es {
		parts[i] = e.Error()
	}
	return "invalid input: " + strings.Join(parts, "; ")
}

// Add keeps those of fes that are errors: a check that found nothing
// wrong gives nil.
func (es *FieldErrors) Add(fes ...*FieldError) { es.AddLine(0, fes...) }

// AddLine is Add for fields of line n (1-based; 0 is the header).
func (es *FieldErrors) AddLine(n int, fes ...*FieldError) {
	for _, fe := range fes {
		if fe != nil {
			if n != 0 {
				fe.Line = n
			}
			*es = append(*es, fe)
		}
	}
}

// ProductTexts checks what names a product on a line: its grade
// (required), name and spec.
func ProductTexts(grade, name, spec string) []*FieldError {
	return []*FieldError{CheckText(FGrade, grade, true, 40), CheckText(FProductName, name, false, MaxName),
		CheckText(FSpec, spec, false, MaxName)}
}

// For returns the error of one header field, or nil.
func (es FieldErrors) For(field string) *FieldError { return es.ForLine(0, field) }

// ForLine returns the error of a field of line (1-based), or nil.
func (es FieldErrors) ForLine(line int, field string) *FieldError {
	for _, e := range es {
		if e.Field == field && e.Line == line {
			return e
		}
	}
	return nil
}

// Lines lists the line numbers with a problem, in order, once each.
func (es FieldErrors) Lines() []int {
	var out []int
	seen := map[int]bool{}
	for _, e := range es {
		if e.Line > 0 && !seen[e.Line] {
			seen[e.Line] = true
			out = append(out, e.Line)
		}
	}
	return out
}
