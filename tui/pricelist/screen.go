// Package pricelist is the price list screen (价目表): the prices valid
// today with each one's history, the changes to the list that wait for a
// supervisor's sign-off, and the market reference prices (local dealers,
// Shenyang and Wuxi markets) with theirs. The list changes only through
// a reviewed change: this screen proposes and edits changes, never
// prices.
package pricelist

import (
	"context"

	tea "charm.land/bubbletea/v2"

	"orderdesk/store"
	"orderdesk/tui/common"
	"orderdesk/tui/common/draft"
	"orderdesk/workflow"
)

// list is which of the screen's lists is shown.
type list int

const (
	pricesList  list = iota // the price list valid today
	marketList              // the newest market price of each source
	changesList             // the changes waiting for review or sent back
)

type mode int

const (
	listing         mode = iota
	priceHistory         // every price a grade and spec had
	marketHistory        // a source's prices of a grade and spec
	changeDetail         // one change's lines and history
	editingChange        // proposing or editing a change
	recordingMarket      // entering a market price
)

// Screen is the price list screen of one session.
type Screen struct {
	c             *common.Common
	keys          keyMap
	width, height int
	list          list
	mode          mode
	prices        *common.Pager[store.ListPrice]
	market        *common.Pager[store.MarketPrice]
	changes       changes
	hist          history
	detail        *workflow.DocumentDetail // the change opened
	detailSeq     int
	withdrawing   bool // x pressed on the change shown: enter confirms
	change        *changeForm
	record        *marketForm
	drafts        *draft.Shelf
}

// New returns the price list screen.
func New(c *common.Common) *Screen {
	desk := c.Desk
	prices := func(ctx context.Context, p store.Page) ([]store.ListPrice, error) { return desk.PriceList(ctx, "", p) }
	market := func(ctx context.Context, p store.Page) ([]store.MarketPrice, error) { return desk.MarketPrices(ctx, p) }
	return &Screen{
		c:      c,
		keys:   newKeyMap(c),
		drafts: draft.NewShelf(c),
		prices: common.NewPager(c, "pricelist.prices", func(p store.ListPrice) int64 { return p.ID }, prices),
		// Market rows run newest first: the pager's cursor is the id negated.
		market: common.NewPager(c, "pricelist.market", func(m store.MarketPrice) int64 { return -m.ID }, market),
	}
}

// Title is the tab label.
func (s *Screen) Title() string { return s.c.T("screen.price_list") }

// Init loads the price list; the other lists load when first shown.
func (s *Screen) Init() tea.Cmd { return s.prices.Reload() }

// SetSize keeps each list one page high.
func (s *Screen) SetSize(w, h int) {
	s.width, s.height = w, h
	s.prices.SetHeight(h - 4)
	s.market.SetHeight(h - 4)
	if s.change != nil {
		s.change.setSize(w, h)
	}
	if s.record != nil {
		s.record.setSize(w, h)
	}
}

// Capturing is true while a filter or a form has focus.
func (s *Screen) Capturing() bool {
	switch {
	case s.mode == editingChange || s.mode == recordingMarket:
		return true
	case s.mode != listing:
		return false
	case s.list == pricesList:
		return s.prices.Editing
	case s.list == marketList:
		return s.market.Editing
	}
	return false
}

// Update routes messages by what they are and keys by mode.
func (s *Screen) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case common.PageMsg[store.ListPrice]:
		cmd, _ := s.prices.Update(msg)
		return s, cmd
	case common.PageMsg[store.MarketPrice]:
		cmd, _ := s.market.Update(msg)
		return s, cmd
	case changesMsg:
		s.changes.apply(msg)
		return s, nil
	case historyMsg:
		s.hist.apply(msg)
		return s, nil
	case detailMsg:
		return s, s.applyDetail(msg)
	case changeSavedMsg:
		return s, s.applyChangeSaved(msg)
	case marketSavedMsg:
		return s, s.applyMarketSaved(msg)
	case withdrawnMsg:
		return s, s.applyWithdrawn(msg)
	case draft.TickMsg:
		return s, s.onDraftTick(msg)
	case draft.LoadedMsg[kept]:
		s.onDraftLoaded(msg)
		return s, nil
	case common.ChangedMsg:
		return s, s.changed(msg.Change)
	case tea.KeyPressMsg:
		return s, s.handleKey(msg)
	case tea.PasteMsg:
		return s, s.paste(msg)
	}
	return s, s.toForm(msg)
}

// changed reloads what another desk's change (or this one's) touched.
func (s *Screen) changed(c workflow.Change) tea.Cmd {
	var cmds []tea.Cmd
	switch c.Kind {
	case store.PriceChangeKind, workflow.PriceListKind:
		// An approval writes prices into the list.
		cmds = append(cmds, s.prices.Refresh())
		if s.changes.loaded {
			cmds = append(cmds, s.changes.reload(s.c))
		}
		if s.mode == priceHistory {
			cmds = append(cmds, s.hist.reload(s.c))
		}
		if s.mode == changeDetail && s.detail != nil && s.detail.ID == c.ID {
			cmds = append(cmds, s.openChange(c.ID, false))
		}
	case workflow.MarketPriceKind:
		if s.market.Loaded {
			// Newest first: a new entry goes above the rows shown, so
			// the list is read again from the top.
			cmds = append(cmds, s.market.Reload())
		}
		if s.mode == marketHistory {
			cmds = append(cmds, s.hist.reload(s.c))
		}
	}
	return tea.Batch(cmds...)
}

// paste goes to whatever has the keyboard.
func (s *Screen) paste(msg tea.PasteMsg) tea.Cmd {
	switch {
	case s.mode == editingChange || s.mode == recordingMarket:
		return s.toForm(msg)
	case s.mode == listing && s.list == pricesList:
		cmd, _ := s.prices.Update(msg)
		return cmd
	case s.mode == listing && s.list == marketList:
		cmd, _ := s.market.Update(msg)
		return cmd
	}
	return nil
}

// toForm passes other messages (a cursor's blink) to an open form.
func (s *Screen) toForm(msg tea.Msg) tea.Cmd {
	switch {
	case s.mode == editingChange && s.change != nil:
		return s.change.form.Update(msg)
	case s.mode == recordingMarket && s.record != nil:
		return s.record.form.Update(msg)
	}
	return nil
}
