// Package dashboard is the manager's dashboard (销售看板): today's and the
// month's figures against the plan, the month's leading customers and
// products, money overdue by rung of the ladder, what waits in the
// pipeline, and the month's orders day by day against the plan. It
// follows the desk's work live: a change elsewhere reads again only the
// parts it touched.
package dashboard

import (
	"time"

	tea "charm.land/bubbletea/v2"

	"orderdesk/tui/common"
	"orderdesk/workflow"
)

// Screen is one session's dashboard.
type Screen struct {
	c             *common.Common
	keys          keys
	width, height int

	tonnes bool // tonnes, else money (always tonnes where money is withheld)
	cursor common.Cursor

	req     int                // the latest read asked for; older answers are dropped
	pending workflow.DashParts // the parts asked since the last answer applied
	loaded  bool
	view    workflow.Dashboard
	start   string // the screen this user's desk opens on
}

// New builds the screen; Init reads it.
func New(c *common.Common) *Screen { return &Screen{c: c, keys: newKeys(c)} }

// today is the session's day.
func (s *Screen) today() time.Time {
	if s.c.Now != nil {
		return s.c.Now()
	}
	return time.Now()
}

func (s *Screen) Title() string       { return s.c.T("screen.dashboard") }
func (s *Screen) Capturing() bool     { return false }
func (s *Screen) Init() tea.Cmd       { return s.load(workflow.DashAll, true) }
func (s *Screen) SetSize(w, h int)    { s.width, s.height = w, h; s.clamp() }
func (s *Screen) moneyShown() bool    { return !s.tonnes && !s.view.MoneyWithheld }
func (s *Screen) isStartScreen() bool { return s.start == workflow.ScreenDashboard }

// Update takes keys, the answers of the screen's reads and the desk's
// changes.
func (s *Screen) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case loadedMsg:
		if msg.req != s.req {
			return s, nil
		}
		s.pending = 0
		if msg.err != nil {
			return s, common.Status(common.ErrorText(s.c.Cat, msg.err), true)
		}
		s.view, s.loaded = msg.v, true
		if msg.withStart {
			s.start = msg.start
		}
		s.clamp()
		return s, nil
	case startMsg:
		if msg.err != nil {
			return s, common.Status(common.ErrorText(s.c.Cat, msg.err), true)
		}
		s.start = msg.screen
		if s.isStartScreen() {
			return s, common.Status(s.c.T("dash.start.set"), false)
		}
		return s, common.Status(s.c.T("dash.start.unset"), false)
	case common.ChangedMsg:
		if parts := workflow.DashPartsOf(msg.Change.Kind); parts != 0 {
			return s, s.load(parts, false)
		}
		return s, nil
	case tea.KeyPressMsg:
		return s, s.key(msg)
	}
	return s, nil
}
