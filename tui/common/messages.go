package common

import (
	"errors"
	"strings"
	"time"

	"orderdesk/store"
	"orderdesk/tui/i18n"
	"orderdesk/workflow"
)

// ErrorText turns any error into words for the status line.
func ErrorText(cat i18n.Catalog, err error) string {
	var ref *workflow.Refusal
	var conflict *store.ConflictError
	var fields workflow.FieldErrors
	var full *store.DiskFullError
	var folder *store.FolderError
	var schema *store.SchemaError
	var key *store.AuditKeyError
	switch {
	case err == nil:
		return ""
	case errors.As(err, &ref):
		return RefusalText(cat, ref)
	case errors.As(err, &conflict):
		names := make([]string, len(conflict.Fields))
		for i, f := range conflict.Fields {
			names[i] = FieldName(cat, f)
		}
		return cat.T("error.conflict", conflict.What, conflict.By, strings.Join(names, cat.T("list.sep")))
	case errors.As(err, &fields):
		return cat.T("error.fix_fields")
	case errors.As(err, &full):
		return cat.T("error.disk_full", full.Volume, full.Folder)
	case errors.As(err, &folder) && errors.Is(err, store.ErrFolderDenied):
		return cat.T("error.folder_denied", folder.Folder)
	case errors.As(err, &folder):
		return cat.T("error.folder_not_created", folder.Folder)
	case errors.Is(err, store.ErrBusy):
		return cat.T("error.busy")
	case errors.As(err, &schema):
		names := make([]string, len(schema.Problems))
		for i, p := range schema.Problems {
			names[i] = p.String()
		}
		return cat.T("error.schema_altered", strings.Join(names, cat.T("list.sep")))
	case errors.As(err, &key):
		return cat.T("error.audit_key", key.Why)
	case errors.Is(err, store.ErrReadOnly):
		return cat.T("error.readonly")
	case errors.Is(err, store.ErrNotDatabase):
		return cat.T("error.not_database")
	case errors.Is(err, store.ErrBenchDB):
		return cat.T("error.bench_db")
	case errors.Is(err, store.ErrTooNew):
		return cat.T("error.too_new")
	case errors.Is(err, store.ErrNeedsUpgrade):
		return cat.T("error.needs_upgrade")
	case errors.Is(err, store.ErrNotFound):
		return cat.T("error.not_found")
	case errors.Is(err, store.ErrDuplicate):
		return cat.T("error.duplicate")
	case errors.Is(err, store.ErrNotUTF8):
		return cat.T("error.not_utf8")
	}
	return cat.T("error.unexpected", err.Error())
}

// RefusalText says why the workflow refused, in the user's language.
func RefusalText(cat i18n.Catalog, r *workflow.Refusal) string {
	key := "refusal." + string(r.Code)
	if !i18n.Has(key) {
		return cat.T("refusal.unknown", string(r.Code))
	}
	if r.Code == workflow.RoleNotAllowed {
		return cat.T(key, RoleList(cat, r.Roles))
	}
	return cat.T(key)
}

// RoleList names roles in the user's language.
func RoleList(cat i18n.Catalog, roles []workflow.Role) string {
	names := make([]string, len(roles))
	for i, r := range roles {
		names[i] = cat.T("role." + string(r))
	}
	sep := ", "
	if cat.Lang == i18n.Chinese {
		sep = "、"
	}
	return strings.Join(names, sep)
}

// FieldText says what is wrong with a field.
func FieldText(cat i18n.Catalog, e *workflow.FieldError) string {
	if e == nil {
		return ""
	}
	switch e.Code {
	case workflow.TooLong, workflow.OutOfRange, workflow.PeriodTooLong:
		return cat.T("field."+string(e.Code), e.Max)
	case workflow.TooManyPlaces:
		if e.Max > 0 { // how many the field takes, not only that there were too many
			return cat.T("field.too_many_places_max", e.Max)
		}
	case workflow.AmountMismatch:
		if e.Want != "" { // the program knows the right figure: show it
			return cat.T("field.amount_mismatch_want", e.Want)
		}
	case workflow.OverOpen, workflow.OverUninvoiced, workflow.OverOpenAmount, workflow.OverReceipt, workflow.OverCreditable, workflow.OverlapsApproved, workflow.TargetApproved,
		workflow.DuplicateCustomer, workflow.DuplicateLead, workflow.SameMnemonic, workflow.UnknownGrade, workflow.UnknownPerson,
		workflow.OverReturnable, workflow.BeforeNoteLeft,
		workflow.TrackingLength, workflow.ReceivedBeforeSent:
		return cat.T("field."+string(e.Code), e.Want)
	}
	// Some fields say more than the code alone (a delivery before the
	// order date rather than "dates in the wrong order").
	if k := "field." + string(e.Code) + "." + e.Field; i18n.Has(k) {
		return cat.T(k)
	}
	return cat.T("field." + string(e.Code))
}

// FieldProblem is a field check's finding in words, for a form field's
// Check: "" when there is none.
func FieldProblem(cat i18n.Catalog, e *workflow.FieldError) string {
	if e == nil {
		return ""
	}
	return FieldText(cat, e)
}

// Age says how long ago t was, briefly: 5m, 3h, 2d. A t after now (a
// clock behind the one that wrote it) is no age at all, never "-5m".
func Age(cat i18n.Catalog, now, t time.Time) string {
	d := max(now.Sub(t), 0)
	switch {
	case d < time.Hour:
		return cat.T("age.minutes", int(d.Minutes()))
	case d < 48*time.Hour:
		return cat.T("age.hours", int(d.Hours()))
	}
	return cat.T("age.days", int(d.Hours()/24))
}

// Terms says a customer's payment terms in words.
func Terms(cat i18n.Catalog, terms string, days int) string {
	if terms == store.TermsMonthly {
		return cat.T("terms.monthly_days", days)
	}
	return cat.T("terms." + terms)
}

// Weighing names a contract's weighing basis (理计 or 磅计); "" is the
// desk's default, as a customer file may say.
func Weighing(cat i18n.Catalog, basis string) string {
	if basis == "" {
		return cat.T("weighing.default")
	}
	return cat.T("weighing." + basis)
}

// FieldName names a record's field (a column name from the store) in the
// user's language.
func FieldName(cat i18n.Catalog, field string) string {
	for _, area := range []string{"customers.field.", "products.field.", "field.name."} {
		if i18n.Has(area + field) {
			return cat.T(area + field)
		}
	}
	return field
}
