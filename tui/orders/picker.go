package orders

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"orderdesk/store"
	"orderdesk/tui/common"
)

// The picker (w) offers the won quotes that have no order yet, of every
// customer (or of the one the list is filtered on); enter makes the
// order and opens its form.

type picker struct {
	customerID int64
	req        int
	rows       []store.QuoteRow
	cursor     int
	loaded     bool
	err        error
}

type quotesMsg struct {
	req  int
	rows []store.QuoteRow
	err  error
}

func (s *Screen) openPicker(customerID int64) tea.Cmd {
	s.picker = &picker{customerID: customerID}
	s.back, s.mode = s.mode, modePicker
	return s.picker.load(s)
}

func (p *picker) load(s *Screen) tea.Cmd {
	p.req = s.nextReq()
	req, desk, ctx, cust := p.req, s.c.Desk, s.c.Ctx, p.customerID
	return func() tea.Msg {
		rows, err := desk.WonQuotesWithoutOrder(ctx, cust, 200)
		return quotesMsg{req: req, rows: rows, err: err}
	}
}

func (p *picker) onQuotes(msg quotesMsg) {
	if msg.req != p.req {
		return
	}
	p.rows, p.err, p.loaded = msg.rows, msg.err, true
	p.cursor = min(p.cursor, max(len(p.rows)-1, 0))
}

func (s *Screen) updatePicker(msg tea.KeyPressMsg) tea.Cmd {
	p, k := s.picker, s.keys
	switch {
	case key.Matches(msg, k.back):
		s.picker, s.mode = nil, modeList
	case key.Matches(msg, k.up):
		p.cursor = max(p.cursor-1, 0)
	case key.Matches(msg, k.down):
		p.cursor = min(p.cursor+1, max(len(p.rows)-1, 0))
	case key.Matches(msg, k.confirm):
		if p.cursor < len(p.rows) {
			q := p.rows[p.cursor].ID
			desk, ctx := s.c.Desk, s.c.Ctx
			return s.create(false, func() (int64, error) { return desk.CreateOrderFromQuote(ctx, q) })
		}
	}
	return nil
}

func (p *picker) view(s *Screen) string {
	st := s.c.Styles
	t := s.c.T
	var b strings.Builder
	b.WriteString(st.Title.Render(t("orders.picker_title")) + "\n")
	cols := common.Stretch([]common.Column{
		{Title: t("orders.col.quote"), Width: 16},
		{Title: t("orders.col.customer"), Width: 20},
		{Title: t("orders.col.total"), Width: 14, Right: true},
		{Title: t("orders.col.won_on"), Width: 16},
	}, 1, s.width-2)
	b.WriteString("  " + st.Header.Render(common.Header(cols)) + "\n")
	switch {
	case p.err != nil:
		return b.String() + st.StatusError.Render("  "+common.ErrorText(s.c.Cat, p.err))
	case !p.loaded:
		return b.String() + st.Muted.Render("  "+t("status.loading"))
	case len(p.rows) == 0:
		return b.String() + st.Muted.Render("  "+t("orders.no_won_quotes"))
	}
	for i, r := range p.rows {
		total := "¥" + r.Total.String()
		if r.MoneyHidden {
			total = t("orders.hidden")
		}
		line := common.Line(cols, []string{r.Ref, r.Customer, total, r.StatusSince.Local().Format("2006-01-02 15:04")})
		if i == p.cursor {
			b.WriteString(st.Selected.Render("▸ "+line) + "\n")
		} else {
			b.WriteString("  " + line + "\n")
		}
	}
	return b.String()
}
