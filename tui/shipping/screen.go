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
	"orderdesk/workflow"
)

// mode is what the screen shows; it decides where keys go.
type mode = docscreen.Mode

const (
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
	docscreen.Base
	c    *common.Common
	keys keyMap

	orders *common.Pager[store.OrderRow]
	notes  []*common.Pager[store.DeliveryRow] // one per list after the first
	inbox  []workflow.ShippingTask

	detail    *workflow.DeliveryDetail
	reportTop int // the overrides report's first row shown

	formKind formKind
	formNote *workflow.DeliveryDetail // the note a step's form is for
	draftOf  int64                    // the order a new note is drawn from
	editing  *store.DeliveryNote      // the draft being edited
	formReq  int

	report    []store.ShippingOverride
	reportReq int
}

// New builds the screen for one session.
func New(c *common.Common) *Screen {
	s := &Screen{c: c, keys: newKeyMap(c)}
	s.Base = docscreen.NewBase(c, "shipping", s.detailView)
	d := c.Desk
	s.orders = common.NewPager(c, "shipping.to_draft", func(r store.OrderRow) int64 { return r.ID }, d.OrdersToShip)
	for i := 1; i < len(lists); i++ {
		statuses := lists[i].statuses
		s.notes = append(s.notes, common.NewPager(c, "shipping."+lists[i].name, func(r store.DeliveryRow) int64 { return r.ID },
			func(ctx context.Context, p store.Page) ([]store.DeliveryRow, error) {
				return d.Deliveries(ctx, statuses, p)
			}))
	}
	s.Lists.Add(lists[0].name, s.orders)
	for i, p := range s.notes {
		s.Lists.Add(lists[i+1].name, p)
	}
	// Finance and the warehouse start at what waits for them, not at the
	// desk's orders to draft.
	if !workflow.Can(d.User, workflow.EditDeliveries) {
		switch {
		case workflow.Can(d.User, workflow.ConfirmPayments):
			s.Lists.Shown = s.Lists.Index("waiting")
		case workflow.Can(d.User, workflow.LoadDeliveries):
			s.Lists.Shown = s.Lists.Index("released")
		}
	}
	return s
}

// Init loads the first list and this user's tasks.
func (s *Screen) Init() tea.Cmd { return tea.Batch(s.Lists.Reload(), s.loadInbox()) }

// Title is the tab label.
func (s *Screen) Title() string { return s.c.T("screen.shipping") }

// ShortHelp gives the bindings of what the screen shows.
func (s *Screen) ShortHelp() []key.Binding { return s.Help(s.detailKeys, s.listKeys) }

// listKeys are the keys of the lists, or of the overrides report.
func (s *Screen) listKeys() []key.Binding {
	k := s.keys
	if s.Mode == modeReport {
		return []key.Binding{k.back}
	}
	return []key.Binding{s.PrevList, s.NextList, k.filter, k.open, k.create, k.report, k.refresh}
}

// FullHelp is the ? help: the same keys, as one group.
func (s *Screen) FullHelp() [][]key.Binding { return [][]key.Binding{s.ShortHelp()} }

// Update routes a message to what has the focus.
func (s *Screen) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case common.PageMsg[store.OrderRow], common.PageMsg[store.DeliveryRow]:
		return s, s.Lists.Update(msg)
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
			return s, s.Status(msg.err)
		}
		if msg.sent != "" {
			return s, common.Status(msg.sent, msg.warn)
		}
		return s, s.Say(s.c.T("shipping.printed", msg.path))
	case common.ChangedMsg:
		if msg.Change.Kind == store.DeliveryNoteKind || msg.Change.Kind == store.OrderKind || msg.Change.Kind == store.ShippingOverrideKind {
			return s, s.refreshAll()
		}
		return s, nil
	}
	cmd, _ := s.Route(msg, docscreen.Handlers{Form: s.formKey, Detail: s.detailKey, List: s.listKey, Own: s.reportKey}, s.loadDetail)
	return s, cmd
}

// View renders the mode shown.
func (s *Screen) View() string {
	if s.Mode == modeReport {
		return s.reportView()
	}
	return s.Base.View(s.formView, s.listView)
}

func joinNonEmpty(parts ...string) string { return docscreen.JoinNonEmpty(parts...) }
