package workflow

import (
	"strings"

	"orderdesk/store"
)

// EditMeetings: write a sales meeting's minutes and its action items,
// close one's action items.
const EditMeetings Permission = "edit_meetings"

// Fields of the minutes' form and the action item's, shared with the
// screens.
const (
	FHeldOn    = "held_on" // and FPlace, as a visit's
	FAttendees = "attendees"
	FDecisions = "decisions"
	FDecision  = "decision"
	FItemDue   = "item_due" // an action item's due day
	FWhat      = "what"
	FDone      = "done"
)

// UnknownPerson is a name among the attendees that is no one at the
// desk (Want: the name as typed).
const UnknownPerson FieldCode = "unknown_person"

// MeetingInput is the minutes' form as typed: the day and place, who
// attended (names or logins, separated by 、 , ; or spaces), and the
// decisions (one a line, or separated by ; or ；).
type MeetingInput struct {
	HeldOn, Place, Attendees, Decisions string
}

// ActionItemInput is an action item as typed: the decision it serves
// (its number, 1 for the first), its owner, due day and what to do.
type ActionItemInput struct {
	DecisionNo int
	OwnerID    int64
	DueOn      string
	What       string
}

// splitList cuts typed text into its non-empty pieces at any of seps.
func splitList(s, seps string) []string {
	var out []string
	for _, p := range strings.FieldsFunc(s, func(r rune) bool { return strings.ContainsRune(seps, r) }) {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// validate checks the minutes' form against the people who may attend:
// what is wrong comes back at its field.
func (in MeetingInput) validate(d *Desk, people []store.User) (store.NewMeeting, FieldErrors) {
	var errs FieldErrors
	m := store.NewMeeting{Place: CleanText(in.Place, false)}
	errs.Add(CheckText(FPlace, in.Place, false, MaxShort))
	var fe *FieldError
	if m.HeldOn, fe = ParseDayField(FHeldOn, in.HeldOn, d.e.today(), NotFuture); fe == nil && m.HeldOn == "" {
		fe = &FieldError{Field: FHeldOn, Code: Required}
	}
	errs.Add(fe)
	names := splitList(NormalizeDigits(in.Attendees), "、､,，;； ") // narrowed, 、 is ､
	if len(names) == 0 {
		errs.Add(&FieldError{Field: FAttendees, Code: Required})
	}
	seen := map[int64]bool{}
	for _, n := range names {
		u, ok := personNamed(people, n)
		if !ok {
			errs.Add(&FieldError{Field: FAttendees, Code: UnknownPerson, Want: n})
			break
		}
		if !seen[u.ID] {
			seen[u.ID] = true
			m.Attendees = append(m.Attendees, u.ID)
		}
	}
	for _, t := range splitList(in.Decisions, "\n;；") {
		if fe := CheckText(FDecisions, t, true, MaxShort); fe != nil {
			errs.Add(fe)
			break
		}
		m.Decisions = append(m.Decisions, CleanText(t, false))
	}
	if len(m.Decisions) == 0 && errs.For(FDecisions) == nil {
		errs.Add(&FieldError{Field: FDecisions, Code: Required})
	}
	return m, errs
}

// personNamed finds among people the one whose name or login is n.
func personNamed(people []store.User, n string) (store.User, bool) {
	for _, u := range people {
		if u.Name == n || strings.EqualFold(u.Login, n) {
			return u, true
		}
	}
	return store.User{}, false
}

// validate checks an action item: an owner, a due day and what to do,
// each refused at its field when missing.
func (in ActionItemInput) validate(d *Desk, decisions int) (store.NewActionItem, FieldErrors) {
	var errs FieldErrors
	a := store.NewActionItem{DecisionNo: in.DecisionNo, OwnerID: in.OwnerID, What: CleanText(in.What, false)}
	if in.DecisionNo < 1 || in.DecisionNo > decisions {
		errs.Add(&FieldError{Field: FDecision, Code: InvalidChoice})
	}
	if in.OwnerID == 0 {
		errs.Add(&FieldError{Field: FOwner, Code: Required})
	}
	var fe *FieldError
	// An item due in the past makes no sense: refused at its field.
	if a.DueOn, fe = ParseDayField(FItemDue, in.DueOn, d.e.today(), NotPast); fe == nil && a.DueOn == "" {
		fe = &FieldError{Field: FItemDue, Code: Required}
	}
	errs.Add(fe, CheckText(FWhat, in.What, true, MaxShort))
	return a, errs
}
