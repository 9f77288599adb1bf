package inquiries

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"orderdesk/store"
	"orderdesk/tui/common"
)

// lookupRows is how many customers the lookup offers at once.
const lookupRows = 8

// lookup finds the inquiry's customer by 助记码 mnemonic, name, short
// name, phone or code as the clerk types, through the same filter as the
// customer list. Every keystroke asks again; an answer to an older query
// is dropped. enter pressed before the answer to the latest query is in
// waits for it (waiting), so a quick "sygt⏎" picks what sygt finds.
type lookup struct {
	c       *common.Common
	input   textinput.Model
	rows    []store.CustomerRow
	cursor  int
	req     int    // the latest query asked
	shown   int    // the query whose answer is shown
	query   string // its text
	err     error
	waiting bool // enter came before the latest answer: pick when it does
}

func newLookup(c *common.Common) *lookup {
	ti := common.NewInput()
	ti.Prompt = c.T("inquiries.lookup_prompt")
	ti.Placeholder = c.T("inquiries.lookup_holder")
	ti.CharLimit = 60
	ti.SetWidth(40)
	ti.Focus()
	return &lookup{c: c, input: ti}
}

// ask queries the customers for what the input holds now.
func (l *lookup) ask(req int) tea.Cmd {
	l.req = req
	return findCustomers(l.c.Ctx, l.c.Desk, req, strings.TrimSpace(l.input.Value()), lookupRows)
}

// answered takes an answer; it reports whether it is the latest.
func (l *lookup) answered(msg customersMsg) bool {
	if msg.req != l.req {
		return false
	}
	l.shown, l.query, l.err = msg.req, msg.query, msg.err
	if msg.err == nil {
		l.rows = msg.rows
	}
	l.cursor = 0
	return true
}

// current is the customer under the cursor, if the latest answer is in.
func (l *lookup) current() (store.CustomerRow, bool) {
	if l.shown != l.req || l.cursor >= len(l.rows) {
		return store.CustomerRow{}, false
	}
	return l.rows[l.cursor], true
}

// key handles one key: it returns a command (a new query), and whether
// enter asks to pick.
func (l *lookup) key(msg tea.Msg, next func() int) (tea.Cmd, bool) {
	if k, ok := msg.(tea.KeyPressMsg); ok {
		keys := l.c.Keys
		switch {
		case key.Matches(k, keys.Confirm):
			return nil, true
		case k.Code == tea.KeyUp:
			l.cursor = max(l.cursor-1, 0)
			return nil, false
		case k.Code == tea.KeyDown:
			l.cursor = min(l.cursor+1, max(len(l.rows)-1, 0))
			return nil, false
		}
	}
	before := l.input.Value()
	var cmd tea.Cmd
	l.input, cmd = l.input.Update(msg)
	if l.input.Value() == before {
		return cmd, false
	}
	return tea.Batch(cmd, l.ask(next())), false
}

func (l *lookup) resize(width int) { l.input.SetWidth(max(min(width-12, 50), 10)) }

// view draws the input and the customers found.
func (l *lookup) view(width int) string {
	st := l.c.Styles
	var b strings.Builder
	b.WriteString(l.input.View() + "\n")
	switch {
	case l.err != nil:
		b.WriteString(st.StatusError.Render("  "+common.ErrorText(l.c.Cat, l.err)) + "\n")
	case l.shown == 0 || (l.waiting && l.shown != l.req):
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
	b.WriteString(st.Muted.Render(l.c.T("inquiries.lookup_hint")))
	return b.String()
}
