package pricing

import (
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"orderdesk/store"
	"orderdesk/tui/common"
	"orderdesk/workflow"
)

// group is one tab of the list: the quote versions in some statuses.
type group struct {
	key      string
	statuses []string
}

// groups follow a quote's life: drafts, sent back to the clerk, waiting
// for review, approved (to send), sent and waiting for the customer,
// and closed.
var groups = []group{
	{"draft", []string{"draft"}},
	{"sent_back", []string{"sent_back"}},
	{"submitted", []string{"submitted"}},
	{"approved", []string{"approved"}},
	{"sent", []string{"sent"}},
	{"closed", []string{"won", "lost", "expired"}},
	{"all", nil},
}

// groupOf is the tab a status is listed under.
func groupOf(status string) int {
	for i, g := range groups {
		for _, st := range g.statuses {
			if st == status {
				return i
			}
		}
	}
	return len(groups) - 1
}

func (s *Screen) listRows() int { return max(s.height-6, 1) }

// showGroup makes tab i the one shown, loading it the first time.
func (s *Screen) showGroup(i int) tea.Cmd {
	s.pagers[i].SetHeight(s.listRows())
	return s.lists.Show(i)
}

// refreshList reads the rows shown again, keeping the cursor.
func (s *Screen) refreshList() tea.Cmd { return s.lists.Refresh() }

func (s *Screen) loadFollowUps() tea.Cmd {
	s.followSeq++
	seq, desk, ctx, asOf, days := s.followSeq, s.c.Desk, s.c.Ctx, s.c.Now(), s.c.FollowUpDays
	return func() tea.Msg {
		rows, err := desk.QuotesToFollowUp(ctx, asOf, days)
		return followMsg{seq: seq, rows: rows, err: err}
	}
}

func (s *Screen) onFollowUps(msg followMsg) {
	if msg.seq != s.followSeq || msg.err != nil {
		return // the next change tries again
	}
	s.follow = make(map[int64]workflow.FollowUp, len(msg.rows))
	for _, f := range msg.rows {
		s.follow[f.ID] = f
	}
	s.followN = len(msg.rows)
}

func (s *Screen) listKey(msg tea.KeyPressMsg) tea.Cmd {
	p, k := s.pager(), s.keys
	if cmd, handled := s.lists.Key(msg, k.prevGroup, k.nextGroup); handled {
		return cmd
	}
	switch {
	case key.Matches(msg, k.open):
		if r, ok := p.Current(); ok {
			return s.open(r.ID)
		}
		return nil
	case key.Matches(msg, k.back):
		if p.Query() != "" {
			return p.ClearFilter()
		}
		return nil
	case key.Matches(msg, k.refresh):
		return tea.Batch(p.Refresh(), s.loadFollowUps())
	}
	cmd, _ := p.Update(msg)
	return cmd
}

// listColumns fit the list to the window. The reference (a revision
// differs from its quote only at the end), the status and the amount
// are kept whole; the customer's name gives way to them.
func (s *Screen) listColumns() []common.Column {
	cols := []common.Column{
		{Title: s.c.T("pricing.col.ref"), Width: 16, Keep: true},
		{Title: s.c.T("pricing.col.customer"), Width: 24},
		{Title: s.c.T("pricing.col.status"), Width: 8, Keep: true},
		{Title: s.c.T("pricing.col.age"), Width: 7, Right: true},
		{Title: s.c.T("pricing.col.total"), Width: 16, Right: true, Keep: true},
		{Title: s.c.T("pricing.col.unpriced"), Width: 8, Right: true},
		{Title: s.c.T("pricing.col.maker"), Width: 8},
		{Title: s.c.T("pricing.col.follow"), Width: 14},
	}
	cols = common.WidenTo(cols, s.pager().Rows, func(r store.QuoteRow) []string { return s.listCells(r, s.c.Now()) })
	// Narrow windows: the customer's name, the follow-up flag and the
	// maker give way first; the kept columns narrow only to their widest
	// cell.
	return common.Squeeze(common.Stretch(cols, 1, s.width), s.width, common.Shrink{Col: 1, Min: 12},
		common.Shrink{Col: 7, Min: 4}, common.Shrink{Col: 0, Min: 13}, common.Shrink{Col: 4, Min: 13}, common.Shrink{Col: 6, Min: 6},
		common.Shrink{Col: 2}, common.Shrink{Col: 5, Min: 4}, common.Shrink{Col: 1, Min: 8})
}

// listCells are a quote's cells in the list.
func (s *Screen) listCells(r store.QuoteRow, now time.Time) []string {
	total := moneyText(r.Total)
	if r.MoneyHidden {
		total = s.c.T("pricing.hidden")
	}
	unpriced := ""
	if r.Unpriced > 0 {
		unpriced = itoa(r.Unpriced)
	}
	flag := ""
	if f, ok := s.follow[r.ID]; ok {
		flag = s.c.T("pricing.follow_flag", f.DaysWaiting)
		if f.PastValidity {
			flag = s.c.T("pricing.follow_past", f.DaysWaiting)
		}
	}
	return []string{store.QuoteRef(r.QuoteNo, r.Revision), r.Customer, s.c.T("state.quote." + r.Status),
		common.Age(s.c.Cat, now, r.StatusSince), total, unpriced, r.Maker, flag}
}

func (s *Screen) listView() string {
	st := s.c.Styles
	var b strings.Builder
	tabs := make([]string, len(groups))
	for i, g := range groups {
		name := s.c.T("pricing.group." + g.key)
		if i == s.lists.Shown {
			tabs[i] = st.ActiveTab.Render(name)
		} else {
			tabs[i] = st.Tab.Render(name)
		}
	}
	head := st.Title.Render(s.c.T("pricing.heading")) + " " + strings.Join(tabs, "")
	b.WriteString(head)
	if s.followN > 0 {
		// In a narrow window the count says less rather than run past it.
		room := s.width - ansi.StringWidth(head) - 2
		for _, follow := range []string{s.c.T("pricing.follow_count", s.followN, s.c.FollowUpDays), s.c.T("pricing.follow_short", s.followN)} {
			if s.width <= 0 || ansi.StringWidth(follow) <= room {
				b.WriteString("  " + st.Warning.Render(follow))
				break
			}
		}
	}
	b.WriteString("\n")
	p := s.pager()
	if f := p.FilterView(); f != "" {
		b.WriteString(f + "\n")
	} else {
		b.WriteString(st.Muted.Render(s.c.T("pricing.list_hint")) + "\n")
	}
	now := s.c.Now()
	b.WriteString(p.Render(s.listColumns(), func(r store.QuoteRow) ([]string, bool) {
		return s.listCells(r, now), false
	}))
	b.WriteString("\n" + st.Muted.Render(p.Status()))
	return b.String()
}
