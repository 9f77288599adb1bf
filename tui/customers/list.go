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

// loadList asks for a page; the answer to any earlier list request will
// be dropped when it comes.
func (s *Screen) loadList(want pageRequest) tea.Cmd {
	s.list.req = s.nextReq()
	s.list.waiting = true
	return loadPage(s.c.Ctx, s.c.Desk, s.list.req, want)
}

// reloadList reloads the page shown, keeping cursor and filter. While
// another page is on its way it waits for it, then reloads.
func (s *Screen) reloadList() tea.Cmd {
	if s.list.waiting {
		s.list.stale = true
		return nil
	}
	if !s.list.loaded {
		return s.loadList(s.list.first(s.pageSize(), 0))
	}
	return s.loadList(s.list.same(s.pageSize()))
}

func (s *Screen) onPage(msg pageMsg) tea.Cmd {
	if msg.req != s.list.req {
		return nil // an answer to a request since replaced
	}
	s.list.waiting = false
	if msg.err != nil {
		s.list.err, s.list.stale = msg.err, false
		if msg.want.move == moveFirst {
			// Rows of the old filter under the new one would mislead.
			s.list.rows, s.list.loaded = nil, true
		}
		return common.Status(common.ErrorText(s.c.Cat, msg.err), true)
	}
	if follow := s.list.apply(msg.want, msg.rows); follow != nil {
		return s.loadList(*follow)
	}
	if s.list.stale {
		s.list.stale = false
		return s.reloadList()
	}
	return nil
}

func (s *Screen) updateList(msg tea.KeyPressMsg) tea.Cmd {
	k, l := s.keys, &s.list
	size := s.pageSize()
	switch {
	case key.Matches(msg, k.up):
		if l.cursor > 0 {
			l.cursor--
		} else if p, ok := l.prev(size, -1); ok {
			return s.loadList(p)
		}
	case key.Matches(msg, k.down):
		if l.cursor < len(l.rows)-1 {
			l.cursor++
		} else if p, ok := l.next(size, 0); ok {
			return s.loadList(p)
		}
	case key.Matches(msg, k.pageDown):
		if p, ok := l.next(size, l.cursor); ok {
			return s.loadList(p)
		}
		l.cursor = max(len(l.rows)-1, 0)
	case key.Matches(msg, k.pageUp):
		if p, ok := l.prev(size, l.cursor); ok {
			return s.loadList(p)
		}
		l.cursor = 0
	case key.Matches(msg, k.top):
		if l.pos.start == 1 {
			l.cursor = 0
			return nil
		}
		return s.loadList(l.first(size, 0))
	case key.Matches(msg, k.bottom):
		if l.pos.fromEnd == 1 {
			l.cursor = max(len(l.rows)-1, 0)
			return nil
		}
		return s.loadList(l.last(size, 0))
	case key.Matches(msg, k.filter):
		return s.focusFilter()
	case key.Matches(msg, k.back):
		if l.query != "" {
			return s.clearFilter()
		}
	case key.Matches(msg, k.refresh):
		return s.reloadList()
	case key.Matches(msg, k.create):
		return s.openCreate()
	case key.Matches(msg, k.open):
		return s.openSelected(showFile)
	case key.Matches(msg, k.edit):
		return s.openSelected(editFile)
	case key.Matches(msg, k.void):
		return s.openSelected(voidFile)
	}
	return nil
}

// openSelected loads the file of the row under the cursor, then shows,
// edits or voids it.
func (s *Screen) openSelected(then intent) tea.Cmd {
	r, ok := s.list.current()
	if !ok {
		return nil
	}
	if then == showFile {
		return s.openDetail(r.ID)
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
	return common.Stretch(cols, 1, s.width-2)
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
	l := &s.list
	switch {
	case len(l.rows) == 0 && l.err != nil:
		b.WriteString(st.StatusError.Render("  " + common.ErrorText(s.c.Cat, l.err)))
	case !l.loaded:
		b.WriteString(st.Muted.Render("  " + s.c.T("status.loading")))
	case len(l.rows) == 0 && l.query != "":
		b.WriteString(st.Muted.Render("  " + s.c.T("list.no_match", l.query)))
	case len(l.rows) == 0:
		b.WriteString(st.Muted.Render("  " + s.c.T("customers.empty")))
	}
	top := max(0, l.cursor-size+1) // a page taller than the window scrolls
	for i := top; i < len(l.rows) && i < top+size; i++ {
		line := common.Line(cols, s.rowCells(l.rows[i]))
		switch {
		case i == l.cursor:
			b.WriteString(st.Selected.Render("▸ " + line))
		case l.rows[i].Voided:
			b.WriteString("  " + st.Voided.Render(line))
		default:
			b.WriteString("  " + line)
		}
		if i < len(l.rows)-1 && i < top+size-1 {
			b.WriteString("\n")
		}
	}
	return b.String()
}

// rangeText is "rows a–b" for the rows on screen, counted from the end
// when the start is not known (after G).
func (s *Screen) rangeText() string {
	l := &s.list
	n := len(l.rows)
	if n == 0 {
		return ""
	}
	switch {
	case l.pos.start > 0 && l.pos.fromEnd > 0:
		return s.c.T("customers.rows_of", l.pos.start, l.pos.start+n-1, l.pos.start+n-2+l.pos.fromEnd)
	case l.pos.start > 0:
		return s.c.T("list.count", l.pos.start, l.pos.start+n-1)
	case l.pos.fromEnd == 1:
		return s.c.T("customers.rows_last", n)
	case l.pos.fromEnd > 0:
		return s.c.T("customers.rows_from_end", l.pos.fromEnd+n-1, l.pos.fromEnd)
	}
	return ""
}
