// Package visits is the Visits screen (拜访): the week's visits as an
// agenda per person, the lists of visits planned and of every visit,
// a visit's plan (访前计划) with what is open on the customer's file,
// its review (访后分析), and the visits per person with how many
// reached their goal. Who may do what is the workflow's to say.
package visits

import (
	"context"
	"time"

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
	modeAgenda = docscreen.Prompt + 1 // the week per person
	modeStats  = docscreen.Prompt + 2 // visits per person, goals reached
)

// formKind is which form is open.
type formKind int

const (
	formPlan formKind = iota
	formEdit
	formReview
)

// Screen is the Visits screen of one session.
type Screen struct {
	docscreen.Base
	c    *common.Common
	keys keyMap
	home mode // the agenda or the lists: where esc from a visit returns

	planned, all *common.Pager[store.SalesVisit]

	week      time.Time // the Monday of the week shown
	agenda    []store.SalesVisit
	agendaPos int
	agendaReq int
	agendaErr error

	detail  *store.SalesVisit
	matters []store.OpenMatter // what is open on the visited customer's file now

	formKind formKind
	formReq  int
	whom     whom // a new plan's customer or lead
	// mattersOf is the customer typed whose open matters the plan was
	// last started with, and filledMatters those matters as written in.
	mattersOf, filledMatters string
	// saveAfterMatters: a save waits for the open matters being read.
	saveAfterMatters bool
	makers           []store.User

	month    time.Time // the first day of the month counted
	stats    *statsMsg
	statsReq int
}

// New builds the screen for one session.
func New(c *common.Common) *Screen {
	s := &Screen{c: c, keys: newKeyMap(c), home: modeAgenda}
	s.Base = docscreen.NewBase(c, "visits", s.detailView)
	d := c.Desk
	s.planned = common.NewPager(c, "visits.planned", visitID, func(ctx context.Context, p store.Page) ([]store.SalesVisit, error) {
		return d.VisitPage(ctx, []string{workflow.VisitPlanned}, p)
	})
	s.all = common.NewPager(c, "visits.all", visitID, func(ctx context.Context, p store.Page) ([]store.SalesVisit, error) {
		return d.VisitPage(ctx, nil, p)
	})
	s.Lists.Add("planned", s.planned)
	s.Lists.Add("all", s.all)
	s.Mode = modeAgenda
	now := c.Now()
	s.week = monday(now)
	s.month = time.Date(now.Year(), now.Month(), 1, 0, 0, 0, 0, time.UTC)
	return s
}

func visitID(v store.SalesVisit) int64 { return v.DocID }

// Init loads the week and whom the desk may plan visits for.
func (s *Screen) Init() tea.Cmd {
	cmds := []tea.Cmd{s.loadAgenda()}
	if s.plansForOthers() {
		cmds = append(cmds, loadMakers(s.c.Ctx, s.c.Desk))
	}
	return tea.Batch(cmds...)
}

// plansForOthers: the desk and supervisors name whose visit it is.
func (s *Screen) plansForOthers() bool {
	u := s.c.Desk.User
	return u.HasRole(string(workflow.Clerk)) || u.HasRole(string(workflow.Supervisor))
}

// Title is the tab label.
func (s *Screen) Title() string { return s.c.T("screen.visits") }

// Capturing is true while typing: a filter, a form or the prompt.
func (s *Screen) Capturing() bool { return s.Mode <= docscreen.Prompt && s.Base.Capturing() }

// Nested is true while a visit, a form or the counts are shown: digits
// typed there must not switch screens.
func (s *Screen) Nested() bool { return s.Mode != modeAgenda && s.Mode != docscreen.List }

// SetSize fits the screen to the window.
func (s *Screen) SetSize(w, h int) { s.Base.SetSize(w, h) }

// ShortHelp gives the bindings of what the screen shows.
func (s *Screen) ShortHelp() []key.Binding {
	switch s.Mode {
	case modeAgenda:
		return s.agendaKeys()
	case modeStats:
		return []key.Binding{s.c.Keys.Back, s.keys.prevWeek, s.keys.nextWeek, s.c.Keys.Refresh}
	}
	return s.Help(s.detailKeys, s.listKeys)
}

// FullHelp is the ? help: the same keys, as one group.
func (s *Screen) FullHelp() [][]key.Binding { return [][]key.Binding{s.ShortHelp()} }

// Update routes a message to what has the focus.
func (s *Screen) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case common.PageMsg[store.SalesVisit]:
		return s, s.Lists.Update(msg)
	case agendaMsg:
		return s, s.applyAgenda(msg)
	case detailMsg:
		return s, s.applyDetail(msg)
	case makersMsg:
		if msg.err == nil {
			s.makers = msg.users
		}
		return s, nil
	case mattersMsg:
		return s, s.applyMatters(msg)
	case savedMsg:
		return s, s.applySaved(msg)
	case doneMsg:
		return s, s.applyDone(msg)
	case statsMsg:
		return s, s.applyStats(msg)
	case common.PlanVisitMsg:
		return s, s.startPlan(whomOf(msg))
	case common.ChangedMsg:
		if msg.Change.Kind != store.VisitKind {
			return s, nil
		}
		return s, s.refreshAll()
	}
	cmd, _ := s.Route(msg, docscreen.Handlers{Form: s.formKey, Detail: s.detailKey, List: s.listKey, Own: s.ownKey}, s.openVisit)
	return s, cmd
}

// ownKey takes the keys of the agenda and the counts.
func (s *Screen) ownKey(msg tea.KeyPressMsg) tea.Cmd {
	if s.Mode == modeStats {
		return s.statsKey(msg)
	}
	return s.agendaKey(msg)
}

// View renders the mode shown.
func (s *Screen) View() string {
	switch s.Mode {
	case modeAgenda:
		return s.agendaView()
	case modeStats:
		return s.statsView()
	}
	return s.Base.View(s.formView, s.listView)
}

// refreshAll reads again what is shown (after a change here or elsewhere).
func (s *Screen) refreshAll() tea.Cmd {
	cmds := []tea.Cmd{s.loadAgenda(), s.Lists.Refresh(), s.ReloadShown(s.openVisit)}
	if s.Mode == modeStats {
		cmds = append(cmds, s.loadStats())
	}
	return tea.Batch(cmds...)
}

// goHome shows the agenda or the lists, whichever the user came from.
func (s *Screen) goHome() tea.Cmd {
	s.Mode, s.Shown, s.detail = s.home, 0, nil
	if s.home == docscreen.List {
		return s.Lists.Refresh()
	}
	return s.loadAgenda()
}

// monday is the Monday of t's week, as a day.
func monday(t time.Time) time.Time {
	from, _ := workflow.WeekOf(t)
	d, _ := time.Parse("2006-01-02", from)
	return d
}
