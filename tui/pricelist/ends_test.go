package pricelist

import (
	"reflect"
	"testing"

	"orderdesk/store"
)

// A price replaced by a later open-ended one shows the day before the
// later starts as its end; one only interrupted by a bounded price, or
// of another product name, stays open.
func TestHistoryShowsWhenAReplacedPriceEnded(t *testing.T) {
	lp := func(name, from, to string) store.ListPrice {
		return store.ListPrice{Name: name, Unit: "t", ValidFrom: from, ValidTo: to}
	}
	tests := []struct {
		name   string
		prices []store.ListPrice // newest start first
		want   []string
	}{
		{"replaced", []store.ListPrice{lp("热轧钢板", "2026-11-17", ""), lp("热轧钢板", "2026-11-06", "")},
			[]string{"", "2026-11-16"}},
		{"replaced twice", []store.ListPrice{lp("热轧钢板", "2026-12-01", ""), lp("热轧钢板", "2026-11-17", ""), lp("热轧钢板", "2026-11-06", "")},
			[]string{"", "2026-11-30", "2026-11-16"}},
		{"own end kept when earlier", []store.ListPrice{lp("热轧钢板", "2026-11-17", ""), lp("热轧钢板", "2026-11-06", "2026-11-10")},
			[]string{"", "2026-11-10"}},
		{"own end cut short", []store.ListPrice{lp("热轧钢板", "2026-11-17", ""), lp("热轧钢板", "2026-11-06", "2026-11-30")},
			[]string{"", "2026-11-16"}},
		{"interrupted by a bounded price", []store.ListPrice{lp("热轧钢板", "2026-11-17", "2026-11-20"), lp("热轧钢板", "2026-11-06", "")},
			[]string{"2026-11-20", ""}},
		{"another name", []store.ListPrice{lp("中厚板", "2026-11-17", ""), lp("热轧钢板", "2026-11-06", "")},
			[]string{"", ""}},
		{"same start", []store.ListPrice{lp("热轧钢板", "2026-11-06", ""), lp("热轧钢板", "2026-11-06", "")},
			[]string{"", ""}},
	}
	for _, tc := range tests {
		if got := shownEnds(tc.prices); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s: ends %q, want %q", tc.name, got, tc.want)
		}
	}
}
