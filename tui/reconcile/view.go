package reconcile

import (
	"fmt"
	"strings"

	"orderdesk/store"
	"orderdesk/tui/common"
	"orderdesk/workflow"
)

const money = 14 // cells of a money column: 99,999,999.99 and a sign

// listHeight is the rows left for a table under the heading lines.
func (s *Screen) listHeight() int {
	used := 4 // heading, tabs, column titles, total
	if s.view == viewRecon {
		used += 2 + min(len(s.mv.Diffs), 4)
	}
	return max(s.height-used, 3)
}

// View renders the view shown, or the open form over it.
func (s *Screen) View() string {
	st := s.c.Styles
	var b strings.Builder
	b.WriteString(st.Title.Render(s.heading()) + "\n")
	b.WriteString(s.tabs() + "\n")
	if s.form != nil {
		b.WriteString(st.Label.Render(s.title) + "\n")
		b.WriteString(s.form.View() + "\n")
		b.WriteString(st.Muted.Render(s.c.T("recon.form.hint")))
		if s.formKind == "diff" {
			b.WriteString("  " + st.Muted.Render(s.c.T("recon.form.field_hint")))
		}
		if s.formKind == "reply" {
			b.WriteString("  " + st.Muted.Render(s.c.T("recon.form.kind_hint")))
		}
		return b.String()
	}
	if !s.loaded {
		b.WriteString(st.Muted.Render(s.c.T("recon.loading")))
		return b.String()
	}
	switch s.view {
	case viewRecon:
		s.viewRecon(&b)
	case viewLadder:
		s.viewLadder(&b)
	case viewByCustomer:
		s.viewAgeing(&b, s.c.T("recon.col.customer"), s.coll.ByCustomer)
	case viewByRep:
		s.viewAgeing(&b, s.c.T("recon.col.rep"), s.coll.ByRep)
	default:
		s.viewPlan(&b)
	}
	return b.String()
}

// heading names the month and where it stands.
func (s *Screen) heading() string {
	h := s.c.T("recon.month", s.month)
	if s.view == viewRecon {
		status := "none"
		if s.mv.Doc != nil {
			status = s.mv.Doc.Status
		}
		h += " · " + s.c.T("recon.status."+status)
		if s.mv.Signed() && s.mv.Doc.SignedBy != "" {
			h += " · " + s.c.T("recon.signed_by", s.mv.Doc.SignedBy)
		}
	} else if s.view != viewPlan {
		h += " · " + s.c.T("recon.as_of", s.asOf())
		if s.mine && s.view == viewLadder {
			h += " · " + s.c.T("recon.mine")
		}
	}
	return h
}

// tabs shows the views, the current one marked.
func (s *Screen) tabs() string {
	names := []string{"recon.view.recon", "recon.view.ladder", "recon.view.by_customer", "recon.view.by_rep", "recon.view.plan"}
	parts := make([]string, len(names))
	for i, n := range names {
		if view(i) == s.view {
			parts[i] = s.c.Styles.ActiveTab.Render(s.c.T(n))
		} else {
			parts[i] = s.c.Styles.Muted.Render(s.c.T(n))
		}
	}
	return strings.Join(parts, " ")
}

// rowsView writes lines[top:top+h] with the cursor's row selected.
func (s *Screen) rowsView(b *strings.Builder, lines []string) {
	st := s.c.Styles
	end := min(s.cursor.Top+s.listHeight(), len(lines))
	for i := s.cursor.Top; i < end; i++ {
		if i == s.cursor.Pos {
			b.WriteString(st.Selected.Render(lines[i]) + "\n")
		} else {
			b.WriteString(lines[i] + "\n")
		}
	}
}

func m(v store.Money) string { return v.String() }

func (s *Screen) viewRecon(b *strings.Builder) {
	st := s.c.Styles
	cols := common.Stretch([]common.Column{
		{Title: s.c.T("recon.col.customer"), Width: 24},
		{Title: s.c.T("recon.col.opening"), Width: money, Right: true},
		{Title: s.c.T("recon.col.shipped"), Width: money, Right: true},
		{Title: s.c.T("recon.col.invoiced"), Width: money, Right: true},
		{Title: s.c.T("recon.col.received"), Width: money, Right: true},
		{Title: s.c.T("recon.col.closing"), Width: money, Right: true},
		{Title: s.c.T("recon.col.state"), Width: common.Widest(12, s.c.T("recon.col.state"))},
	}, 0, s.width)
	// At 80 columns the name and the state give way, then the money
	// columns down to what 9,999,999.99 needs.
	cols = common.Squeeze(cols, s.width, common.Shrink{Col: 0, Min: 10}, common.Shrink{Col: 6, Min: 0},
		common.Shrink{Col: 1, Min: 12}, common.Shrink{Col: 2, Min: 12}, common.Shrink{Col: 3, Min: 12}, common.Shrink{Col: 4, Min: 12}, common.Shrink{Col: 5, Min: 12})
	b.WriteString(st.Header.Render(common.Header(cols)) + "\n")
	if len(s.mv.Rows) == 0 {
		b.WriteString(st.Muted.Render(s.c.T("recon.empty")) + "\n")
	}
	lines := make([]string, len(s.mv.Rows))
	for i, r := range s.mv.Rows {
		lines[i] = common.Line(cols, []string{r.Customer, m(r.Opening), m(r.Shipped), m(r.Invoiced), m(r.Received), m(r.Closing), s.rowState(r.CustomerID)})
	}
	s.rowsView(b, lines)
	t := s.mv.Totals
	b.WriteString(st.Label.Render(common.Line(cols, []string{s.c.T("recon.total", len(s.mv.Rows)), m(t.Opening), m(t.Shipped), m(t.Invoiced), m(t.Received), m(t.Closing), ""})) + "\n")
	b.WriteString(st.Label.Render(s.c.T("recon.diffs", len(s.mv.Diffs))) + "\n")
	for i, d := range s.mv.Diffs {
		if i == 4 {
			break
		}
		line := s.c.T("recon.diff_line", d.Customer, s.c.T("recon.figure."+d.Field), m(d.Desk), m(d.Finance), m(d.Difference()))
		if d.Note != "" {
			line += " · " + d.Note
		}
		if d.Resolved {
			b.WriteString(st.Muted.Render(common.Fit(line, s.width, false)) + "\n")
		} else {
			b.WriteString(st.Warning.Render(common.Fit(line, s.width, false)) + "\n")
		}
	}
}

// rowState says a customer's difference or statement standing.
func (s *Screen) rowState(cust int64) string {
	if st, ok := s.mv.Statements[cust]; ok {
		if st.Reply == "" {
			return s.c.T("recon.stmt.issued")
		}
		return s.c.T("recon.stmt." + st.Reply)
	}
	open, any := false, false
	for _, d := range s.mv.Diffs {
		if d.CustomerID == cust {
			any = true
			open = open || !d.Resolved
		}
	}
	switch {
	case open:
		return s.c.T("recon.diff_open")
	case any:
		return s.c.T("recon.diff_done")
	}
	return ""
}

// fit widens the Keep columns of cols to their widest cell in rows,
// stretches column flex to the window and, in a narrow one, narrows the
// columns shrink names: names give way, an invoice number, a date or a
// sum of money shows whole.
func (s *Screen) fit(cols []common.Column, rows [][]string, flex int, shrink ...common.Shrink) []common.Column {
	return common.Squeeze(common.Stretch(common.Widen(cols, rows...), flex, s.width), s.width, shrink...)
}

// laidOut is rows laid out in cols.
func laidOut(cols []common.Column, rows [][]string) []string {
	out := make([]string, len(rows))
	for i, r := range rows {
		out[i] = common.Line(cols, r)
	}
	return out
}

func (s *Screen) viewLadder(b *strings.Builder) {
	st := s.c.Styles
	rows := make([][]string, len(s.coll.Items))
	for i, x := range s.coll.Items {
		task := s.c.T("recon.task.done")
		if x.Task != workflow.TaskNone {
			task = s.c.T("recon.task." + string(x.Task))
		} else if x.Stage == workflow.StageCurrent {
			task = ""
		}
		rows[i] = []string{x.InvoiceNo, x.Customer, x.Rep, x.DueOn, m(x.Open()), fmt.Sprint(max(x.Overdue, 0)),
			s.c.T("recon.stage." + string(x.Stage)), task}
	}
	total := []string{s.c.T("recon.col.total"), "", "", "", m(s.coll.Total.Total), "", "", ""}
	cols := s.fit([]common.Column{
		{Title: s.c.T("recon.col.invoice"), Width: 21, Keep: true},
		{Title: s.c.T("recon.col.customer"), Width: 20},
		{Title: s.c.T("recon.col.rep"), Width: 8},
		{Title: s.c.T("recon.col.due"), Width: 10, Keep: true},
		{Title: s.c.T("recon.col.open"), Width: money, Right: true, Keep: true},
		{Title: s.c.T("recon.col.days"), Width: 8, Right: true},
		{Title: s.c.T("recon.col.stage"), Width: 10},
		{Title: s.c.T("recon.col.task"), Width: 12},
	}, append(rows, total), 1,
		common.Shrink{Col: 4}, common.Shrink{Col: 1, Min: 8}, common.Shrink{Col: 7, Min: 8}, common.Shrink{Col: 2, Min: 6},
		common.Shrink{Col: 6, Min: 8}, common.Shrink{Col: 5, Min: 4}, common.Shrink{Col: 7}, common.Shrink{Col: 1})
	b.WriteString(st.Header.Render(common.Header(cols)) + "\n")
	if len(rows) == 0 {
		b.WriteString(st.Muted.Render(s.c.T("recon.no_open")) + "\n")
	}
	s.rowsView(b, laidOut(cols, rows))
	b.WriteString(st.Label.Render(common.Line(cols, total)) + "\n")
}

func (s *Screen) viewAgeing(b *strings.Builder, who string, ageing []workflow.AgeingRow) {
	st := s.c.Styles
	rows := make([][]string, len(ageing))
	for i, r := range ageing {
		rows[i] = []string{r.Name, m(r.Buckets[0]), m(r.Buckets[1]), m(r.Buckets[2]), m(r.Buckets[3]), m(r.Total)}
	}
	t := s.coll.Total
	total := []string{s.c.T("recon.col.total"), m(t.Buckets[0]), m(t.Buckets[1]), m(t.Buckets[2]), m(t.Buckets[3]), m(t.Total)}
	cols := []common.Column{{Title: who, Width: 24}}
	for _, title := range []string{"recon.col.age0", "recon.col.age1", "recon.col.age2", "recon.col.age3", "recon.col.total"} {
		cols = append(cols, common.Column{Title: s.c.T(title), Width: money, Right: true, Keep: true})
	}
	cols = s.fit(cols, append(rows, total), 0,
		common.Shrink{Col: 1}, common.Shrink{Col: 2}, common.Shrink{Col: 3}, common.Shrink{Col: 4}, common.Shrink{Col: 5}, common.Shrink{Col: 0})
	b.WriteString(st.Header.Render(common.Header(cols)) + "\n")
	s.rowsView(b, laidOut(cols, rows))
	b.WriteString(st.Label.Render(common.Line(cols, total)) + "\n")
}

func (s *Screen) viewPlan(b *strings.Builder) {
	st := s.c.Styles
	rows := make([][]string, len(s.plan))
	var amount, paid, open store.Money
	for i, p := range s.plan {
		rows[i] = []string{p.Customer, p.InvoiceNo, p.IssuedOn, p.DueOn, m(p.Amount), m(p.Paid), m(p.Outstanding)}
		amount, paid, open = amount+p.Amount, paid+p.Paid, open+p.Outstanding
	}
	total := []string{s.c.T("recon.col.total"), "", "", "", m(amount), m(paid), m(open)}
	// In a narrow window the day invoiced goes whole, never cut: the plan
	// is of when money is due; then the customer's name gives way.
	cols := s.fit([]common.Column{
		{Title: s.c.T("recon.col.customer"), Width: 20},
		{Title: s.c.T("recon.col.invoice"), Width: 21, Keep: true},
		{Title: s.c.T("recon.col.issued"), Width: 10},
		{Title: s.c.T("recon.col.due"), Width: 10, Keep: true},
		{Title: s.c.T("recon.col.amount"), Width: money, Right: true, Keep: true},
		{Title: s.c.T("recon.col.paid"), Width: money, Right: true, Keep: true},
		{Title: s.c.T("recon.col.open"), Width: money, Right: true, Keep: true},
	}, append(rows, total), 0,
		common.Shrink{Col: 4}, common.Shrink{Col: 5}, common.Shrink{Col: 6}, common.Shrink{Col: 2, Whole: true}, common.Shrink{Col: 0})
	b.WriteString(st.Header.Render(common.Header(cols)) + "\n")
	s.rowsView(b, laidOut(cols, rows))
	b.WriteString(st.Label.Render(common.Line(cols, total)) + "\n")
}
