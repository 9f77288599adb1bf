package materials

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"orderdesk/store"
	"orderdesk/tui/common"
	"orderdesk/workflow"
)

// listChrome is the lines above and below the rows: title and filter,
// the header, the totals.
const listChrome = 3

// Row states as the list shows them: overdue is a sent row waiting for
// its receipt longer than the configured days.
const stateOverdue = "overdue"

func (s *Screen) updateList(msg tea.Msg) tea.Cmd {
	k, cmd, left := s.ListKey(s.list, msg, s.reload)
	if !left {
		return cmd
	}
	switch {
	case key.Matches(k, s.keys.create):
		return s.startSend()
	}
	m, ok := s.list.Current()
	switch {
	case !ok:
	case key.Matches(k, s.keys.open):
		return s.shown.Show(m.DocID)
	case key.Matches(k, s.keys.confirm):
		return s.startReceipt(m)
	}
	return nil
}

// state is a row's state as shown: sent, overdue, received or void.
func (s *Screen) state(m store.MaterialSent) string {
	if workflow.MaterialLate(m, s.today(), s.days) {
		return stateOverdue
	}
	return m.Status
}

// stateText is a row's state in words.
func (s *Screen) stateText(m store.MaterialSent) string {
	return s.c.T("materials.state." + s.state(m))
}

// matches keeps the rows whose state is query, when query names one in
// either language (待签收, confirmed, overdue …), else those whose number, recipient, contact,
// type, description, way, tracking number or sender hold it.
func (s *Screen) matches(m store.MaterialSent, query string) bool {
	q := strings.ToLower(strings.TrimSpace(query))
	for _, st := range []string{workflow.MaterialSent, stateOverdue, workflow.MaterialReceived, workflow.MaterialVoid} {
		if strings.ToLower(s.c.T("materials.state."+st)) == q || st == q {
			return s.state(m) == st || (st == workflow.MaterialSent && s.state(m) == stateOverdue)
		}
	}
	for _, f := range []string{m.Ref, m.Who, m.Contact, s.c.T("materials.what." + m.What), m.Description, s.viaText(m), m.Tracking,
		m.Sender, m.SentOn} {
		if strings.Contains(strings.ToLower(f), q) {
			return true
		}
	}
	return false
}

// viaText is how a row went: the courier's name, or the way.
func (s *Screen) viaText(m store.MaterialSent) string {
	if m.Via == "courier" && m.Courier != "" {
		return s.c.T("materials.courier." + m.Courier)
	}
	return s.c.T("materials.via." + m.Via)
}

func (s *Screen) columns() []common.Column {
	t := s.c.T
	stateW := common.Widest(4, t("materials.col.status"))
	for _, st := range []string{"sent", stateOverdue, "received", "void"} {
		stateW = common.Widest(stateW, t("materials.state."+st))
	}
	whatW := common.Widest(4, t("materials.col.what"))
	for _, w := range append([]string{"invoice"}, workflow.MaterialTypes...) {
		whatW = common.Widest(whatW, t("materials.what."+w))
	}
	cols := []common.Column{
		{Title: t("materials.col.ref"), Width: 20, Keep: true},
		{Title: t("materials.col.sent_on"), Width: 10, Keep: true},
		{Title: t("materials.col.what"), Width: whatW},
		{Title: t("materials.col.whom"), Width: 16},
		{Title: t("materials.col.via"), Width: 8},
		{Title: t("materials.col.tracking"), Width: 15},
		{Title: t("materials.col.status"), Width: stateW + 1, Keep: true}, // and the overdue mark
		{Title: t("materials.col.sender"), Width: 6},
	}
	return common.Squeeze(common.Stretch(cols, 3, s.Width), s.Width,
		common.Shrink{Col: 7, Min: 0, Whole: true}, common.Shrink{Col: 5, Min: 0, Whole: true}, common.Shrink{Col: 4, Min: 0, Whole: true},
		common.Shrink{Col: 0, Min: 13}, common.Shrink{Col: 3, Min: 8})
}

func (s *Screen) cells(m store.MaterialSent) ([]string, bool) {
	state := s.stateText(m)
	if s.state(m) == stateOverdue {
		state = "!" + state // the mark says so where colour does not show
	}
	return []string{m.Ref, m.SentOn, s.c.T("materials.what." + m.What), m.Who, s.viaText(m), m.Tracking, state, m.Sender},
		m.Status != workflow.MaterialSent
}

// viewList draws the title with the filter, the header, the rows and
// how many are shown, waiting and overdue.
func (s *Screen) viewList() string {
	t := s.c.T
	return s.list.Page(t("materials.title"), t("materials.hint"), t("materials.empty"), s.Width, s.columns(), s.cells,
		func(rows []store.MaterialSent) string {
			waiting, late := 0, 0
			for _, m := range rows {
				switch s.state(m) {
				case stateOverdue:
					late++
					waiting++
				case workflow.MaterialSent:
					waiting++
				}
			}
			return t("materials.totals", len(rows), waiting, late)
		})
}
