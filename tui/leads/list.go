package leads

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

// stages are the stages p steps through, every stage first.
var stages = append([]string{""}, workflow.LeadStages()...)

func (s *Screen) onList(msg listMsg) tea.Cmd {
	if ok, cmd := s.TakeList(msg.req, msg.err); !ok {
		return cmd
	}
	s.list.SetRows(msg.leads)
	return nil
}

func (s *Screen) updateList(msg tea.Msg) tea.Cmd {
	k, cmd, left := s.ListKey(s.list, msg, s.reload)
	if !left {
		return cmd
	}
	switch {
	case key.Matches(k, s.keys.stage):
		s.stage = common.NextOf(stages, s.stage)
		return s.reload()
	case key.Matches(k, s.keys.create):
		return s.startNew()
	case key.Matches(k, s.keys.stats):
		return s.openStats()
	}
	l, ok := s.list.Current()
	if !ok {
		return nil
	}
	if key.Matches(k, s.keys.open) {
		return s.lead.Show(l.DocID)
	}
	return s.leadStep(k, l)
}

// leadMatches keeps the leads whose ref, name, 助记码, contact, phone,
// e-mail, QQ/WeChat, owner or next step hold query.
func leadMatches(l store.Lead, query string) bool {
	q := strings.ToLower(query)
	for _, f := range []string{l.Ref, l.Name, l.Mnemonic, l.Contact, l.Phone, l.Email, l.IM, l.Owner, l.NextStep, l.NextOn} {
		if strings.Contains(strings.ToLower(f), q) {
			return true
		}
	}
	return false
}

func (s *Screen) columns() []common.Column {
	t := s.c.T
	stageW := common.Widest(4, t("leads.col.stage"))
	for _, st := range workflow.LeadStages() {
		stageW = common.Widest(stageW, t("state.lead."+st))
	}
	cols := []common.Column{
		{Title: t("leads.col.ref"), Width: common.Widest(13, t("leads.col.ref")), Keep: true},
		{Title: t("leads.col.name"), Width: 22},
		{Title: t("leads.col.source"), Width: s.sourceWidth()},
		{Title: t("leads.col.stage"), Width: stageW, Keep: true},
		{Title: t("leads.col.owner"), Width: common.Widest(6, t("leads.col.owner"))},
		{Title: t("leads.col.next_on"), Width: common.Widest(6, t("leads.col.next_on")), Keep: true},
		{Title: t("leads.col.next_step"), Width: 14},
	}
	// In a narrow window the name gives way to some fourteen cells (still
	// telling one company from another), then the next step, then the
	// name again; the ref, the stage and the day stay whole.
	return common.Squeeze(common.Stretch(cols, 1, s.Width), s.Width, common.Shrink{Col: 1, Min: 14},
		common.Shrink{Col: 6, Min: 0}, common.Shrink{Col: 4, Min: 0}, common.Shrink{Col: 2, Min: 0}, common.Shrink{Col: 1, Min: 8})
}

// sourceWidth fits the widest source's name and the column's title.
func (s *Screen) sourceWidth() int {
	w := common.Widest(4, s.c.T("leads.col.source"))
	for _, src := range workflow.LeadSources {
		w = common.Widest(w, s.c.T("lead.source."+src))
	}
	return w
}

func (s *Screen) cells(l store.Lead) ([]string, bool) {
	next, step := l.NextOn, l.NextStep
	switch {
	case !isOpen(l.Status):
		next, step = "", "" // nothing more to do on it
	case len(next) == len("2006-01-02") && next < s.today():
		next = "!" + next[5:] // overdue: the mark says so where colour does not show
	case len(next) == len("2006-01-02"):
		next = " " + next[5:] // the month and day, as an overdue one shows them
	}
	return []string{l.Ref, l.Name, s.c.T("lead.source." + l.Source), s.c.T("state.lead." + l.Status), l.Owner,
		next, step}, !isOpen(l.Status)
}

// today is the desk's day, as the workflow counts it.
func (s *Screen) today() string { return s.c.Now().Format("2006-01-02") }

// viewList draws the title with the filter, the header, the rows and
// how many are shown, open and overdue.
func (s *Screen) viewList() string {
	t := s.c.T
	title := t("leads.title")
	if s.stage != "" {
		title += " · " + t("state.lead."+s.stage)
	}
	return s.list.Page(title, t("leads.hint"), t("leads.empty"), s.Width, s.columns(), s.cells, func(rows []store.Lead) string {
		open, late := 0, 0
		for _, l := range rows {
			if isOpen(l.Status) {
				open++
				if l.NextOn != "" && l.NextOn < s.today() {
					late++
				}
			}
		}
		return t("leads.totals", len(rows), open, late)
	})
}
