// Package custlookup finds a form's customer as the clerk types: by
// 助记码 mnemonic, name, short name, phone or code, through the same
// filter as the customer list, and lists the candidates with the one
// the cursor marks (▸), so the clerk sees which customer was matched
// before anything is saved.
package custlookup

import (
	"strings"

	tea "charm.land/bubbletea/v2"

	"orderdesk/store"
	"orderdesk/tui/common"
)

// Lookup is the candidates for what was typed last. Every change asks
// again; an answer to an older query, or meant for another lookup (every
// screen hears it), is dropped.
type Lookup struct {
	c      *common.Common
	limit  int // most candidates listed
	rows   []store.CustomerRow
	cursor int
	req    int    // the latest query asked
	shown  int    // the query whose answer is shown
	query  string // its text
	err    error
}

// FoundMsg answers a query of Lookup For.
type FoundMsg struct {
	For   *Lookup
	Req   int
	Query string
	Rows  []store.CustomerRow
	Err   error
}

// New is a lookup that lists at most limit candidates.
func New(c *common.Common, limit int) *Lookup { return &Lookup{c: c, limit: limit} }

// Ask queries the customers for query, tagged req (a later req drops
// every earlier answer).
func (l *Lookup) Ask(req int, query string) tea.Cmd {
	l.req = req
	ctx, desk, limit := l.c.Ctx, l.c.Desk, l.limit
	query = strings.TrimSpace(query)
	return func() tea.Msg {
		msg := FoundMsg{For: l, Req: req, Query: query}
		msg.Rows, msg.Err = desk.Customers(ctx, store.Page{Query: query, Limit: limit})
		return msg
	}
}

// Answered takes an answer; it reports whether it is the latest of this
// lookup.
func (l *Lookup) Answered(msg FoundMsg) bool {
	if msg.For != l || msg.Req != l.req {
		return false
	}
	l.shown, l.query, l.err = msg.Req, msg.Query, msg.Err
	if msg.Err == nil {
		l.rows = msg.Rows
	}
	l.cursor = 0
	return true
}

// Req is the latest query asked.
func (l *Lookup) Req() int { return l.req }

// HasAnswer is true once any answer is in.
func (l *Lookup) HasAnswer() bool { return l.shown != 0 }

// Pending is true while the answer to the latest query is on its way.
func (l *Lookup) Pending() bool { return l.shown != l.req }

// Current is the customer under the cursor, if the latest answer is in.
func (l *Lookup) Current() (store.CustomerRow, bool) {
	if l.Pending() || l.cursor >= len(l.rows) {
		return store.CustomerRow{}, false
	}
	return l.rows[l.cursor], true
}

// Show lists r alone, marked, as if it were the answer: the customer
// picked, or the one the form opened for. An answer on its way is
// dropped.
func (l *Lookup) Show(r store.CustomerRow) {
	l.req++
	l.shown, l.query, l.err, l.rows, l.cursor = l.req, r.Code, nil, []store.CustomerRow{r}, 0
}

// Move takes ↑ and ↓ between the candidates; false for any other key.
func (l *Lookup) Move(k tea.KeyPressMsg) bool {
	switch k.Code {
	case tea.KeyUp:
		l.cursor = max(l.cursor-1, 0)
	case tea.KeyDown:
		l.cursor = min(l.cursor+1, max(len(l.rows)-1, 0))
	default:
		return false
	}
	return true
}

// Clear forgets the candidates and any answer on its way: nothing is
// typed to look up.
func (l *Lookup) Clear() {
	l.req, l.shown, l.rows, l.query, l.err, l.cursor = 0, 0, nil, "", nil, 0
}

// Asked is true once a query was asked (since Clear).
func (l *Lookup) Asked() bool { return l.req != 0 }

// Choice is true while there are candidates to choose between.
func (l *Lookup) Choice() bool { return len(l.rows) > 1 }

// View lists the candidates in width cells, each row ending in a line
// break, under a line that says why there are none: the query failed,
// is on its way (searching) or matched nothing.
func (l *Lookup) View(width int, searching bool) string {
	st := l.c.Styles
	var b strings.Builder
	switch {
	case l.err != nil:
		b.WriteString(st.StatusError.Render("  "+common.ErrorText(l.c.Cat, l.err)) + "\n")
	case searching:
		b.WriteString(st.Muted.Render("  "+l.c.T("inquiries.lookup_searching")) + "\n")
	case len(l.rows) == 0:
		b.WriteString(st.Warning.Render("  "+l.c.T("inquiries.lookup_none", l.query)) + "\n")
	}
	cols := common.Stretch([]common.Column{
		{Width: 7}, {Width: 28}, {Width: 10}, {Width: 8}, {Width: 6}, {Width: 13},
	}, 1, max(width-4, 40))
	for i, r := range l.rows {
		line := common.Line(cols, []string{r.Code, r.Name, r.ShortName, r.Mnemonic, r.City, r.Phone})
		if i == l.cursor {
			b.WriteString(st.Selected.Render("▸ "+line) + "\n")
		} else {
			b.WriteString("  " + line + "\n")
		}
	}
	return b.String()
}
