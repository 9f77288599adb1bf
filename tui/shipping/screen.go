// Package shipping is the Shipping screen (发货): orders waiting for a
// delivery note, notes in each state with their age, a note's detail
// with its gate, and the forms of each step — drafting from the open
// quantities, finance's payment confirmation, the release, an override,
// the warehouse's loading, the carrier's hand-over — and printing the
// three copies. Who may do what is the workflow's to say.
package shipping

import (
	"context"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"orderdesk/store"
	"orderdesk/tui/common"
	"orderdesk/tui/common/docscreen"
	"orderdesk/tui/common/form"
	"orderdesk/workflow"
)

// mode is what the screen shows; it decides where keys go.
type mode = docscreen.Mode

const (
	modeList   = docscreen.List
	modeDetail = docscreen.Detail
	modeForm   = docscreen.Form
	modePrompt = docscreen.Prompt
	modeReport = docscreen.Prompt + 1 // the overrides report
)

// formKind is which step the open form takes.
type formKind int

const (
	formDraft formKind = iota
	formPayment
	formLoad
	formDispatch
)

// Screen is the shipping screen of one session.
type Screen struct {
	c             *common.Common
	keys          keyMap
	width, height int
	mode          mode
	seq           int // last request id given out

	lists  *common.Lists // the row of lists, one shown
	orders *common.Pager[store.OrderRow]
	notes  []*common.Pager[store.DeliveryRow] // one per list after the first
	inbox  []workflow.ShippingTask

	detail    *workflow.DeliveryDetail
	body      *common.Detail // the detail, wrapped and scrolled
	detailReq int
	reportTop int  // the overrides report's first row shown
	busy      bool // an action is on its way

	form     *form.Form
	formKind formKind
	formNote *workflow.DeliveryDetail // the note a step's form is for
	draftOf  int64                    // the order a new note is drawn from
	editing  *store.DeliveryNote      // the draft being edited
	formReq  int

	prompt *common.Prompt

	report    []store.ShippingOverride
	reportReq int
}

// New builds the screen for one session.
func New(c *common.Common) *Screen {
	s := &Screen{c: c, keys: newKeyMap(c)}
	s.body = common.NewDetail(c, s.detailView)
	d := c.Desk
	s.orders = common.NewPager(c, "shipping.to_draft", func(r store.OrderRow) int64 { return r.ID }, d.OrdersToShip)
	for i := 1; i < len(lists); i++ {
		statuses := lists[i].statuses
		s.notes = append(s.notes, common.NewPager(c, "shipping."+lists[i].name, func(r store.DeliveryRow) int64 { return r.ID },
			func(ctx context.Context, p store.Page) ([]store.DeliveryRow, error) {
				return d.Deliveries(ctx, statuses, p)
			}))
	}
	s.lists = common.NewLists(c, "shipping.list.")
	s.lists.Add(lists[0].name, s.orders)
	for i, p := range s.notes {
		s.lists.Add(lists[i+1].name, p)
	}
	// Finance and the warehouse start at what waits for them, not at the
	// desk's orders to draft.
	if !workflow.Can(d.User, workflow.EditDeliveries) {
		switch {
		case workflow.Can(d.User, workflow.ConfirmPayments):
			s.lists.Shown = s.lists.Index("waiting")
		case workflow.Can(d.User, workflow.LoadDeliveries):
			s.lists.Shown = s.lists.Index("released")
		}
	}
	return s
}

// Init loads the first list and this user's tasks.
func (s *Screen) Init() tea.Cmd { return tea.Batch(s.lists.Reload(), s.loadInbox()) }

// Title is the tab label.
func (s *Screen) Title() string { return s.c.T("screen.shipping") }

// Capturing is true while typing: a filter, a form or a prompt.
func (s *Screen) Capturing() bool {
	return s.parts().Capturing()
}

// SetSize fits the screen and its lists to the window.
func (s *Screen) SetSize(w, h int) {
	s.width, s.height = w, h
	s.body.SetSize(w, h)
	s.lists.SetHeight(max(h-8, 3))
	if s.form != nil {
		s.form.SetSize(w, h-4)
	}
}

// ShortHelp gives the bindings of what the screen shows.
func (s *Screen) ShortHelp() []key.Binding {
	k := s.keys
	switch s.mode {
	case modeForm:
		return []key.Binding{k.save, k.cancel}
	case modePrompt:
		return []key.Binding{k.confirm, k.cancel}
	case modeDetail:
		return s.detailKeys()
	}
	if s.mode == modeReport {
		return append([]key.Binding{k.back}, s.c.Keys.ListKeys()...)
	}
	out := []key.Binding{k.prevList, k.nextList, k.filter, k.open, k.create, k.report, k.refresh}
	return append(out, s.c.Keys.ListKeys()...)
}

// FullHelp is the ? help: the same keys, as one group.
func (s *Screen) FullHelp() [][]key.Binding { return [][]key.Binding{s.ShortHelp()} }

// Update routes a message to what has the focus.
func (s *Screen) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case common.PageMsg[store.OrderRow], common.PageMsg[store.DeliveryRow]:
		return s, s.lists.Update(msg)
	case inboxMsg:
		if msg.err == nil {
			s.inbox = msg.tasks
		}
		return s, nil
	case detailMsg:
		return s, s.applyDetail(msg)
	case formMsg:
		return s, s.applyForm(msg)
	case doneMsg:
		return s, s.applyDone(msg)
	case reportMsg:
		return s, s.applyReport(msg)
	case printedMsg:
		if msg.err != nil {
			return s, s.status(msg.err)
		}
		return s, s.say(s.c.T("shipping.printed", msg.path))
	case common.ChangedMsg:
		if msg.Change.Kind == store.DeliveryNoteKind || msg.Change.Kind == store.OrderKind || msg.Change.Kind == store.ShippingOverrideKind {
			return s, s.refreshAll()
		}
		return s, nil
	case common.OpenMsg:
		s.mode = modeDetail
		return s, s.loadDetail(msg.DocID)
	case tea.KeyPressMsg:
		return s, s.handleKey(msg)
	case tea.PasteMsg:
		return s, s.parts().Paste(msg)
	}
	return s, nil
}

func (s *Screen) handleKey(msg tea.KeyPressMsg) tea.Cmd {
	if s.mode == modeReport {
		return s.reportKey(msg)
	}
	cmd, closed := s.parts().Key(msg, s.busy, docscreen.Handlers{Form: s.formKey, Detail: s.detailKey, List: s.listKey})
	if closed {
		s.prompt, s.mode = nil, modeDetail
	}
	return cmd
}

// View renders the mode shown.
func (s *Screen) View() string {
	if s.mode == modeReport {
		return s.reportView()
	}
	return s.parts().View(s.height, s.formView, s.listView)
}

// parts are what the document skeleton shows and routes to.
func (s *Screen) parts() docscreen.Parts {
	return docscreen.Parts{Mode: s.mode, Lists: s.lists, Body: s.body, Form: s.form, Prompt: s.prompt}
}

func (s *Screen) nextReq() int {
	s.seq++
	return s.seq
}

// status shows an error (or words) in the status bar.
func (s *Screen) status(err error) tea.Cmd {
	return common.Status(common.ErrorText(s.c.Cat, err), true)
}

func (s *Screen) say(text string) tea.Cmd { return common.Status(text, false) }

func joinNonEmpty(parts ...string) string { return docscreen.JoinNonEmpty(parts...) }
