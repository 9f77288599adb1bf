package orders

import (
	"context"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"orderdesk/store"
	"orderdesk/tui/common"
	"orderdesk/workflow"
)

// listChrome is the lines above the rows: title, filter line, header.
const listChrome = 3

// statusChoices are what s cycles through; "" is every status.
var statusChoices = []string{"", "draft", "submitted", "sent_back", "approved", "signed", "in_fulfilment", "partly_shipped", "shipped", "closed", "cancelled", "withdrawn"}

// listFilter is the filters in force besides the / text, with the
// words that show them. It is replaced, never changed, once stored.
type listFilter struct {
	f        store.OrderFilter
	status   int // index in statusChoices
	customer string
	rep      string
}

// loadPage reads a page for the pager; it runs in the pager's command
// and reads the filter through the atomic pointer only.
func (s *Screen) loadPage(ctx context.Context, p store.Page) ([]store.OrderRow, error) {
	lf := s.filter.Load()
	return s.c.Desk.Orders(ctx, lf.f, p)
}

func (s *Screen) setFilter(lf listFilter) tea.Cmd {
	s.filter.Store(&lf)
	return s.list.Reload()
}

func (s *Screen) updateList(msg tea.KeyPressMsg) tea.Cmd {
	k := s.keys
	if !s.list.Editing {
		switch {
		case key.Matches(msg, k.status):
			lf := *s.filter.Load()
			lf.status = (lf.status + 1) % len(statusChoices)
			lf.f.Statuses = nil
			if st := statusChoices[lf.status]; st != "" {
				lf.f.Statuses = []string{st}
			}
			return s.setFilter(lf)
		case key.Matches(msg, k.filters):
			return s.openFilters()
		case key.Matches(msg, k.back):
			if lf := s.filter.Load(); lf.active() || s.list.Query() != "" {
				cmd, _ := s.list.Update(tea.KeyPressMsg{Code: '/', Text: "/"})
				cmd2, _ := s.list.Update(tea.KeyPressMsg{Code: tea.KeyEscape})
				s.filter.Store(&listFilter{})
				return tea.Batch(cmd, cmd2, s.list.Reload())
			}
			return nil
		case key.Matches(msg, k.open):
			if r, ok := s.list.Current(); ok {
				return s.openDetail(r.ID)
			}
			return nil
		case key.Matches(msg, k.edit):
			if r, ok := s.list.Current(); ok {
				return s.openEdit(r.ID)
			}
			return nil
		case key.Matches(msg, k.create):
			return s.openCreate()
		case key.Matches(msg, k.copy):
			if r, ok := s.list.Current(); ok {
				return s.openCopy(r.ID, r.Number())
			}
			return nil
		case key.Matches(msg, k.fromQuote):
			// Every customer's, unless the list is narrowed to one: the
			// row under the cursor is rarely the customer who just won.
			return s.openPicker(s.filter.Load().f.CustomerID)
		}
	}
	cmd, _ := s.list.Update(msg)
	return cmd
}

func (lf *listFilter) active() bool {
	return lf.status != 0 || lf.f.CustomerID != 0 || lf.f.RepID != 0 || lf.f.From != "" || lf.f.To != ""
}

// columns fit the list to the window: display widths, wide enough for
// either language; the customer takes what remains. The number, the
// status and the total are kept whole: in a narrow window the name gives
// way to them, never the other way round.
func (s *Screen) columns() []common.Column {
	t := s.c.T
	w := func(title string, n int) int { return common.Widest(n, t(title)) }
	cols := []common.Column{
		{Title: t("orders.col.number"), Width: w("orders.col.number", 16), Keep: true},
		{Title: t("orders.col.status"), Width: s.statusWidth, Keep: true},
		{Title: t("orders.col.customer"), Width: 20},
		{Title: t("orders.col.order_date"), Width: w("orders.col.order_date", 10), Keep: true},
		{Title: t("orders.col.delivery_date"), Width: w("orders.col.delivery_date", 10), Keep: true},
		{Title: t("orders.col.lines"), Width: w("orders.col.lines", 4), Right: true},
		{Title: t("orders.col.total"), Width: w("orders.col.total", 14), Right: true, Keep: true},
		{Title: t("orders.col.rep"), Width: w("orders.col.rep", 6)},
		{Title: t("orders.col.age"), Width: w("orders.col.age", 6), Right: true},
	}
	// Narrow windows: the customer's name, the age and the rep give way
	// first; the kept columns narrow only to their widest cell. Last (a
	// long English status beside ten million yuan) the order date goes
	// whole, and the name takes back what it leaves.
	cols = common.Squeeze(common.Stretch(common.WidenTo(cols, s.list.Rows, s.rowCells), 2, s.width-1), s.width-1,
		common.Shrink{Col: 2, Min: 12}, common.Shrink{Col: 8, Min: 0}, common.Shrink{Col: 7, Min: 0}, common.Shrink{Col: 1, Min: 10},
		common.Shrink{Col: 0, Min: 14}, common.Shrink{Col: 6, Min: 12}, common.Shrink{Col: 2, Min: 6}, common.Shrink{Col: 3, Whole: true})
	return common.Stretch(cols, 2, s.width-1)
}

// statusWidth is the status column's: the widest of every order status
// in the language shown, so that the columns stay where they are from
// one page to the next, whatever statuses are on it.
func statusWidth(c *common.Common) int {
	names := []string{c.T("orders.col.status")}
	for _, st := range workflow.Order.States {
		names = append(names, c.T("state.order."+st.Name))
	}
	return common.Widest(12, names...)
}

func (s *Screen) rowCells(r store.OrderRow) []string {
	total := "¥" + r.Total.String()
	if r.MoneyHidden {
		total = s.c.T("orders.hidden")
	}
	return []string{r.Number(), s.c.T("state.order." + r.Status), r.Customer, r.OrderDate, r.DeliveryDate,
		itoa(r.Lines), total, r.Rep, common.Age(s.c.Cat, s.c.Now(), r.StatusSince)}
}

func (s *Screen) viewList() string {
	st := s.c.Styles
	var b strings.Builder
	status := s.list.Status()
	b.WriteString(common.Fit(st.Title.Render(s.c.T("orders.title")), max(s.width-ansi.StringWidth(status)-1, 1), false) + " " + st.Muted.Render(status) + "\n")
	b.WriteString(common.Fit(s.filterLine(), s.width, false) + "\n")
	b.WriteString(s.list.Render(s.columns(), func(r store.OrderRow) ([]string, bool) {
		return s.rowCells(r), r.Status == "cancelled" || r.Status == "withdrawn"
	}))
	return b.String()
}

// filterLine shows the / input or text in force, and the other filters.
func (s *Screen) filterLine() string {
	st := s.c.Styles
	parts := []string{}
	if v := s.list.FilterView(); v != "" {
		parts = append(parts, v)
	}
	lf := s.filter.Load()
	if lf.status != 0 {
		parts = append(parts, st.Label.Render(s.c.T("orders.filter.status"))+" "+s.c.T("state.order."+statusChoices[lf.status]))
	}
	if lf.customer != "" {
		parts = append(parts, st.Label.Render(s.c.T("orders.filter.customer"))+" "+lf.customer)
	}
	if lf.f.From != "" || lf.f.To != "" {
		parts = append(parts, st.Label.Render(s.c.T("orders.filter.dates"))+" "+lf.f.From+"~"+lf.f.To)
	}
	if lf.rep != "" {
		parts = append(parts, st.Label.Render(s.c.T("orders.filter.rep"))+" "+lf.rep)
	}
	if len(parts) == 0 {
		return st.Muted.Render(s.c.T("orders.filter_hint"))
	}
	return strings.Join(parts, "  ")
}
