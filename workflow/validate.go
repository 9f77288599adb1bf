package workflow

import (
	"errors"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/width"

	"orderdesk/store"
)

// Text limits, in characters.
const (
	MaxName  = 100
	MaxShort = 200
	MaxLong  = 2000
)

// CleanText trims text and folds it to one line where multi is false. It
// does not repair invalid UTF-8: CheckText refuses it, so what was typed
// is never silently changed.
func CleanText(s string, multi bool) string {
	s = strings.TrimSpace(s)
	if !multi {
		s = strings.Join(strings.Fields(s), " ")
	}
	return s
}

// CheckText checks one text field.
func CheckText(field, s string, required bool, max int) *FieldError {
	switch {
	case !utf8.ValidString(s) || strings.ContainsFunc(s, func(r rune) bool { return unicode.IsControl(r) && r != '\n' && r != '\t' }):
		return &FieldError{Field: field, Code: InvalidText}
	case required && strings.TrimSpace(s) == "":
		return &FieldError{Field: field, Code: Required}
	case utf8.RuneCountInString(s) > max:
		return &FieldError{Field: field, Code: TooLong, Max: max}
	}
	return nil
}

var emailPattern = regexp.MustCompile(`^[^@\s]+@[^@\s]+\.[^@\s]+$`)
var phonePattern = regexp.MustCompile(`^[0-9+()\- ]{3,30}([ ]*(ext|转)[ ]*[0-9]{1,6})?$`)

// NormalizeDigits turns full-width input (１２３, －) into ASCII.
func NormalizeDigits(s string) string { return strings.TrimSpace(width.Narrow.String(s)) }

// CheckEmail accepts an empty or plausible e-mail address.
func CheckEmail(field, s string) *FieldError {
	if e := CheckText(field, s, false, MaxName); e != nil {
		return e
	}
	if s = NormalizeDigits(s); s != "" && !emailPattern.MatchString(s) {
		return &FieldError{Field: field, Code: InvalidEmail}
	}
	return nil
}

// CheckPhone accepts an empty or plausible phone or fax number.
func CheckPhone(field, s string) *FieldError {
	if e := CheckText(field, s, false, MaxName); e != nil {
		return e
	}
	if s = NormalizeDigits(s); s != "" && !phonePattern.MatchString(s) {
		return &FieldError{Field: field, Code: InvalidPhone}
	}
	return nil
}

// ParseMoneyField reads a money field, with the problem as a FieldError.
func ParseMoneyField(field, s string) (store.Money, *FieldError) {
	m, err := store.ParseMoney(s)
	return m, numberError(field, err, MoneyPlaces)
}

// ParseMilliField reads a quantity or weight field.
func ParseMilliField(field, s string) (store.Milli, *FieldError) {
	q, err := store.ParseMilli(s)
	return q, numberError(field, err, MilliPlaces)
}

// ParseIntField reads a whole number between lo and hi.
func ParseIntField(field, s string, lo, hi int) (int, *FieldError) {
	s = NormalizeDigits(s)
	if s == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(s)
	switch {
	case err != nil:
		return 0, &FieldError{Field: field, Code: NotANumber}
	case n < 0 && lo >= 0:
		return 0, &FieldError{Field: field, Code: Negative}
	case n < lo || n > hi:
		return 0, &FieldError{Field: field, Code: OutOfRange, Max: hi}
	}
	return n, nil
}

// Decimals a field takes: money to the fen, quantities and weights to
// the thousandth (the kilogram of a tonne).
const (
	MoneyPlaces = 2
	MilliPlaces = 3
)

// numberError names the problem of a number field that takes places
// decimals; a refusal for too many says how many it takes (Max).
func numberError(field string, err error, places int) *FieldError {
	switch {
	case err == nil:
		return nil
	case errors.Is(err, store.ErrTooManyPlaces):
		return &FieldError{Field: field, Code: TooManyPlaces, Max: places}
	case errors.Is(err, store.ErrNegative):
		return &FieldError{Field: field, Code: Negative}
	case errors.Is(err, store.ErrTooLarge):
		return &FieldError{Field: field, Code: TooLarge}
	}
	return &FieldError{Field: field, Code: NotANumber}
}

// requiredWithNote gathers the problems of a required field (fe as it
// parsed, blank when left empty) and of the short note typed beside it;
// nil when there are none.
func requiredWithNote(field string, fe *FieldError, blank bool, note string) error {
	if fe == nil && blank {
		fe = &FieldError{Field: field, Code: Required}
	}
	var errs FieldErrors
	errs.Add(fe, CheckText(FNote, note, false, MaxShort))
	if len(errs) > 0 {
		return errs
	}
	return nil
}
