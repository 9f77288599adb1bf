package orders

import (
	"slices"
	"testing"

	"orderdesk/store"
	"orderdesk/workflow"
)

// The list's columns are the same whatever statuses the page holds: a
// page of drafts and one with "contract approved" (the widest in
// English) line up alike, so paging never moves them.
func TestColumnsStayWhateverStatusesThePageHolds(t *testing.T) {
	r := newRig(t)
	r.order(r.clerk, r.shenyang)
	for _, lang := range []string{"zh", "en"} {
		r.open(r.clerk, lang)
		page := r.s.list.Rows
		if len(page) != 1 {
			t.Fatalf("%s: the page holds %d orders", lang, len(page))
		}
		widths := func() []int {
			var out []int
			for _, c := range r.s.columns() {
				out = append(out, c.Width)
			}
			return out
		}
		want := widths()
		for _, st := range workflow.Order.States {
			row := page[0]
			row.Status = st.Name
			r.s.list.Rows = []store.OrderRow{row}
			if got := widths(); !slices.Equal(got, want) {
				t.Errorf("%s: a page of %s orders has columns %v wide, a page of drafts %v", lang, st.Name, got, want)
			}
		}
		r.s.list.Rows = page
	}
}
