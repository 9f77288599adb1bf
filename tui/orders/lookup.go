package orders

import (
	"strings"

	tea "charm.land/bubbletea/v2"

	"orderdesk/store"
	"orderdesk/tui/common"
	"orderdesk/workflow"
)

// The customer lookup of a new order: typing 助记码 (SYBF), a code or
// part of a name in the customer field lists the matches under it, as
// the customers screen's filter finds them; ↑/↓ choose, tab or enter
// takes the one marked and fills the header from its file.

const lookupRows = 6

type lookup struct {
	req   int
	query string
	rows  []store.CustomerRow
	pick  int
	err   error
}

type lookupMsg struct {
	req  int
	rows []store.CustomerRow
	err  error
}

// filledMsg is the customer file's details for the header.
type filledMsg struct {
	req int
	in  workflow.OrderInput
	err error
}

func (l *lookup) find(c *common.Common, q string) tea.Cmd {
	l.req++
	l.query = strings.TrimSpace(q)
	if l.query == "" {
		l.rows, l.pick = nil, 0
		return nil
	}
	req, desk, ctx, query := l.req, c.Desk, c.Ctx, l.query
	return func() tea.Msg {
		rows, err := desk.Customers(ctx, store.Page{Query: query, Limit: lookupRows})
		return lookupMsg{req: req, rows: rows, err: err}
	}
}

func (e *entryForm) onLookup(msg lookupMsg) {
	if msg.req != e.look.req {
		return
	}
	e.look.rows, e.look.err, e.look.pick = msg.rows, msg.err, 0
}

// lookupKey handles the keys of the customer field while matches show.
func (e *entryForm) lookupKey(s *Screen, msg tea.KeyPressMsg) (tea.Cmd, bool) {
	if _, at := e.form.Focused(); at != fCust || e.orig != nil {
		return nil, false
	}
	l := &e.look
	switch msg.String() {
	case "up":
		l.pick = max(l.pick-1, 0)
		return nil, true
	case "down":
		l.pick = min(l.pick+1, max(len(l.rows)-1, 0))
		return nil, true
	case "tab", "enter":
		if l.pick < len(l.rows) {
			r := l.rows[l.pick]
			if r.ID != e.customerID {
				e.customerID = r.ID
				e.form.SetValue(fCust, r.Name)
				e.form.SetError(fCust, "")
				l.rows, l.query = []store.CustomerRow{r}, r.Name
				l.req++ // a lookup on its way is no longer wanted
				return tea.Batch(e.form.Update(msg), e.fillFrom(s, r.ID)), true
			}
		}
	}
	return nil, false
}

// fillFrom asks for the customer file's name, contact, phone, address
// and terms.
func (e *entryForm) fillFrom(s *Screen, id int64) tea.Cmd {
	s.seq++
	e.fillReq = s.seq
	req, desk, ctx := e.fillReq, s.c.Desk, s.c.Ctx
	return func() tea.Msg {
		in, err := desk.NewOrderInput(ctx, id)
		return filledMsg{req: req, in: in, err: err}
	}
}

// onFilled fills the header fields still empty: what the clerk typed
// ahead of the answer stays.
func (e *entryForm) onFilled(msg filledMsg) {
	if msg.req != e.fillReq || msg.err != nil {
		return
	}
	in := msg.in
	for k, v := range map[string]string{workflow.FCustomerName: in.CustomerName, workflow.FContact: in.Contact,
		workflow.FPhone: in.Phone, workflow.FShipTo: in.ShipTo, workflow.FPaymentTerms: termsWord(e.c, in.PaymentTerms),
		workflow.FTermsDays: daysWord(in.PaymentTerms, atoi(in.TermsDays)), workflow.FWeighing: weighingWord(e.c, in.Weighing)} {
		if e.form.Value(k) == "" {
			e.form.SetValue(k, v)
		}
	}
}

func (l *lookup) view(c *common.Common) string {
	st := c.Styles
	switch {
	case l.err != nil:
		return st.StatusError.Render("  " + common.ErrorText(c.Cat, l.err))
	case l.query == "":
		return st.Muted.Render("  " + c.T("orders.lookup_hint"))
	case len(l.rows) == 0:
		return st.Muted.Render("  " + c.T("orders.no_customer", l.query))
	}
	var b strings.Builder
	for i, r := range l.rows {
		line := common.Fit(r.Code, 8, false) + " " + common.Fit(r.Name, 36, false) + " " + common.Fit(r.Mnemonic, 8, false) + " " + r.City
		if i == l.pick {
			b.WriteString(st.Selected.Render("▸ " + line))
		} else {
			b.WriteString("  " + line)
		}
		if i < len(l.rows)-1 {
			b.WriteString("\n")
		}
	}
	return b.String()
}
