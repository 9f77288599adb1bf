package workflow

import (
	"errors"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// The parsers of what people type or import, under arbitrary input: none
// may panic; each reads a value that reads back the same, or refuses it
// with a field problem (a message at the field). Run one with
// go test -run '^$' -fuzz '^FuzzParseDayField$' ./workflow.

var fuzzToday = time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC)

// refusedAt fails t unless fe names field with a code.
func refusedAt(t *testing.T, in string, fe *FieldError, field string) {
	t.Helper()
	if fe.Field != field || fe.Code == "" {
		t.Fatalf("%q: refused without a message: %+v", in, fe)
	}
}

func FuzzParseQuantityField(f *testing.F) {
	for _, s := range []string{"25.35", "3", "3.5", "0", "", "１２", "1,000.001", "99999999", "-2", "2e3", "5100.123"} {
		f.Add(s, "t")
		f.Add(s, "pcs")
	}
	f.Fuzz(func(t *testing.T, s, unit string) {
		q, fe := ParseQuantityField(FQuantity, s, unit)
		if fe != nil {
			refusedAt(t, s, fe, FQuantity)
			return
		}
		if again, fe := ParseQuantityField(FQuantity, q.String(), unit); fe != nil || again != q {
			t.Fatalf("%q (%s) = %v reads back as %v, %v", s, unit, q, again, fe)
		}
	})
}

func FuzzParsePriceField(f *testing.F) {
	for _, s := range []string{"4120", "4,120.50", "¥４１２０", "0", "", "5100.123", "-1", "1e9", "99999999.99"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, set, fe := ParsePriceField(FPrice, s)
		if fe != nil {
			refusedAt(t, s, fe, FPrice)
			return
		}
		if !set {
			return
		}
		if again, _, fe := ParsePriceField(FPrice, p.Plain()); fe != nil || again != p {
			t.Fatalf("%q = %v reads back as %v, %v", s, p, again, fe)
		}
	})
}

func FuzzParseDayField(f *testing.F) {
	for _, s := range []string{"2026-12-01", "2026/12/1", "2026.12.1", "2026年12月1日", "20261201", "１２-０１", "12/1", "12月1日",
		"02-29", "2026-02-30", "", "13-01", "2026-1-1-1", "9999-12-31", "1899-01-01", "-1-1"} {
		f.Add(s, false)
		f.Add(s, true)
	}
	f.Fuzz(func(t *testing.T, s string, notFuture bool) {
		mode := AnyDay
		if notFuture {
			mode = NotFuture
		}
		day, fe := ParseDayField(FIssuedOn, s, fuzzToday, mode)
		if fe != nil {
			refusedAt(t, s, fe, FIssuedOn)
			return
		}
		if day == "" {
			return
		}
		if _, err := time.Parse(time.DateOnly, day); err != nil {
			t.Fatalf("%q read as %q, not a day", s, day)
		}
		if again, fe := ParseDayField(FIssuedOn, day, fuzzToday, mode); fe != nil || again != day {
			t.Fatalf("%q = %s reads back as %s, %v", s, day, again, fe)
		}
	})
}

func FuzzParseMonth(f *testing.F) {
	for _, s := range []string{"2026-11", "2026/11", "202611", "2026.1", "11-2026", "", "２０２６１１", "金额一二"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		m, ok := ParseMonth(s)
		if !ok {
			return
		}
		if again, ok := ParseMonth(m); !ok || again != m {
			t.Fatalf("%q = %s reads back as %s", s, m, again)
		}
	})
}

// timesBetween is a times sign left between dimensions.
var timesBetween = regexp.MustCompile(`[0-9.]\s*[xX*＊]`)

// FuzzNormalizeSpec: a spec as typed (10*1500*6000, 10x1500X6000, φ50)
// takes the catalogue's form once and for all.
func FuzzNormalizeSpec(f *testing.F) {
	for _, s := range []string{"10*1500*6000", "20x1500X6000", "２０＊１５００", "φ50", "219×8", "DN100", "", "*", "1.5 * 2", "x*x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n := NormalizeSpec(s)
		if again := NormalizeSpec(n); again != n {
			t.Fatalf("%q → %q → %q", s, n, again)
		}
		if timesBetween.MatchString(n) {
			t.Fatalf("%q kept a times sign between dimensions: %q", s, n)
		}
	})
}

// FuzzMnemonic: a 助记码 from any name is at most 20 letters and digits,
// and reads the same when derived from itself.
func FuzzMnemonic(f *testing.F) {
	for _, s := range []string{"沈阳钢铁有限公司", "鞍钢Q235", "Ｑ２３５Ｂ热轧板", "重庆重工", "大连行车配件厂", "", "—·—", "𠀀𠀁", "\xff\xfe"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		m := Mnemonic(s)
		if len(m) > 20 || strings.IndexFunc(m, func(r rune) bool { return !(r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') }) >= 0 {
			t.Fatalf("Mnemonic(%q) = %q", s, m)
		}
		if again := Mnemonic(m); again != m {
			t.Fatalf("Mnemonic(%q) = %q, of itself %q", s, m, again)
		}
	})
}

// FuzzCustomerName: a customer's name and 助记码 as typed or imported are
// accepted as text a form can hold, or refused at the field.
func FuzzCustomerName(f *testing.F) {
	for _, s := range []string{"沈阳钢铁有限公司", "", "a\x00b", strings.Repeat("长", 101), "本钢（集团）", "\u202e反向", "\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, field := range []string{FName, FMnemonic, FShortName, FCity} {
			if fe := CheckCustomerField(field, s); fe != nil {
				refusedAt(t, s, fe, field)
				continue
			}
			if !utf8.ValidString(s) {
				t.Fatalf("%s: invalid UTF-8 %q accepted", field, s)
			}
		}
	})
}

// FuzzParseInvoiceNo: a number accepted is kept in a form that reads
// back as itself.
func FuzzParseInvoiceNo(f *testing.F) {
	for _, s := range []string{"26212000000012345678", "2100211130 01234567", "210021113001/01234567", "ABC123", "01234567", "", "２６２１２０００００００１２３４５６７８"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		no, fe := ParseInvoiceNo(s)
		if fe != nil {
			refusedAt(t, s, fe, FInvoiceNo)
			return
		}
		if again, fe := ParseInvoiceNo(no); fe != nil || again != no {
			t.Fatalf("%q = %q reads back as %q, %v", s, no, again, fe)
		}
	})
}

// FuzzParseKey: an SSH public key being added is read (and its stored
// line reads back as the same key) or refused with ErrBadKey.
func FuzzParseKey(f *testing.F) {
	for _, s := range []string{
		"ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGxB4qvYx0mYQ2w5mJcWcS1A6I7Nq0TjGQ0vZ2k3hF0u wangli@desk",
		"ssh-rsa AAAA", "", "command=\"x\" ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGxB4qvYx0mYQ2w5mJcWcS1A6I7Nq0TjGQ0vZ2k3hF0u",
		"ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGxB4qvYx0mYQ2w5mJcWcS1A6I7Nq0TjGQ0vZ2k3hF0u\nssh-ed25519 x",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		k, err := ParseKey(s)
		if err != nil {
			if !errors.Is(err, ErrBadKey) {
				t.Fatalf("%q: %v", s, err)
			}
			return
		}
		again, err := ParseKey(k.Line)
		if err != nil || again.Fingerprint != k.Fingerprint || again.Line != k.Line {
			t.Fatalf("%q: stored %q reads back as %+v, %v", s, k.Line, again, err)
		}
	})
}
