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
