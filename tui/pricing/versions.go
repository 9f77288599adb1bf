package pricing

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"orderdesk/store"
	"orderdesk/tui/common"
	"orderdesk/workflow"
)

// Every version of a quote side by side: one row per line, one column
// per version with its unit price; a price that differs from the version
// before is marked (↑ ↓, + for a line added) and highlighted.

func (s *Screen) loadVersions() tea.Cmd {
	s.versionsSeq++
	seq, desk, ctx := s.versionsSeq, s.c.Desk, s.c.Ctx
	var ids []int64
	for _, v := range s.d.q.Versions {
		ids = append(ids, v.ID)
	}
	if len(ids) == 0 && s.d.id != 0 {
		ids = []int64{s.d.id}
	}
	return func() tea.Msg {
		out := make([]workflow.QuoteDetail, 0, len(ids))
		for _, id := range ids {
			q, err := desk.Quote(ctx, id)
			if err != nil {
				return versionsMsg{seq: seq, err: err}
			}
			out = append(out, q)
		}
		return versionsMsg{seq: seq, versions: out}
	}
}

func (s *Screen) onVersions(msg versionsMsg) {
	if msg.seq != s.versionsSeq {
		return
	}
	if msg.err != nil {
		s.versions = nil
		return
	}
	s.versions = msg.versions
}

func (s *Screen) versionsKey(msg tea.KeyPressMsg) tea.Cmd {
	if key.Matches(msg, s.keys.back) {
		s.mode = modeDetail
	}
	return nil
}

// lineKey matches a line across versions: the inquiry line it answers,
// else what it is.
func lineKey(l store.QuoteLine) string {
	if l.InquiryLineID != 0 {
		return fmt.Sprintf("i%d", l.InquiryLineID)
	}
	return strings.Join([]string{l.Grade, l.Name, l.Spec, l.Unit}, "\x1f")
}

func (s *Screen) versionsView() string {
	st := s.c.Styles
	var b strings.Builder
	b.WriteString(st.Title.Render(s.c.T("pricing.versions_title", s.d.q.Quote.QuoteNo)) + "\n")
	if len(s.versions) == 0 {
		return b.String() + st.Muted.Render(s.c.T("status.loading"))
	}
	cols := []common.Column{
		{Title: s.c.T("pricing.col.no"), Width: 3, Right: true},
		{Title: s.c.T("pricing.col.grade"), Width: 8},
		{Title: s.c.T("pricing.col.name"), Width: 10},
		{Title: s.c.T("pricing.col.spec"), Width: 16},
	}
	for _, v := range s.versions {
		cols = append(cols, common.Column{Title: s.c.T("pricing.version_col", v.Quote.Revision), Width: 16, Right: true})
	}
	cols = common.Stretch(cols, 2, min(s.width, 40+17*len(s.versions)+10))
	// The rows: every line of every version, in the order first seen.
	type row struct {
		line  store.QuoteLine
		cells []*store.QuoteLine
	}
	var rows []*row
	index := map[string]*row{}
	for vi, v := range s.versions {
		for _, l := range v.Quote.Lines {
			k := lineKey(l)
			r, ok := index[k]
			if !ok {
				r = &row{line: l, cells: make([]*store.QuoteLine, len(s.versions))}
				index[k] = r
				rows = append(rows, r)
			}
			l := l
			r.cells[vi] = &l
		}
	}
	b.WriteString(st.Header.Render(common.Header(cols)) + "\n")
	status := []string{"", "", "", ""}
	for _, v := range s.versions {
		status = append(status, s.c.T("state.quote."+v.Status))
	}
	b.WriteString(st.Muted.Render(common.Line(cols, status)) + "\n")
	for n, r := range rows {
		cells := []string{itoa(n + 1), r.line.Grade, r.line.Name, r.line.Spec}
		for vi, l := range r.cells {
			cells = append(cells, s.versionCell(vi, l, r.cells))
		}
		b.WriteString(common.Line(cols, cells) + "\n")
	}
	totals := []string{"", "", s.c.T("pricing.total_label"), ""}
	for vi, v := range s.versions {
		t := moneyText(v.Total)
		if v.MoneyHidden {
			t = s.c.T("pricing.hidden")
		} else if vi > 0 && v.Total != s.versions[vi-1].Total {
			t = st.Warning.Render(t)
		}
		totals = append(totals, t)
	}
	b.WriteString(st.Header.Render(common.Line(cols, totals)) + "\n\n")
	// The legend flows onto a second line rather than run past the window.
	b.WriteString(st.Muted.Render(common.Flow(s.width, " · ", strings.Split(s.c.T("pricing.versions_legend"), " · ")...)))
	return b.String()
}

// versionCell is one version's price of a line, marked where it moved
// since the version before.
func (s *Screen) versionCell(vi int, l *store.QuoteLine, all []*store.QuoteLine) string {
	st := s.c.Styles
	if l == nil {
		return st.Muted.Render("—")
	}
	if s.versions[vi].MoneyHidden {
		return s.c.T("pricing.hidden")
	}
	text := s.c.T("pricing.unpriced")
	if l.Priced {
		text = unitPriceText(s.c, l.Price, l.Unit)
	}
	if vi == 0 {
		return text
	}
	prev := all[vi-1]
	switch {
	case prev == nil:
		return st.Warning.Render("+" + text)
	case prev.Priced != l.Priced || prev.Price != l.Price:
		mark := "*"
		if prev.Priced && l.Priced && l.Price > prev.Price {
			mark = "↑"
		} else if prev.Priced && l.Priced {
			mark = "↓"
		}
		return st.Warning.Render(mark + text)
	}
	return text
}
