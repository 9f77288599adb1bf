package workflow

import (
	"context"
	"regexp"
	"strconv"
	"strings"
	"time"

	"orderdesk/store"
)

// Field names of documents' lines and the pricing forms.
const (
	FProduct      = "product" // grade and spec together, for the catalogue flag
	FQuantity     = "quantity"
	FWantedOn     = "wanted_on"
	FRequirements = "requirements"
	FPrice        = "price"
	FValidFrom    = "valid_from"
	FValidTo      = "valid_to"
	FSource       = "source"
	FOn           = "on"
	FValidityDays = "validity_days"
	FReason       = "reason"
	FNote         = "note"
	FLines        = "lines"
)

// The largest price and quantity a line takes; the database keeps the
// same bounds so price × quantity never leaves a 64-bit integer.
const (
	MaxPrice store.Money = 1_000_000_000 // ¥10,000,000.00 per unit
	MaxQty   store.Milli = 1_000_000_000 // 1,000,000 units
)

// NormalizeGrade writes a grade the way the catalogue does: ASCII,
// upper case (q235b → Q235B).
func NormalizeGrade(s string) string { return strings.ToUpper(NormalizeDigits(CleanText(s, false))) }

var specTimes = regexp.MustCompile(`([0-9.])\s*[×xX*＊]\s*`)

// NormalizeSpec writes a spec the way the catalogue does: ASCII digits,
// × between dimensions (20x1500*6000 → 20×1500×6000), Φ for a diameter.
func NormalizeSpec(s string) string {
	s = NormalizeDigits(CleanText(s, false))
	s = strings.NewReplacer("φ", "Φ", "ф", "Φ", "Ф", "Φ").Replace(s)
	return specTimes.ReplaceAllString(s, "$1×")
}

var unitWords = map[string]string{
	"t": "t", "吨": "t", "kg": "kg", "公斤": "kg", "千克": "kg",
	"pcs": "pcs", "pc": "pcs", "件": "pcs", "支": "pcs", "根": "pcs", "张": "pcs", "块": "pcs", "个": "pcs",
}

// ParseUnit reads a unit as typed (t, 吨, kg, 公斤, pcs, 件, 支 …).
func ParseUnit(s string) (string, bool) {
	u, ok := unitWords[strings.ToLower(NormalizeDigits(s))]
	return u, ok
}

// ParseQuantityField reads a line's quantity: more than zero, at most
// three decimals, whole for pieces.
func ParseQuantityField(field, s, unit string) (store.Milli, *FieldError) {
	if strings.TrimSpace(s) == "" {
		return 0, &FieldError{Field: field, Code: Required}
	}
	q, fe := ParseMilliField(field, s)
	switch {
	case fe != nil:
		return 0, fe
	case q == 0:
		return 0, &FieldError{Field: field, Code: NotPositive}
	case q > MaxQty:
		return 0, &FieldError{Field: field, Code: TooLarge}
	case unit == "pcs" && q%1000 != 0:
		return 0, &FieldError{Field: field, Code: NotWhole}
	}
	return q, nil
}

// ParsePriceField reads a unit price in yuan: set is false for an empty
// field (no price yet); a price given is more than zero with at most two
// decimals.
func ParsePriceField(field, s string) (price store.Money, set bool, fe *FieldError) {
	if strings.TrimSpace(s) == "" {
		return 0, false, nil
	}
	p, fe := ParseMoneyField(field, s)
	switch {
	case fe != nil:
		return 0, false, fe
	case p == 0:
		return 0, false, &FieldError{Field: field, Code: NotPositive}
	case p > MaxPrice:
		return 0, false, &FieldError{Field: field, Code: TooLarge}
	}
	return p, true, nil
}

// LineInput is one line of an inquiry or a quote as typed.
type LineInput struct {
	ID                     int64 // an existing line; 0 for a new one
	Grade, Name, Spec      string
	Quantity, Unit         string
	WantedOn, Requirements string
	Price                  string // quotes only: yuan per unit, "" for none yet
}

// lineFields is a line that passed validation.
type lineFields struct {
	id                     int64
	grade, name, spec      string
	qty                    store.Milli
	unit                   string
	wantedOn, requirements string
	price                  store.Money
	priced                 bool
	productID              int64
	unknown                bool
}

// validate checks one line; n is its number as shown (1-based). A
// wanted day already gone is refused unless the line had it before (an
// old inquiry's date, carried into its quote).
func (in LineInput) validate(n int, today time.Time, withPrice bool, prevDays map[int64]string) (lineFields, FieldErrors) {
	var errs FieldErrors
	errs.AddLine(n, ProductTexts(in.Grade, in.Name, in.Spec)...)
	errs.AddLine(n, CheckText(FRequirements, in.Requirements, false, MaxShort))
	l := lineFields{id: in.ID, grade: NormalizeGrade(in.Grade), name: CleanText(in.Name, false), spec: NormalizeSpec(in.Spec),
		requirements: CleanText(in.Requirements, false)}
	unit, ok := ParseUnit(in.Unit)
	if !ok {
		errs.AddLine(n, &FieldError{Field: FUnit, Code: InvalidChoice})
	}
	l.unit = unit
	var fe *FieldError
	l.qty, fe = ParseQuantityField(FQuantity, in.Quantity, unit)
	errs.AddLine(n, fe)
	l.wantedOn, fe = ParseDayField(FWantedOn, in.WantedOn, today, AnyDay)
	if fe == nil && l.wantedOn != "" && l.wantedOn < today.Format("2006-01-02") && (in.ID == 0 || prevDays[in.ID] != l.wantedOn) {
		fe = &FieldError{Field: FWantedOn, Code: DateInPast}
	}
	errs.AddLine(n, fe)
	if withPrice {
		l.price, l.priced, fe = ParsePriceField(FPrice, in.Price)
		errs.AddLine(n, fe)
	}
	return l, errs
}

// validateLines checks every line; a document needs at least one.
// prevDays holds the wanted days the lines had (nil for a new document).
func validateLines(lines []LineInput, today time.Time, withPrice bool, prevDays map[int64]string) ([]lineFields, FieldErrors) {
	var errs FieldErrors
	if len(lines) == 0 {
		errs = append(errs, &FieldError{Field: FLines, Code: Required})
	}
	out := make([]lineFields, len(lines))
	for i, in := range lines {
		var es FieldErrors
		out[i], es = in.validate(i+1, today, withPrice, prevDays)
		errs = append(errs, es...)
	}
	return out, errs
}

// matchLines looks each line up in the catalogue: a known grade/spec
// gets its product (and its name when none was typed); an unknown one is
// kept but flagged for purchasing, returned as warnings. A line with
// neither a known product nor a name is an error.
func matchLines(ctx context.Context, tx *store.Tx, lines []lineFields) (warn, errs FieldErrors, err error) {
	keys := make([]store.ProductKey, len(lines))
	for i, l := range lines {
		keys[i] = store.ProductKey{Grade: l.grade, Name: l.name, Spec: l.spec}
	}
	found, err := tx.MatchProducts(ctx, keys)
	if err != nil {
		return nil, nil, err
	}
	for i := range lines {
		l := &lines[i]
		id, name := found[i].ID, found[i].Name
		l.productID, l.unknown = id, id == 0
		switch {
		case id != 0 && l.name == "":
			l.name = name
		case id == 0 && l.name == "":
			errs = append(errs, &FieldError{Field: FProductName, Line: i + 1, Code: Required})
		case id == 0:
			warn = append(warn, &FieldError{Field: FProduct, Line: i + 1, Code: UnknownProduct})
		}
	}
	return warn, errs, nil
}

// today is the desk's calendar day now.
func (e *Engine) today() time.Time { return e.Now() }

// todayString is today as YYYY-MM-DD.
func (e *Engine) todayString() string { return e.Now().Format("2006-01-02") }

func itoa(n int) string { return strconv.Itoa(n) }
