package shipping

import (
	"strings"

	tea "charm.land/bubbletea/v2"

	"orderdesk/store"
	"orderdesk/tui/common"
)

// reportMsg carries the overrides report.
type reportMsg struct {
	seq  int
	rows []store.ShippingOverride
	err  error
}

// openReport reads the overrides report: every exception to the gate.
func (s *Screen) openReport() tea.Cmd {
	s.reportReq = s.nextReq()
	s.mode, s.report = modeReport, nil
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
		s.mode = modeList
		return s.status(msg.err)
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
	}, 6, s.width)
	b.WriteString(st.Header.Render(common.Header(cols)) + "\n")
	if s.report == nil {
		return b.String() + st.Muted.Render(c.T("status.loading"))
	}
	if len(s.report) == 0 {
		return b.String() + st.Muted.Render(c.T("list.empty"))
	}
	for i, o := range s.report {
		if i >= max(s.height-4, 1) {
			break
		}
		b.WriteString(common.Line(cols, []string{o.Ref, c.T("state.shipping_override." + o.Status), o.NoteRef, o.Customer,
			c.T("review.gate." + o.Gate), o.AmountDue.String(), o.Reason, o.Maker, o.Signer, o.At.In(c.Now().Location()).Format("2006-01-02")}) + "\n")
	}
	return b.String()
}
