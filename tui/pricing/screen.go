// Package pricing is the Pricing screen (报价): quote versions by state
// with their age and the ones to follow up; a quote's lines with the
// price context of the line under the cursor; pricing line after line
// from the keyboard, price requests to purchasing, submission for a
// supervisor's sign-off, sending, winning, losing, expiring, revising,
// and every version side by side. What a user may do is the workflow's
// word: the screen asks the Desk and shows its refusals.
package pricing

import (
	"charm.land/bubbles/v2/key"
	"context"

	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"orderdesk/store"
	"orderdesk/tui/common"
	"orderdesk/workflow"
)

// ScreenKey is the screen's title key, as OpenMsg names it.
const ScreenKey = "screen.pricing"

type mode int

const (
	modeList     mode = iota
	modeDetail        // a quote version, its lines and price context
	modePrice         // typing a line's unit price
	modeRequest       // typing the note of a price request
	modeComment       // typing the reason or comment of an action
	modeConfirm       // enter confirms a final action
	modeVersions      // every version side by side
	modeEdit          // editing a draft's header and lines
)

// Screen is the Pricing screen of one session.
type Screen struct {
	c             *common.Common
	keys          keyMap
	width, height int
	mode          mode

	lists  *common.Lists                   // the groups, one shown
	pagers []*common.Pager[store.QuoteRow] // the same, typed

	follow    map[int64]workflow.FollowUp
	followN   int
	followSeq int

	d        detail
	input    textinput.Model // price, request note or action comment
	inputErr string
	// inputFrom is what input held as it opened; leaving asks before
	// esc drops anything typed since.
	inputFrom string
	leaving   common.Leaving
	action    string // the action being confirmed or commented

	price priceState

	versions    []workflow.QuoteDetail
	versionsSeq int

	edit *editState
}

// New builds the screen for one session.
func New(c *common.Common) *Screen {
	s := &Screen{c: c, keys: newKeyMap(c), follow: map[int64]workflow.FollowUp{}}
	desk := c.Desk
	s.lists = common.NewLists(c, "pricing.group.")
	for _, g := range groups {
		statuses := g.statuses
		load := func(ctx context.Context, p store.Page) ([]store.QuoteRow, error) {
			return desk.Quotes(ctx, store.DocFilter{Statuses: statuses}, p)
		}
		p := common.NewPager(c, "pricing."+g.key, func(r store.QuoteRow) int64 { return r.ID }, load)
		s.pagers = append(s.pagers, p)
		s.lists.Add(g.key, p)
	}
	ti := textinput.New()
	ti.Prompt = ""
	ti.CharLimit = 200
	st := ti.Styles()
	st.Cursor.Blink = false // a blinking cursor redraws every SSH session twice a second
	ti.SetStyles(st)
	s.input = ti
	return s
}

// Init loads the first group and the quotes to follow up.
func (s *Screen) Init() tea.Cmd {
	return tea.Batch(s.showGroup(s.lists.Shown), s.loadFollowUps())
}

// Title is the tab label.
func (s *Screen) Title() string { return s.c.T(ScreenKey) }

// Capturing is true while text is typed: the filter, a price, a note, a
// comment or the edit form.
func (s *Screen) Capturing() bool {
	switch s.mode {
	case modePrice, modeRequest, modeComment, modeEdit:
		return true
	case modeList:
		return s.pager().Editing
	}
	return false
}

// SetSize fits the screen to the window.
func (s *Screen) SetSize(w, h int) {
	s.width, s.height = w, h
	s.lists.SetHeight(s.listRows())
	s.input.SetWidth(max(min(w-40, 60), 10))
	if s.edit != nil {
		s.edit.form.SetSize(w, h-2)
	}
}

func (s *Screen) pager() *common.Pager[store.QuoteRow] { return s.pagers[s.lists.Shown] }

// Update routes a message by mode (a panic is the root's: see tui/recover.go).
func (s *Screen) Update(msg tea.Msg) (screen common.Screen, cmd tea.Cmd) {
	screen = s
	switch msg := msg.(type) {
	case common.PageMsg[store.QuoteRow]:
		return s, s.lists.Update(msg)
	case quoteMsg:
		return s, s.onQuote(msg)
	case contextMsg:
		s.onContext(msg)
		return s, nil
	case followMsg:
		s.onFollowUps(msg)
		return s, nil
	case pricedMsg:
		return s, s.onPriced(msg)
	case requestedMsg:
		return s, s.onRequested(msg)
	case actedMsg:
		return s, s.onActed(msg)
	case versionsMsg:
		s.onVersions(msg)
		return s, nil
	case editSavedMsg:
		return s, s.onEditSaved(msg)
	case common.OpenMsg:
		if msg.Screen != ScreenKey || msg.DocID == 0 {
			return s, nil
		}
		return s, s.open(msg.DocID)
	case common.ChangedMsg:
		return s, s.onChanged(msg.Change)
	case tea.KeyPressMsg:
		return s, s.onKey(msg)
	case tea.PasteMsg:
		return s, s.onOther(msg)
	}
	return s, s.onOther(msg)
}

func (s *Screen) onKey(msg tea.KeyPressMsg) tea.Cmd {
	switch s.mode {
	case modeDetail:
		return s.detailKey(msg)
	case modePrice:
		return s.priceKey(msg)
	case modeRequest:
		return s.requestKey(msg)
	case modeComment:
		return s.commentKey(msg)
	case modeConfirm:
		return s.confirmKey(msg)
	case modeVersions:
		return s.versionsKey(msg)
	case modeEdit:
		return s.editKey(msg)
	}
	return s.listKey(msg)
}

// onOther passes pastes and the inputs' own messages to whatever has
// the focus.
func (s *Screen) onOther(msg tea.Msg) tea.Cmd {
	switch s.mode {
	case modePrice, modeRequest, modeComment:
		if _, pasted := msg.(tea.PasteMsg); pasted {
			s.leaving.TypedOn()
		}
		var cmd tea.Cmd
		s.input, cmd = s.input.Update(msg)
		return cmd
	case modeEdit:
		if s.edit != nil {
			return s.edit.form.Update(msg)
		}
	case modeList:
		if s.pager().Editing {
			cmd, _ := s.pager().Update(msg)
			return cmd
		}
	}
	return nil
}

// onChanged keeps what is shown live: another session (or this one)
// saved a quote, purchasing answered a price request, the price list or
// a market price changed.
func (s *Screen) onChanged(ch workflow.Change) tea.Cmd {
	var cmds []tea.Cmd
	switch ch.Kind {
	case store.QuoteKind, store.PriceRequestKind, "customer":
		cmds = append(cmds, s.refreshList(), s.loadFollowUps())
		if s.d.id != 0 && s.mode != modeList {
			cmds = append(cmds, s.reloadQuote())
		}
		if s.mode == modeVersions {
			cmds = append(cmds, s.loadVersions())
		}
	case workflow.PriceListKind, workflow.MarketPriceKind:
		if s.d.id != 0 && s.mode != modeList {
			cmds = append(cmds, s.loadContext(true))
		}
	}
	return tea.Batch(cmds...)
}

// Keys are the bindings of the current mode, for the footer and help:
// the actions offered are those the workflow allows this user now.
func (s *Screen) ShortHelp() []key.Binding {
	k := s.keys
	switch s.mode {
	case modeDetail:
		return s.detailKeys()
	case modePrice:
		return []key.Binding{k.savePrice, k.cancel}
	case modeRequest, modeComment, modeConfirm:
		return []key.Binding{k.confirm, k.cancel}
	case modeVersions:
		return []key.Binding{k.back}
	case modeEdit:
		return []key.Binding{k.next, k.prev, k.newLine, k.delLine, k.save, k.cancel}
	}
	if s.pager().Editing {
		return []key.Binding{k.confirm, k.cancel}
	}
	return []key.Binding{k.up, k.down, k.open, k.filter, k.prevGroup, k.nextGroup, k.refresh}
}

// FullHelp is the ? help: the same keys, as one group.
func (s *Screen) FullHelp() [][]key.Binding { return [][]key.Binding{s.ShortHelp()} }

// View renders the current mode; it only reads state.
func (s *Screen) View() string {
	switch s.mode {
	case modeList:
		return s.listView()
	case modeVersions:
		return s.versionsView()
	case modeEdit:
		return s.editView()
	}
	return s.detailView()
}
