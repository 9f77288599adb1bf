package inquiries

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"orderdesk/store"
	"orderdesk/tui/common"
	"orderdesk/workflow"
)

// pricingScreen is the Pricing screen's title key: "price it" opens the
// quote there.
const pricingScreen = "screen.pricing"

// openDetail loads an inquiry, then shows, edits or prices it. A later
// open replaces it (esc before it comes cancels it).
func (s *Screen) openDetail(id int64, t then) tea.Cmd {
	if id == 0 {
		return nil
	}
	s.detailReq = s.nextReq()
	return loadDetail(s.c.Ctx, s.c.Desk, s.detailReq, id, t)
}

func (s *Screen) onDetail(msg detailMsg) tea.Cmd {
	if msg.req != s.detailReq {
		return nil // an older open, overtaken
	}
	if msg.err != nil {
		if msg.then == refresh {
			return nil // the next change will try again
		}
		return common.Status(common.ErrorText(s.c.Cat, msg.err), true)
	}
	d := msg.detail
	switch msg.then {
	case refresh:
		if s.detail != nil && s.detail.ID == d.ID {
			s.detail = &d
		}
		return nil
	case editIt:
		if s.mode == modeForm {
			return common.Status(s.c.T("inquiries.form_open"), true)
		}
		return s.startEdit(d)
	case priceIt:
		if s.mode != modeForm {
			s.detail, s.mode = &d, modeDetail
		}
		return s.priceIt(d)
	case openLive:
		if q, ok := liveQuote(d); ok {
			return openQuote(q.ID)
		}
		return common.Status(s.c.T("refusal.quote_exists"), true)
	}
	if s.mode == modeForm {
		return nil // a form opened meanwhile keeps the screen
	}
	if s.detail == nil || s.detail.ID != d.ID {
		s.body.Reset()
	}
	s.detail, s.mode = &d, modeDetail
	return nil
}

func (s *Screen) updateDetail(msg tea.KeyPressMsg) tea.Cmd {
	k := s.keys
	d := s.detail
	switch {
	case key.Matches(msg, k.back):
		s.mode, s.detail = modeList, nil
		return s.list.Refresh()
	case s.body.Key(msg):
	case d == nil:
	case key.Matches(msg, k.edit):
		if !editable(d.Status) {
			return common.Status(s.c.T("inquiries.not_editable", s.c.T("state.inquiry."+d.Status)), true)
		}
		// Edit what is stored now, not what was loaded a while ago.
		return s.openDetail(d.ID, editIt)
	case key.Matches(msg, k.price):
		return s.priceIt(*d)
	case key.Matches(msg, k.refresh):
		return s.openDetail(d.ID, showIt)
	}
	return nil
}

// liveQuote is the inquiry's quote in progress, the one "price it" opens;
// the workflow says which statuses are still in play.
func liveQuote(d workflow.InquiryDetail) (store.QuoteRow, bool) {
	for i := len(d.Quotes) - 1; i >= 0; i-- {
		if slices.Contains(workflow.LiveQuoteStatuses, d.Quotes[i].Status) {
			return d.Quotes[i], true
		}
	}
	return store.QuoteRow{}, false
}

// priceIt opens the inquiry's quote in progress on the Pricing screen,
// or asks the workflow to draft one first.
func (s *Screen) priceIt(d workflow.InquiryDetail) tea.Cmd {
	if q, ok := liveQuote(d); ok {
		return openQuote(q.ID)
	}
	if s.pricing {
		return nil // one at a time
	}
	s.pricing = true
	return tea.Batch(common.Status(s.c.T("inquiries.quote_wait"), false), createQuote(s.c.Ctx, s.c.Desk, d.ID, d.Ref))
}

func openQuote(id int64) tea.Cmd {
	return func() tea.Msg { return common.OpenMsg{Screen: pricingScreen, DocID: id} }
}

func (s *Screen) onQuote(msg quoteMsg) tea.Cmd {
	s.pricing = false
	if errors.Is(msg.err, &workflow.Refusal{Code: workflow.QuoteExists}) {
		// Drafted meanwhile, here or at another desk: open that one.
		return s.openDetail(msg.inquiry, openLive)
	}
	if msg.err != nil {
		return common.Status(common.ErrorText(s.c.Cat, msg.err), true)
	}
	return tea.Batch(common.Status(s.c.T("inquiries.quote_made", msg.ref), false), openQuote(msg.id))
}

// viewDetail draws the inquiry scrolled to fit, with the keys under it.
func (s *Screen) viewDetail() string {
	st := s.c.Styles
	if s.detail == nil {
		return st.Muted.Render(s.c.T("status.loading"))
	}
	hint := "inquiries.detail_readonly"
	if s.keys.edit.Enabled() {
		hint = "inquiries.detail_hint"
	}
	return s.body.View() + "\n" + st.Muted.Render(s.c.T(hint))
}

// detailLabels are the labels of the inquiry's fields in its detail.
var detailLabels = []string{"inquiries.field.customer", "inquiries.field.status", "inquiries.field.terms", "inquiries.field.contact",
	"inquiries.field.notes", "inquiries.field.maker", "inquiries.field.created", "inquiries.field.waiting"}

// detailText is the header, the lines (flagged ones marked), the quotes,
// the price requests and the history.
func (s *Screen) detailText() string {
	st := s.c.Styles
	d := s.detail
	if d == nil {
		return ""
	}
	var out []string
	add := func(lines ...string) { out = append(out, lines...) }
	// The labels line up at the widest in the language shown.
	labelW := 10
	for _, l := range detailLabels {
		labelW = common.Widest(labelW, s.c.T(l))
	}
	field := func(label, value string) {
		add(st.Label.Render(common.Fit(s.c.T(label), labelW, false)) + " " + value)
	}
	add(st.Title.Render(s.c.T("inquiries.detail.title", d.Ref)), "")
	field("inquiries.field.customer", d.Customer)
	field("inquiries.field.status", s.c.T("state.inquiry."+d.Status))
	if in := d.Inquiry; in != nil {
		field("inquiries.field.terms", common.Terms(s.c.Cat, in.PaymentTerms, in.TermsDays))
		if in.Contact != "" {
			field("inquiries.field.contact", in.Contact)
		}
		if in.Notes != "" {
			field("inquiries.field.notes", in.Notes)
		}
	}
	field("inquiries.field.maker", d.Maker)
	field("inquiries.field.created", d.CreatedAt.In(s.c.Now().Location()).Format("2006-01-02 15:04"))
	field("inquiries.field.waiting", common.Age(s.c.Cat, s.c.Now(), d.CreatedAt))
	add("", st.Header.Render(s.c.T("inquiries.lines")))
	if d.Inquiry != nil {
		add(s.lineRows(d.Inquiry.Lines)...)
	}
	add("", st.Header.Render(s.c.T("inquiries.quotes")))
	if len(d.Quotes) == 0 {
		add(st.Muted.Render("  " + s.c.T("inquiries.no_quotes")))
	}
	for _, q := range d.Quotes {
		total := "¥" + q.Total.String()
		if q.MoneyHidden {
			total = s.c.T("inquiries.hidden")
		}
		add("  " + s.c.T("inquiries.quote_row", q.Ref, q.Revision, s.c.T("state.quote."+q.Status), total))
	}
	if len(d.Requests) > 0 {
		add("", st.Header.Render(s.c.T("inquiries.requests")))
		for _, r := range d.Requests {
			add("  " + s.c.T("inquiries.request_row", r.Ref, r.Grade, r.Name, r.Spec, s.c.T("state.price_request."+r.Status)))
		}
	}
	add("", st.Header.Render(s.c.T("inquiries.history")))
	if len(d.Transitions) == 0 {
		add(st.Muted.Render("  " + s.c.T("inquiries.no_history")))
	}
	for _, t := range d.Transitions {
		line := fmt.Sprintf("  %s  %s  %s", t.At.In(s.c.Now().Location()).Format("2006-01-02 15:04"), t.Actor, s.c.T("action."+t.Action))
		if t.Comment != "" {
			line += ": " + t.Comment
		}
		add(line)
	}
	return strings.Join(out, "\n")
}

// lineColumns are the columns of an inquiry's lines.
func (s *Screen) lineColumns() []common.Column {
	t := s.c.T
	cols := []common.Column{
		{Title: t("inquiries.col.no"), Width: 3, Right: true},
		{Title: t("inquiries.col.grade"), Width: 8},
		{Title: t("inquiries.col.name"), Width: 12},
		{Title: t("inquiries.col.spec"), Width: 16},
		{Title: t("inquiries.col.qty"), Width: 9, Right: true},
		{Title: t("inquiries.col.unit"), Width: 4},
		{Title: t("inquiries.col.wanted"), Width: 10},
		{Title: t("inquiries.col.req"), Width: 12},
	}
	return common.Stretch(cols, 7, s.width-4)
}

func (s *Screen) lineRows(lines []store.InquiryLine) []string {
	st := s.c.Styles
	cols := s.lineColumns()
	out := []string{"  " + st.Header.Render(common.Header(cols))}
	for _, l := range lines {
		row := common.Line(cols, []string{fmt.Sprint(l.LineNo), l.Grade, l.Name, l.Spec, l.Qty.String(), s.c.T("unit." + l.Unit),
			l.WantedOn, l.Requirements})
		mark := "  "
		if l.Unknown {
			mark = st.Warning.Render(s.c.T("inquiries.flag")) + " "
		}
		out = append(out, mark+row)
		if l.Unknown {
			out = append(out, "     "+st.Muted.Render(s.c.T("inquiries.flagged")))
		}
	}
	return out
}
