package complaints

import (
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"orderdesk/tui/common"
	"orderdesk/workflow"
)

// listChrome is the lines around the rows: title and filter, header, totals.
const listChrome = 3

// item is a complaint in the list with the text the filter searches, in
// lower case, made once when the list is read: a keystroke over 50,000
// complaints then costs a substring search per row. The list holds
// pointers, so filtering moves no more than a word per row.
type item struct {
	workflow.ComplaintItem
	search string
}

// items makes the list's rows: ref, customer, 助记码, product, rep, type
// (its code), status and the document it concerns are searched.
func items(xs []workflow.ComplaintItem) []*item {
	out := make([]*item, len(xs))
	for i, x := range xs {
		out[i] = &item{ComplaintItem: x, search: strings.ToLower(strings.Join(
			[]string{x.Ref, x.Customer, x.Mnemonic, x.Product, x.Rep, x.Type, x.Status, x.ConcernsRef}, "\x1f"))}
	}
	return out
}

// matcher is the filter: the query in lower case, made once per query.
func matcher() func(x *item, q string) bool {
	var typed, lower string
	return func(x *item, q string) bool {
		if q != typed {
			typed, lower = q, strings.ToLower(q)
		}
		return strings.Contains(x.search, lower)
	}
}

func (s *Screen) updateList(msg tea.Msg) tea.Cmd {
	k, cmd, left := s.ListKey(s.list, msg, s.reload)
	if !left {
		return cmd
	}
	switch {
	case key.Matches(k, s.keys.create):
		return s.startNew(common.NewMsg{}) // the quick form asks for the customer
	case key.Matches(k, s.keys.calls):
		s.Mode = modeCalls
		return nil
	case key.Matches(k, s.keys.stats):
		s.Mode = modeStats
		return s.loadStats()
	case key.Matches(k, s.keys.open):
		if x, ok := s.list.Current(); ok {
			return s.shown.Show(x.DocID)
		}
	}
	return nil
}

func (s *Screen) columns() []common.Column {
	t := s.c.T
	cols := []common.Column{
		{Title: t("complaints.col.ref"), Width: 13, Keep: true},
		{Title: t("complaints.col.customer"), Width: 20},
		{Title: t("complaints.col.type"), Width: 10, Words: true},
		{Title: t("complaints.col.route"), Width: 6, Words: true},
		{Title: t("complaints.col.age"), Width: 5, Right: true, Keep: true},
		{Title: t("complaints.col.status"), Width: 8, Keep: true},
		{Title: t("complaints.col.flag"), Width: 6, Keep: true},
		{Title: t("complaints.col.concerns"), Width: 14},
	}
	// The type and to whom are whole words where there is room. In a
	// narrow window the name gives way, then what the complaint concerns
	// and a long type; to whom only after the name is short.
	// What it concerns goes whole or not at all ("FH2…" names nothing),
	// the cells it leaves to the name.
	cols = common.WidenTo(cols, s.list.Shown(), func(x *item) []string { c, _ := s.cells(x); return c })
	cols = common.Squeeze(common.Stretch(cols, 1, s.Width), s.Width, common.Shrink{Col: 1, Min: 20},
		common.Shrink{Col: 7, Min: 0, Whole: true}, common.Shrink{Col: 2, Min: 10}, common.Shrink{Col: 1, Min: 12},
		common.Shrink{Col: 3, Min: 0}, common.Shrink{Col: 1, Min: 8}, common.Shrink{Col: 2, Min: 6})
	if spare := s.Width - common.TableWidth(cols); spare > 0 && cols[7].Width == 0 {
		cols[1].Width += spare
	}
	return cols
}

func (s *Screen) cells(x *item) ([]string, bool) {
	flag := ""
	switch {
	case x.Flagged:
		flag = s.c.T("complaints.flag.late")
	case x.Severity == "high" && x.Status != workflow.ComplaintClosed && x.Status != workflow.ComplaintWithdrawn:
		flag = s.c.T("complaint.severity.high")
	}
	return []string{x.Ref, x.Customer, s.c.T("complaint.type." + x.Type), s.c.T("role." + x.RouteRole),
			strconv.Itoa(x.Age) + s.c.T("complaints.days"), s.c.T("state.complaint." + x.Status), flag, x.ConcernsRef},
		x.Status == workflow.ComplaintWithdrawn
}

// viewList draws the title with the filter, the header, the rows, and
// how many are open and flagged.
func (s *Screen) viewList() string {
	t := s.c.T
	return s.list.Page(t("complaints.title"), t("complaints.hint"), t("complaints.empty"), s.Width, s.columns(), s.cells, func(rows []*item) string {
		open, flagged := 0, 0
		for _, x := range rows {
			if x.Status == workflow.ComplaintOpen || x.Status == workflow.ComplaintInHand {
				open++
			}
			if x.Flagged {
				flagged++
			}
		}
		return t("complaints.totals", len(rows), open, flagged, len(s.calls.Rows()))
	})
}
