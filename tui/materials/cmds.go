package materials

import (
	"context"

	tea "charm.land/bubbletea/v2"

	"orderdesk/store"
	"orderdesk/workflow"
)

// Every database call runs in a tea.Cmd and comes back as one of these,
// tagged with the request it answers.

// listMsg is the register the user sees, with the wait in force.
type listMsg struct {
	req  int
	rows []store.MaterialSent
	days int
	err  error
}

// detailMsg is a row opened.
type detailMsg struct {
	req int
	row store.MaterialSent
	err error
}

// savedMsg answers a save of one of the forms.
type savedMsg struct {
	form int
	id   int64 // the row to show
	err  error
}

// voidedMsg answers a void.
type voidedMsg struct {
	id  int64
	err error
}

func loadList(ctx context.Context, desk *workflow.Desk, req int) tea.Cmd {
	return func() tea.Msg {
		msg := listMsg{req: req}
		if msg.days, msg.err = desk.MaterialDays(ctx); msg.err == nil {
			msg.rows, msg.err = desk.Materials(ctx, "")
		}
		return msg
	}
}

func loadRow(ctx context.Context, desk *workflow.Desk, req int, id int64) tea.Cmd {
	return func() tea.Msg {
		msg := detailMsg{req: req}
		msg.row, msg.err = desk.Material(ctx, id)
		return msg
	}
}

func voidRow(ctx context.Context, desk *workflow.Desk, id, seen int64, reason string) tea.Cmd {
	return func() tea.Msg { return voidedMsg{id: id, err: desk.VoidMaterial(ctx, id, seen, reason)} }
}
