package pricing

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// TestEightyColumns: in an 80×24 window a quote's lines keep quantity,
// price and amount on screen (the note and the spec give way), and the
// list keeps each quote's amount; no row is wider than the window.
func TestEightyColumns(t *testing.T) {
	r := newRig(t)
	q := r.quote(r.cust, threeLines()...)
	r.priceAll(q, "4100", "4380", "23.5")
	r.open(r.clerk, "zh")
	r.s.SetSize(80, 21)
	r.show(q)
	r.MustShow("25.500 吨", "¥4,100.00/吨", "¥104,550.00", "¥19,975.00")
	for _, l := range strings.Split(r.View(), "\n") {
		if w := ansi.StringWidth(l); w > 80 {
			t.Fatalf("a row of %d cells in 80:\n%s", w, r.View())
		}
	}
	r.Press("esc")
	r.MustShow("BJ2026-000001", "¥138,541.00")
}

// In 80 columns a sent quote's terms and validity each keep their label
// and the whole of their value: the validity goes to the next line
// rather than lose its date at the edge.
func TestEightyColumnsTermsAndValidity(t *testing.T) {
	r := newRig(t)
	q := r.quote(r.cust, threeLines()...)
	r.priceAll(q, "4100", "4380", "23.5")
	r.sent(q)
	r.open(r.clerk, "en")
	r.s.SetSize(80, 21)
	r.show(q)
	var terms, validity string
	for _, l := range strings.Split(r.View(), "\n") {
		if strings.Contains(l, "terms ") {
			terms = l
		}
		if strings.Contains(l, "validity ") {
			validity = l
		}
	}
	if !strings.Contains(terms, "terms prepaid") || strings.Contains(terms, "7 days") {
		t.Errorf("the terms read %q", terms)
	}
	if !strings.Contains(validity, "validity 7 days (until 2026-12-03)") || ansi.StringWidth(validity) > 80 {
		t.Errorf("the validity reads %q:\n%s", validity, r.View())
	}
}
