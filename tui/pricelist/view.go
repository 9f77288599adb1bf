package pricelist

import (
	"github.com/charmbracelet/x/ansi"
	"strings"

	"orderdesk/store"
	"orderdesk/tui/common"
	"orderdesk/workflow"
)

// View renders the mode's view.
func (s *Screen) View() string {
	switch {
	case s.mode == priceHistory:
		return s.priceHistoryView()
	case s.mode == marketHistory:
		return s.marketHistoryView()
	case s.mode == changeDetail && s.detail != nil:
		return s.changeDetailView()
	case s.mode == editingChange && s.change != nil:
		return s.change.view(s.c)
	case s.mode == recordingMarket && s.record != nil:
		return s.record.view(s.c)
	}
	switch s.list {
	case marketList:
		return s.marketView()
	case changesList:
		return s.changesView()
	}
	return s.pricesView()
}

// heading is the title and as many of the hint's keys as the window
// has room for, each whole.
func (s *Screen) heading(title, hint string) string {
	st := s.c.Styles
	head := st.Title.Render(title)
	if hint = common.Hints(hint, s.width-ansi.StringWidth(title)-2); hint == "" {
		return ansi.Truncate(head, s.width, "…")
	}
	return head + "  " + st.Muted.Render(hint)
}

func (s *Screen) priceColumns(cells func(store.ListPrice) ([]string, bool)) []common.Column {
	return common.Squeeze(common.Stretch(common.WidenTo([]common.Column{
		{Title: s.c.T("pricelist.col.grade"), Width: 10},
		{Title: s.c.T("pricelist.col.name"), Width: 14},
		{Title: s.c.T("pricelist.col.spec"), Width: 18, Keep: true},
		{Title: s.c.T("pricelist.col.unit"), Width: 4},
		{Title: s.c.T("pricelist.col.price"), Width: 12, Right: true},
		{Title: s.c.T("pricelist.col.from"), Width: 10, Keep: true},
		{Title: s.c.T("pricelist.col.to"), Width: 10},
	}, s.prices.Rows, cellsOnly(cells)), 1, min(s.width, 94)), s.width,
		common.Shrink{Col: 1, Min: 8}, common.Shrink{Col: 6, Min: 0}, common.Shrink{Col: 2}, common.Shrink{Col: 0, Min: 6})
}

// cellsOnly is a list's cells without whether the row is void.
func cellsOnly[T any](cells func(T) ([]string, bool)) func(T) []string {
	return func(r T) []string { c, _ := cells(r); return c }
}

func (s *Screen) pricesView() string {
	var b strings.Builder
	b.WriteString(s.heading(s.c.T("pricelist.heading", s.c.Now().Format("2006-01-02")), s.c.T("pricelist.hint")) + "\n")
	b.WriteString(s.prices.FilterView() + "\n")
	cells := func(p store.ListPrice) ([]string, bool) {
		return []string{p.Grade, p.Name, p.Spec, common.UnitName(s.c, p.Unit), p.Price.String(), p.ValidFrom, common.OpenEnd(s.c, p.ValidTo)}, false
	}
	b.WriteString(s.prices.Render(s.priceColumns(cells), cells))
	return b.String() + "\n" + s.c.Styles.Muted.Render(s.prices.Status())
}

func (s *Screen) marketColumns(cells func(store.MarketPrice) ([]string, bool)) []common.Column {
	// The spec and the date whole; in a narrow window the name, who
	// recorded it, the source and the grade give way.
	return common.Squeeze(common.Stretch(common.WidenTo([]common.Column{
		{Title: s.c.T("pricelist.col.source"), Width: 10},
		{Title: s.c.T("pricelist.col.grade"), Width: 10},
		{Title: s.c.T("pricelist.col.name"), Width: 14},
		{Title: s.c.T("pricelist.col.spec"), Width: 18, Keep: true},
		{Title: s.c.T("pricelist.col.unit"), Width: 4},
		{Title: s.c.T("pricelist.col.price"), Width: 12, Right: true},
		{Title: s.c.T("pricelist.col.on"), Width: 10, Keep: true},
		{Title: s.c.T("pricelist.col.by"), Width: 8},
	}, s.market.Rows, cellsOnly(cells)), 2, min(s.width, 104)), s.width,
		common.Shrink{Col: 3}, common.Shrink{Col: 2, Min: 8}, common.Shrink{Col: 7, Min: 0}, common.Shrink{Col: 0, Min: 8},
		common.Shrink{Col: 1, Min: 6}, common.Shrink{Col: 5, Min: 9})
}

func (s *Screen) sourceName(src string) string {
	if src == "" {
		return s.c.T("pricelist.source.all")
	}
	return s.c.T("pricelist.source." + src)
}

func (s *Screen) marketView() string {
	var b strings.Builder
	b.WriteString(s.heading(s.c.T("pricelist.market_heading"), s.c.T("pricelist.market_hint")) + "\n")
	b.WriteString(s.market.FilterView() + "\n")
	cells := func(m store.MarketPrice) ([]string, bool) {
		return []string{s.sourceName(m.Source), m.Grade, m.Name, m.Spec, common.UnitName(s.c, m.Unit), m.Price.String(), m.On, m.By}, false
	}
	b.WriteString(s.market.Render(s.marketColumns(cells), cells))
	return b.String() + "\n" + s.c.Styles.Muted.Render(s.market.Status())
}

func (s *Screen) changesView() string {
	st := s.c.Styles
	var b strings.Builder
	b.WriteString(s.heading(s.c.T("pricelist.changes_heading", len(s.changes.docs)), s.c.T("pricelist.changes_hint")) + "\n\n")
	cols := common.Stretch([]common.Column{
		{Title: s.c.T("pricelist.col.ref"), Width: 14},
		{Title: s.c.T("pricelist.col.status"), Width: 8},
		{Title: s.c.T("pricelist.col.maker"), Width: 8},
		{Title: s.c.T("pricelist.col.age"), Width: 6, Right: true},
		{Title: s.c.T("pricelist.col.reason"), Width: 20},
	}, 4, min(s.width, 100))
	b.WriteString(st.Header.Render(common.Header(cols)))
	ch := &s.changes
	switch {
	case ch.err != nil:
		return b.String() + "\n" + st.StatusError.Render(common.ErrorText(s.c.Cat, ch.err))
	case !ch.loaded:
		return b.String() + "\n" + st.Muted.Render(s.c.T("status.loading"))
	case len(ch.docs) == 0:
		return b.String() + "\n" + st.Muted.Render(s.c.T("pricelist.no_changes"))
	}
	rows := max(s.height-4, 1)
	start := max(0, ch.cursor-rows+1)
	now := s.c.Now()
	for i := start; i < len(ch.docs) && i < start+rows; i++ {
		d := ch.docs[i]
		line := common.Line(cols, []string{d.Ref, s.c.T("state." + d.Kind + "." + d.Status), d.Maker,
			common.Age(s.c.Cat, now, d.CreatedAt), d.Summary})
		if i == ch.cursor {
			line = st.Selected.Render(line)
		}
		b.WriteString("\n" + line)
	}
	return b.String()
}

// historyBody writes the history's table: rows are every row's cells,
// the rows from h.top on shown.
func (s *Screen) historyBody(b *strings.Builder, cols []common.Column, rows [][]string, current func(i int) bool) {
	st := s.c.Styles
	h := &s.hist
	b.WriteString(st.Header.Render(common.Header(cols)))
	switch {
	case h.err != nil:
		b.WriteString("\n" + st.StatusError.Render(common.ErrorText(s.c.Cat, h.err)))
		return
	case !h.loaded:
		b.WriteString("\n" + st.Muted.Render(s.c.T("status.loading")))
		return
	case len(rows) == 0:
		b.WriteString("\n" + st.Muted.Render(s.c.T("list.empty")))
		return
	}
	shown := max(s.height-6, 1)
	for i := h.top; i < len(rows) && i < h.top+shown; i++ {
		line := common.Line(cols, rows[i])
		if current(i) {
			line = st.Selected.Render(line)
		}
		b.WriteString("\n" + line)
	}
}

func (s *Screen) priceHistoryView() string {
	h := &s.hist
	var b strings.Builder
	b.WriteString(s.heading(s.c.T("pricelist.history_heading", h.of.grade+" "+h.of.name+" "+h.of.spec), s.c.T("pricelist.history_hint")) + "\n\n")
	today := s.c.Now().Format("2006-01-02")
	cur := -1 // the price valid today: the newest start on or before it that has not ended
	rows := make([][]string, len(h.prices))
	ends := shownEnds(h.prices)
	for i, p := range h.prices {
		if cur < 0 && p.ValidFrom <= today && (p.ValidTo == "" || p.ValidTo >= today) {
			cur = i
		}
		rows[i] = []string{p.ValidFrom, common.OpenEnd(s.c, ends[i]), p.Name, common.UnitName(s.c, p.Unit), p.Price.String(),
			p.ChangeRef, p.At.In(s.c.Now().Location()).Format("2006-01-02 15:04")}
	}
	// The dates, the change and when it was approved whole; in a narrow
	// window the name gives way.
	cols := common.Squeeze(common.Widen([]common.Column{
		{Title: s.c.T("pricelist.col.from"), Width: 10, Keep: true},
		{Title: s.c.T("pricelist.col.to"), Width: 10, Keep: true},
		{Title: s.c.T("pricelist.col.name"), Width: 14},
		{Title: s.c.T("pricelist.col.unit"), Width: 4},
		{Title: s.c.T("pricelist.col.price"), Width: 12, Right: true},
		{Title: s.c.T("pricelist.col.ref"), Width: 14, Keep: true},
		{Title: s.c.T("pricelist.col.approved"), Width: 16, Keep: true},
	}, rows...), s.width, common.Shrink{Col: 2, Min: 6}, common.Shrink{Col: 4, Min: 9}, common.Shrink{Col: 2, Min: 0})
	s.historyBody(&b, cols, rows, func(i int) bool { return i == cur })
	return b.String()
}

func (s *Screen) marketHistoryView() string {
	st := s.c.Styles
	h := &s.hist
	var b strings.Builder
	what := h.of.grade + " " + h.of.name + " " + h.of.spec
	b.WriteString(s.heading(s.c.T("pricelist.market_history_heading", what, s.sourceName(h.of.source)), s.c.T("pricelist.market_history_hint")) + "\n")
	var latest []string
	for _, m := range h.latest {
		latest = append(latest, s.c.T("pricelist.latest_of", s.sourceName(m.Source), m.Price.String(), m.On))
	}
	if len(latest) == 0 {
		latest = append(latest, s.c.T("none"))
	}
	// Each source's newest whole, on as many lines as the window needs.
	latest[0] = st.Label.Render(s.c.T("pricelist.latest")) + " " + latest[0]
	b.WriteString(common.Flow(s.width, " · ", latest...) + "\n\n")
	rows := make([][]string, len(h.market))
	for i, m := range h.market {
		rows[i] = []string{m.On, s.sourceName(m.Source), m.Name, common.UnitName(s.c, m.Unit), m.Price.String(), m.By, m.Note}
	}
	// The date whole; in a narrow window the note, the name and who
	// recorded it give way.
	cols := common.Squeeze(common.Widen([]common.Column{
		{Title: s.c.T("pricelist.col.on"), Width: 10, Keep: true},
		{Title: s.c.T("pricelist.col.source"), Width: 10},
		{Title: s.c.T("pricelist.col.name"), Width: 14},
		{Title: s.c.T("pricelist.col.unit"), Width: 4},
		{Title: s.c.T("pricelist.col.price"), Width: 12, Right: true},
		{Title: s.c.T("pricelist.col.by"), Width: 8},
		{Title: s.c.T("pricelist.col.note"), Width: 20},
	}, rows...), s.width, common.Shrink{Col: 6, Min: 12}, common.Shrink{Col: 2, Min: 8}, common.Shrink{Col: 5, Min: 6},
		common.Shrink{Col: 1, Min: 6}, common.Shrink{Col: 6, Min: 0})
	s.historyBody(&b, cols, rows, func(int) bool { return false })
	return b.String()
}

func (s *Screen) changeDetailView() string {
	st := s.c.Styles
	d := s.detail
	var b strings.Builder
	b.WriteString(st.Title.Render(common.DocTitle(s.c, d.Kind, d.Ref)) + "  " + st.Muted.Render(s.c.T("state."+d.Kind+"."+d.Status)) + "\n\n")
	field := func(label, value string) {
		b.WriteString(st.Label.Render(common.Fit(s.c.T(label), 10, false)) + " " + value + "\n")
	}
	field("pricelist.field.reason", d.Summary)
	field("pricelist.field.maker", d.Maker)
	field("pricelist.field.created", d.CreatedAt.In(s.c.Now().Location()).Format("2006-01-02 15:04"))
	b.WriteString("\n" + common.PriceChangeTable(s.c, d.PriceChange, d.MoneyHidden, s.width) + "\n")
	for _, t := range d.Transitions {
		line := t.At.In(s.c.Now().Location()).Format("2006-01-02 15:04") + "  " + t.Actor + "  " + s.c.T("action."+t.Action)
		if t.Comment != "" {
			line += ": " + t.Comment
		}
		b.WriteString("\n" + st.Muted.Render(line))
	}
	switch {
	case s.withdrawing:
		b.WriteString("\n\n" + st.Warning.Render(s.c.T("pricelist.withdraw_confirm", d.Ref)))
	case editableChange(d.Status):
		b.WriteString("\n\n" + st.Muted.Render(s.c.T("pricelist.edit_hint")))
	}
	return b.String()
}

// editableChange asks the workflow whether a change in status takes edits.
func editableChange(status string) bool {
	for _, st := range workflow.PriceChange.States {
		if st.Name == status {
			return st.Editable
		}
	}
	return false
}
