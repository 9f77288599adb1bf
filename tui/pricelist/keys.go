package pricelist

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"orderdesk/tui/common"
	"orderdesk/workflow"
)

// The screen's own keys: m shows the market prices, c the changes
// waiting for review (each again goes back to the price list); s picks
// the source of a market history.
var (
	marketKey  = key.NewBinding(key.WithKeys("m"))
	changesKey = key.NewBinding(key.WithKeys("c"))
	sourceKey  = key.NewBinding(key.WithKeys("s"))
)

func (s *Screen) own(b key.Binding, help, label string) key.Binding {
	b.SetHelp(help, s.c.T(label))
	return b
}

// ShortHelp lists the bindings of the current mode.
func (s *Screen) ShortHelp() []key.Binding {
	k := s.c.Keys
	market := s.own(marketKey, "m", "pricelist.key.market")
	changes := s.own(changesKey, "c", "pricelist.key.changes")
	switch s.mode {
	case recordingMarket:
		return []key.Binding{k.Save, k.Cancel}
	case editingChange:
		return []key.Binding{k.Save, k.Cancel, s.own(key.NewBinding(key.WithKeys("ctrl+n")), "ctrl+n", "pricelist.key.add_line"),
			s.own(key.NewBinding(key.WithKeys("ctrl+d")), "ctrl+d", "pricelist.key.delete_line")}
	case priceHistory:
		return []key.Binding{k.Up, k.Down, k.Back}
	case marketHistory:
		return []key.Binding{k.Up, k.Down, s.own(sourceKey, "s", "pricelist.key.source"), k.Back}
	case changeDetail:
		if s.withdrawing {
			return []key.Binding{k.Confirm, k.Cancel}
		}
		return []key.Binding{k.Edit, s.own(k.Void, "x", "key.withdraw"), k.Back}
	}
	if s.Capturing() {
		return []key.Binding{k.Confirm, k.Cancel}
	}
	switch s.list {
	case marketList:
		market = s.own(marketKey, "m", "pricelist.key.prices")
		return []key.Binding{k.Filter, k.Open, s.own(k.New, "n", "pricelist.key.record"), market, changes, k.Down, k.Up, k.Refresh}
	case changesList:
		changes = s.own(changesKey, "c", "pricelist.key.prices")
		return []key.Binding{k.Open, k.New, k.Edit, market, changes, k.Down, k.Up, k.Refresh}
	}
	return []key.Binding{k.Filter, s.own(k.Open, "enter", "pricelist.key.history"), s.own(k.New, "n", "pricelist.key.propose"),
		market, changes, k.Down, k.Up, k.Refresh}
}

// FullHelp is the ? help: the same keys, as one group.
func (s *Screen) FullHelp() [][]key.Binding { return [][]key.Binding{s.ShortHelp()} }

func (s *Screen) handleKey(msg tea.KeyPressMsg) tea.Cmd {
	k := s.c.Keys
	switch s.mode {
	case editingChange:
		return s.changeKey(msg)
	case recordingMarket:
		return s.marketKey(msg)
	case priceHistory, marketHistory:
		switch {
		case key.Matches(msg, k.Back):
			s.mode = listing
		case key.Matches(msg, k.Up):
			s.hist.scroll(-1)
		case key.Matches(msg, k.Down):
			s.hist.scroll(1)
		case key.Matches(msg, sourceKey) && s.mode == marketHistory:
			return s.hist.nextSource(s.c)
		}
		return nil
	case changeDetail:
		if s.withdrawing {
			return s.confirmWithdraw(msg)
		}
		switch {
		case key.Matches(msg, k.Void):
			return s.askWithdraw()
		case key.Matches(msg, k.Back):
			s.mode, s.detail = listing, nil
			s.detailSeq++ // a reload on its way no longer opens it
		case key.Matches(msg, k.Edit):
			return s.editChange()
		}
		return nil
	}
	return s.listKey(msg)
}

func (s *Screen) listKey(msg tea.KeyPressMsg) tea.Cmd {
	k := s.c.Keys
	switch s.list {
	case pricesList:
		if cmd, ok := s.prices.Update(msg); ok {
			return cmd
		}
	case marketList:
		if cmd, ok := s.market.Update(msg); ok {
			return cmd
		}
	case changesList:
		if cmd, ok := s.changes.key(s.c, msg); ok {
			return cmd
		}
	}
	switch {
	case key.Matches(msg, marketKey):
		return s.show(marketList)
	case key.Matches(msg, changesKey):
		return s.show(changesList)
	case key.Matches(msg, k.Open):
		return s.open()
	case key.Matches(msg, k.New) && s.list == marketList:
		return s.newMarket()
	case key.Matches(msg, k.New):
		return s.newChange()
	case key.Matches(msg, k.Edit) && s.list == changesList:
		if d, ok := s.changes.current(); ok {
			return s.openChange(d.ID, true)
		}
	}
	return nil
}

// show switches to list l, or back to the price list if l is shown.
func (s *Screen) show(l list) tea.Cmd {
	if s.list == l {
		l = pricesList
	}
	s.list = l
	switch {
	case l == marketList && !s.market.Loaded:
		return s.market.Reload()
	case l == changesList:
		return s.changes.reload(s.c)
	}
	return nil
}

// open shows the history of the row under the cursor, or opens the
// change.
func (s *Screen) open() tea.Cmd {
	switch s.list {
	case pricesList:
		if p, ok := s.prices.Current(); ok {
			s.mode = priceHistory
			return s.hist.open(s.c, historyOf{grade: p.Grade, name: p.Name, spec: p.Spec})
		}
	case marketList:
		if m, ok := s.market.Current(); ok {
			s.mode = marketHistory
			return s.hist.open(s.c, historyOf{market: true, grade: m.Grade, name: m.Name, spec: m.Spec, source: m.Source})
		}
	case changesList:
		if d, ok := s.changes.current(); ok {
			return s.openChange(d.ID, false)
		}
	}
	return nil
}

// refused says why the workflow will not let this user do p, or "".
func (s *Screen) refused(p workflow.Permission) tea.Cmd {
	if workflow.Can(s.c.Desk.User, p) {
		return nil
	}
	return common.Status(common.RefusalText(s.c.Cat, &workflow.Refusal{Code: workflow.RoleNotAllowed, Roles: workflow.RolesFor(p)}), true)
}
