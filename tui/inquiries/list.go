package inquiries

import (
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"orderdesk/store"
	"orderdesk/tui/common"
)

// listChrome is the lines above the rows: title and filter, the header.
const listChrome = 2

func (s *Screen) updateList(msg tea.KeyPressMsg) tea.Cmd {
	k := s.keys
	r, ok := s.list.Current()
	switch {
	case key.Matches(msg, k.create):
		return s.startNew(store.CustomerRow{}, "")
	case key.Matches(msg, k.back):
		if s.list.Query() != "" {
			// esc clears a filter kept with enter, as in the other lists.
			s.list.Editing = true
			cmd, _ := s.list.Update(msg)
			return cmd
		}
	case !ok:
	case key.Matches(msg, k.open):
		return s.openDetail(r.ID, showIt)
	case key.Matches(msg, k.edit):
		return s.openDetail(r.ID, editIt)
	case key.Matches(msg, k.price):
		return s.openDetail(r.ID, priceIt)
	}
	return nil
}

// columns fit the list to the window; widths are display cells, wide
// enough for either language, and the customer takes what remains.
func (s *Screen) columns() []common.Column {
	t := s.c.T
	w := func(title string, n int, samples ...string) int {
		n = max(n, ansi.StringWidth(title))
		for _, v := range samples {
			n = max(n, ansi.StringWidth(v))
		}
		return n
	}
	cols := []common.Column{
		{Title: t("inquiries.col.age"), Width: w(t("inquiries.col.age"), 6), Right: true},
		{Title: t("inquiries.col.ref"), Width: w(t("inquiries.col.ref"), 13)},
		{Title: t("inquiries.col.customer"), Width: 24},
		{Title: t("inquiries.col.lines"), Width: w(t("inquiries.col.lines"), 4), Right: true},
		{Title: t("inquiries.col.flagged"), Width: w(t("inquiries.col.flagged"), 4), Right: true},
		{Title: t("inquiries.col.status"), Width: w(t("inquiries.col.status"), 8, t("state.inquiry.quoting"), t("state.inquiry.quoted"))},
		{Title: t("inquiries.col.maker"), Width: w(t("inquiries.col.maker"), 8)},
	}
	return common.Stretch(cols, 2, s.width-2)
}

func (s *Screen) rowCells(r store.InquiryRow) []string {
	flagged := ""
	if r.Unknown > 0 {
		flagged = s.c.T("inquiries.flag") + strconv.Itoa(r.Unknown)
	}
	return []string{common.Age(s.c.Cat, s.c.Now(), r.CreatedAt), r.Ref, r.Customer, strconv.Itoa(r.Lines), flagged,
		s.c.T("state.inquiry." + r.Status), r.Maker}
}

// viewList draws the title with the filter, the header and the rows.
func (s *Screen) viewList() string {
	st := s.c.Styles
	var b strings.Builder
	head := st.Title.Render(s.c.T("inquiries.title")) + "  " + st.Muted.Render(s.list.Status())
	if f := s.list.FilterView(); f != "" {
		head += "  " + f
	} else {
		head += "  " + st.Muted.Render(s.c.T("inquiries.filter_hint"))
	}
	b.WriteString(common.Fit(head, s.width, false) + "\n")
	cols := s.columns()
	b.WriteString("  " + st.Header.Render(common.Header(cols)))
	if s.list.Loaded && s.list.Err == nil && len(s.list.Rows) == 0 && s.list.Query() == "" {
		b.WriteString("\n" + st.Muted.Render("  "+s.c.T("inquiries.empty")))
	}
	for i, r := range s.list.Rows {
		line := common.Line(cols, s.rowCells(r))
		if i == s.list.Cursor {
			b.WriteString("\n" + st.Selected.Render("▸ "+line))
		} else {
			b.WriteString("\n  " + line)
		}
	}
	return b.String()
}
