package pricing

import (
	"strings"

	"github.com/charmbracelet/x/ansi"

	"orderdesk/store"
	"orderdesk/tui/common"
	"orderdesk/workflow"
)

// contextRows is the height of the price context under the lines.
const contextRows = 8

func (s *Screen) lineColumns() []common.Column {
	cols := []common.Column{
		{Title: "", Width: 1},
		{Title: s.c.T("pricing.col.no"), Width: 3, Right: true},
		{Title: s.c.T("pricing.col.grade"), Width: 8},
		{Title: s.c.T("pricing.col.name"), Width: 12},
		{Title: s.c.T("pricing.col.spec"), Width: 16, Keep: true},
		{Title: s.c.T("pricing.col.qty"), Width: 13, Right: true, Keep: true},
		{Title: s.c.T("pricing.col.price"), Width: 15, Right: true},
		{Title: s.c.T("pricing.col.amount"), Width: 14, Right: true},
		{Title: s.c.T("pricing.col.note"), Width: 22},
	}
	var specs [][]string
	for _, l := range s.lines() {
		specs = append(specs, []string{4: l.Spec, 5: qtyText(l.Qty, l.Unit) + " " + unitWord(s.c, l.Unit)})
	}
	// The spec is shown whole; in narrow windows the note, the name and
	// the grade give way, so quantity, price and amount stay on screen.
	return common.Squeeze(common.Stretch(common.Widen(cols, specs...), 8, s.width), s.width,
		common.Shrink{Col: 8, Min: 0}, common.Shrink{Col: 4}, common.Shrink{Col: 3, Min: 8}, common.Shrink{Col: 2, Min: 6},
		common.Shrink{Col: 5}, common.Shrink{Col: 3, Min: 4})
}

func (s *Screen) detailView() string {
	st := s.c.Styles
	if !s.d.loaded {
		return st.Muted.Render(s.c.T("status.loading"))
	}
	q := s.d.q
	var b strings.Builder
	title := s.c.T("pricing.title", q.Ref, q.Quote.Revision, s.c.T("state.quote."+q.Status))
	b.WriteString(st.Title.Render(title))
	if n := len(q.Versions); n > 1 {
		b.WriteString("  " + st.Muted.Render(s.c.T("pricing.versions_hint", n)))
	}
	if f, ok := s.follow[q.ID]; ok {
		b.WriteString("  " + st.Warning.Render(s.c.T("pricing.follow_flag", f.DaysWaiting)))
	}
	b.WriteString("\n")
	label := func(k string) string { return st.Label.Render(s.c.T(k)) + " " }
	validity := s.c.T("pricing.validity_days", q.Quote.ValidityDays)
	if q.ValidUntil != "" {
		validity += " " + s.c.T("pricing.valid_until", q.ValidUntil)
	}
	b.WriteString(common.Flow(s.width, "    ", label("pricing.field.customer")+q.Customer,
		label("pricing.field.terms")+common.Terms(s.c.Cat, q.Quote.PaymentTerms, q.Quote.TermsDays),
		label("pricing.field.validity")+validity) + "\n")
	line2 := label("pricing.field.maker") + q.Maker
	if q.Quote.Notes != "" {
		line2 += "    " + label("pricing.field.notes") + q.Quote.Notes
	}
	if n := len(q.Transitions); n > 0 {
		t := q.Transitions[n-1]
		last := t.Actor + " " + s.c.T("action."+t.Action)
		if t.Comment != "" {
			last += ": " + t.Comment
		}
		line2 += "    " + label("pricing.field.last") + last
	}
	b.WriteString(line2 + "\n\n")
	b.WriteString(s.linesView())
	b.WriteString("\n" + s.contextView())
	switch s.mode {
	case modeConfirm:
		b.WriteString("\n" + st.Warning.Render(s.c.T("pricing.confirm."+s.action, q.Ref)) + "  " +
			st.Muted.Render(s.c.T("pricing.confirm_hint")))
	case modeComment:
		b.WriteString("\n" + st.Key.Render(s.c.T("pricing.comment."+s.action)) + " " + s.input.View())
		b.WriteString("\n" + st.Muted.Render(s.c.T("pricing.confirm_hint")))
	}
	return b.String()
}

// linesView is the lines with the cursor, the inline input under the
// line being priced, and the total.
func (s *Screen) linesView() string {
	st := s.c.Styles
	q := s.d.q
	cols := s.lineColumns()
	var b strings.Builder
	b.WriteString(st.Header.Render(common.Header(cols)) + "\n")
	lines := s.lines()
	if len(lines) == 0 {
		b.WriteString(st.Muted.Render(s.c.T("pricing.no_lines")) + "\n")
	}
	room := max(s.height-8-contextRows-4, 3)
	start := max(0, s.d.line-room+1)
	for i := start; i < len(lines) && i < start+room; i++ {
		l := lines[i]
		cells, warn := s.lineCells(l)
		mark := ""
		if i == s.d.line {
			mark = "▸"
		}
		row := common.Line(cols, append([]string{mark}, cells...))
		switch {
		case i == s.d.line:
			row = st.Selected.Render(row)
		case warn:
			row = st.Warning.Render(row)
		}
		b.WriteString(row + "\n")
		if i == s.d.line {
			b.WriteString(s.inlineInput(l))
		}
	}
	total := moneyText(q.Total)
	if q.MoneyHidden {
		total = s.c.T("pricing.hidden")
	}
	// The total ends under the amounts it adds up, whether or not lines
	// are still unpriced.
	amountEnd := 0
	for _, c := range cols[:8] {
		amountEnd += c.Width + 1
	}
	parts := []string{common.Fit(s.c.T("pricing.total", total), amountEnd-1, true)}
	if n := s.unpricedCount(); n > 0 {
		parts = append(parts, s.c.T("pricing.unpriced_count", n))
	}
	// The count of unpriced lines goes under the total when both do not fit.
	totalLine := common.Flow(s.width, "  ", parts...)
	if !strings.Contains(totalLine, "\n") {
		totalLine = common.Fit(totalLine, s.width, false)
	}
	b.WriteString(st.Header.Render(totalLine) + "\n")
	return b.String()
}

func (s *Screen) unpricedCount() int {
	n := 0
	for _, l := range s.lines() {
		if !l.Priced {
			n++
		}
	}
	return n
}

// lineCells are a line's cells; warn marks one a refused submission
// named as unpriced.
func (s *Screen) lineCells(l store.QuoteLine) ([]string, bool) {
	q := s.d.q
	price, amount, note := "", "", ""
	switch {
	case q.MoneyHidden:
		price, amount = s.c.T("pricing.hidden"), s.c.T("pricing.hidden")
	case l.Priced:
		price, amount = unitPriceText(s.c, l.Price, l.Unit), moneyText(l.Amount)
	}
	if l.Priced {
		note = s.c.T("pricing.source." + l.Source)
	}
	if text, ok := s.price.typed(l.ID); ok {
		note = s.c.T("pricing.saving", text)
	} else if _, waiting := s.openRequest(l.ID); waiting {
		note = s.c.T("pricing.waiting_purchasing")
	} else if !l.Priced {
		note = s.c.T("pricing.unpriced")
	}
	if l.Unknown {
		note = s.c.T("pricing.unknown_product") + " " + note
	}
	return []string{itoa(l.LineNo), l.Grade, l.Name, l.Spec, qtyText(l.Qty, l.Unit) + " " + unitWord(s.c, l.Unit),
		price, amount, note}, s.d.unpriced[l.LineNo]
}

// inlineInput is the price or note being typed for the line, with what
// is wrong with it right there.
func (s *Screen) inlineInput(l store.QuoteLine) string {
	st := s.c.Styles
	pad := "    "
	var out string
	switch s.mode {
	case modePrice:
		out = pad + st.Key.Render(s.c.T("pricing.price_prompt", unitWord(s.c, l.Unit))) + " " + s.input.View()
		out = s.besideInput(out, s.c.T("pricing.price_hint"))
	case modeRequest:
		out = pad + st.Key.Render(s.c.T("pricing.request_prompt")) + " " + s.input.View()
		out = s.besideInput(out, s.c.T("pricing.request_hint"))
	default:
		if s.d.unpriced[l.LineNo] {
			return pad + st.FieldError.Render(common.FieldText(s.c.Cat, &workflow.FieldError{Code: workflow.Unpriced})) + "\n"
		}
		return ""
	}
	return out + "\n"
}

// besideInput adds to the input's row what is wrong with it, or else
// its hint, within the window: the hint keeps the whole keys that fit,
// a problem too long for the row goes whole on the rows below.
func (s *Screen) besideInput(row, hint string) string {
	st := s.c.Styles
	room := s.width - ansi.StringWidth(row) - 2
	if s.inputErr == "" {
		if hint = common.Hints(hint, room); hint != "" {
			row += "  " + st.Muted.Render(hint)
		}
		return row
	}
	if ansi.StringWidth(s.inputErr) <= room || s.width <= 0 {
		return row + "  " + st.FieldError.Render(s.inputErr)
	}
	for _, l := range strings.Split(common.Wrap(s.inputErr, s.width-4), "\n") {
		row += "\n    " + st.FieldError.Render(l)
	}
	return row
}

// contextView is the price context of the line under the cursor: the
// list price, the last quoted and sold to this customer, the markets.
func (s *Screen) contextView() string {
	st := s.c.Styles
	l, ok := s.currentLine()
	if !ok {
		return ""
	}
	var b strings.Builder
	b.WriteString(st.Header.Render(s.c.T("pricing.ctx.title", l.LineNo, strings.TrimSpace(l.Grade+" "+l.Name+" "+l.Spec))) + "\n")
	row := func(labelKey, value, extra string) {
		b.WriteString("  " + st.Label.Render(common.Fit(s.c.T(labelKey), 16, false)) + " " + common.Fit(value, 16, true))
		if extra != "" {
			b.WriteString("  " + st.Muted.Render(extra))
		}
		b.WriteString("\n")
	}
	none := s.c.T("pricing.ctx.none")
	if r, ok := s.lastRequest(l.ID); ok {
		text := r.Ref + " " + s.c.T("state.price_request."+r.Status)
		if r.Note != "" {
			text += " · " + r.Note
		}
		if r.Answered && !r.MoneyHidden {
			text += " · " + unitPriceText(s.c, r.Price, r.Unit) + " " + r.AnsweredBy
		}
		row("pricing.ctx.request", "", text)
	}
	if l.Priced && !s.d.q.MoneyHidden {
		row("pricing.ctx.this_line", unitPriceText(s.c, l.Price, l.Unit),
			"× "+qtyText(l.Qty, l.Unit)+" "+unitWord(s.c, l.Unit)+" = "+moneyText(l.Amount))
	} else {
		row("pricing.ctx.this_line", "", qtyText(l.Qty, l.Unit)+" "+unitWord(s.c, l.Unit))
	}
	switch {
	case s.d.pcErr != nil:
		b.WriteString("  " + st.Muted.Render(common.ErrorText(s.c.Cat, s.d.pcErr)) + "\n")
		return b.String()
	case s.d.pc == nil || s.d.pcLine != l.ID:
		b.WriteString("  " + st.Muted.Render(s.c.T("status.loading")) + "\n")
		return b.String()
	}
	pc := s.d.pc
	if lp := pc.List; lp != nil {
		row("pricing.ctx.list", unitPriceText(s.c, lp.Price, lp.Unit), s.c.T("pricing.ctx.list_from", lp.ValidFrom)+" "+lp.ChangeRef)
	} else {
		row("pricing.ctx.list", none, "")
	}
	customer := func(labelKey string, p *store.CustomerPrice) {
		switch {
		case pc.CustomerHidden:
			row(labelKey, s.c.T("pricing.hidden"), "")
		case p == nil:
			row(labelKey, none, "")
		default:
			row(labelKey, unitPriceText(s.c, p.Price, p.Unit), p.At.Local().Format("2006-01-02")+" "+p.Ref)
		}
	}
	customer("pricing.ctx.last_quoted", pc.LastQuoted)
	customer("pricing.ctx.last_sold", pc.LastSold)
	for _, src := range store.MarketSources {
		var m *store.MarketPrice
		for i := range pc.Market {
			if pc.Market[i].Source == src {
				m = &pc.Market[i]
			}
		}
		if m == nil {
			row("pricing.source."+src, none, "")
			continue
		}
		extra := m.On
		if m.ByName {
			extra += " " + s.c.T("pricing.ctx.by_name")
		}
		row("pricing.source."+src, unitPriceText(s.c, m.Price, m.Unit), extra)
	}
	return b.String()
}
