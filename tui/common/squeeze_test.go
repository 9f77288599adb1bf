package common

import "testing"

func TestSqueeze(t *testing.T) {
	cols := []Column{{Width: 4}, {Width: 20}, {Width: 16}, {Width: 10}}
	width := func(cs []Column) int {
		n := len(cs) - 1
		for _, c := range cs {
			n += c.Width
		}
		return n
	}
	for _, tc := range []struct {
		name  string
		total int
		want  []int
	}{
		{"fits: untouched", 60, []int{4, 20, 16, 10}},
		{"the first named gives first", 50, []int{4, 20, 16, 7}},
		{"then the next", 40, []int{4, 20, 13, 0}},
		{"no further than the minimums", 20, []int{4, 20, 8, 0}},
	} {
		got := Squeeze(cols, tc.total, Shrink{Col: 3, Min: 0}, Shrink{Col: 2, Min: 8})
		for i, w := range tc.want {
			if got[i].Width != w {
				t.Errorf("%s: widths %v, want %v", tc.name, got, tc.want)
				break
			}
		}
		if tc.total >= 40 && width(got) > tc.total {
			t.Errorf("%s: %d cells in %d", tc.name, width(got), tc.total)
		}
	}
	if cols[3].Width != 10 {
		t.Error("Squeeze changed its argument")
	}
}

// A Whole column goes entirely, however little was over.
func TestSqueezeWhole(t *testing.T) {
	cols := []Column{{Width: 20}, {Width: 10}, {Width: 10}}
	for _, tc := range []struct {
		total int
		want  []int
	}{
		{42, []int{20, 10, 10}},
		{41, []int{20, 0, 10}},
		{25, []int{13, 0, 10}},
	} {
		got := Squeeze(cols, tc.total, Shrink{Col: 1, Whole: true}, Shrink{Col: 0, Min: 8})
		for i, w := range tc.want {
			if got[i].Width != w {
				t.Errorf("in %d: widths %v, want %v", tc.total, got, tc.want)
				break
			}
		}
	}
}
