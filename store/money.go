package store

import (
	"errors"
	"strings"

	"github.com/shopspring/decimal"
	"golang.org/x/text/width"
)

// Money is an amount in fen (0.01 yuan). Amounts are never floats.
type Money int64

// Milli is a quantity or weight in thousandths of its unit (kg for 1 g
// resolution on tonnes, 0.001 pcs never occurs but stays exact).
type Milli int64

// Parse errors, each one a message a user can act on.
var (
	ErrNotANumber    = errors.New("not a number")
	ErrTooManyPlaces = errors.New("too many decimal places")
	ErrNegative      = errors.New("must not be negative")
	ErrTooLarge      = errors.New("too large")
)

// normalizeNumber turns IME input into ASCII: full-width digits (１２３),
// the ideographic full stop used as a decimal point, and thousands
// separators.
func normalizeNumber(s string) string {
	// 。 first: width.Narrow would turn it into the half-width ｡.
	s = strings.ReplaceAll(strings.TrimSpace(s), "。", ".")
	s = width.Narrow.String(s)
	s = strings.ReplaceAll(s, ",", "")
	s = strings.TrimPrefix(s, "¥")
	return strings.TrimSpace(s)
}

func parseFixed(s string, places int32) (int64, error) {
	s = normalizeNumber(s)
	if s == "" {
		return 0, nil
	}
	d, err := decimal.NewFromString(s)
	if err != nil || strings.ContainsAny(s, "eE") {
		return 0, ErrNotANumber
	}
	if d.IsNegative() {
		return 0, ErrNegative
	}
	if -d.Exponent() > places && !d.Equal(d.Truncate(places)) {
		return 0, ErrTooManyPlaces
	}
	scaled := d.Shift(places)
	if scaled.GreaterThan(decimal.New(1, 15)) {
		return 0, ErrTooLarge
	}
	return scaled.IntPart(), nil
}

// ParseMoney reads yuan with at most two decimals ("1,234.5", "１２３").
func ParseMoney(s string) (Money, error) {
	v, err := parseFixed(s, 2)
	return Money(v), err
}

// ParseMilli reads a quantity with at most three decimals.
func ParseMilli(s string) (Milli, error) {
	v, err := parseFixed(s, 3)
	return Milli(v), err
}

// String formats yuan with two decimals and thousands separators.
func (m Money) String() string { return group(decimal.New(int64(m), -2).StringFixed(2)) }

// Plain formats yuan with two decimals and no separators, for form fields.
func (m Money) Plain() string { return decimal.New(int64(m), -2).StringFixed(2) }

// String formats a quantity with as many decimals as it needs (up to 3).
func (q Milli) String() string { return decimal.New(int64(q), -3).String() }

// Mul multiplies a unit price by a quantity and rounds half away from
// zero to the fen: ¥3,456.78/t × 1.235 t = ¥4,269.12 (4269.1233).
func (m Money) Mul(q Milli) Money {
	d := decimal.New(int64(m), 0).Mul(decimal.New(int64(q), -3)).Round(0)
	return Money(d.IntPart())
}

func group(s string) string {
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	intPart, frac, _ := strings.Cut(s, ".")
	var b strings.Builder
	for i, r := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	out := b.String()
	if frac != "" {
		out += "." + frac
	}
	if neg {
		out = "-" + out
	}
	return out
}
