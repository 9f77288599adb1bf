// Package returns is the Returns screen (退换货): return notes against
// the delivery notes the goods left on, waiting to be checked by a
// second person, waiting for the warehouse, received (an exchange draws
// a new delivery note from one) and void. A return is started from a
// note that left: r on its detail in Shipping, or n here with the note's
// number. Who may do what is the workflow's to say.
package returns

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"orderdesk/store"
	"orderdesk/tui/common"
	"orderdesk/tui/common/docscreen"
	"orderdesk/workflow"
)

// Screen is the returns screen of one session.
type Screen struct {
	docscreen.Base
	c    *common.Common
	keys keyMap

	lists  []*common.Pager[store.GoodsReturn]
	detail *workflow.ReturnDetail
	steps  map[string]bool // what the workflow lets this user do to it now

	formReq  int
	editing  *store.GoodsReturn // the return the form edits (nil: a new one)
	note     store.DeliveryNote // the note a new return is against
	noteForm bool               // the form asks for the note's number first
	rows     []int              // the form's row of each line handed to the workflow
}

// New builds the screen for one session.
func New(c *common.Common) *Screen {
	s := &Screen{c: c, keys: newKeyMap(c)}
	s.Base = docscreen.NewBase(c, "returns", s.detailView)
	for _, l := range lists {
		f := l.filter
		p := common.NewPager(c, "returns."+l.name, func(r store.GoodsReturn) int64 { return r.DocID }, returnLoader(c.Desk, f))
		s.lists = append(s.lists, p)
		s.Lists.Add(l.name, p)
	}
	if workflow.Can(c.Desk.User, workflow.ReceiveReturns) && !workflow.Can(c.Desk.User, workflow.EditReturns) {
		s.Lists.Shown = listChecked // the warehouse starts at what waits for it
	}
	return s
}

// Init loads the first list.
func (s *Screen) Init() tea.Cmd { return s.Lists.Reload() }

// Title is the tab label.
func (s *Screen) Title() string { return s.c.T("screen.returns") }

// ShortHelp gives the bindings of what the screen shows.
func (s *Screen) ShortHelp() []key.Binding { return s.Help(s.detailKeys, s.listKeys) }

// FullHelp is the ? help: the same keys, as one group.
func (s *Screen) FullHelp() [][]key.Binding { return [][]key.Binding{s.ShortHelp()} }

// Nested is true while something opened from the list is shown: digits
// typed there (a number being read off) must not switch screens.
func (s *Screen) Nested() bool { return s.Mode != docscreen.List }

// Update routes a message to what has the focus.
func (s *Screen) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case common.PageMsg[store.GoodsReturn]:
		return s, s.Lists.Update(msg)
	case detailMsg:
		return s, s.applyDetail(msg)
	case formMsg:
		return s, s.applyForm(msg)
	case editMsg:
		return s, s.applyEdit(msg)
	case doneMsg:
		return s, s.applyDone(msg)
	case common.ChangedMsg:
		switch msg.Change.Kind {
		case store.ReturnKind, store.DeliveryNoteKind:
			return s, s.refreshAll()
		}
		return s, nil
	}
	cmd, _ := s.Route(msg, docscreen.Handlers{Form: s.formKey, Detail: s.detailKey, List: s.listKey}, s.open)
	return s, cmd
}

// View renders the mode shown.
func (s *Screen) View() string { return s.Base.View(s.formView, s.listView) }
