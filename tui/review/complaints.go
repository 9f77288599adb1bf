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

// complaintFields shows a resolved complaint to whoever signs its close:
// the customer, its type and route, their words, what it concerns, what
// was done and the resolution.
func (s *Screen) complaintFields(d *workflow.DocumentDetail, field func(label, value string)) {
	c := d.Complaint
	if c == nil {
		return
	}
	t := s.c.T
	field("review.field.customer", c.Customer)
	field("complaints.field.type", t("complaint.type."+c.Type)+" → "+t("role."+c.RouteRole))
	field("complaints.field.words", c.Words)
	if c.ConcernsRef != "" {
		field("complaints.field.concerns", t("kind."+c.ConcernsKind)+" "+c.ConcernsRef)
	}
	for _, a := range c.Actions {
		field("complaints.actions", a.By+": "+a.Text)
	}
	if n := len(c.Resolutions); n > 0 {
		r := c.Resolutions[n-1]
		field("complaints.field.resolution", t("complaint.resolution."+r.Resolution)+" ("+r.By+") "+r.Note)
	}
}
