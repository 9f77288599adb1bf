package complaints

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"orderdesk/tui/common"
	"orderdesk/workflow"
)

// The follow-up calls due (回访): after a delivery and after a complaint
// was resolved, for the customer's rep or the desk; f records one's
// outcome on the customer file.

func (s *Screen) updateCalls(k tea.KeyPressMsg) tea.Cmd {
	if cmd, handled := s.calls.Update(k); handled {
		return cmd
	}
	switch {
	case key.Matches(k, s.keys.back), key.Matches(k, s.keys.calls):
		s.Mode = modeList
	case key.Matches(k, s.keys.followUp), key.Matches(k, s.keys.open):
		if x, ok := s.calls.Current(); ok {
			return s.open(s.newFollowUpSheet(x.SourceDocID, x.SourceRef, modeCalls))
		}
	case key.Matches(k, s.keys.refresh):
		return s.reload()
	}
	return nil
}

func (s *Screen) callColumns() []common.Column {
	t := s.c.T
	cols := common.Stretch([]common.Column{
		{Title: t("complaints.col.due"), Width: 10, Keep: true},
		{Title: t("complaints.col.what"), Width: 10},
		{Title: t("complaints.col.ref"), Width: 14, Keep: true},
		{Title: t("complaints.col.customer"), Width: 24},
		{Title: t("complaints.col.mnemonic"), Width: 8},
		{Title: t("complaints.col.day"), Width: 10, Keep: true},
	}, 3, s.Width)
	// In a narrow window the 助记码 and the customer's name give way.
	return common.Squeeze(cols, s.Width, common.Shrink{Col: 4, Min: 0}, common.Shrink{Col: 3, Min: 8}, common.Shrink{Col: 1, Min: 4})
}

func (s *Screen) callCells(x workflow.FollowUpTask) ([]string, bool) {
	return []string{x.DueOn, s.c.T("followup.source." + x.Source), x.SourceRef, x.Customer, x.Mnemonic, x.Day}, false
}

func (s *Screen) viewCalls() string {
	st := s.c.Styles
	var b strings.Builder
	b.WriteString(common.Fit(st.Title.Render(s.c.T("complaints.calls_title", len(s.calls.Rows())))+"  "+
		st.Muted.Render(s.c.T("complaints.calls_hint")), s.Width, false) + "\n")
	b.WriteString(s.calls.Render(s.callColumns(), s.callCells))
	if len(s.calls.Rows()) == 0 {
		b.WriteString("\n" + st.Muted.Render("  "+s.c.T("complaints.no_calls")))
	}
	return b.String()
}
