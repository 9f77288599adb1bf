package workflow

import (
	"slices"
	"strings"
)

// RecordComplaints: record complaints and follow-up calls, act on and
// resolve complaints (everyone at the desk; closing is a sign-off).
const RecordComplaints Permission = "record_complaints"

// Field names of the complaint forms.
const (
	FConcerns   = "concerns"
	FType       = "type"
	FWords      = "words"
	FChannel    = "channel"
	FSeverity   = "severity"
	FResolution = "resolution"
	FSatisfied  = "satisfied"
	FRemark     = "remark"
)

// ComplaintTypes lists a complaint's types, in the form's order.
var ComplaintTypes = []string{"quality", "short", "over", "wrong_spec", "late", "damage", "billing", "price", "service"}

// complaintRoutes names the role that must act on each type: quality
// and lateness to planning, what the warehouse loaded to the warehouse,
// billing to finance, price and service to the supervisor.
var complaintRoutes = map[string]Role{
	"quality": Planning, "late": Planning,
	"short": Warehouse, "over": Warehouse, "wrong_spec": Warehouse, "damage": Warehouse,
	"billing": Finance,
	"price":   Supervisor, "service": Supervisor,
}

// RouteOf is the role a complaint of type typ is routed to.
func RouteOf(typ string) Role { return complaintRoutes[typ] }

// ComplaintChannels lists how a complaint came in; the first is the default.
var ComplaintChannels = []string{"phone", "visit", "email", "wechat", "letter"}

// Severities lists a complaint's severities; "normal" is the default.
var Severities = []string{"low", "normal", "high"}

// Resolutions lists how a complaint is resolved.
var Resolutions = []string{"explained", "replaced", "returned", "allowance", "credit"}

// ComplaintInput is the quick complaint form: who, what it concerns
// (a ref, or the end of one, of the customer's order, delivery note or
// invoice; "" for none), its type, the customer's words, how it came in
// (default phone) and how severe it is (default normal).
type ComplaintInput struct {
	CustomerID int64
	Customer   string // or the customer's 助记码, code or name, as typed
	Concerns   string
	Type       string
	Words      string
	Channel    string
	Severity   string
}

// check normalises the input and lists what is wrong with it.
func (in *ComplaintInput) check() FieldErrors {
	in.Concerns = strings.TrimSpace(in.Concerns)
	in.Type, in.Channel, in.Severity = strings.TrimSpace(in.Type), strings.TrimSpace(in.Channel), strings.TrimSpace(in.Severity)
	if in.Channel == "" {
		in.Channel = ComplaintChannels[0]
	}
	if in.Severity == "" {
		in.Severity = "normal"
	}
	var es FieldErrors
	if in.CustomerID == 0 && strings.TrimSpace(in.Customer) == "" {
		es.Add(&FieldError{Field: FCustomer, Code: Required})
	}
	es.Add(choice(FType, in.Type, ComplaintTypes), choice(FChannel, in.Channel, ComplaintChannels), choice(FSeverity, in.Severity, Severities),
		CheckText(FWords, in.Words, true, MaxLong), CheckText(FConcerns, in.Concerns, false, 40))
	in.Words = CleanText(in.Words, true)
	return es
}

// choice refuses a value that is not one of choices (an empty one as required).
func choice(field, v string, choices []string) *FieldError {
	switch {
	case v == "":
		return &FieldError{Field: field, Code: Required}
	case !slices.Contains(choices, v):
		return &FieldError{Field: field, Code: InvalidChoice}
	}
	return nil
}

// ResolutionInput is how a complaint was resolved.
type ResolutionInput struct {
	Resolution string
	Note       string
}

func (in *ResolutionInput) check() FieldErrors {
	in.Resolution = strings.TrimSpace(in.Resolution)
	var es FieldErrors
	es.Add(choice(FResolution, in.Resolution, Resolutions), CheckText(FNote, in.Note, false, MaxLong))
	in.Note = CleanText(in.Note, true)
	return es
}

// FollowUpInput is a follow-up call's outcome: what it follows (a
// delivery note or a complaint), whether the customer was satisfied
// ("y" or "n"), and what they said.
type FollowUpInput struct {
	SourceDocID int64
	Satisfied   string
	Remark      string
}

func (in *FollowUpInput) check() (bool, FieldErrors) {
	v := strings.ToLower(strings.TrimSpace(in.Satisfied))
	var es FieldErrors
	es.Add(choice(FSatisfied, v, []string{"y", "n"}), CheckText(FRemark, in.Remark, false, MaxLong))
	in.Remark = CleanText(in.Remark, true)
	return v == "y", es
}
