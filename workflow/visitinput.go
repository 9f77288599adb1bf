package workflow

import (
	"strings"

	"orderdesk/store"
)

// VisitGoals are what a visit is for: the relationship (增进感情交流),
// more volume (促进客户进货), collecting money, solving a problem.
var VisitGoals = []string{"relationship", "volume", "collect", "problem"}

// VisitReached are the answers of a review to "was the goal reached".
var VisitReached = []string{"yes", "partly", "no"}

// Fields of the visit form and its review, shared with the screens.
const (
	FVisitOn    = "visit_on"
	FVisitAt    = "visit_at"
	FPlace      = "place"
	FGoal       = "goal"
	FQuestions  = "questions"
	FMaterials  = "materials"
	FMatters    = "open_matters"
	FReached    = "reached"
	FAchieved   = "achieved"
	FWhyNot     = "why_not"
	FImprove    = "improve"
	FVisitWhom  = "whom" // the customer or the lead
	FVisitOwner = FOwner
)

// Visit refusals and field problems.
const (
	NotYourVisit     Code = "not_your_visit"     // a sales rep's visits are their own; the review is the owner's
	VisitNotReviewed Code = "visit_not_reviewed" // reviewed only with what it achieved
	VisitNotDue      Code = "visit_not_due"      // reviewed once its day has come
	VisitClosed      Code = "visit_closed"       // reviewed or cancelled: nothing more to do on it
)

// VisitInput is a visit's plan as typed.
type VisitInput struct {
	OwnerID    int64  // 0: the caller
	CustomerID int64  // the customer visited, or
	Customer   string // their 助记码, code or name as typed, or
	LeadID     int64  // the lead visited
	On, At     string
	Place      string
	Goal       string
	Questions  string
	Materials  string
	Matters    string
}

// InputFromVisit fills a form from a stored visit.
func InputFromVisit(v store.SalesVisit) VisitInput {
	return VisitInput{OwnerID: v.OwnerID, CustomerID: v.CustomerID, Customer: v.Who, LeadID: v.LeadID, On: v.On, At: v.At,
		Place: v.Place, Goal: v.Goal, Questions: v.Questions, Materials: v.Materials, Matters: v.OpenMatters}
}

// validate checks every field of the plan: a day gone is refused at the
// day (a visit is planned ahead; what already happened is logged on the
// customer file), a time that is no time, or today's already gone, at
// the time.
func (in VisitInput) validate(d *Desk) (store.SalesVisit, FieldErrors) {
	var errs FieldErrors
	errs.Add(CheckText(FPlace, in.Place, false, MaxShort), CheckText(FQuestions, in.Questions, false, MaxLong),
		CheckText(FMaterials, in.Materials, false, MaxLong), CheckText(FMatters, in.Matters, false, MaxLong))
	v := store.SalesVisit{OwnerID: in.OwnerID, CustomerID: in.CustomerID, LeadID: in.LeadID, Place: CleanText(in.Place, false),
		Goal: in.Goal, Questions: CleanText(in.Questions, true), Materials: CleanText(in.Materials, true),
		OpenMatters: CleanText(in.Matters, true)}
	if in.CustomerID == 0 && in.LeadID == 0 && strings.TrimSpace(in.Customer) == "" {
		errs.Add(&FieldError{Field: FVisitWhom, Code: Required})
	}
	if !oneOf(in.Goal, VisitGoals) {
		errs.Add(&FieldError{Field: FGoal, Code: InvalidChoice})
	}
	var fe *FieldError
	if v.On, fe = ParseDayField(FVisitOn, in.On, d.e.today(), NotPast); fe == nil && v.On == "" {
		fe = &FieldError{Field: FVisitOn, Code: Required}
	}
	errs.Add(fe)
	v.At, fe = ParseTimeField(FVisitAt, in.At)
	if fe == nil && v.At != "" && v.On == d.e.todayString() && v.At < d.e.Now().Format("15:04") {
		fe = &FieldError{Field: FVisitAt, Code: DateInPast} // today, at a time already gone
	}
	errs.Add(fe)
	return v, errs
}

// ParseTimeField reads a time of day as typed (9:30, 0930, 14点, full
// width too) as HH:MM; "" for an empty field.
func ParseTimeField(field, s string) (string, *FieldError) {
	s = strings.TrimSpace(NormalizeDigits(s))
	if s == "" {
		return "", nil
	}
	s = strings.NewReplacer("：", ":", ".", ":", "点", ":", "时", ":", "分", "").Replace(s)
	s = strings.TrimSuffix(s, ":")
	h, m := s, "0"
	if i := strings.Index(s, ":"); i >= 0 {
		h, m = s[:i], s[i+1:]
	} else if len(s) == 4 {
		h, m = s[:2], s[2:]
	}
	hh, ok1 := smallNumber(h, 23)
	mm, ok2 := smallNumber(m, 59)
	if !ok1 || !ok2 {
		return "", &FieldError{Field: field, Code: InvalidTime}
	}
	return twoDigits(hh) + ":" + twoDigits(mm), nil
}

// smallNumber reads 1 or 2 digits no more than max.
func smallNumber(s string, max int) (int, bool) {
	if len(s) == 0 || len(s) > 2 || strings.Trim(s, "0123456789") != "" {
		return 0, false
	}
	n := 0
	for _, r := range s {
		n = n*10 + int(r-'0')
	}
	return n, n <= max
}

func twoDigits(n int) string { return string(rune('0'+n/10)) + string(rune('0'+n%10)) }

// VisitReviewInput is a visit's review as typed (访后分析).
type VisitReviewInput struct {
	Reached, Achieved, WhyNot, Improve, NextStep, NextOn string
}

// validate checks the review: whether the goal was reached and what was
// achieved are needed, and a goal not (or only partly) reached says why;
// a next step's day is today or later and needs the step.
func (in VisitReviewInput) validate(d *Desk) (store.VisitReview, FieldErrors) {
	var errs FieldErrors
	errs.Add(CheckText(FAchieved, in.Achieved, true, MaxLong), CheckText(FWhyNot, in.WhyNot, false, MaxLong),
		CheckText(FImprove, in.Improve, false, MaxLong), CheckText(FNextStep, in.NextStep, false, MaxShort))
	r := store.VisitReview{Reached: in.Reached, Achieved: CleanText(in.Achieved, true), WhyNot: CleanText(in.WhyNot, true),
		Improve: CleanText(in.Improve, true), NextStep: CleanText(in.NextStep, false)}
	if !oneOf(in.Reached, VisitReached) {
		errs.Add(&FieldError{Field: FReached, Code: InvalidChoice})
	} else if in.Reached != "yes" && r.WhyNot == "" && errs.For(FWhyNot) == nil {
		errs.Add(&FieldError{Field: FWhyNot, Code: Required})
	}
	var fe *FieldError
	r.NextOn, fe = ParseDayField(FNextOn, in.NextOn, d.e.today(), NotPast)
	errs.Add(fe)
	if r.NextOn != "" && r.NextStep == "" && errs.For(FNextStep) == nil {
		errs.Add(&FieldError{Field: FNextStep, Code: Required})
	}
	return r, errs
}
