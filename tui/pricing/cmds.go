package pricing

import (
	"orderdesk/workflow"
)

// Every database answer comes back as one of these, tagged with the
// request it answers; an answer older than the latest request is dropped.

type quoteMsg struct {
	seq int
	id  int64
	q   workflow.QuoteDetail
	err error
}

type contextMsg struct {
	seq    int
	lineID int64
	pc     workflow.PriceContext
	err    error
}

type followMsg struct {
	seq  int
	rows []workflow.FollowUp
	err  error
}

// pricedMsg answers one price saved from the inline input.
type pricedMsg struct {
	docID  int64
	lineID int64
	lineNo int
	text   string
	err    error
}

type requestedMsg struct {
	docID  int64
	lineNo int
	err    error
}

type actedMsg struct {
	docID  int64
	action string
	ref    string
	newID  int64 // the revision made, for "revise"
	err    error
}

type versionsMsg struct {
	seq      int
	versions []workflow.QuoteDetail
	err      error
}
