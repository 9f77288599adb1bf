package store_test

import (
	"errors"
	"testing"

	"orderdesk/store"
)

func TestParseMoney(t *testing.T) {
	tests := []struct {
		in   string
		want store.Money
		err  error
	}{
		{"1234.5", 123450, nil},
		{"1,234.50", 123450, nil},
		{"１２３", 12300, nil},    // full-width digits from an IME
		{"１２３。４５", 12345, nil}, // ideographic full stop as decimal point
		{"１，２３４", 123400, nil},
		{"¥99.9", 9990, nil},
		{"￥99.9", 9990, nil}, // full-width yen sign
		{" 12 ", 1200, nil},
		{".5", 50, nil},
		{"12.340", 1234, nil}, // a trailing zero is not a third place
		{"0", 0, nil},
		{"", 0, nil}, // an empty optional field is zero
		{"10000000000000", 1000000000000000, nil},
		{"12.345", 0, store.ErrTooManyPlaces},
		{"0.001", 0, store.ErrTooManyPlaces},
		{"-1", 0, store.ErrNegative},
		{"－１", 0, store.ErrNegative},
		{"abc", 0, store.ErrNotANumber},
		{"1e5", 0, store.ErrNotANumber},
		{"1E5", 0, store.ErrNotANumber},
		{"0x10", 0, store.ErrNotANumber},
		{"1 234", 0, store.ErrNotANumber},
		{"NaN", 0, store.ErrNotANumber},
		{"Inf", 0, store.ErrNotANumber},
		{"--1", 0, store.ErrNotANumber},
		{"1.2.3", 0, store.ErrNotANumber},
		{"五十", 0, store.ErrNotANumber},
		{"10000000000000.01", 0, store.ErrTooLarge},
		{"99999999999999999999999999", 0, store.ErrTooLarge},
	}
	for _, tc := range tests {
		got, err := store.ParseMoney(tc.in)
		if !errors.Is(err, tc.err) || (tc.err == nil && got != tc.want) {
			t.Errorf("ParseMoney(%q) = %d, %v; want %d, %v", tc.in, got, err, tc.want, tc.err)
		}
	}
}

func TestParseMilli(t *testing.T) {
	tests := []struct {
		in   string
		want store.Milli
		err  error
	}{
		{"1.235", 1235, nil},
		{"２.５", 2500, nil},
		{"1,000", 1000000, nil},
		{"0.001", 1, nil},
		{"1.2345", 0, store.ErrTooManyPlaces},
		{"-0.5", 0, store.ErrNegative},
		{"1e3", 0, store.ErrNotANumber},
		{"吨", 0, store.ErrNotANumber},
	}
	for _, tc := range tests {
		got, err := store.ParseMilli(tc.in)
		if !errors.Is(err, tc.err) || (tc.err == nil && got != tc.want) {
			t.Errorf("ParseMilli(%q) = %d, %v; want %d, %v", tc.in, got, err, tc.want, tc.err)
		}
	}
}

func TestMoneyFormat(t *testing.T) {
	tests := []struct {
		m           store.Money
		text, plain string
	}{
		{0, "0.00", "0.00"},
		{5, "0.05", "0.05"},
		{99999, "999.99", "999.99"},
		{100000, "1,000.00", "1000.00"},
		{123456789, "1,234,567.89", "1234567.89"},
		{-123456, "-1,234.56", "-1234.56"},
		{-5, "-0.05", "-0.05"},
		{100000000000, "1,000,000,000.00", "1000000000.00"},
	}
	for _, tc := range tests {
		if got := tc.m.String(); got != tc.text {
			t.Errorf("Money(%d).String() = %q, want %q", tc.m, got, tc.text)
		}
		if got := tc.m.Plain(); got != tc.plain {
			t.Errorf("Money(%d).Plain() = %q, want %q", tc.m, got, tc.plain)
		}
		// What is shown can be typed back.
		if tc.m >= 0 {
			if back, err := store.ParseMoney(tc.text); err != nil || back != tc.m {
				t.Errorf("ParseMoney(%q) = %d, %v", tc.text, back, err)
			}
		}
	}
	for q, want := range map[store.Milli]string{0: "0", 1235: "1.235", 1000: "1", 1500: "1.5", 2000001: "2000.001"} {
		if got := q.String(); got != want {
			t.Errorf("Milli(%d).String() = %q, want %q", q, got, want)
		}
	}
}

// TestMoneyMul: a line total is the unit price per unit in fen times the
// quantity in thousandths of a unit, rounded to the fen, half away from
// zero (so 0.5 fen is 1 fen and -0.5 fen is -1 fen; not banker's rounding,
// which would make 2.5 fen 2).
func TestMoneyMul(t *testing.T) {
	tests := []struct {
		price store.Money
		qty   store.Milli
		want  store.Money
	}{
		{345678, 1235, 426912},             // ¥3,456.78/t × 1.235 t = ¥4,269.123 → ¥4,269.12
		{345678, 1000, 345678},             // exactly one unit
		{1, 500, 1},                        // 0.5 fen rounds up
		{1, 499, 0},                        // 0.499 fen rounds down
		{3, 500, 2},                        // 1.5 → 2
		{5, 500, 3},                        // 2.5 → 3, not 2
		{-1, 500, -1},                      // -0.5 → -1 (away from zero)
		{-5, 500, -3},                      // -2.5 → -3
		{-1, 499, 0},                       // -0.499 → 0
		{412000, 25350, 10444200},          // ¥4,120/t × 25.35 t = ¥104,442.00
		{999999999, 1000000, 999999999000}, // ¥9,999,999.99 × 1,000 t, exact
		{0, 123456, 0},
	}
	for _, tc := range tests {
		if got := tc.price.Mul(tc.qty); got != tc.want {
			t.Errorf("Money(%d).Mul(%d) = %d, want %d", tc.price, tc.qty, got, tc.want)
		}
	}
}
