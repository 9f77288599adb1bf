// Package tui is orderdesk's terminal interface: a frame with the desk's
// screens, a status line and key help. The same App serves a local
// terminal and every SSH session; each gets its own.
package tui

import (
	"context"
	"fmt"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"orderdesk/tui/common"
	"orderdesk/tui/i18n"
	"orderdesk/workflow"
	"orderdesk/workflow/spool"
)

// Options configure one session's App.
type Options struct {
	// Ctx is the session's: it ends when the session does, and every
	// query the session started is cancelled with it.
	Ctx     context.Context
	Desk    *workflow.Desk
	Lang    string // "zh", "en" or "" to follow LANG
	LangEnv string // the session's LANG
	DBPath  string
	// BackupStatus names the scheduled backups' status file, "" for the
	// one beside the file DBPath names (a PostgreSQL database's is in its
	// backup folder).
	BackupStatus string
	Company      string
	// PrintDir is where printouts go ("" for the current directory).
	PrintDir string
	// Spool takes the printouts of a session over SSH (its user's own
	// folder, the office printer); nil at the local desk.
	Spool *spool.Config
	Theme string // "auto", "dark" or "light"
	Now   func() time.Time
	// FollowUpDays: a sent quote unanswered longer is flagged for
	// follow-up; 0 takes the workflow's default.
	FollowUpDays int
}

// App is the root model.
type App struct {
	c        *common.Common
	screens  []common.Screen
	defs     []screenDef // what each screen is: its name, digit and builder
	started  []bool
	active   int
	backTo   int // 1 + the screen esc returns to (one that sent the user here), 0 for none
	width    int
	height   int
	showHelp bool
	helpTop  int         // the first help line shown, when they are more than fit
	status   statusState // the status line (status.go)
	theme    string
	changes  <-chan workflow.Change
	stop     func()
	closers  []common.Closer // fixed at New: Close may run on another goroutine
	// Changes from the feed wait here a moment, so a burst of saves
	// elsewhere costs one refresh; screens not shown get theirs when
	// they are next shown.
	queued                []workflow.Change
	flushAt               bool
	stale                 []map[workflow.Change]bool
	tabs, foot, statusBar memo // the frame's chrome, drawn when it changes
	// Keys typed while an awaited answer is out, in order (typeahead.go).
	held      []tea.Msg
	heldSince time.Time
	// restartedByCommand: a command's panic restarted the screen shown
	// and no key came since (see commandPanicked).
	restartedByCommand bool
	resizeSeq          int // the latest window size (resize.go)
}

// changeDelay gathers the changes of a burst into one refresh, well
// inside the half second in which another desk's change must show.
const changeDelay = 150 * time.Millisecond

// flushChangesMsg delivers the gathered changes.
type flushChangesMsg struct{}

// New builds the app for one session.
func New(opts Options) *App {
	cat := i18n.Catalog{Lang: i18n.Resolve(opts.Lang, opts.LangEnv)}
	now := opts.Now
	if now == nil {
		now = time.Now
	}
	dark := opts.Theme != "light"
	followUp := opts.FollowUpDays
	if followUp <= 0 {
		followUp = workflow.DefaultFollowUpDays
	}
	ctx := opts.Ctx
	if ctx == nil {
		ctx = context.Background()
	}
	c := &common.Common{
		Ctx: ctx, Gate: &common.Gate{}, Desk: opts.Desk, Cat: cat, Styles: common.NewStyles(dark),
		Keys: common.NewKeyMap(cat), DBPath: opts.DBPath, BackupStatus: opts.BackupStatus, Company: opts.Company, PrintDir: opts.PrintDir, Spool: opts.Spool, Now: now, FollowUpDays: followUp,
	}
	// N opens an inquiry only for those the workflow lets take one.
	if !workflow.SeesScreen(opts.Desk.User, workflow.ScreenInquiries) || !workflow.Can(opts.Desk.User, workflow.EditInquiries) {
		c.Keys.NewInquiry.SetEnabled(false)
	}
	if !workflow.SeesScreen(opts.Desk.User, workflow.ScreenComplaints) || !workflow.Can(opts.Desk.User, workflow.RecordComplaints) {
		c.Keys.NewComplaint.SetEnabled(false)
	}
	if !workflow.SeesScreen(opts.Desk.User, workflow.ScreenVisits) || !workflow.Can(opts.Desk.User, workflow.EditVisits) {
		c.Keys.PlanVisit.SetEnabled(false)
	}
	a := &App{c: c, theme: opts.Theme, width: 100, height: 30}
	a.status.life = [2]time.Duration{noticeLife, errorLife}
	a.defs = visibleScreens(c.Desk.User)
	for _, d := range a.defs {
		a.screens = append(a.screens, d.build(c))
	}
	a.active = startScreen(ctx, c.Desk, a.defs)
	a.started = make([]bool, len(a.screens))
	a.stale = make([]map[workflow.Change]bool, len(a.screens))
	for _, s := range a.screens {
		if cl, ok := s.(common.Closer); ok {
			a.closers = append(a.closers, cl)
		}
	}
	a.changes, a.stop = opts.Desk.Feed().Subscribe()
	return a
}

// Close ends the app's subscription to the change feed and lets each
// screen let go of what it holds.
func (a *App) Close() {
	a.stop()
	for _, c := range a.closers {
		c.Close()
	}
}

// Init starts the first screen and listens for other sessions' changes.
func (a *App) Init() tea.Cmd {
	// The first screen's first page is awaited like a key's answer: keys
	// typed before it arrives (j enter while the list loads) act on it.
	cmds := []tea.Cmd{a.c.Await(a.start(a.active)), a.listen(), a.backupAlert()}
	if a.theme == "" || a.theme == "auto" {
		cmds = append(cmds, tea.RequestBackgroundColor)
	}
	return tea.Batch(cmds...)
}

func (a *App) start(i int) tea.Cmd {
	if a.started[i] {
		return nil
	}
	a.started[i] = true
	return a.initScreen(i)
}

// initScreen starts screen i, recovering from its panic like deliver.
func (a *App) initScreen(i int) (cmd tea.Cmd) {
	defer func() {
		if r := recover(); r != nil {
			cmd = common.Status(a.c.T("error.unexpected", fmt.Sprint(r)), true)
		}
	}()
	return a.screens[i].Init()
}

func (a *App) listen() tea.Cmd {
	ch := a.changes
	return func() tea.Msg {
		c, ok := <-ch
		if !ok {
			return nil
		}
		return common.ChangedMsg{Change: c}
	}
}

// Update routes messages: keys to the active screen (or to the frame when
// no input has focus), in turn after the answers they wait for (see
// typeahead.go), everything else to every started screen.
func (a *App) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	cmd := safe(a.update(msg))
	if t := a.statusTimer(); t != nil {
		cmd = tea.Batch(cmd, t)
	}
	return a, cmd
}

func (a *App) update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case common.AwaitedMsg:
		return a.awaited(msg)
	case common.BackgroundMsg:
		return msg.Cmd
	case common.PanicMsg:
		return a.commandPanicked(msg)
	case tea.KeyPressMsg, tea.PasteMsg:
		return a.input(msg)
	case tea.WindowSizeMsg:
		return a.resized(msg.Width, msg.Height)
	case resizeSettledMsg:
		return a.resizeSettled(msg)
	case tea.BackgroundColorMsg:
		*a.c.Styles = *common.NewStyles(msg.IsDark())
		return nil
	case common.StatusMsg:
		a.showStatus(msg)
		return nil
	case statusExpiredMsg:
		a.statusExpired(msg)
		return nil
	case common.SwitchScreenMsg:
		for i, s := range a.screens {
			if s.Title() == a.c.T(msg.Screen) {
				from := a.active
				cmd := a.switchTo(i)
				if msg.Back {
					a.returnTo(from)
				}
				// Keys typed after a switch act on the screen as its
				// first loads leave it, wherever the switch came from
				// (one a key started is awaited already).
				return a.c.Await(cmd)
			}
		}
		return nil
	case common.OpenMsg:
		return a.openOn(msg.Screen, msg)
	case common.CustomerOrdersMsg:
		return a.openOn(msg.Screen, msg)
	case common.StatisticsMsg:
		from := a.active
		cmd := a.openOn("screen.statistics", msg)
		a.returnTo(from)
		return cmd
	case common.ChangedMsg:
		switch msg.Change.Kind {
		case workflow.ShutdownKind:
			return tea.Quit
		case workflow.BackupKind:
			return tea.Batch(a.backupAlert(), a.listen())
		}
		return tea.Batch(a.queueChange(msg.Change), a.listen())
	case flushChangesMsg:
		return a.flushChanges()
	}
	return a.broadcast(msg)
}

func (a *App) handleKey(msg tea.KeyPressMsg) tea.Cmd {
	k := a.c.Keys
	// ctrl+c quits, except while typing: then it cancels what is being
	// typed, like esc, so a reflex never quits the whole desk mid-form.
	if msg.String() == "ctrl+c" {
		if !a.screens[a.active].Capturing() {
			return tea.Quit
		}
		msg = tea.KeyPressMsg{Code: tea.KeyEscape}
	}
	if a.showHelp {
		a.helpKey(msg)
		return nil
	}
	if a.screens[a.active].Capturing() {
		return a.typed(msg)
	}
	a.clearStatus()
	switch {
	case key.Matches(msg, k.Quit):
		return tea.Quit
	case key.Matches(msg, k.Help):
		a.showHelp = true
		return nil
	case key.Matches(msg, k.NewInquiry):
		return a.startNew("screen.inquiries")
	case key.Matches(msg, k.NewComplaint):
		return a.startNew("screen.complaints")
	case key.Matches(msg, k.PlanVisit):
		return a.openOn("screen.visits", planVisitFor(a.screens[a.active]))
	case key.Matches(msg, k.Back) && a.backTo > 0 && atTop(a.screens[a.active]):
		return a.switchTo(a.backTo - 1)
	case key.Matches(msg, k.NextScreen):
		return a.switchTo((a.active + 1) % len(a.screens))
	case key.Matches(msg, k.PrevScreen):
		return a.switchTo((a.active + len(a.screens) - 1) % len(a.screens))
	case key.Matches(msg, k.GotoScreen):
		if n, ok := a.screens[a.active].(common.Nested); ok && n.Nested() {
			return a.forward(msg) // the screen's own, or nothing: never another screen
		}
		if n := a.screenOf(msg.Code); n >= 0 {
			return a.switchTo(n)
		}
	}
	return a.forward(msg)
}

func (a *App) switchTo(i int) tea.Cmd {
	if i != a.active && a.status.inInput {
		a.clearStatus() // about an input on the screen left behind
	}
	a.active, a.backTo = i, 0
	a.screens[i].SetSize(a.width, a.bodyHeight())
	if !a.started[i] {
		a.stale[i] = nil // it loads afresh anyway
		return a.start(i)
	}
	var cmds []tea.Cmd
	for c := range a.stale[i] {
		cmds = append(cmds, a.deliver(i, common.ChangedMsg{Change: c}))
	}
	a.stale[i] = nil
	return tea.Batch(cmds...)
}

// startNew opens a new document on the screen titled by the catalogue
// key screen, for the customer on screen if any (the phone rings about
// them), saying which screen it was asked from.
func (a *App) startNew(screen string) tea.Cmd {
	msg := common.NewMsg{Screen: screen, From: "screen." + a.defs[a.active].name}
	if cs, ok := a.screens[a.active].(common.CustomerShown); ok {
		msg.Customer, _ = cs.ShownCustomer()
	}
	return a.openOn(screen, msg)
}

// returnTo makes esc at the top of the screen now shown go back to
// screen from, the one that sent the user here (none when it is the same).
func (a *App) returnTo(from int) {
	if a.active != from {
		a.backTo = from + 1
	}
}

// openOn shows the screen titled by the catalogue key screen and hands it
// msg in the same Update, so nothing typed next can reach another screen.
func (a *App) openOn(screen string, msg tea.Msg) tea.Cmd {
	for i, s := range a.screens {
		if s.Title() == a.c.T(screen) {
			return tea.Batch(a.switchTo(i), a.deliver(i, msg))
		}
	}
	return common.Status(a.c.T("screen.not_allowed"), true)
}

func (a *App) forward(msg tea.Msg) tea.Cmd { return a.deliver(a.active, msg) }

func (a *App) broadcast(msg tea.Msg) tea.Cmd {
	var cmds []tea.Cmd
	for i := range a.screens {
		if a.started[i] {
			cmds = append(cmds, a.deliver(i, msg))
		}
	}
	return tea.Batch(cmds...)
}
