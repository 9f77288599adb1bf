package statistics

import (
	"hash/fnv"
	"strings"

	"orderdesk/store"
	"orderdesk/tui/common"
	"orderdesk/workflow"
)

// line is one row of the table: a key of the dimension, the total, or
// (on a trace) a document. It points at the view's row rather than
// holding a copy: a sort or a view read ahead puts 5,000 of them in
// order, and copying rows of some 300 bytes took most of that key.
type line struct {
	id    int64
	row   *workflow.StatRow
	label string // the row's label as shown (a source named in the user's words)
	doc   *store.StatDoc
	total bool
}

// idOf keeps the cursor on the same row when the rows are read again;
// the dimension is part of it, so a rep's key never lands the cursor on
// the customer of the same number when the rows of a level come in.
func idOf(parts ...string) int64 {
	h := fnv.New64a()
	h.Write([]byte(strings.Join(parts, "\x00")))
	return int64(h.Sum64() >> 1)
}

// matchLine is the / filter: the row's label or the document's number
// or customer.
func matchLine(l line, q string) bool {
	q = strings.ToLower(q)
	texts := []string{l.label}
	if l.doc != nil {
		texts = append(texts, l.doc.Ref, l.doc.Customer)
	}
	for _, s := range texts {
		if s != "" && strings.Contains(strings.ToLower(s), q) {
			return true
		}
	}
	return false
}

// The columns s cycles through, in the table's order.
const (
	sortLabel = iota
	sortNow
	sortPrevious
	sortPreviousChange
	sortLastYear
	sortLastYearChange
)

var sortColumns = []int{sortLabel, sortNow, sortPrevious, sortPreviousChange, sortLastYear, sortLastYearChange}

// column is the engine's sort column of the screen's choice.
func (s *Screen) column() workflow.StatColumn {
	c := workflow.StatColumn{Measure: s.measure, Tonnes: s.inTonnes()}
	switch s.sortBy {
	case sortLabel:
		c.Label = true
	case sortPrevious, sortPreviousChange:
		c.Period, c.Change = workflow.StatPrevious, s.sortBy == sortPreviousChange
	case sortLastYear, sortLastYearChange:
		c.Period, c.Change = workflow.StatLastYear, s.sortBy == sortLastYearChange
	}
	return c
}

// showRows puts what was read in the table, sorted by the column
// chosen (labels A to Z, figures largest first, unless reversed).
func (s *Screen) showRows() {
	var lines []line
	if s.top().trace {
		for i, d := range s.docs {
			lines = append(lines, line{id: idOf(d.Kind, d.Ref, d.Day), doc: &s.docs[i]})
		}
	} else {
		desc := s.sortBy != sortLabel
		if s.asc {
			desc = !desc
		}
		rows := s.rowLines()
		lines = make([]line, len(rows))
		for k, i := range workflow.StatRowOrder(s.view.Rows, s.column(), desc) {
			lines[k] = rows[i]
		}
	}
	s.list.SetRows(lines)
	s.list.SetHeight(s.tableRows())
}

// rowLines are the view's rows as lines, in the view's order: made once
// a view, as a sort or a filter only puts them in another order.
func (s *Screen) rowLines() []line {
	if s.lines != nil {
		return s.lines
	}
	dim := string(s.top().dim)
	s.lines = make([]line, len(s.view.Rows))
	for i := range s.view.Rows {
		r := &s.view.Rows[i]
		s.lines[i] = line{id: idOf(dim, r.Key), row: r, label: s.labelOf(*r)}
	}
	return s.lines
}

// current is the row the chart draws: the one under the cursor, or the
// total.
func (s *Screen) current(total *workflow.StatRow) *workflow.StatRow {
	if l, ok := s.list.Current(); ok && !s.top().trace && l.row != nil {
		return l.row
	}
	return total
}

// total is the total row: the view's, or while a filter keeps some rows
// their sum (their months too), so that it is what the rows shown add
// up to. A frame works it out once (View).
func (s *Screen) total() *workflow.StatRow {
	if s.list.Query() == "" || s.top().trace {
		return &s.view.Total
	}
	t := sumLines(s.list.Rows())
	return &t
}

// sumLines adds the rows of lines, their months too.
func sumLines(lines []line) workflow.StatRow {
	var t workflow.StatRow
	for _, l := range lines {
		if l.row == nil {
			continue
		}
		for i := range t.Figures {
			t.Figures[i] = t.Figures[i].Add(l.row.Figures[i])
		}
		if t.Trend == nil {
			t.Trend = make([]store.StatFigures, len(l.row.Trend))
		}
		for i := range min(len(t.Trend), len(l.row.Trend)) {
			t.Trend[i] = t.Trend[i].Add(l.row.Trend[i])
		}
	}
	return t
}

// customersOnly says the measure shown is a customer's alone (money
// received, owed) and the view splits goods: it has no figure there.
func (s *Screen) customersOnly() bool {
	return s.view.GoodsOnly && s.measure.MoneyOnly()
}

// inTonnes says figures show in tonnes: money received and owed have
// none, so they show in money whatever t chose.
func (s *Screen) inTonnes() bool {
	return s.tonnes && !s.measure.MoneyOnly()
}

// figure is the measure shown of f, and whether it may be shown at all
// (money withheld from this user, or money received or owed split by
// goods).
func (s *Screen) figure(f store.StatFigures) (int64, bool) {
	money := !s.inTonnes()
	if money && (s.view.MoneyWithheld || s.customersOnly()) {
		return 0, false
	}
	v := f.Of(s.measure)
	if !money {
		return int64(v.Tonnes), true
	}
	return int64(v.Amount), true
}

// figureText writes a figure in the unit shown.
func (s *Screen) figureText(v int64) string {
	if s.inTonnes() {
		return store.Milli(v).String()
	}
	return store.Money(v).String()
}

// cells are a row's cells: label, now, before, change, last year,
// change, and the last 12 months.
func (s *Screen) cells(r *workflow.StatRow, label string, sparkWidth int) []string {
	now, ok := s.figure(r.Figures[workflow.StatNow])
	if !ok {
		w := s.c.T("stat.withheld")
		if s.customersOnly() {
			w = s.c.T("stat.not_by_goods")
		}
		return []string{label, w, w, "", w, "", ""}
	}
	prev, _ := s.figure(r.Figures[workflow.StatPrevious])
	ly, _ := s.figure(r.Figures[workflow.StatLastYear])
	return []string{label, s.figureText(now), s.figureText(prev), change(now, prev), s.figureText(ly), change(now, ly),
		s.sparkline(r, sparkWidth)}
}

// docCells are a traced document's cells.
func (s *Screen) docCells(d store.StatDoc) []string {
	fig := store.Money(d.Amount).String()
	switch {
	case s.inTonnes():
		fig = d.Tonnes.String()
	case s.view.MoneyWithheld:
		fig = s.c.T("stat.withheld")
	}
	return []string{d.Day, s.c.T("stat.doc." + d.Kind), d.Ref, d.Customer, fig}
}

// columns are the table's columns for width cells, numbers whole, the
// total row's among them.
func (s *Screen) columns(width int, total *workflow.StatRow) []common.Column {
	t := s.c.T
	if s.top().trace {
		cols := []common.Column{{Title: t("stat.col.day"), Width: 10, Keep: true}, {Title: t("stat.col.kind"), Width: common.Widest(6, t("stat.col.kind"))},
			{Title: t("stat.col.ref"), Width: 10, Keep: true}, {Title: t("stat.col.customer"), Width: 10},
			{Title: t("stat.col.figure"), Width: 10, Right: true, Keep: true}}
		cols = common.WidenTo(cols, s.list.Shown(), func(l line) []string { return s.docCells(*l.doc) })
		cols = common.Stretch(cols, 3, width)
		return common.Squeeze(cols, width, common.Shrink{Col: 3, Min: 6}, common.Shrink{Col: 1, Min: 4})
	}
	cols := []common.Column{{Title: t("stat.col." + string(s.top().dim)), Width: 8},
		{Title: t("stat.col.now"), Width: 8, Right: true, Keep: true},
		{Title: t("stat.col.previous"), Width: 8, Right: true, Keep: true},
		{Title: "±%", Width: 7, Right: true, Keep: true},
		{Title: t("stat.col.last_year"), Width: 8, Right: true, Keep: true},
		{Title: "±%", Width: 7, Right: true, Keep: true},
		{Title: t("stat.col.trend"), Width: 12}}
	rows := append([]line{{total: true, row: total}}, s.list.Shown()...)
	cols = common.WidenTo(cols, rows, func(l line) []string { return s.cells(l.row, "", 0) })
	cols = common.Stretch(cols, 0, width)
	return common.Squeeze(cols, width, common.Shrink{Col: 6, Min: 6}, common.Shrink{Col: 0, Min: 6},
		common.Shrink{Col: 6, Whole: true}, common.Shrink{Col: 5, Whole: true}, common.Shrink{Col: 3, Whole: true})
}
