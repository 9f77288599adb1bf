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

// FieldError says what is wrong with one field of a form.
type FieldError struct {
	Field string
	Code  FieldCode
	Max   int
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
)

func (e *FieldError) Error() string { return e.Field + ": " + string(e.Code) }

// FieldErrors collects the problems of a whole form.
type FieldErrors []*FieldError

func (es FieldErrors) Error() string {
	parts := make([]string, len(es))
	for i, e := range es {
		parts[i] = e.Error()
	}
	return "invalid input: " + strings.Join(parts, "; ")
}

// For returns the error of one field, or nil.
func (es FieldErrors) For(field string) *FieldError {
	for _, e := range es {
		if e.Field == field {
			return e
		}
	}
	return nil
}
