package workflow

import (
	"reflect"
	"testing"

	"orderdesk/store"
)

// Summing customers into their groups keeps, by key, every group with
// something in a period, and leaves out one whose customers cancel out
// (one owes what another is owed), as the database leaves out a key
// whose sums are nothing.
func TestSumByGroup(t *testing.T) {
	owes := func(key string, open ...store.Money) store.StatRow {
		r := store.StatRow{Key: key, Figures: make([]store.StatFigures, len(open))}
		for i, m := range open {
			r.Figures[i].Open.Amount = m
		}
		return r
	}
	customers := []store.StatRow{owes("1", 100, 0), owes("2", -100, 0), owes("3", 0, 5), owes("4", 7, 0), owes("5", 0, 3)}
	group := map[string]store.StatGroup{"1": {Key: "20", Label: "李"}, "2": {Key: "20", Label: "李"}, "3": {Key: "10", Label: "王"}, "4": {Key: "10", Label: "王"}, "5": {Key: "0", Label: ""}}
	got := sumByGroup(customers, group, 2)
	want := []store.StatRow{owes("0", 0, 3), owes("10", 7, 5)}
	want[0].Label, want[1].Label = "", "王"
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v\nwant %+v", got, want)
	}
}
