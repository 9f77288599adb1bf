package customers

import (
	"context"

	"github.com/charmbracelet/x/ansi"

	"orderdesk/store"
	"orderdesk/tui/common"
)

// newList is the customers' pager: steady (the place is kept as pages
// go by) and its filter with a hint of what it matches.
func (s *Screen) newList() customerList {
	desk := s.c.Desk
	load := func(ctx context.Context, p store.Page) ([]store.CustomerRow, error) { return desk.Customers(ctx, p) }
	p := common.NewPager(s.c, "customers", func(r store.CustomerRow) int64 { return r.ID }, load)
	p.Steady = true
	in := p.Input()
	in.Placeholder = s.c.T("customers.filter_placeholder")
	in.CharLimit = 100
	l := customerList{p}
	l.SetHeight(s.pageSize())
	return l
}

// fitList fits the page and the filter to the window (the page is read
// again to fit by the next message: see fitPage).
func (s *Screen) fitList() {
	s.list.SetHeight(s.pageSize())
	in := s.list.Input()
	in.SetWidth(max(s.width-ansi.StringWidth(in.Prompt)-2, 10))
}

// filterLine shows the input while typing, else the filter in force or
// a hint.
func (s *Screen) filterLine() string {
	st := s.c.Styles
	switch {
	case s.list.Editing:
		return s.list.Input().View()
	case s.list.Query() != "":
		return st.Label.Render(s.list.Input().Prompt) + st.Value.Render(s.list.Query()) + "  " +
			st.Muted.Render(s.c.T("customers.filter_clear_hint"))
	}
	return st.Muted.Render(s.c.T("customers.filter_hint"))
}
