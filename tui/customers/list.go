package customers

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"orderdesk/store"
	"orderdesk/tui/common"
)

// listChrome is the lines above the rows: title, filter, column header.
const listChrome = 3

// maxPage keeps a page (and the one extra row) under the store's limit.
const maxPage = 499

// pageSize is how many rows fit, which is how many a page loads.
// Before the first SetSize a generous page is loaded; the first message
// after the size is known reloads it to fit.
func (s *Screen) pageSize() int {
	if s.height == 0 {
		return 50
	}
	return min(max(s.height-listChrome, 1), maxPage)
}

// customerList is the list's pager, under the names the screen's files
// call it by.
type customerList struct {
	*common.Pager[store.CustomerRow]
}

func (l customerList) current() (store.CustomerRow, bool) { return l.Current() }

// last reads the last page with the cursor on row id (a customer just
// made); the size is the pager's own.
func (l customerList) last(_ int, id int64) tea.Cmd { return l.JumpLast(id) }

// loadList and reloadList are how the form's file asks for the list:
// run a read (the jump to a customer just made), or read the page shown
// again.
func (s *Screen) loadList(read tea.Cmd) tea.Cmd { return read }

func (s *Screen) reloadList() tea.Cmd { return s.list.Refresh() }

// updateList gives the pager its keys (moving, filter, refresh, esc to
// clear the filter), then takes the screen's.
func (s *Screen) updateList(msg tea.KeyPressMsg) tea.Cmd {
	if cmd, handled := s.list.Update(msg); handled {
		return cmd
	}
	k := s.keys
	switch {
	case key.Matches(msg, k.create):
		return s.openCreate()
	case key.Matches(msg, k.open):
		return s.openSelected(showFile)
	case key.Matches(msg, k.orders):
		if row, ok := s.list.current(); ok {
			return func() tea.Msg { return common.CustomerOrdersMsg{Screen: "screen.orders", Customer: row} }
		}
		return nil
	case key.Matches(msg, k.edit):
		return s.openSelected(editFile)
	case key.Matches(msg, k.void):
		return s.openSelected(voidFile)
	case key.Matches(msg, k.visit):
		return s.openSelected(visitFile)
	}
	return nil
}

// openSelected loads the file of the row under the cursor, then shows,
// edits or voids it.
func (s *Screen) openSelected(then intent) tea.Cmd {
	r, ok := s.list.Current()
	if !ok {
		return nil
	}
	switch then {
	case showFile:
		return s.openDetail(r.ID)
	case visitFile: // the file the form returns to
		s.detailOf(r.ID)
	}
	return s.loadFile(r.ID, then)
}

// columns fit the list to the window: widths are display cells, wide
// enough for the longest value in either language, and the name takes
// what remains.
func (s *Screen) columns() []common.Column {
	t := s.c.T
	w := func(title string, min int, samples ...string) int {
		n := max(min, ansi.StringWidth(title))
		for _, v := range samples {
			n = max(n, ansi.StringWidth(v))
		}
		return n
	}
	terms := common.Terms(s.c.Cat, store.TermsMonthly, 90)
	cols := []common.Column{
		{Title: t("customers.col.code"), Width: w(t("customers.col.code"), 7)},
		{Title: t("customers.col.name"), Width: 20},
		{Title: t("customers.col.short_name"), Width: w(t("customers.col.short_name"), 10)},
		{Title: t("customers.col.city"), Width: w(t("customers.col.city"), 6)},
		{Title: t("customers.col.phone"), Width: w(t("customers.col.phone"), 13)},
		{Title: t("customers.col.terms"), Width: w(t("customers.col.terms"), 8, terms, common.Terms(s.c.Cat, store.TermsPrepaid, 0))},
		{Title: t("customers.col.credit"), Width: w(t("customers.col.credit"), 12), Right: true},
		{Title: t("customers.col.rep"), Width: w(t("customers.col.rep"), 6)},
	}
	// At 80 columns the name and the short name give way, then the rep,
	// not the phone, the terms or the money; the city keeps the two
	// characters that tell 鞍山 from 大连 as long as it can.
	return common.Squeeze(common.Stretch(cols, 1, s.width-2), s.width-2,
		common.Shrink{Col: 1, Min: 12}, common.Shrink{Col: 2, Min: 4}, common.Shrink{Col: 3, Min: 4}, common.Shrink{Col: 7, Min: 4},
		common.Shrink{Col: 2, Min: 0}, common.Shrink{Col: 3, Min: 0})
}

func (s *Screen) rowCells(r store.CustomerRow) []string {
	credit := r.CreditLimit.String()
	if r.MoneyHidden {
		credit = s.c.T("customers.hidden")
	}
	return []string{r.Code, r.Name, r.ShortName, r.City, r.Phone,
		common.Terms(s.c.Cat, r.PaymentTerms, r.TermsDays), credit, r.Rep}
}

// viewList draws title, filter, header and the rows that fit.
func (s *Screen) viewList() string {
	st := s.c.Styles
	cols := s.columns()
	size := s.pageSize()
	var b strings.Builder
	title := st.Title.Render(s.c.T("customers.title"))
	b.WriteString(common.Fit(title, s.width-ansi.StringWidth(s.rangeText())-1, false) + " " + st.Muted.Render(s.rangeText()) + "\n")
	b.WriteString(common.Fit(s.filterLine(), s.width, false) + "\n")
	b.WriteString("  " + st.Header.Render(common.Header(cols)) + "\n")
	l := s.list
	switch {
	case len(l.Rows) == 0 && l.Err != nil:
		b.WriteString(st.StatusError.Render("  " + common.ErrorText(s.c.Cat, l.Err)))
	case !l.Loaded:
		b.WriteString(st.Muted.Render("  " + s.c.T("status.loading")))
	case len(l.Rows) == 0 && l.Query() != "":
		b.WriteString(st.Muted.Render("  " + s.c.T("list.no_match", l.Query())))
	case len(l.Rows) == 0:
		b.WriteString(st.Muted.Render("  " + s.c.T("customers.empty")))
	}
	top := max(0, l.Cursor-size+1) // a page taller than the window scrolls
	for i := top; i < len(l.Rows) && i < top+size; i++ {
		line := common.Line(cols, s.rowCells(l.Rows[i]))
		switch {
		case i == l.Cursor:
			b.WriteString(st.Selected.Render("▸ " + line))
		case l.Rows[i].Voided:
			b.WriteString("  " + st.Voided.Render(line))
		default:
			b.WriteString("  " + line)
		}
		if i < len(l.Rows)-1 && i < top+size-1 {
			b.WriteString("\n")
		}
	}
	return b.String()
}

// rangeText is "rows a–b" for the rows on screen, counted from the end
// when the start is not known (after G).
func (s *Screen) rangeText() string {
	n := len(s.list.Rows)
	if n == 0 {
		return ""
	}
	start, fromEnd := s.list.Position()
	switch {
	case start > 0 && fromEnd > 0:
		return s.c.T("customers.rows_of", start, start+n-1, start+n-2+fromEnd)
	case start > 0:
		return s.c.T("list.count", start, start+n-1)
	case fromEnd == 1:
		return s.c.T("customers.rows_last", n)
	case fromEnd > 0:
		return s.c.T("customers.rows_from_end", fromEnd+n-1, fromEnd)
	}
	return ""
}
