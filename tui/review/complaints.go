package review

import (
	"context"
	"slices"
	"strings"

	tea "charm.land/bubbletea/v2"

	"orderdesk/store"
	"orderdesk/tui/common"
	"orderdesk/workflow"
)

// Complaints in the inbox: besides a resolved complaint waiting for its
// close (a sign-off, like any document's), each complaint routed to one
// of the user's roles and still being worked, and for a supervisor each
// flagged for want of an action. enter works it on the Complaints screen.

// complaintsScreen is the title key of the screen a complaint is worked on.
const complaintsScreen = "screen.complaints"

// withComplaints adds the complaints waiting for this user to act to
// the inbox (not to "my documents").
func withComplaints(ctx context.Context, desk *workflow.Desk, mine bool, items []store.InboxItem) ([]store.InboxItem, error) {
	if mine || !workflow.Can(desk.User, workflow.RecordComplaints) {
		return items, nil
	}
	xs, err := desk.ComplaintsToAct(ctx)
	for _, x := range xs {
		items = append(items, store.InboxItem{Document: store.Document{ID: x.DocID, Kind: store.ComplaintKind, Ref: x.Ref,
			Status: x.Status, MakerID: x.MakerID, Maker: x.Maker, Summary: x.Type + " " + x.Customer,
			Version: x.Version, StatusSince: x.StatusSince, CreatedAt: x.CreatedAt}})
	}
	return items, err
}

// beingWorked reports whether an inbox item is a complaint to act on
// (not one waiting for its close).
func beingWorked(it store.InboxItem) bool {
	return it.Kind == store.ComplaintKind && slices.Contains(workflow.OpenComplaintStatuses, it.Status)
}

// openComplaint asks the frame to show the complaint on its screen.
func openComplaint(it store.InboxItem) tea.Cmd {
	return func() tea.Msg { return common.OpenMsg{Screen: complaintsScreen, DocID: it.ID} }
}

// complaintSummary is a complaint's type in words and its customer.
func (s *Screen) complaintSummary(it store.InboxItem) string {
	typ, customer, _ := strings.Cut(it.Summary, " ")
	return s.c.T("complaint.type."+typ) + " · " + customer
}
