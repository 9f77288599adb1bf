package meetings

import (
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"orderdesk/store"
	"orderdesk/tui/common"
)

// listChrome is the lines above and below the rows: title and filter,
// the header, the totals.
const listChrome = 3

func (s *Screen) updateList(msg tea.Msg) tea.Cmd {
	k, cmd, left := s.ListKey(s.list, msg, s.reload)
	if !left {
		return cmd
	}
	switch {
	case key.Matches(k, s.keys.create):
		return s.startMinutes()
	}
	if m, ok := s.list.Current(); ok && key.Matches(k, s.keys.open) {
		return s.meeting.Show(m.DocID)
	}
	return nil
}

// meetingMatches keeps the minutes whose ref, day, place or maker hold
// query.
func meetingMatches(m store.Meeting, query string) bool {
	q := strings.ToLower(query)
	for _, f := range []string{m.Ref, m.HeldOn, m.Place, m.Maker} {
		if strings.Contains(strings.ToLower(f), q) {
			return true
		}
	}
	return false
}

func (s *Screen) columns() []common.Column {
	t := s.c.T
	stateW := common.Widest(4, t("meetings.col.status"))
	for _, st := range []string{"open", "done", "closed", "void"} {
		stateW = common.Widest(stateW, t("state.meeting."+st))
	}
	cols := []common.Column{
		{Title: t("meetings.col.ref"), Width: common.Widest(13, t("meetings.col.ref")), Keep: true},
		{Title: t("meetings.col.held_on"), Width: 10, Keep: true},
		{Title: t("meetings.col.place"), Width: 16},
		{Title: t("meetings.col.status"), Width: stateW, Keep: true},
		{Title: t("meetings.col.items"), Width: common.Widest(5, t("meetings.col.items")), Right: true},
		{Title: t("meetings.col.open"), Width: common.Widest(4, t("meetings.col.open")), Right: true},
		{Title: t("meetings.col.late"), Width: common.Widest(4, t("meetings.col.late")), Right: true},
		{Title: t("meetings.col.maker"), Width: common.Widest(8, t("meetings.col.maker"))},
	}
	return common.Squeeze(common.Stretch(cols, 2, s.Width), s.Width,
		common.Shrink{Col: 7, Min: 0}, common.Shrink{Col: 2, Min: 6})
}

func (s *Screen) cells(m store.Meeting) ([]string, bool) {
	late := strconv.Itoa(m.LateActions)
	if m.LateActions > 0 {
		late = "!" + late // the mark says so where colour does not show
	}
	open := m.Status == "open" || m.Status == "done"
	return []string{m.Ref, m.HeldOn, m.Place, s.c.T("state.meeting." + m.Status), strconv.Itoa(m.Actions),
		strconv.Itoa(m.OpenActions), late, m.Maker}, !open
}

// viewList draws the title with the filter, the header, the rows and
// how many are shown, with open and late action items.
func (s *Screen) viewList() string {
	t := s.c.T
	return s.list.Page(t("meetings.title"), t("meetings.hint"), t("meetings.empty"), s.Width, s.columns(), s.cells,
		func(rows []store.Meeting) string {
			open, late := 0, 0
			for _, m := range rows {
				open += m.OpenActions
				late += m.LateActions
			}
			return t("meetings.totals", len(rows), open, late)
		})
}
