package shipping

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"orderdesk/store"
	"orderdesk/tui/common"
	"orderdesk/tui/common/docscreen"
	"orderdesk/workflow"
)

// lists are the screen's lists in key order: orders waiting for a note,
// then the notes in each state.
var lists = []struct {
	name     string
	statuses []string
}{
	{"to_draft", nil},
	{"drafts", []string{"draft", "sent_back"}},
	{"submitted", []string{"submitted"}},
	{"waiting", []string{"approved"}},
	{"released", []string{"released"}},
	{"loaded", []string{"loaded"}},
	{"in_transit", []string{"in_transit"}},
	{"delivered", []string{"delivered"}},
}

func (s *Screen) notesPager() *common.Pager[store.DeliveryRow] {
	if s.Lists.Shown == 0 {
		return nil
	}
	return s.notes[s.Lists.Shown-1]
}

// refreshAll reads again what is shown (after a change here or elsewhere).
func (s *Screen) refreshAll() tea.Cmd {
	return tea.Batch(s.loadInbox(), s.Lists.Refresh(), s.ReloadShown(s.loadDetail))
}

func (s *Screen) listKey(msg tea.KeyPressMsg) tea.Cmd {
	k := s.keys
	tab := s.Lists.Shown
	switch {
	case key.Matches(msg, k.report) && k.report.Enabled():
		return s.openReport()
	case key.Matches(msg, k.create), key.Matches(msg, k.open) && tab == 0:
		if tab != 0 {
			return s.Say(s.c.T("shipping.open_order_first"))
		}
		if o, ok := s.orders.Current(); ok && k.create.Enabled() {
			return s.startDraft(o)
		}
		return nil
	case key.Matches(msg, k.open):
		if r, ok := s.notesPager().Current(); ok {
			s.Mode = docscreen.Detail
			return s.loadDetail(r.ID)
		}
		return nil
	}
	return s.Lists.Update(msg)
}

// listView draws the list tabs, the filter, the rows and this user's tasks.
func (s *Screen) listView() string {
	st := s.c.Styles
	var b strings.Builder
	b.WriteString(s.Lists.TabsView() + "\n")
	if len(s.inbox) > 0 {
		b.WriteString(st.Warning.Render(s.inboxLine()) + "\n")
	}
	now := s.c.Now()
	if p := s.notesPager(); p != nil {
		cols := common.Stretch([]common.Column{
			{Title: s.c.T("shipping.col.ref"), Width: 15}, {Title: s.c.T("shipping.col.order"), Width: 16},
			{Title: s.c.T("shipping.col.customer"), Width: 20}, {Title: s.c.T("shipping.col.terms"), Width: 7},
			{Title: s.c.T("shipping.col.total"), Width: 14, Right: true}, {Title: s.c.T("shipping.col.carrier"), Width: 12},
			{Title: s.c.T("shipping.col.maker"), Width: 8}, {Title: s.c.T("shipping.col.age"), Width: 6, Right: true},
		}, 2, s.Width)
		// At 80 columns the name, the carrier and the numbers give way before the amount and the age.
		cols = common.Squeeze(cols, s.Width, common.Shrink{Col: 2, Min: 10}, common.Shrink{Col: 5, Min: 0},
			common.Shrink{Col: 1, Min: 12}, common.Shrink{Col: 0, Min: 13})
		b.WriteString(p.View(cols, func(r store.DeliveryRow) ([]string, bool) {
			total := r.Total.String()
			if r.MoneyHidden {
				total = s.c.T("shipping.no_money")
			}
			return []string{r.Ref, r.OrderNo, r.Customer, s.c.T("shipping.terms." + r.PaymentTerms), total,
				joinNonEmpty(r.Carrier, r.Vehicle), r.Maker, common.Age(s.c.Cat, now, r.StatusSince)}, false
		}))
		return b.String()
	}
	cols := common.Stretch([]common.Column{
		{Title: s.c.T("shipping.col.order"), Width: 16}, {Title: s.c.T("shipping.col.customer"), Width: 24},
		{Title: s.c.T("shipping.col.lines"), Width: 5, Right: true}, {Title: s.c.T("shipping.col.total"), Width: 14, Right: true},
		{Title: s.c.T("shipping.col.ship_on"), Width: 10}, {Title: s.c.T("shipping.col.age"), Width: 6, Right: true},
	}, 1, s.Width)
	b.WriteString(s.orders.View(cols, func(r store.OrderRow) ([]string, bool) {
		total := r.Total.String()
		if r.MoneyHidden {
			total = s.c.T("shipping.no_money")
		}
		return []string{r.Number(), r.Customer, itoa(r.Lines), total, r.DeliveryDate, common.Age(s.c.Cat, now, r.StatusSince)}, false
	}))
	return b.String()
}

// inboxLine says what waits for this user's step.
func (s *Screen) inboxLine() string {
	var parts []string
	for i, t := range s.inbox {
		if i == 3 {
			parts = append(parts, "…")
			break
		}
		what := s.c.T("shipping.inbox_load")
		switch t.Action {
		case "confirm_payment":
			what = s.c.T("shipping.inbox_pay", t.Gate.Due.String())
		case workflow.ActionRelease:
			what = s.c.T("shipping.inbox_release")
		}
		parts = append(parts, t.Ref+" "+t.Customer+" "+what)
	}
	return s.c.T("shipping.inbox_title", len(s.inbox)) + ": " + strings.Join(parts, " · ")
}
