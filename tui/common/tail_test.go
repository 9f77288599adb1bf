package common

import "testing"

// A long number cut keeps its end, the part that tells it apart.
func TestKeepTailKeepsTheEnd(t *testing.T) {
	for _, tc := range []struct {
		in   string
		w    int
		want string
	}{
		{"26210000000000000251", 20, "26210000000000000251"},
		{"26210000000000000251", 12, "…00000000251"},
		{"26210000000000000251", 1, "…"},
		{"", 5, ""},
	} {
		if got := KeepTail(tc.in, tc.w); got != tc.want {
			t.Errorf("KeepTail(%q, %d) = %q, want %q", tc.in, tc.w, got, tc.want)
		}
	}
	cols := []Column{{Width: 12, Tail: true}}
	if got := Line(cols, []string{"26210000000000000251"}); got != "…00000000251" {
		t.Errorf("a Tail column shows %q", got)
	}
}

// Squeeze narrows a kept Tail column below its widest cell once asked,
// a kept one no further than that cell, and a Words column as far as
// its Min: Widen made both as wide as their cells.
func TestSqueezeTailAndWords(t *testing.T) {
	cols := Widen([]Column{
		{Title: "No", Width: 12, Keep: true, Tail: true},
		{Title: "Name", Width: 10},
		{Title: "To", Width: 6, Words: true},
		{Title: "Total", Width: 10, Keep: true, Right: true},
	}, []string{"26210000000000000251", "沈阳重型机械", "supervisor", "¥10,878,806.92"})
	if cols[0].Width != 20 || cols[2].Width != 10 || cols[3].Width != 14 {
		t.Fatalf("Widen gave %d, %d, %d", cols[0].Width, cols[2].Width, cols[3].Width)
	}
	got := Squeeze(cols, 40, Shrink{Col: 1, Min: 4}, Shrink{Col: 2}, Shrink{Col: 3}, Shrink{Col: 0, Min: 12})
	if got[3].Width != 14 {
		t.Errorf("the kept total was narrowed to %d", got[3].Width)
	}
	if TableWidth(got) > 40 || got[0].Width >= 20 || got[0].Width < 12 {
		t.Errorf("squeezed to %+v", got)
	}
}
