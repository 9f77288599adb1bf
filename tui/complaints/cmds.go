package complaints

import (
	"context"

	tea "charm.land/bubbletea/v2"

	"orderdesk/workflow"
)

// Every database call runs in a tea.Cmd and comes back as one of these,
// tagged with the request it answers: answers to requests since
// replaced are dropped.

// listMsg is every complaint, newest first, and the follow-up calls due.
type listMsg struct {
	req   int
	rows  []workflow.ComplaintItem
	calls []workflow.FollowUpTask
	err   error
}

// detailMsg is a complaint opened.
type detailMsg struct {
	req int
	v   workflow.ComplaintView
	err error
}

// savedMsg answers a form's save: id is the complaint it was about (the
// new one for a recording).
type savedMsg struct {
	form int
	id   int64
	err  error
}

// doneMsg answers a close or a send-back.
type doneMsg struct {
	id  int64
	err error
}

func loadList(ctx context.Context, desk *workflow.Desk, req int) tea.Cmd {
	return func() tea.Msg {
		rows, err := desk.Complaints(ctx, workflow.ComplaintQuery{})
		msg := listMsg{req: req, rows: rows, err: err}
		if err == nil && workflow.Can(desk.User, workflow.RecordComplaints) {
			msg.calls, msg.err = desk.FollowUpsDue(ctx)
		}
		return msg
	}
}

func loadComplaint(ctx context.Context, desk *workflow.Desk, req int, id int64) tea.Cmd {
	return func() tea.Msg {
		v, err := desk.Complaint(ctx, id)
		return detailMsg{req: req, v: v, err: err}
	}
}

// save runs a form's write and answers for form.
func save(form int, write func() (int64, error)) tea.Cmd {
	return func() tea.Msg {
		id, err := write()
		return savedMsg{form: form, id: id, err: err}
	}
}

func act(ctx context.Context, desk *workflow.Desk, id, seen int64, action, comment string) tea.Cmd {
	return func() tea.Msg {
		return doneMsg{id: id, err: desk.ActOn(ctx, id, seen, action, comment)}
	}
}
