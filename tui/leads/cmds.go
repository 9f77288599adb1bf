package leads

import (
	"context"

	tea "charm.land/bubbletea/v2"

	"orderdesk/store"
	"orderdesk/workflow"
)

// Every database call runs in a tea.Cmd and comes back as one of these,
// tagged with the request it answers: the screen drops answers to
// requests it has since replaced.

// listMsg is the leads the user sees in the stage listed.
type listMsg struct {
	req   int
	leads []store.Lead
	err   error
}

// usersMsg is who may own a lead, for the desk's form.
type usersMsg struct {
	users []store.User
	err   error
}

// detailMsg is a lead opened, with its log.
type detailMsg struct {
	req  int
	lead store.Lead
	err  error
}

// matchesMsg is what a lead being typed may already be: customer files
// and open leads with its name, phone or 助记码.
type matchesMsg struct {
	form    int
	asked   workflow.LeadInput // what was asked about, to drop an answer the form has moved past
	matches []store.LeadMatch
	err     error
}

// savedMsg answers a save of the lead form.
type savedMsg struct {
	form int
	id   int64
	warn workflow.FieldErrors
	err  error
}

// loggedMsg answers a call logged.
type loggedMsg struct {
	form int
	id   int64
	err  error
}

// doneMsg answers a stage move.
type doneMsg struct {
	id  int64
	ref string
	to  string // the action taken
	err error
}

// convertedMsg answers a conversion into a customer file or an inquiry.
type convertedMsg struct {
	lead     int64
	inquiry  bool  // an inquiry; otherwise a customer file
	id       int64 // the customer's or the inquiry's
	termsDoc int64
	err      error
}

// statsMsg is the leads by source and stage, with their totals.
type statsMsg struct {
	req   int
	rows  []workflow.LeadStatRow
	total workflow.LeadStatRow
	err   error
}

func loadList(ctx context.Context, desk *workflow.Desk, req int, stage string) tea.Cmd {
	return func() tea.Msg {
		msg := listMsg{req: req}
		msg.leads, msg.err = desk.Leads(ctx, workflow.LeadFilter{Status: stage})
		return msg
	}
}

// loadUsers reads the sales reps the desk may give a lead to (none
// picked: the lead is the caller's own).
func loadUsers(ctx context.Context, desk *workflow.Desk) tea.Cmd {
	return func() tea.Msg {
		msg := usersMsg{}
		msg.users, msg.err = desk.SalesReps(ctx)
		return msg
	}
}

func loadLead(ctx context.Context, desk *workflow.Desk, req int, id int64) tea.Cmd {
	return func() tea.Msg {
		msg := detailMsg{req: req}
		msg.lead, msg.err = desk.Lead(ctx, id)
		return msg
	}
}

func findMatches(ctx context.Context, desk *workflow.Desk, form int, in workflow.LeadInput, except int64) tea.Cmd {
	return func() tea.Msg {
		msg := matchesMsg{form: form, asked: in}
		msg.matches, msg.err = desk.LeadMatches(ctx, in, except)
		return msg
	}
}

// saveLead creates (docID 0) or updates the lead from in, a copy of
// what the form holds.
func saveLead(ctx context.Context, desk *workflow.Desk, form int, docID, seen int64, in workflow.LeadInput) tea.Cmd {
	return func() tea.Msg {
		msg := savedMsg{form: form, id: docID}
		if docID != 0 {
			msg.warn, msg.err = desk.UpdateLead(ctx, docID, seen, in)
			return msg
		}
		msg.id, msg.warn, msg.err = desk.CreateLead(ctx, in)
		return msg
	}
}

func logContact(ctx context.Context, desk *workflow.Desk, form int, id int64, in workflow.LeadContactInput) tea.Cmd {
	return func() tea.Msg {
		return loggedMsg{form: form, id: id, err: desk.LogLeadContact(ctx, id, in)}
	}
}

func act(ctx context.Context, desk *workflow.Desk, id, seen int64, ref, action, comment string) tea.Cmd {
	return func() tea.Msg {
		return doneMsg{id: id, ref: ref, to: action, err: desk.ActOn(ctx, id, seen, action, comment)}
	}
}

// toCustomer makes the lead's customer file in one step, from what the
// lead holds (prepaid: terms asked for later go to their sign-off from
// the customer's file).
func toCustomer(ctx context.Context, desk *workflow.Desk, id int64) tea.Cmd {
	return func() tea.Msg {
		msg := convertedMsg{lead: id}
		in, err := desk.LeadCustomerInput(ctx, id)
		if err != nil {
			msg.err = err
			return msg
		}
		msg.id, msg.termsDoc, msg.err = desk.ConvertLeadToCustomer(ctx, id, in)
		return msg
	}
}

func toInquiry(ctx context.Context, desk *workflow.Desk, id int64) tea.Cmd {
	return func() tea.Msg {
		msg := convertedMsg{lead: id, inquiry: true}
		msg.id, _, msg.err = desk.ConvertLeadToInquiry(ctx, id)
		return msg
	}
}

func loadStats(ctx context.Context, desk *workflow.Desk, req int) tea.Cmd {
	return func() tea.Msg {
		msg := statsMsg{req: req}
		msg.rows, msg.total, msg.err = desk.LeadStatistics(ctx)
		return msg
	}
}
