package returns

import (
	"context"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"orderdesk/store"
	"orderdesk/tui/common"
	"orderdesk/workflow"
)

// The screen's lists in key order.
const (
	listOpen = iota
	listChecked
	listReceived
	listVoid
)

var lists = []struct {
	name   string
	filter store.ReturnFilter
}{
	{name: "open", filter: store.ReturnFilter{Statuses: []string{workflow.ReturnDraft, workflow.ReturnSentBack, workflow.ReturnSubmitted}}},
	{name: "checked", filter: store.ReturnFilter{Statuses: []string{workflow.ReturnChecked}}},
	{name: "received", filter: store.ReturnFilter{Statuses: []string{workflow.ReturnReceived}}},
	{name: "void", filter: store.ReturnFilter{Statuses: []string{workflow.ReturnVoid}}},
}

// returnLoader reads a page of a returns list.
func returnLoader(d *workflow.Desk, f store.ReturnFilter) func(context.Context, store.Page) ([]store.GoodsReturn, error) {
	return func(ctx context.Context, p store.Page) ([]store.GoodsReturn, error) {
		f := f
		f.Query, f.Cursor, f.Backward, f.Limit = p.Query, p.Cursor, p.Backward, p.Limit
		return d.Returns(ctx, f)
	}
}

// refreshAll reads again what is shown (after a change here or elsewhere).
func (s *Screen) refreshAll() tea.Cmd {
	return tea.Batch(s.Lists.Refresh(), s.ReloadShown(s.loadDetail))
}

func (s *Screen) listKeys() []key.Binding {
	k := s.keys
	return []key.Binding{s.PrevList, s.NextList, k.filter, k.open, k.create, k.refresh}
}

func (s *Screen) listKey(msg tea.KeyPressMsg) tea.Cmd {
	k := s.keys
	switch {
	case key.Matches(msg, k.create):
		return s.startByNumber()
	case key.Matches(msg, k.open):
		if r, ok := s.lists[s.Lists.Shown].Current(); ok {
			s.Mode = modeDetail
			return s.loadDetail(r.DocID)
		}
		return nil
	}
	return s.Lists.Update(msg)
}

func (s *Screen) col(key string, w int, right bool) common.Column {
	return common.Column{Title: s.c.T("returns.col." + key), Width: w, Right: right}
}

// listView draws the list tabs, the filter and the rows: the return's
// number, its note's, the customer, the day, the amount (money hidden
// from those who see goods only), its maker and its age in its status.
func (s *Screen) listView() string {
	p := s.lists[s.Lists.Shown]
	now := s.c.Now()
	cols := common.Stretch([]common.Column{s.col("ref", 14, false), s.col("note", 14, false), s.col("customer", 20, false),
		s.col("returned_on", 10, false), s.col("total", 12, true), s.col("maker", 8, false), s.col("age", 6, true)}, 2, s.Width)
	// The numbers and the day are never cut: the name gives way, then
	// the maker, the age and the amount go whole.
	cols = common.Squeeze(cols, s.Width, common.Shrink{Col: 2, Min: 8}, common.Shrink{Col: 5, Min: 0, Whole: true},
		common.Shrink{Col: 6, Min: 0, Whole: true}, common.Shrink{Col: 4, Min: 0, Whole: true})
	return s.Lists.TabsView() + "\n" + p.View(cols, func(r store.GoodsReturn) ([]string, bool) {
		total := ""
		if r.Total > 0 {
			total = r.Total.String()
		}
		return []string{r.Ref, r.NoteRef, r.Customer, r.ReturnedOn, total, r.Maker, common.Age(s.c.Cat, now, r.StatusSince)}, false
	})
}
