package shipping

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"orderdesk/store"
	"orderdesk/tui/common"
	"orderdesk/tui/common/docscreen"
)

// reportMsg carries the overrides report.
type reportMsg struct {
	seq  int
	rows []store.ShippingOverride
	err  error
}

// openReport reads the overrides report: every exception to the gate.
func (s *Screen) openReport() tea.Cmd {
	s.reportReq = s.NextReq()
	s.Mode, s.report, s.reportTop = modeReport, nil, 0
	seq, ctx, d := s.reportReq, s.c.Ctx, s.c.Desk
	return func() tea.Msg {
		rows, err := d.Overrides(ctx, "", "")
		return reportMsg{seq: seq, rows: rows, err: err}
	}
}

func (s *Screen) applyReport(msg reportMsg) tea.Cmd {
	if msg.seq != s.reportReq {
		return nil
	}
	if msg.err != nil {
		s.Mode = docscreen.List
		return s.Status(msg.err)
	}
	s.report = msg.rows
	return nil
}

func (s *Screen) reportView() string {
	st, c := s.c.Styles, s.c
	var b strings.Builder
	b.WriteString(st.Title.Render(c.T("shipping.report_title")) + "\n")
	cols := common.Stretch([]common.Column{
		{Title: c.T("shipping.col.ref"), Width: 14}, {Title: c.T("review.field.status"), Width: 8},
		{Title: c.T("review.field.note"), Width: 14}, {Title: c.T("shipping.col.customer"), Width: 16},
		{Title: c.T("review.field.gate"), Width: 14}, {Title: c.T("shipping.col.total"), Width: 13, Right: true},
		{Title: c.T("field.name.reason"), Width: 16}, {Title: c.T("shipping.col.maker"), Width: 8},
		{Title: c.T("review.field.signed_by"), Width: 8}, {Title: c.T("review.field.created"), Width: 10},
	}, 6, s.Width)
	// The date and the signer stay on screen: the customer's name, the
	// gate, the override's own number and last the reason give way.
	cols = common.Squeeze(cols, s.Width, common.Shrink{Col: 3, Min: 10}, common.Shrink{Col: 4, Min: 10},
		common.Shrink{Col: 0, Min: 0}, common.Shrink{Col: 6, Min: 10})
	b.WriteString(st.Header.Render(common.Header(cols)) + "\n")
	if s.report == nil {
		return b.String() + st.Muted.Render(c.T("status.loading"))
	}
	if len(s.report) == 0 {
		return b.String() + st.Muted.Render(c.T("list.empty"))
	}
	top := min(s.reportTop, max(len(s.report)-s.reportRows(), 0))
	for i, o := range s.report[top:] {
		if i >= s.reportRows() {
			break
		}
		b.WriteString(common.Line(cols, []string{o.Ref, c.T("state.shipping_override." + o.Status), o.NoteRef, o.Customer,
			c.T("review.gate." + o.Gate), o.AmountDue.String(), o.Reason, o.Maker, o.Signer, o.At.In(c.Now().Location()).Format("2006-01-02")}) + "\n")
	}
	return b.String()
}

// reportRows is how many overrides fit under the report's title.
func (s *Screen) reportRows() int { return max(s.Height-4, 1) }

// reportKey goes back or scrolls the report: every override is reachable,
// not only the first screenful.
func (s *Screen) reportKey(msg tea.KeyPressMsg) tea.Cmd {
	k, page := s.c.Keys, s.reportRows()
	if key.Matches(msg, s.keys.back) {
		s.Mode = docscreen.List
		return nil
	}
	s.reportTop, _ = common.Scroll(k, msg, s.reportTop, len(s.report), page, page)
	return nil
}
