package workflow

import (
	"cmp"
	"slices"

	"orderdesk/store"
)

// StatColumn is a column of a statistics view to sort by: the label, or
// a measure's tonnes or money in one period or its change.
type StatColumn struct {
	Label   bool // by the row's label (then the rest is ignored)
	Measure store.StatMeasure
	Tonnes  bool // tonnes, else money
	Period  int  // StatNow, StatPrevious, StatLastYear
	Change  bool // the change from Period to now instead of Period's figure
}

// value is the column's figure of a row.
func (c StatColumn) value(r StatRow) int64 {
	f := r.Figures[min(max(c.Period, 0), 2)].Of(c.Measure)
	if c.Change {
		f = r.Change(c.Measure, c.Period)
	}
	if c.Tonnes {
		return int64(f.Tonnes)
	}
	return int64(f.Amount)
}

// SortStatRows orders rows by a column, largest first when desc; ties
// keep the key order.
func SortStatRows(rows []StatRow, c StatColumn, desc bool) {
	slices.SortStableFunc(rows, func(a, b StatRow) int {
		var n int
		if c.Label {
			n = cmp.Compare(a.Label, b.Label)
		} else {
			n = cmp.Compare(c.value(a), c.value(b))
		}
		if desc {
			n = -n
		}
		if n == 0 {
			n = cmp.Compare(a.Key, b.Key)
		}
		return n
	})
}
