package store

import (
	"errors"
	"testing"
)

// parseErrors are the refusals a number field may give: each says what
// to fix.
var parseErrors = []error{ErrNotANumber, ErrTooManyPlaces, ErrNegative, ErrTooLarge}

func knownParseError(err error) bool {
	for _, e := range parseErrors {
		if errors.Is(err, e) {
			return true
		}
	}
	return false
}

// FuzzParseMoney: any text typed or imported into a money field is read
// or refused with a message, never a panic; an amount read prints back
// (with and without separators) to the same amount.
func FuzzParseMoney(f *testing.F) {
	for _, s := range []string{"1234.56", "1,234.5", "¥１２３", "0.01", "5100.123", "-3", "1e5", "", " 12 ", "１２３。４５",
		"999999999999999.99", "1000000000000000", "0x10", "NaN", "12..3", "٣"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		m, err := ParseMoney(s)
		if err != nil {
			if !knownParseError(err) {
				t.Fatalf("ParseMoney(%q): %v is not a message a user can act on", s, err)
			}
			return
		}
		for _, back := range []string{m.String(), m.Plain()} {
			if again, err := ParseMoney(back); err != nil || again != m {
				t.Fatalf("ParseMoney(%q) = %d prints %q, which reads %d, %v", s, m, back, again, err)
			}
		}
	})
}

// FuzzParseMilli: quantities and weights likewise, to the thousandth.
func FuzzParseMilli(f *testing.F) {
	for _, s := range []string{"25.35", "0.001", "1,000", "２０．１５３", "20.1534", "-1", "", "1e3", "+5", ".5", "5."} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		q, err := ParseMilli(s)
		if err != nil {
			if !knownParseError(err) {
				t.Fatalf("ParseMilli(%q): %v is not a message a user can act on", s, err)
			}
			return
		}
		if again, err := ParseMilli(q.String()); err != nil || again != q {
			t.Fatalf("ParseMilli(%q) = %d prints %q, which reads %d, %v", s, q, q.String(), again, err)
		}
	})
}
