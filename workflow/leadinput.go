package workflow

import (
	"slices"
	"strings"

	"orderdesk/store"
)

// Lead sources (where a lead came from).
var LeadSources = []string{"phone", "website", "exhibition", "referral", "investment", "email", "im"}

// SourceOther is a customer's source that no lead has: a customer filed
// at the desk, neither from a lead nor from any of LeadSources.
const SourceOther = "other"

// CustomerSources are where a customer came from (来源): a lead's
// sources, which a converted lead passes on, and SourceOther.
var CustomerSources = append(slices.Clip(LeadSources), SourceOther)

// Lead contact channels (how a call or message went).
var LeadChannels = []string{"call", "message", "email", "im"}

// Fields of the lead form and its log, shared with the screens.
const (
	FIM       = "im" // QQ or WeChat
	FGrades   = "grades"
	FSpecs    = "specs"
	FNextStep = "next_step"
	FNextOn   = "next_on"
	FOwner    = "owner"
	// FContactWay is how a call or message went (a complaint's channel
	// is how it came in: another field, other words).
	FContactWay = "contact_way"
)

// Lead field problems.
const (
	NoWayToReach      FieldCode = "no_way_to_reach"    // no phone, e-mail or QQ/WeChat
	DuplicateCustomer FieldCode = "duplicate_customer" // the same name or phone as a customer on file (Want: its name and code)
	DuplicateLead     FieldCode = "duplicate_lead"     // the same name or phone as an open lead (Want: its ref and name)
	SameMnemonic      FieldCode = "same_mnemonic"      // a warning: the 助记码 of a customer or lead on file (Want: its name)
	UnknownGrade      FieldCode = "unknown_grade"      // a grade the catalogue has no product of (Want: the grade)
)

// Lead refusals.
const (
	NotYourLead      Code = "not_your_lead"      // a sales rep's leads are their own
	LeadNotConverted Code = "lead_not_converted" // won only once it became a customer file
	LeadConverted    Code = "lead_converted"     // it became a customer file already
	LeadNoCustomer   Code = "lead_no_customer"   // an inquiry is made for the customer file the lead became
	LeadClosed       Code = "lead_closed"        // won or lost: nothing more to do on it
)

// LeadInput is a lead form as typed.
type LeadInput struct {
	OwnerID                      int64 // 0: the caller
	Name, Mnemonic, Contact      string
	Phone, Email, IM             string
	Source                       string
	Grades, Specs, Tonnes, Notes string
	NextStep, NextOn             string
}

// InputFromLead fills a form from a stored lead.
func InputFromLead(l store.Lead) LeadInput {
	return LeadInput{OwnerID: l.OwnerID, Name: l.Name, Mnemonic: l.Mnemonic, Contact: l.Contact, Phone: l.Phone, Email: l.Email,
		IM: l.IM, Source: l.Source, Grades: l.Grades, Specs: l.Specs, Tonnes: milliText(l.Tonnes), Notes: l.Notes,
		NextStep: l.NextStep, NextOn: l.NextOn}
}

func milliText(m store.Milli) string {
	if m == 0 {
		return ""
	}
	return m.String()
}

// validate checks every field: what is wrong comes back at its field,
// and a lead with no phone, e-mail or QQ/WeChat is refused at the phone.
func (in LeadInput) validate(d *Desk) (store.Lead, FieldErrors) {
	var errs FieldErrors
	errs.Add(CheckText(FName, in.Name, true, MaxName), CheckText(FMnemonic, in.Mnemonic, false, MaxName),
		CheckText(FContact, in.Contact, false, MaxName), CheckPhone(FPhone, in.Phone), CheckEmail(FEmail, in.Email),
		CheckText(FIM, in.IM, false, MaxName), CheckText(FGrades, in.Grades, false, MaxShort),
		CheckText(FSpecs, in.Specs, false, MaxShort), CheckText(FNotes, in.Notes, false, MaxLong),
		CheckText(FNextStep, in.NextStep, false, MaxShort))
	l := store.Lead{OwnerID: in.OwnerID, Name: CleanText(in.Name, false), Contact: CleanText(in.Contact, false),
		Phone: NormalizeDigits(in.Phone), Email: NormalizeDigits(in.Email), IM: CleanText(NormalizeDigits(in.IM), false),
		Source: in.Source, Grades: CleanText(in.Grades, false), Specs: CleanText(in.Specs, false),
		Notes: CleanText(in.Notes, true), NextStep: CleanText(in.NextStep, false)}
	l.Mnemonic = strings.ToUpper(NormalizeDigits(in.Mnemonic))
	if l.Mnemonic == "" {
		l.Mnemonic = Mnemonic(l.Name)
	}
	if !oneOf(in.Source, LeadSources) {
		errs.Add(&FieldError{Field: FSource, Code: InvalidChoice})
	}
	var fe *FieldError
	l.Tonnes, fe = ParseMilliField(FTonnes, in.Tonnes)
	errs.Add(fe)
	l.NextOn, fe = ParseDayField(FNextOn, in.NextOn, d.e.today(), AnyDay)
	errs.Add(fe)
	if l.NextOn != "" && l.NextStep == "" && errs.For(FNextStep) == nil {
		errs.Add(&FieldError{Field: FNextStep, Code: Required}) // a day for nothing
	}
	if errs.For(FPhone) == nil && errs.For(FEmail) == nil && errs.For(FIM) == nil && l.Phone == "" && l.Email == "" && l.IM == "" {
		errs.Add(&FieldError{Field: FPhone, Code: NoWayToReach})
	}
	return l, errs
}

// nextOnGone refuses a next step's day already gone unless it is the
// day the lead had (was): an overdue lead keeps its day through an edit
// of something else.
func nextOnGone(d *Desk, l store.Lead, was string) FieldErrors {
	if l.NextOn != "" && l.NextOn != was && l.NextOn < d.e.todayString() {
		return FieldErrors{{Field: FNextOn, Code: DateInPast}}
	}
	return nil
}

// LeadContactInput is a call or message logged on a lead, with the next
// step and its day.
type LeadContactInput struct {
	Channel, Note, NextStep, NextOn string
}

func (in LeadContactInput) validate(d *Desk) (store.LeadContact, FieldErrors) {
	var errs FieldErrors
	errs.Add(CheckText(FNote, in.Note, true, MaxLong), CheckText(FNextStep, in.NextStep, false, MaxShort))
	c := store.LeadContact{Channel: in.Channel, Note: CleanText(in.Note, true), NextStep: CleanText(in.NextStep, false)}
	if c.Channel == "" {
		c.Channel = "call"
	}
	if !oneOf(c.Channel, LeadChannels) {
		errs.Add(&FieldError{Field: FContactWay, Code: InvalidChoice})
	}
	var fe *FieldError
	c.NextOn, fe = ParseDayField(FNextOn, in.NextOn, d.e.today(), NotPast)
	if fe == nil && c.NextOn != "" && c.NextOn < d.e.todayString() {
		fe = &FieldError{Field: FNextOn, Code: DateInPast}
	}
	errs.Add(fe)
	if c.NextOn != "" && c.NextStep == "" && errs.For(FNextStep) == nil {
		errs.Add(&FieldError{Field: FNextStep, Code: Required})
	}
	return c, errs
}

func oneOf(v string, set []string) bool {
	for _, s := range set {
		if v == s {
			return true
		}
	}
	return false
}
