package inquiries

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"orderdesk/tui/common"
	"orderdesk/tui/common/custlookup"
)

// lookupRows is how many customers the lookup offers at once.
const lookupRows = 8

// lookup finds the inquiry's customer as the clerk types into its own
// input (custlookup). enter pressed before the answer to the latest
// query is in waits for it (waiting), so a quick "sygt⏎" picks what
// sygt finds.
type lookup struct {
	*custlookup.Lookup
	c       *common.Common
	input   textinput.Model
	waiting bool // enter came before the latest answer: pick when it does
}

func newLookup(c *common.Common) *lookup {
	ti := common.NewInput()
	ti.Prompt = c.T("inquiries.lookup_prompt")
	ti.Placeholder = c.T("inquiries.lookup_holder")
	ti.CharLimit = 60
	ti.SetWidth(40)
	ti.Focus()
	return &lookup{Lookup: custlookup.New(c, lookupRows), c: c, input: ti}
}

// ask queries the customers for what the input holds now.
func (l *lookup) ask(req int) tea.Cmd { return l.Ask(req, l.input.Value()) }

// key handles one key: it returns a command (a new query), and whether
// enter asks to pick.
func (l *lookup) key(msg tea.Msg, next func() int) (tea.Cmd, bool) {
	if k, ok := msg.(tea.KeyPressMsg); ok {
		if key.Matches(k, l.c.Keys.Confirm) {
			return nil, true
		}
		if l.Move(k) {
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
	var b strings.Builder
	b.WriteString(l.input.View() + "\n")
	b.WriteString(l.View(width, !l.HasAnswer() || (l.waiting && l.Pending())))
	b.WriteString(l.c.Styles.Muted.Render(l.c.T("inquiries.lookup_hint")))
	return b.String()
}
