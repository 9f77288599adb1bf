package pricelist

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"orderdesk/tui/common"
	"orderdesk/workflow"
)

// keyMap is the screen's bindings, built once per session with help in
// its language. m shows the market prices, c the changes waiting for
// review (each again goes back to the price list: toPrices is the same
// key saying so); s picks the source of a market history.
type keyMap struct {
	up, down, back, refresh, filter, open, create, edit key.Binding
	save, cancel, confirm, withdraw                     key.Binding
	market, changes, source, marketBack, changesBack    key.Binding
	history, propose, record, addLine, deleteLine       key.Binding
}

func newKeyMap(c *common.Common) keyMap {
	k := c.Keys
	b := c.Bind
	return keyMap{
		up: k.Up, down: k.Down, back: k.Back, refresh: k.Refresh, filter: k.Filter,
		open: k.Open, create: k.New, edit: k.Edit, save: k.Save, cancel: k.Cancel, confirm: k.Confirm,
		withdraw:    b("x", "key.withdraw", k.Void.Keys()...),
		market:      b("m", "pricelist.key.market", "m"),
		changes:     b("c", "pricelist.key.changes", "c"),
		source:      b("s", "pricelist.key.source", "s"),
		marketBack:  b("m", "pricelist.key.prices", "m"),
		changesBack: b("c", "pricelist.key.prices", "c"),
		history:     b("enter", "pricelist.key.history", k.Open.Keys()...),
		propose:     b("n", "pricelist.key.propose", k.New.Keys()...),
		record:      b("n", "pricelist.key.record", k.New.Keys()...),
		addLine:     b("ctrl+n", "pricelist.key.add_line", "ctrl+n"),
		deleteLine:  b("ctrl+d", "pricelist.key.delete_line", "ctrl+d"),
	}
}

// ShortHelp lists the bindings of the current mode.
func (s *Screen) ShortHelp() []key.Binding {
	k := s.keys
	switch s.mode {
	case recordingMarket:
		return []key.Binding{k.save, k.cancel}
	case editingChange:
		return []key.Binding{k.save, k.cancel, k.addLine, k.deleteLine}
	case priceHistory:
		return []key.Binding{k.up, k.down, k.back}
	case marketHistory:
		return []key.Binding{k.up, k.down, k.source, k.back}
	case changeDetail:
		if s.withdrawing {
			return []key.Binding{k.confirm, k.cancel}
		}
		return []key.Binding{k.edit, k.withdraw, k.back}
	}
	if s.Capturing() {
		return []key.Binding{k.confirm, k.cancel}
	}
	switch s.list {
	case marketList:
		return []key.Binding{k.filter, k.open, k.record, k.marketBack, k.changes, k.down, k.up, k.refresh}
	case changesList:
		return []key.Binding{k.open, k.create, k.edit, k.market, k.changesBack, k.down, k.up, k.refresh}
	}
	return []key.Binding{k.filter, k.history, k.propose, k.market, k.changes, k.down, k.up, k.refresh}
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
		case key.Matches(msg, s.keys.source) && s.mode == marketHistory:
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
	case key.Matches(msg, s.keys.market):
		return s.show(marketList)
	case key.Matches(msg, s.keys.changes):
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
