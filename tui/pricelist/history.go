package pricelist

import (
	tea "charm.land/bubbletea/v2"

	"orderdesk/store"
	"orderdesk/tui/common"
)

// historyOf names what a history shows: a grade and spec's list prices,
// or its market prices from one source ("" for every source).
type historyOf struct {
	market            bool
	grade, name, spec string
	source            string
}

// history is the history view's state.
type history struct {
	of     historyOf
	seq    int
	loaded bool
	err    error
	prices []store.ListPrice
	market []store.MarketPrice
	latest []store.MarketPrice // each source's newest, above a market history
	top    int                 // the first row shown
}

type historyMsg struct {
	seq    int
	prices []store.ListPrice
	market []store.MarketPrice
	latest []store.MarketPrice
	err    error
}

func (h *history) open(c *common.Common, of historyOf) tea.Cmd {
	*h = history{of: of, seq: h.seq}
	return h.reload(c)
}

// reload reads the history again (after a change elsewhere).
func (h *history) reload(c *common.Common) tea.Cmd {
	h.seq++
	seq, desk, ctx, of := h.seq, c.Desk, c.Ctx, h.of
	return func() tea.Msg {
		msg := historyMsg{seq: seq}
		if !of.market {
			msg.prices, msg.err = desk.PriceListHistory(ctx, of.grade, of.spec)
			return msg
		}
		if msg.latest, msg.err = desk.LatestMarketPrices(ctx, of.grade, of.name, of.spec); msg.err == nil {
			msg.market, msg.err = desk.MarketPriceHistory(ctx, of.source, of.grade, of.spec, 200)
		}
		return msg
	}
}

func (h *history) apply(msg historyMsg) {
	if msg.seq != h.seq {
		return
	}
	h.loaded, h.err = true, msg.err
	if msg.err == nil {
		h.prices, h.market, h.latest = msg.prices, msg.market, msg.latest
	}
	h.top = max(min(h.top, h.rows()-1), 0)
}

func (h *history) rows() int {
	if h.of.market {
		return len(h.market)
	}
	return len(h.prices)
}

func (h *history) scroll(by int) { h.top = max(min(h.top+by, h.rows()-1), 0) }

// nextSource shows the next source's history: each source in turn, then
// all of them.
func (h *history) nextSource(c *common.Common) tea.Cmd {
	order := append([]string{""}, store.MarketSources...)
	for i, src := range order {
		if src == h.of.source {
			h.of.source = order[(i+1)%len(order)]
			break
		}
	}
	h.top = 0
	return h.reload(c)
}
