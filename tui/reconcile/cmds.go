package reconcile

import (
	"os"
	"path/filepath"
	"time"

	tea "charm.land/bubbletea/v2"

	"orderdesk/tui/common"
	"orderdesk/tui/i18n"
	"orderdesk/workflow"
	"orderdesk/workflow/spool"
)

// monthMsg answers a load of the month's reconciliation.
type monthMsg struct {
	req int
	v   workflow.MonthView
	err error
}

// collMsg answers a load of the collections as of a day.
type collMsg struct {
	req  int
	c    workflow.Collections
	plan []workflow.PlanLine
	err  error
}

// doneMsg answers an action: what to say, or why it was refused.
type doneMsg struct {
	status string
	warn   bool // done, but not all of it (the printer did not take a printout)
	err    error
}

// load reads what the view shows, tagged so a late answer is dropped.
func (s *Screen) load() tea.Cmd {
	s.req++
	req, ctx, desk, month := s.req, s.c.Ctx, s.c.Desk, s.month
	if s.view == viewRecon {
		return func() tea.Msg {
			v, err := desk.MonthReconciliation(ctx, month)
			return monthMsg{req: req, v: v, err: err}
		}
	}
	day := s.asOf()
	plan := s.view == viewPlan
	return func() tea.Msg {
		if plan {
			p, err := desk.CollectionPlan(ctx, month)
			return collMsg{req: req, plan: p, err: err}
		}
		c, err := desk.Collections(ctx, day)
		return collMsg{req: req, c: c, err: err}
	}
}

// asOf is the day the collections are computed for: today in the current
// month, a past month's last day.
func (s *Screen) asOf() string {
	now := time.Now()
	if s.c.Now != nil {
		now = s.c.Now()
	}
	if s.month >= now.Format("2006-01") {
		return now.Format("2006-01-02")
	}
	t, _ := time.Parse("2006-01", s.month)
	return t.AddDate(0, 1, -1).Format("2006-01-02")
}

// act runs fn as a command; ok is said when it went through.
func (s *Screen) act(ok string, fn func() error) tea.Cmd {
	return func() tea.Msg {
		if err := fn(); err != nil {
			return doneMsg{err: err}
		}
		return doneMsg{status: ok}
	}
}

// done shows an action's outcome: a refused form stays open with the
// message at its field; otherwise the form closes and the view reloads.
func (s *Screen) done(msg doneMsg) tea.Cmd {
	if msg.err != nil {
		if s.form != nil && s.formErrors(msg.err) {
			return nil
		}
		return common.Status(common.ErrorText(s.c.Cat, msg.err), true)
	}
	s.form = nil
	return tea.Batch(common.Status(msg.status, msg.warn), s.load())
}

// putPDF delivers a printout: over SSH through the session's printer,
// named for its number; at the local desk written as localName where
// the configuration says (print.dir; the current directory when unset),
// as the other screens do. It runs in a command: everything is passed.
func putPDF(pr common.Printer, dir string, cat i18n.Catalog, kind spool.Kind, number, localName string, pdf []byte) doneMsg {
	if pr.Remote() {
		sent, warn, err := pr.Send(kind, number, ".pdf", pdf)
		return doneMsg{status: sent, warn: warn, err: err}
	}
	if dir == "" {
		dir = "."
	}
	path := filepath.Join(dir, localName)
	if err := os.WriteFile(path, pdf, 0o644); err != nil {
		return doneMsg{err: err}
	}
	return doneMsg{status: cat.T("recon.pdf_written", path)}
}
