package dashboard

import (
	"fmt"
	"strings"

	"orderdesk/store"
	"orderdesk/tui/common"
	"orderdesk/tui/common/chart"
	"orderdesk/workflow"
)

// The screen's blocks, top to bottom: the title, the figures (their
// header and four rows), the leaders (a title and topRows rows), the
// ladder and the pipeline (a title and three rows), the month's line
// (a caption and the chart) in what is left.
const (
	figureLines = 1 + 1 + 4
	rungLines   = 1 + 3
	chartLeast  = 4
	chartMost   = 14
)

// topRows are the leading customers and products shown: as many as the
// window holds with the month's line under them, one at least.
func (s *Screen) topRows() int {
	free := s.height - figureLines - rungLines - 1 - 1 - chartLeast
	return max(min(free, workflow.DashTop), 1)
}

// View draws the dashboard.
func (s *Screen) View() string {
	if !s.loaded {
		return s.header() + "\n" + s.c.Styles.Muted.Render(s.c.T("dash.loading"))
	}
	lines := []string{s.header()}
	lines = append(lines, s.figures()...)
	lines = append(lines, s.pair(s.leaders(panelCustomers), s.leaders(panelProducts))...)
	lines = append(lines, s.pair(s.overdue, s.pipeline)...)
	if room := s.height - len(lines) - 1; room >= chartLeast {
		lines = append(lines, s.monthLine(min(room, chartMost))...)
	}
	return strings.Join(lines, "\n")
}

// header names the day, the month, the unit, and whether this is where
// the desk opens.
func (s *Screen) header() string {
	t := s.c.T
	title := s.c.Styles.Title.Render(t("dash.title", s.today().Format("2006-01-02"), workflow.PeriodOf(workflow.PeriodMonth, s.today()).Label()))
	note := t("dash.unit.money")
	if !s.moneyShown() {
		note = t("dash.unit.tonnes")
	}
	if s.isStartScreen() {
		note += " · " + t("dash.start_here")
	}
	return common.Fit(title+"  "+s.c.Styles.Muted.Render(note), s.width, false)
}

// figure is f in the unit shown.
func (s *Screen) figure(f store.StatFigure) int64 {
	if s.moneyShown() {
		return int64(f.Amount)
	}
	return int64(f.Tonnes)
}

// text writes a figure in the unit shown.
func (s *Screen) text(v int64) string {
	if s.moneyShown() {
		return store.Money(v).String()
	}
	return store.Milli(v).String()
}

// figureColumns fit the figures' table to the width: the target goes
// first, then the label narrows.
func (s *Screen) figureColumns() []common.Column {
	t := s.c.T
	cols := []common.Column{{Title: t("dash.col.figure"), Width: 8},
		{Title: t("dash.col.today"), Width: 13, Right: true}, {Title: t("dash.col.month"), Width: 15, Right: true},
		{Title: t("dash.col.plan"), Width: 15, Right: true}, {Title: t("dash.col.done"), Width: 7, Right: true},
		{Title: t("dash.col.target"), Width: 15, Right: true}}
	cols = common.Stretch(cols, 0, s.width)
	return common.Squeeze(cols, s.width, common.Shrink{Col: 0, Min: 8}, common.Shrink{Col: 5, Whole: true},
		common.Shrink{Col: 0, Min: 4})
}

// figures are today's and the month's ordered, shipped, invoiced and
// received, the ordered beside the month's plan and target.
func (s *Screen) figures() []string {
	cols := s.figureColumns()
	out := []string{s.c.Styles.Header.Render(common.Header(cols))}
	v := s.view
	for i, m := range figureMeasures {
		cells := []string{s.c.T("stat.measure." + string(m)), s.text(s.figure(v.Today.Of(m))), s.text(s.figure(v.MonthFigures.Of(m)))}
		if m == store.StatReceived && !s.moneyShown() {
			cells[1], cells[2] = "—", "—" // money only
		}
		if m == store.StatOrdered {
			month, plan, target := s.figure(v.MonthFigures.Ordered), s.figure(v.Plan), s.figure(v.Target)
			cells = append(cells, s.text(plan), share(month, plan), s.text(target))
		}
		out = append(out, s.row(panelFigures, i, common.Line(cols, cells)))
	}
	return out
}

// row is a line, highlighted where the cursor is.
func (s *Screen) row(p panel, i int, line string) string {
	if s.selected(p, i) {
		return s.c.Styles.Selected.Render(line)
	}
	return line
}

// share is part of whole in per cent to one place, exactly; "—"
// without a whole.
func share(part, whole int64) string {
	if whole <= 0 {
		return "—"
	}
	d := part * 1000 / whole
	return fmt.Sprintf("%d.%d%%", d/10, d%10)
}

// halves are the widths of the two blocks side by side, and the rule
// between them.
func (s *Screen) halves() (left, right int) {
	left = (s.width - 3) / 2
	return left, s.width - 3 - left
}

// pair sets two blocks side by side, line by line.
func (s *Screen) pair(left, right func(width int) []string) []string {
	lw, rw := s.halves()
	l, r := left(lw), right(rw)
	out := make([]string, max(len(l), len(r)))
	for i := range out {
		var a, b string
		if i < len(l) {
			a = l[i]
		}
		if i < len(r) {
			b = r[i]
		}
		out[i] = common.Fit(a, lw, false) + " │ " + common.Fit(b, rw, false)
	}
	return out
}

// twoColumns are a name and a figure in width cells.
func twoColumns(width, figure int) []common.Column {
	return common.Squeeze(common.Stretch([]common.Column{{Width: 4}, {Width: figure, Right: true}}, 0, width), width,
		common.Shrink{Col: 1, Min: 6})
}

// leaders are the month's leading customers or products.
func (s *Screen) leaders(p panel) func(int) []string {
	return func(width int) []string {
		rows, title := s.view.TopCustomers, "dash.top_customers"
		if p == panelProducts {
			rows, title = s.view.TopProducts, "dash.top_products"
		}
		n := s.topRows()
		out := []string{s.c.Styles.Header.Render(s.c.T(title, n))}
		cols := twoColumns(width, 15)
		for i, r := range rows[:min(n, len(rows))] {
			out = append(out, s.row(p, i, common.Line(cols, []string{r.Label, s.text(s.figure(r.Figures.Ordered))})))
		}
		if len(rows) == 0 {
			out = append(out, s.c.Styles.Muted.Render(s.c.T("dash.none")))
		}
		for len(out) < n+1 {
			out = append(out, "")
		}
		return out
	}
}

// overdue is the money past due on each rung of the ladder.
func (s *Screen) overdue(width int) []string {
	out := []string{s.c.Styles.Header.Render(s.c.T("dash.overdue"))}
	if s.view.MoneyWithheld {
		return append(out, s.c.Styles.Muted.Render(s.c.T("dash.withheld")))
	}
	cols := common.Squeeze(common.Stretch([]common.Column{{Width: 4}, {Width: 8, Right: true}, {Width: 15, Right: true}}, 0, width), width,
		common.Shrink{Col: 1, Whole: true}, common.Shrink{Col: 2, Min: 6})
	for i, st := range s.view.Overdue {
		out = append(out, s.row(panelOverdue, i, common.Line(cols, []string{s.c.T(stageKey(st.Stage)),
			s.c.T("dash.invoices", st.Invoices), st.Amount.String()})))
	}
	return out
}

// pipeline is what waits: inquiries open, quotes with the customer and
// to sign off, complaints open and flagged, three rows as tall as the
// ladder beside them.
func (s *Screen) pipeline(width int) []string {
	out := []string{s.c.Styles.Header.Render(s.c.T("dash.pipeline"))}
	rows := s.waiting()
	if len(rows) == 0 {
		return append(out, s.c.Styles.Muted.Render(s.c.T("dash.no_pipeline")))
	}
	widest := 6 // the counts' column fits the widest pair ("22 / 10")
	for _, r := range rows {
		widest = common.Widest(widest, r.n)
	}
	cols := twoColumns(width, widest)
	for i, r := range rows {
		out = append(out, s.row(panelPipeline, i, common.Line(cols, []string{s.c.T(r.label), r.n})))
	}
	return out
}

// waitRow is a count of what waits (or two, "waiting / to sign"), and
// the screen enter opens.
type waitRow struct{ label, screen, n string }

// waiting are the counts of what waits the user may see, in the order
// shown.
func (s *Screen) waiting() []waitRow {
	var out []waitRow
	pair := func(a, b int) string { return fmt.Sprintf("%d / %d", a, b) }
	if v := s.view; v.Pipeline {
		out = append(out, waitRow{"dash.inquiries", "screen.inquiries", fmt.Sprint(v.OpenInquiries)},
			waitRow{"dash.quotes", "screen.pricing", pair(v.QuotesSent, v.QuotesToSign)})
	}
	if v := s.view; v.Complaints {
		out = append(out, waitRow{"dash.complaints", "screen.complaints", pair(v.OpenComplaints, v.FlaggedComplaints)})
	}
	return out
}

// monthLine is the month's orders day by day against its plan, with a
// caption of both to date.
func (s *Screen) monthLine(height int) []string {
	v := s.view
	today := v.Day.Day()
	daily := make([]int64, today)
	for i := range daily {
		daily[i] = s.figure(v.Daily[i].Ordered)
	}
	format := chart.Yuan
	if !s.moneyShown() {
		format = chart.Quantity
	}
	m := chart.MonthLine{Days: len(v.Daily), Today: today, Daily: daily, Plan: s.figure(v.Plan), Format: format,
		Palette: chart.NewPalette(s.c.Styles)}
	done, due := m.Totals()
	caption := s.c.T("dash.line", s.text(done), s.text(due))
	if m.Plan == 0 {
		caption = s.c.T("dash.line.no_plan", s.text(done))
	}
	caption = common.Fit(s.c.Styles.Header.Render(caption)+"  "+chart.Legend(s.c.Cat, m.Palette), s.width, false)
	return []string{caption, m.Render(s.width, height)}
}
