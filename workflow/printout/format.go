package printout

import (
	"fmt"
	"strings"
	"time"

	"orderdesk/store"
)

// yuan formats an amount with separators and two decimals: 12,345.60.
func yuan(m store.Money) string { return m.String() }

// yuanSign is yuan with the currency sign: ¥12,345.60.
func yuanSign(m store.Money) string {
	if m < 0 {
		return "-¥" + (-m).String()
	}
	return "¥" + m.String()
}

// tonnes formats a weight with three decimals, as weights are written on
// steel documents: 30.000.
func tonnes(w store.Milli) string {
	sign := ""
	if w < 0 {
		sign, w = "-", -w
	}
	return fmt.Sprintf("%s%d.%03d", sign, w/1000, w%1000)
}

// qty formats a quantity with only the decimals it needs: 120, 1.5.
func qty(q store.Milli) string { return q.String() }

// date writes 2026年12月01日; a zero date leaves blanks to fill by hand.
func date(t time.Time) string {
	if t.IsZero() {
		return "    年  月  日"
	}
	return t.Format("2006年01月02日")
}

// dateTime writes 2026年12月01日 14:30; zero as date.
func dateTime(t time.Time) string {
	if t.IsZero() {
		return date(t) + "   :  "
	}
	return t.Format("2006年01月02日 15:04")
}

// month writes 2026年11月.
func month(t time.Time) string { return t.Format("2006年01月") }

// capitalOrBlank is CapitalAmount of a non-negative amount; documents
// word the sign themselves and pass the magnitude.
func capitalOf(m store.Money) string {
	if m < 0 {
		m = -m
	}
	s, _ := CapitalAmount(m)
	return s
}

// orBlank gives a fill-in line for an empty field.
func orBlank(s string) string {
	if s == "" {
		return "________________"
	}
	return s
}

func itoa(n int) string { return fmt.Sprint(n) }

// chineseOrdinal writes 1..99 as 一 … 九十九 for numbered clauses.
func chineseOrdinal(n int) string {
	digits := []string{"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"}
	switch {
	case n < 10:
		return digits[n]
	case n < 100:
		s := digits[n/10] + "十"
		if n < 20 {
			s = "十"
		}
		if n%10 != 0 {
			s += digits[n%10]
		}
		return s
	}
	return itoa(n)
}

// joinNonEmpty joins the non-empty parts with sep.
func joinNonEmpty(sep string, parts ...string) string {
	var out []string
	for _, p := range parts {
		if p != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, sep)
}
