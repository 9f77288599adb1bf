// Package orders is the orders screen (销售订单): a list with a live
// filter and filters for status, customer, dates and rep; the order
// entry form (header and line grid); the order's detail with its lines,
// stock answers, totals in figures and in capitals, sign-offs, versions
// and audit trail; and the steps of its life: submit, the customer's
// sign-back, stock answers and stock-up requests, revisions,
// cancellations, a copy of an earlier order, an order from a won quote,
// and the contract as a PDF.
package orders

import (
	"charm.land/bubbles/v2/key"
	"sync/atomic"

	tea "charm.land/bubbletea/v2"

	"orderdesk/store"
	"orderdesk/tui/common"
	"orderdesk/tui/common/draft"
	"orderdesk/workflow"
)

// mode is what the screen shows; it decides where keys go.
type mode int

const (
	modeList mode = iota
	modeDetail
	modeForm
	modePrompt
	modePicker
)

// Screen is the orders screen of one session.
type Screen struct {
	c             *common.Common
	keys          keyMap
	width, height int
	statusWidth   int // the list's status column (list.go), known once a session
	mode          mode
	seq           int // the latest request id given out

	list    *common.Pager[store.OrderRow]
	filter  atomic.Pointer[listFilter] // read by the pager's commands
	filters *filterBar                 // the f form, while open

	detail    *workflow.OrderDetail
	audit     []store.AuditRecord
	detailReq int
	openID    int64 // the order shown (or being opened)
	line      int   // the line under the cursor in the detail
	busy      bool  // an action is on its way

	entry  *entryForm
	prompt *prompt
	reason *common.Prompt // a cancellation's reason, while typed
	picker *picker
	back   mode // where esc leaves a prompt or picker for

	drafts *draft.Shelf
	copied int64 // a copy just made, until its form opens
}

// New builds the screen for one session.
func New(c *common.Common) *Screen {
	s := &Screen{c: c, keys: newKeyMap(c), drafts: draft.NewShelf(c), statusWidth: statusWidth(c)}
	s.filter.Store(&listFilter{})
	s.list = common.NewPager(c, "orders", func(r store.OrderRow) int64 { return r.ID }, s.loadPage)
	return s
}

func (s *Screen) nextReq() int {
	s.seq++
	return s.seq
}

// Init loads the first page.
func (s *Screen) Init() tea.Cmd { return s.list.Reload() }

// Title is the tab label.
func (s *Screen) Title() string { return s.c.T("screen.orders") }

// Capturing is true while typing: the filter, a form or a prompt.
func (s *Screen) Capturing() bool {
	return s.list.Editing || s.mode == modeForm || s.mode == modePrompt || s.filters != nil
}

// SetSize fits the screen and any open form to the window.
func (s *Screen) SetSize(w, h int) {
	s.width, s.height = w, h
	s.list.SetHeight(max(h-listChrome, 1))
	if s.entry != nil {
		s.entry.resize(w, h)
	}
}

// Update routes a message by mode (a panic is the root's: see tui/recover.go).
func (s *Screen) Update(msg tea.Msg) (screen common.Screen, cmd tea.Cmd) {
	screen = s
	switch msg := msg.(type) {
	case common.PageMsg[store.OrderRow]:
		cmd, _ = s.list.Update(msg)
	case detailMsg:
		cmd = s.onDetail(msg)
	case savedMsg:
		cmd = s.onSaved(msg)
	case actedMsg:
		cmd = s.onActed(msg)
	case createdMsg:
		cmd = s.onCreated(msg)
	case draft.LoadedMsg[orderDraft]:
		cmd = s.onDraftLoaded(msg)
	case draft.TickMsg:
		cmd = s.saveDraft(msg)
	case lookupMsg:
		if s.entry != nil {
			s.entry.onLookup(msg)
		}
	case filledMsg:
		if s.entry != nil {
			s.entry.onFilled(msg)
		}
	case defaultsMsg:
		if s.entry != nil {
			s.entry.onDefaults(msg)
		}
	case pricesMsg:
		if s.entry != nil {
			cmd = s.entry.onPrices(msg)
		}
	case quotesMsg:
		if s.picker != nil {
			s.picker.onQuotes(msg)
		}
	case filterMsg:
		cmd = s.onFilter(msg)
	case printedMsg:
		cmd = s.onPrinted(msg)
	case common.CustomerOrdersMsg:
		cmd = s.showCustomer(msg.Customer)
	case common.OpenMsg:
		if msg.Screen == "screen.orders" && msg.DocID != 0 {
			s.mode, s.entry, s.prompt, s.reason, s.picker = modeDetail, nil, nil, nil, nil
			cmd = s.openDetail(msg.DocID)
		}
	case common.ChangedMsg:
		cmd = s.onChanged(msg.Change)
	case tea.KeyPressMsg:
		cmd = s.onKey(msg)
	case tea.PasteMsg:
		cmd = s.onPaste(msg)
	}
	return s, cmd
}

func (s *Screen) onKey(msg tea.KeyPressMsg) tea.Cmd {
	if s.filters != nil {
		return s.updateFilters(msg)
	}
	switch s.mode {
	case modeDetail:
		return s.updateDetail(msg)
	case modeForm:
		return s.updateEntry(msg)
	case modePrompt:
		return s.updatePrompt(msg)
	case modePicker:
		return s.updatePicker(msg)
	}
	return s.updateList(msg)
}

func (s *Screen) onPaste(msg tea.PasteMsg) tea.Cmd {
	switch {
	case s.filters != nil:
		return s.filters.form.Update(msg)
	case s.mode == modeForm && s.entry != nil:
		return tea.Batch(s.entry.update(msg), s.entry.touched())
	case s.mode == modePrompt && s.reason != nil:
		return s.reason.Update(msg)
	case s.mode == modePrompt && s.prompt != nil:
		return s.prompt.form.Update(msg)
	case s.mode == modeList:
		cmd, _ := s.list.Update(msg)
		return cmd
	}
	return nil
}

// onChanged refreshes what is shown when an order, a cancellation, a
// stock-up request or a quote changed anywhere; a form being typed is
// left alone (its save says if someone else changed the order).
func (s *Screen) onChanged(ch workflow.Change) tea.Cmd {
	switch ch.Kind {
	case store.OrderKind, store.OrderCancelKind, store.StockRequestKind, store.QuoteKind, "customer":
	default:
		return nil
	}
	cmds := []tea.Cmd{s.list.Refresh()}
	if s.detail != nil && (s.mode == modeDetail || s.mode == modePrompt) {
		cmds = append(cmds, s.reloadDetail())
	}
	if s.picker != nil {
		cmds = append(cmds, s.picker.load(s))
	}
	return tea.Batch(cmds...)
}

// ShortHelp gives the bindings of the current mode, for the footer and help.
func (s *Screen) ShortHelp() []key.Binding {
	k := s.keys
	if s.filters != nil {
		return []key.Binding{k.next, k.prev, k.confirm, k.save, k.abandon}
	}
	switch s.mode {
	case modeDetail:
		return s.detailKeys()
	case modeForm:
		if s.entry != nil && len(s.entry.today) > 0 {
			return []key.Binding{k.today, k.next, k.prev, k.addLine, k.delLine, k.save, k.abandon}
		}
		return []key.Binding{k.next, k.prev, k.pick, k.addLine, k.delLine, k.save, k.abandon}
	case modePrompt:
		if s.reason != nil {
			return s.reason.ShortHelp()
		}
		return []key.Binding{k.next, k.prev, k.save, k.abandon}
	case modePicker:
		return []key.Binding{k.up, k.down, k.confirm, k.back}
	}
	if s.list.Editing {
		return []key.Binding{k.confirm, k.abandon}
	}
	return []key.Binding{k.filter, k.status, k.filters, k.open, k.create, k.copy, k.fromQuote, k.edit,
		k.up, k.down, k.pageUp, k.pageDown, k.top, k.bottom, k.refresh, k.back}
}

// FullHelp is the ? help: the same keys, as one group.
func (s *Screen) FullHelp() [][]key.Binding { return [][]key.Binding{s.ShortHelp()} }

// View renders the current mode; it only reads state.
func (s *Screen) View() string {
	if s.filters != nil {
		return s.viewFilters()
	}
	switch s.mode {
	case modeDetail:
		return s.viewDetail()
	case modeForm:
		if s.entry != nil {
			return s.entry.view()
		}
	case modePrompt:
		if s.reason != nil {
			return s.reason.View()
		}
		if s.prompt != nil {
			return s.viewPrompt()
		}
	case modePicker:
		if s.picker != nil {
			return s.picker.view(s)
		}
	}
	return s.viewList()
}
