package meetings

import (
	"context"

	tea "charm.land/bubbletea/v2"

	"orderdesk/store"
	"orderdesk/tui/common"
	"orderdesk/workflow"
)

// Every database call runs in a tea.Cmd and comes back as one of these,
// tagged with the request it answers.

// listMsg is the minutes the user sees.
type listMsg struct {
	req      int
	meetings []store.Meeting
	err      error
}

// peopleMsg is who may attend and own an action item.
type peopleMsg struct {
	people []store.User
	err    error
}

// detailMsg is minutes opened, with the steps the workflow would take
// on them from this user now.
type detailMsg struct {
	req     int
	meeting store.Meeting
	steps   map[string]bool
	err     error
}

// savedMsg answers a save of one of the forms.
type savedMsg struct {
	form int
	id   int64 // the minutes to show
	err  error
}

func loadList(ctx context.Context, desk *workflow.Desk, req int) tea.Cmd {
	return func() tea.Msg {
		msg := listMsg{req: req}
		msg.meetings, msg.err = desk.Meetings(ctx, workflow.MeetingFilter{})
		return msg
	}
}

func loadPeople(ctx context.Context, desk *workflow.Desk) tea.Cmd {
	return func() tea.Msg {
		msg := peopleMsg{}
		msg.people, msg.err = desk.MeetingPeople(ctx)
		return msg
	}
}

func loadMeeting(ctx context.Context, desk *workflow.Desk, req int, id int64) tea.Cmd {
	return func() tea.Msg {
		msg := detailMsg{req: req}
		if msg.meeting, msg.err = desk.Meeting(ctx, id); msg.err != nil {
			return msg
		}
		dd, err := desk.Document(ctx, id)
		msg.steps, msg.err = common.Steps(dd.Actions), err
		return msg
	}
}
