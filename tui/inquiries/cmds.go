package inquiries

import (
	"context"

	tea "charm.land/bubbletea/v2"

	"orderdesk/workflow"
)

// Every database call runs in a tea.Cmd and comes back as one of these,
// tagged with the request it answers: the screen drops answers to
// requests it has since replaced.

// then says what to do with an inquiry once it has loaded.
type then int

const (
	showIt   then = iota // the detail
	editIt               // the edit form
	priceIt              // open its quote, drafting one if there is none
	openLive             // open its quote in progress, drafting none (one was just found)
	refresh              // the detail shown, again (after a change)
)

// detailMsg is an inquiry with its quotes and history.
type detailMsg struct {
	req    int
	then   then
	detail workflow.InquiryDetail
	err    error
}

// termsMsg is a customer's payment terms and contact, for a new form.
type termsMsg struct {
	form int // the form it was asked for
	in   workflow.InquiryInput
	err  error
}

// savedMsg answers a create or an update.
type savedMsg struct {
	form int
	id   int64
	ref  string // a new inquiry's, read back
	warn workflow.FieldErrors
	err  error
}

// conflictMsg is the inquiry as it is now, after a save was refused
// because it changed meanwhile.
type conflictMsg struct {
	form   int
	detail workflow.InquiryDetail
	err    error
}

// quoteMsg answers "price it": the quote drafted (or 0 with err).
type quoteMsg struct {
	inquiry int64
	ref     string
	id      int64
	err     error
}

func loadDetail(ctx context.Context, desk *workflow.Desk, req int, id int64, t then) tea.Cmd {
	return func() tea.Msg {
		msg := detailMsg{req: req, then: t}
		msg.detail, msg.err = desk.Inquiry(ctx, id)
		return msg
	}
}

func loadTerms(ctx context.Context, desk *workflow.Desk, form int, customerID int64) tea.Cmd {
	return func() tea.Msg {
		msg := termsMsg{form: form}
		msg.in, msg.err = desk.NewInquiryInput(ctx, customerID)
		return msg
	}
}

// save creates (docID 0) or updates an inquiry from in, a copy of what
// the form holds, as of version seen.
func save(ctx context.Context, desk *workflow.Desk, form int, docID, seen int64, in workflow.InquiryInput) tea.Cmd {
	return func() tea.Msg {
		msg := savedMsg{form: form, id: docID}
		if docID != 0 {
			msg.warn, msg.err = desk.UpdateInquiry(ctx, docID, seen, in)
			return msg
		}
		if msg.id, msg.warn, msg.err = desk.CreateInquiry(ctx, in); msg.err != nil {
			return msg
		}
		if d, err := desk.Document(ctx, msg.id); err == nil {
			msg.ref = d.Ref
		}
		return msg
	}
}

func loadConflict(ctx context.Context, desk *workflow.Desk, form int, id int64) tea.Cmd {
	return func() tea.Msg {
		msg := conflictMsg{form: form}
		msg.detail, msg.err = desk.Inquiry(ctx, id)
		return msg
	}
}

func createQuote(ctx context.Context, desk *workflow.Desk, id int64, ref string) tea.Cmd {
	return func() tea.Msg {
		msg := quoteMsg{inquiry: id, ref: ref}
		msg.id, msg.err = desk.CreateQuote(ctx, id)
		return msg
	}
}
