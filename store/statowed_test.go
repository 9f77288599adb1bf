package store_test

import (
	"reflect"
	"testing"

	"orderdesk/store"
)

// What each key owes joins the figures by key: a key with both keeps its
// figures and takes the owed money; a key that only owes comes in its
// place; the rows given are left as they were.
func TestWithStatOwed(t *testing.T) {
	fig := func(key string, ordered, open int64) store.StatRow {
		f := store.StatFigures{Ordered: store.StatFigure{Amount: store.Money(ordered)}, Open: store.StatFigure{Amount: store.Money(open)}}
		return store.StatRow{Key: key, Label: "L" + key, Figures: []store.StatFigures{f}}
	}
	for _, c := range []struct {
		name             string
		rows, owed, want []store.StatRow
	}{
		{"nothing owed", []store.StatRow{fig("2", 5, 0)}, nil, []store.StatRow{fig("2", 5, 0)}},
		{"nothing else", nil, []store.StatRow{fig("2", 0, 7)}, []store.StatRow{fig("2", 0, 7)}},
		{"both", []store.StatRow{fig("2", 5, 0)}, []store.StatRow{fig("2", 0, 7)}, []store.StatRow{fig("2", 5, 7)}},
		{"before, between and after",
			[]store.StatRow{fig("2", 5, 0), fig("4", 6, 0)},
			[]store.StatRow{fig("1", 0, 1), fig("3", 0, 3), fig("4", 0, 4), fig("5", 0, 5)},
			[]store.StatRow{fig("1", 0, 1), fig("2", 5, 0), fig("3", 0, 3), fig("4", 6, 4), fig("5", 0, 5)}},
	} {
		t.Run(c.name, func(t *testing.T) {
			var before []store.StatRow
			for _, r := range c.rows {
				before = append(before, fig(r.Key, int64(r.Figures[0].Ordered.Amount), int64(r.Figures[0].Open.Amount)))
			}
			if got := store.WithStatOwed(c.rows, c.owed); !reflect.DeepEqual(got, c.want) {
				t.Errorf("got %+v, want %+v", got, c.want)
			}
			if !reflect.DeepEqual(c.rows, before) {
				t.Errorf("the rows given changed: %+v", c.rows)
			}
		})
	}
}

// The halves of what each key owes add up by key: a key in one half
// alone comes as it is, one in both is their sum, and one whose halves
// cancel out (owed in one, owing in the other) at every end is left
// out, as the database leaves out a key that owes nothing.
func TestSumStatOwed(t *testing.T) {
	owes := func(key string, open ...int64) store.StatRow {
		r := store.StatRow{Key: key, Label: "L" + key, Figures: make([]store.StatFigures, len(open))}
		for n, m := range open {
			r.Figures[n].Open.Amount = store.Money(m)
		}
		return r
	}
	for _, c := range []struct {
		name       string
		a, b, want []store.StatRow
	}{
		{"neither", nil, nil, []store.StatRow{}},
		{"one half", []store.StatRow{owes("2", 5, 0)}, nil, []store.StatRow{owes("2", 5, 0)}},
		{"the other half", nil, []store.StatRow{owes("2", 0, 7)}, []store.StatRow{owes("2", 0, 7)}},
		{"both", []store.StatRow{owes("2", 5, 1)}, []store.StatRow{owes("2", 2, 7)}, []store.StatRow{owes("2", 7, 8)}},
		{"cancelled at one end", []store.StatRow{owes("2", 5, 1)}, []store.StatRow{owes("2", -5, 7)}, []store.StatRow{owes("2", 0, 8)}},
		{"cancelled at every end", []store.StatRow{owes("1", 3, 0), owes("2", 5, 1)}, []store.StatRow{owes("2", -5, -1), owes("3", 0, 2)},
			[]store.StatRow{owes("1", 3, 0), owes("3", 0, 2)}},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := store.SumStatOwed(c.a, c.b); !reflect.DeepEqual(got, c.want) {
				t.Errorf("got %+v, want %+v", got, c.want)
			}
		})
	}
}
