// Package reconcile is the Reconciliation screen (对账): a month's
// figures per customer, desk against finance (differences noted, finance
// signs off), then statements of account to the customers; and the
// Collections views (回款): the ladder of open invoices, the ageing by
// customer and by rep, the monthly collection plan.
package reconcile

import (
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"orderdesk/store"
	"orderdesk/tui/common"
	"orderdesk/tui/common/form"
	"orderdesk/workflow"
)

// view is which table the screen shows.
type view int

const (
	viewRecon view = iota
	viewLadder
	viewByCustomer
	viewByRep
	viewPlan
	viewCount
)

// Screen is one session's Reconciliation screen.
type Screen struct {
	c             *common.Common
	keys          keys
	width, height int
	month         string
	view          view
	req           int // the latest load asked for; older answers are dropped
	loaded        bool
	mine          bool // the ladder shows only the tasks waiting for this user
	mv            workflow.MonthView
	coll          workflow.Collections
	plan          []workflow.PlanLine
	cursor        common.Cursor // the row under the cursor and the first row shown
	focus         int64         // the invoice the next ladder load puts the cursor on
	// The open form, what it is for and what it acts on.
	form     *form.Form
	formKind string
	target   int64
	title    string
}

// New builds the screen on the current month.
func New(c *common.Common) *Screen {
	now := time.Now()
	if c.Now != nil {
		now = c.Now()
	}
	return &Screen{c: c, keys: newKeys(c), month: now.Format("2006-01")}
}

func (s *Screen) Title() string    { return s.c.T("screen.reconciliation") }
func (s *Screen) Capturing() bool  { return s.form != nil }
func (s *Screen) SetSize(w, h int) { s.width, s.height = w, h; s.resizeForm() }
func (s *Screen) Init() tea.Cmd    { return s.load() }

// Update takes keys and the answers of the screen's commands.
func (s *Screen) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case monthMsg:
		if msg.req == s.req {
			s.loaded = true
			if msg.err != nil {
				return s, common.Status(common.ErrorText(s.c.Cat, msg.err), true)
			}
			s.mv = msg.v
			s.clamp()
		}
		return s, nil
	case collMsg:
		if msg.req == s.req {
			s.loaded = true
			if msg.err != nil {
				return s, common.Status(common.ErrorText(s.c.Cat, msg.err), true)
			}
			s.coll, s.plan = msg.c, msg.plan
			if s.mine {
				s.coll.Items = s.myTasks(s.coll.Items)
			}
			s.clamp()
			s.applyFocus()
		}
		return s, nil
	case doneMsg:
		return s, s.done(msg)
	case common.OpenMsg:
		if s.form != nil {
			return s, nil // a form being filled in keeps the screen
		}
		return s, s.open(msg)
	case common.ChangedMsg:
		switch msg.Change.Kind {
		case store.ReconciliationKind, store.ReopeningKind, store.InvoiceKind, store.DeliveryNoteKind:
			return s, s.load()
		}
		return s, nil
	case tea.KeyPressMsg:
		if s.form != nil {
			return s, s.formKey(msg)
		}
		return s, s.key(msg)
	}
	if s.form != nil {
		return s, s.form.Update(msg)
	}
	return s, nil
}

// key handles a key while no form is open.
func (s *Screen) key(msg tea.KeyPressMsg) tea.Cmd {
	k, g := s.keys, s.c.Keys
	switch {
	case key.Matches(msg, k.view):
		s.view = (s.view + 1) % viewCount
		s.cursor.Reset()
		return s.load()
	case key.Matches(msg, k.prev):
		s.month = shiftMonth(s.month, -1)
		return s.load()
	case key.Matches(msg, k.next):
		s.month = shiftMonth(s.month, 1)
		return s.load()
	case key.Matches(msg, g.Refresh):
		return s.load()
	default:
		s.cursor.Key(g, msg, s.rows(), s.listHeight())
	}
	if s.view == viewRecon {
		return s.reconKey(msg)
	}
	if s.view == viewLadder {
		return s.ladderKey(msg)
	}
	return nil
}

// rows is the number of rows of the table shown.
func (s *Screen) rows() int {
	switch s.view {
	case viewRecon:
		return len(s.mv.Rows)
	case viewLadder:
		return len(s.coll.Items)
	case viewByCustomer:
		return len(s.coll.ByCustomer)
	case viewByRep:
		return len(s.coll.ByRep)
	}
	return len(s.plan)
}

func (s *Screen) clamp() { s.cursor.Clamp(s.rows(), s.listHeight()) }

// myTasks keeps the invoices whose task waits for this user.
func (s *Screen) myTasks(items []workflow.Collectible) []workflow.Collectible {
	out := items[:0:0]
	for _, x := range items {
		if s.c.Desk.TaskFor(x) {
			out = append(out, x)
		}
	}
	return out
}

// shiftMonth moves a YYYY-MM month by d months.
func shiftMonth(m string, d int) string {
	t, err := time.Parse("2006-01", m)
	if err != nil {
		return m
	}
	return t.AddDate(0, d, 0).Format("2006-01")
}
