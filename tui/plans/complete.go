package plans

import (
	"context"
	"strings"

	tea "charm.land/bubbletea/v2"

	"orderdesk/store"
	"orderdesk/tui/common"
	"orderdesk/workflow"
)

// completeRows is how many customers a line's customer cell offers.
const completeRows = 5

// completion offers, under the form, the customers a line's customer
// cell names as it is typed (name, short name or 助记码, through the
// customer list's own filter): ↑↓ choose, tab or enter takes the one
// chosen and moves on. Every keystroke asks again and an older answer is
// dropped; the desk holds keys typed ahead until the answer is in, so
// "sygt⇥" takes what sygt finds.
type completion struct {
	row      int    // the form line asked about
	query    string // the text asked
	req      int
	answered int
	rows     []store.CustomerRow
	cursor   int
}

// customersMsg answers a completion's query.
type customersMsg struct {
	form, req int
	rows      []store.CustomerRow
	err       error
}

func findCustomers(ctx context.Context, desk *workflow.Desk, form, req int, query string) tea.Cmd {
	return func() tea.Msg {
		rows, err := desk.Customers(ctx, store.Page{Query: query, Limit: completeRows})
		return customersMsg{form: form, req: req, rows: rows, err: err}
	}
}

// offering is the completion shown for the focused customer cell: its
// answer is in and names someone.
func (f *planForm) offering() (*completion, bool) {
	c := f.complete
	line, k := f.f.Focused()
	if c == nil || line != c.row || k != workflow.FCustomer || c.answered != c.req || len(c.rows) == 0 ||
		strings.TrimSpace(f.f.Cell(line, k)) != c.query {
		return nil, false
	}
	return c, true
}

// completeKey takes ↑↓ among the customers offered; on tab or enter it
// puts the one chosen into the cell and lets the form move on.
func (f *planForm) completeKey(msg tea.Msg) (handled bool) {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return false
	}
	c, ok := f.offering()
	if !ok {
		return false
	}
	switch k.String() {
	case "up":
		c.cursor = max(c.cursor-1, 0)
		return true
	case "down":
		c.cursor = min(c.cursor+1, len(c.rows)-1)
		return true
	case "tab", "enter":
		pick := c.rows[c.cursor]
		f.f.SetCell(c.row, workflow.FCustomer, pick.Name)
		f.known[pick.Name] = pick.ID
		f.complete = nil
	}
	return false
}

// askCompletion asks for the customers the focused customer cell names,
// when its text changed since the last ask.
func (s *Screen) askCompletion(f *planForm) tea.Cmd {
	line, k := f.f.Focused()
	text := ""
	if line >= 0 && k == workflow.FCustomer {
		text = strings.TrimSpace(f.f.Cell(line, k))
	}
	if _, known := f.known[text]; text == "" || known {
		f.complete = nil
		return nil
	}
	if c := f.complete; c != nil && c.row == line && c.query == text {
		return nil
	}
	req := s.NextReq()
	f.complete = &completion{row: line, query: text, req: req}
	return findCustomers(s.c.Ctx, s.c.Desk, f.id, req, text)
}

func (s *Screen) onCustomers(msg customersMsg) tea.Cmd {
	f := s.form
	if f == nil || msg.form != f.id || f.complete == nil || msg.req != f.complete.req {
		return nil
	}
	c := f.complete
	c.answered, c.rows, c.cursor = msg.req, msg.rows, 0
	if msg.err != nil {
		c.rows = nil
		return s.Status(msg.err)
	}
	return nil
}

// completionLine is the customers offered, on one line, the chosen one
// marked; "" when nothing is offered.
func (f *planForm) completionLine() string {
	c := f.complete
	line, k := f.f.Focused()
	if c == nil || c.row != line || k != workflow.FCustomer || c.answered != c.req {
		return ""
	}
	st := f.c.Styles
	if len(c.rows) == 0 {
		return st.Warning.Render(f.c.T("plans.no_customer"))
	}
	parts := make([]string, len(c.rows))
	for i, r := range c.rows {
		name := r.Name
		if r.Mnemonic != "" {
			name += " " + r.Mnemonic
		}
		if i == c.cursor {
			parts[i] = st.Selected.Render("▸ " + name)
		} else {
			parts[i] = st.Muted.Render(name)
		}
	}
	return common.Fit(f.c.T("plans.complete_label")+" "+strings.Join(parts, "  "), f.width, false)
}
