package customers

import (
	"context"

	tea "charm.land/bubbletea/v2"

	"orderdesk/store"
	"orderdesk/workflow"
)

// Every database call runs in a tea.Cmd and comes back as one of these,
// tagged with the request id it answers: the screen drops answers to
// requests it has since replaced.

// intent says what to do with a customer file once it has loaded.
type intent int

const (
	showFile  intent = iota // the detail view
	editFile                // open the edit form
	voidFile                // ask for a void reason
	visitFile               // log a visit, its file behind the form
)

// fileMsg is a customer file.
type fileMsg struct {
	req   int
	then  intent
	file  workflow.CustomerFile
	after workflow.AfterSales // the customer's complaints and follow-up calls
	err   error
}

// repsMsg lists the sales reps a customer can be given.
type repsMsg struct {
	reps []store.User
	err  error
}

// savedMsg answers a create or an edit.
type savedMsg struct {
	req      int
	id       int64
	termsDoc int64
	created  bool
	err      error
}

// voidedMsg answers a void.
type voidedMsg struct {
	req int
	id  int64
	err error
}

// visitSavedMsg answers a new visit record.
type visitSavedMsg struct {
	req int
	id  int64
	err error
}

func loadFile(ctx context.Context, desk *workflow.Desk, req int, id int64, then intent) tea.Cmd {
	return func() tea.Msg {
		msg := fileMsg{req: req, then: then}
		msg.file, msg.err = desk.CustomerFile(ctx, id)
		if msg.err == nil {
			msg.after, msg.err = desk.CustomerAfterSales(ctx, id)
		}
		return msg
	}
}

func loadReps(ctx context.Context, desk *workflow.Desk) tea.Cmd {
	return func() tea.Msg {
		var msg repsMsg
		msg.reps, msg.err = desk.SalesReps(ctx)
		return msg
	}
}

// saveCustomer creates (orig nil) or updates a customer from in, a copy
// of what the form holds.
func saveCustomer(ctx context.Context, desk *workflow.Desk, req int, orig *store.Customer, in workflow.CustomerInput) tea.Cmd {
	if orig != nil {
		o := *orig
		orig = &o
	}
	return func() tea.Msg {
		msg := savedMsg{req: req, created: orig == nil}
		if orig == nil {
			msg.id, msg.termsDoc, msg.err = desk.CreateCustomer(ctx, in)
			return msg
		}
		msg.id = orig.ID
		msg.termsDoc, msg.err = desk.UpdateCustomer(ctx, *orig, in)
		return msg
	}
}

func voidCustomer(ctx context.Context, desk *workflow.Desk, req int, orig store.Customer, reason string) tea.Cmd {
	return func() tea.Msg {
		msg := voidedMsg{req: req, id: orig.ID}
		msg.err = desk.VoidCustomer(ctx, orig, reason)
		return msg
	}
}

func addVisit(ctx context.Context, desk *workflow.Desk, req int, v store.Visit) tea.Cmd {
	return func() tea.Msg {
		msg := visitSavedMsg{req: req, id: v.CustomerID}
		msg.err = desk.AddVisit(ctx, v)
		return msg
	}
}
