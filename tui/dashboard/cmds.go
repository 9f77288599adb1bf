package dashboard

import (
	tea "charm.land/bubbletea/v2"

	"orderdesk/store"
	"orderdesk/tui/common"
	"orderdesk/workflow"
)

// loadedMsg answers a read of the dashboard, tagged with the request it
// answers: an older answer is dropped.
type loadedMsg struct {
	req       int
	v         workflow.Dashboard
	start     string
	withStart bool // the start screen was read too
	err       error
}

// startMsg answers s: the screen the desk now opens on.
type startMsg struct {
	screen string
	err    error
}

// load reads the parts asked (with any still pending from a read an
// answer has not come for), on the figures shown; withStart reads the
// user's start screen too. The values are copied before the closure.
func (s *Screen) load(parts workflow.DashParts, withStart bool) tea.Cmd {
	s.req++
	s.pending |= parts
	req, ctx, desk, was, day, asked := s.req, s.c.Ctx, s.c.Desk, s.view, s.today(), s.pending
	if !s.loaded {
		asked = workflow.DashAll
	}
	return func() tea.Msg {
		m := loadedMsg{req: req, withStart: withStart}
		m.v, m.err = desk.RefreshDashboard(ctx, was, day, asked)
		if m.err == nil && withStart {
			m.start, m.err = desk.StartScreen(ctx)
		}
		return m
	}
}

// toggleStart makes the dashboard the screen the desk opens on, or, when
// it is already, the first tab again.
func (s *Screen) toggleStart() tea.Cmd {
	ctx, desk, screen := s.c.Ctx, s.c.Desk, workflow.ScreenDashboard
	if s.isStartScreen() {
		screen = ""
	}
	return func() tea.Msg { return startMsg{screen: screen, err: desk.SetStartScreen(ctx, screen)} }
}

// open is what enter does on the item under the cursor: the screen (or
// the customer's orders) behind it, where the user may see it.
func (s *Screen) open() tea.Cmd {
	items := s.items()
	if len(items) == 0 {
		return nil
	}
	it := items[min(s.cursor.Pos, len(items)-1)]
	if it.customer.ID != 0 {
		msg := common.CustomerOrdersMsg{Screen: "screen.orders", Customer: it.customer}
		return func() tea.Msg { return msg }
	}
	// A figure opens in Statistics as that figure of the month shown, a
	// product as its customers (the leaders are by what was ordered).
	stat := common.StatisticsMsg{Measure: store.StatOrdered, Period: s.view.Month, Tonnes: !s.moneyShown()}
	switch it.panel {
	case panelFigures:
		stat.Measure = figureMeasures[it.row]
		return func() tea.Msg { return stat }
	case panelProducts:
		stat.Item, stat.ItemLabel = s.view.TopProducts[it.row].Key, s.view.TopProducts[it.row].Label
		return func() tea.Msg { return stat }
	}
	if it.screen == "" {
		return nil
	}
	msg := common.SwitchScreenMsg{Screen: it.screen, Back: true}
	return func() tea.Msg { return msg }
}
