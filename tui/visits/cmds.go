package visits

import (
	"context"

	tea "charm.land/bubbletea/v2"

	"orderdesk/store"
	"orderdesk/workflow"
)

// Every database call runs in a tea.Cmd and comes back as one of these,
// tagged with the request it answers: the screen drops answers to
// requests it has since replaced.

// agendaMsg is the visits of the week shown.
type agendaMsg struct {
	req    int
	visits []store.SalesVisit
	err    error
}

// detailMsg is a visit opened, with what is open on its customer's file.
type detailMsg struct {
	req     int
	id      int64
	visit   store.SalesVisit
	matters []store.OpenMatter
	err     error
}

// makersMsg is whom the desk may plan a visit for.
type makersMsg struct {
	users []store.User
	err   error
}

// mattersMsg is what is open on the file of the customer a new plan is
// for, to start its open matters with.
type mattersMsg struct {
	req     int
	matters []store.OpenMatter
	err     error
}

// savedMsg answers a save of a form.
type savedMsg struct {
	req  int
	kind formKind
	id   int64
	err  error
}

// doneMsg answers a cancellation.
type doneMsg struct {
	id  int64
	err error
}

// statsMsg is the visits of a month per person, with the totals.
type statsMsg struct {
	req   int
	rows  []store.VisitStat
	total store.VisitStat
	err   error
}

func (s *Screen) loadAgenda() tea.Cmd {
	s.agendaReq = s.NextReq()
	req, ctx, d := s.agendaReq, s.c.Ctx, s.c.Desk
	from := s.week.Format("2006-01-02")
	to := s.week.AddDate(0, 0, 6).Format("2006-01-02")
	return func() tea.Msg {
		msg := agendaMsg{req: req}
		msg.visits, msg.err = d.Visits(ctx, workflow.VisitFilter{From: from, To: to})
		return msg
	}
}

// openVisit reads a visit and, for a planned one to a customer, what is
// open on the file now.
func (s *Screen) openVisit(id int64) tea.Cmd {
	req, ctx, d := s.AskDetail(), s.c.Ctx, s.c.Desk
	return func() tea.Msg {
		msg := detailMsg{req: req, id: id}
		msg.visit, msg.err = d.Visit(ctx, id)
		if msg.err == nil && msg.visit.Status == workflow.VisitPlanned && msg.visit.CustomerID != 0 {
			msg.matters, msg.err = d.VisitMatters(ctx, msg.visit.CustomerID)
		}
		return msg
	}
}

func loadMakers(ctx context.Context, d *workflow.Desk) tea.Cmd {
	return func() tea.Msg {
		msg := makersMsg{}
		msg.users, msg.err = d.VisitMakers(ctx)
		return msg
	}
}

func loadMatters(ctx context.Context, d *workflow.Desk, req int, customer int64) tea.Cmd {
	return func() tea.Msg {
		msg := mattersMsg{req: req}
		msg.matters, msg.err = d.VisitMatters(ctx, customer)
		return msg
	}
}

// loadMattersTyped reads what is open on the file of the customer typed
// in a new plan's form.
func loadMattersTyped(ctx context.Context, d *workflow.Desk, req int, typed string) tea.Cmd {
	return func() tea.Msg {
		msg := mattersMsg{req: req}
		msg.matters, msg.err = d.VisitMattersTyped(ctx, typed)
		return msg
	}
}

func (s *Screen) loadStats() tea.Cmd {
	s.statsReq = s.NextReq()
	req, ctx, d := s.statsReq, s.c.Ctx, s.c.Desk
	from := s.month.Format("2006-01-02")
	to := s.month.AddDate(0, 1, -1).Format("2006-01-02")
	return func() tea.Msg {
		msg := statsMsg{req: req}
		msg.rows, msg.total, msg.err = d.VisitStatistics(ctx, from, to)
		return msg
	}
}

func cancelVisit(ctx context.Context, d *workflow.Desk, id, seen int64, reason string) tea.Cmd {
	return func() tea.Msg {
		return doneMsg{id: id, err: d.ActOn(ctx, id, seen, workflow.ActionCancelVisit, reason)}
	}
}
