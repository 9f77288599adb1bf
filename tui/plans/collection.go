package plans

import (
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"orderdesk/store"
	"orderdesk/tui/common"
	"orderdesk/workflow"
)

// collection is the month's collection plan (月回款计划), read-only:
// invoices due in the month and those still open from before, with what
// was received; [ and ] move the month.
type collection struct {
	req      int    // the read awaited; 0 before the view is first shown
	answered int    // the last read whose answer was applied
	month    string // YYYY-MM; "" for this month
	rows     *common.List[workflow.PlanLine]
	err      error
}

// collectionAnswered is true once the latest collection-plan read is
// answered.
func (s *Screen) collectionAnswered() bool {
	return s.collect.req != 0 && s.collect.answered == s.collect.req
}

func (s *Screen) collectionMonth() string {
	if s.collect.month == "" {
		return s.c.Now().Format("2006-01")
	}
	return s.collect.month
}

func (s *Screen) loadCollection() tea.Cmd {
	s.collect.req = s.NextReq()
	return loadCollection(s.c.Ctx, s.c.Desk, s.collect.req, s.collectionMonth())
}

func (s *Screen) onCollection(msg collectionMsg) tea.Cmd {
	if msg.req != s.collect.req {
		return nil
	}
	s.collect.answered, s.collect.month, s.collect.err = msg.req, msg.month, msg.err
	if s.collect.rows == nil {
		s.collect.rows = common.NewList(s.c, func(l workflow.PlanLine) int64 {
			if l.Opening {
				return -l.InvoiceID
			}
			return l.InvoiceID
		})
	}
	s.collect.rows.SetHeight(max(s.Height-listChrome, 1))
	s.collect.rows.SetRows(msg.rows)
	return nil
}

func (s *Screen) updateCollection(msg tea.Msg) tea.Cmd {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil
	}
	switch {
	case key.Matches(k, s.keys.toggle):
		return s.nextView()
	case key.Matches(k, s.keys.refresh):
		return s.loadCollection()
	case key.Matches(k, s.keys.prevMonth), key.Matches(k, s.keys.nextMonth):
		m, err := time.Parse("2006-01", s.collectionMonth())
		if err != nil {
			return nil
		}
		step := 1
		if key.Matches(k, s.keys.prevMonth) {
			step = -1
		}
		s.collect.month = m.AddDate(0, step, 0).Format("2006-01")
		return s.loadCollection()
	}
	if s.collect.rows != nil {
		cmd, _ := s.collect.rows.Update(msg)
		return cmd
	}
	return nil
}

// wideCollection is the width from which the invoice day is shown.
const wideCollection = 110

// collectionColumns fit the plan to the window. The invoice number (20
// digits on a digital invoice, told apart by its end) and the money are
// kept whole; the customer's name gives way to them, and only when even
// that is not enough is the number cut, at its head.
func (s *Screen) collectionColumns() []common.Column {
	t := s.c.T
	wide := s.Width >= wideCollection
	cols := []common.Column{
		{Title: t("collect.col.invoice"), Width: common.Widest(12, t("collect.col.invoice")), Keep: true, Tail: true},
		{Title: t("plans.col.customer"), Width: common.Widest(10, t("plans.col.customer"))},
	}
	if wide {
		cols = append(cols, common.Column{Title: t("collect.col.issued"), Width: common.Widest(10, t("collect.col.issued"))})
	}
	cols = append(cols,
		common.Column{Title: t("collect.col.due"), Width: common.Widest(10, t("collect.col.due"))},
		common.Column{Title: t("plans.col.amount"), Width: common.Widest(12, t("plans.col.amount")), Right: true, Keep: true},
		common.Column{Title: t("collect.col.received"), Width: common.Widest(12, t("collect.col.received")), Right: true, Keep: true},
		common.Column{Title: t("collect.col.outstanding"), Width: common.Widest(11, t("collect.col.outstanding")), Right: true, Keep: true},
	)
	if s.collect.rows != nil {
		cols = common.WidenTo(cols, s.collect.rows.Shown(), func(l workflow.PlanLine) []string { c, _ := s.collectionCells(l); return c })
	}
	return common.Squeeze(common.Stretch(cols, 1, s.Width), s.Width, common.Shrink{Col: 1, Min: 8}, common.Shrink{Col: 0, Min: 12})
}

func (s *Screen) collectionCells(l workflow.PlanLine) ([]string, bool) {
	no := l.InvoiceNo
	if l.Opening {
		no = s.c.T("collect.opening")
	}
	cells := []string{no, l.Customer}
	if s.Width >= wideCollection {
		cells = append(cells, l.IssuedOn)
	}
	return append(cells, l.DueOn, l.Amount.String(), l.Paid.String(), l.Outstanding.String()), l.Outstanding == 0
}

// viewCollection draws the month's collection plan with its totals.
func (s *Screen) viewCollection() string {
	st := s.c.Styles
	t := s.c.T
	var b strings.Builder
	head := st.Title.Render(t("collect.title", s.collectionMonth())) + "  " + st.Muted.Render(t("collect.hint"))
	b.WriteString(common.Fit(head, s.Width, false) + "\n")
	switch {
	case s.collect.err != nil:
		return b.String() + st.Muted.Render("  "+common.ErrorText(s.c.Cat, s.collect.err))
	case !s.collectionAnswered() || s.collect.rows == nil:
		return b.String() + st.Muted.Render("  "+t("plans.loading"))
	}
	b.WriteString(s.collect.rows.Render(s.collectionColumns(), s.collectionCells))
	rows := s.collect.rows.Rows()
	if len(rows) == 0 {
		return b.String() + "\n" + st.Muted.Render("  "+t("collect.empty"))
	}
	var amount, paid, open store.Money
	for _, l := range rows {
		amount, paid, open = amount+l.Amount, paid+l.Paid, open+l.Outstanding
	}
	b.WriteString("\n" + st.Value.Render(common.Fit("  "+t("collect.totals", len(rows), amount.String(), paid.String(), open.String()), s.Width, false)))
	return b.String()
}
