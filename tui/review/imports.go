package review

import (
	"strconv"
	"strings"

	tea "charm.land/bubbletea/v2"

	"orderdesk/store"
	"orderdesk/tui/common"
	"orderdesk/workflow"
)

// An import batch shows its file, its counts and its lines one by one,
// each with its outcome (new, changed, same) and what it changes; ↑↓
// pgup pgdn move over the lines when they do not fit.

// importFields writes a batch's header and its window of lines.
func (s *Screen) importDetail(b *strings.Builder) {
	im := s.detail.Import
	if im == nil {
		return
	}
	st := s.c.Styles
	field := func(label, value string) {
		b.WriteString(st.Label.Render(common.Fit(s.c.T(label), 14, false)) + " " + value + "\n")
	}
	field("import.field.file", im.FileName+"  ("+s.c.T("import.what."+im.What)+")")
	n, same, changed := im.Counts()
	field("import.field.lines", s.c.T("import.lines", n, changed, same))
	b.WriteString(common.WrapIn(st.Muted, s.c.T("import.signs"), s.width) + "\n\n")
	top, rows := s.importWindow()
	var cells [][]string
	for _, l := range im.Lines[top:min(top+rows, len(im.Lines))] {
		cells = append(cells, []string{strconv.Itoa(l.Row), s.c.T("import.outcome." + l.Outcome), l.Label,
			s.importFigures(im.What, l), s.importChanges(l)})
	}
	changes := 0
	for _, c := range cells {
		changes = max(changes, min(len(c[4]), 12))
	}
	// The figures a reviewer signs stay whole; the list of changed
	// fields, then the name, give way.
	cols := common.Squeeze(common.Stretch(common.Widen([]common.Column{
		{Title: s.c.T("import.col.row"), Width: 4, Right: true, Keep: true},
		{Title: s.c.T("import.col.outcome"), Width: 4, Keep: true},
		{Title: s.c.T("import.col.line"), Width: 10},
		{Title: s.c.T("import.col.figures"), Width: 10, Keep: true},
		{Title: s.c.T("import.col.changes"), Width: changes},
	}, cells...), 2, s.width), s.width, common.Shrink{Col: 4, Min: 0}, common.Shrink{Col: 2, Min: 8})
	b.WriteString(st.Header.Render(common.Header(cols)) + "\n")
	for _, c := range cells {
		b.WriteString(common.Line(cols, c) + "\n")
	}
	if rest := len(im.Lines) - top - rows; rest > 0 {
		b.WriteString(st.Muted.Render(s.c.T("import.more", rest)) + "\n")
	}
}

// importWindow is the first line shown and how many fit below the
// header, the hint (wrapped) and above the history.
func (s *Screen) importWindow() (top, rows int) {
	hint := strings.Count(common.Wrap(s.c.T("import.signs"), s.width), "\n")
	rows = max(s.height-16-hint, 3)
	n := len(s.detail.Import.Lines)
	return max(min(s.importTop, n-rows), 0), rows
}

// importFigures is what a reviewer checks of a line beside its name:
// the customer's terms and credit, the product's unit, the price (and
// the one it replaces) and its first day, the opening balance and its
// day.
func (s *Screen) importFigures(what string, l store.ImportLine) string {
	f := l.Fields
	var parts []string
	money := func(k string) string {
		m, err := store.ParseMoney(f[k])
		if _, ok := f[k]; !ok || err != nil {
			return "—" // hidden from this reader
		}
		return "¥" + m.String()
	}
	switch what {
	case store.ImportCustomers:
		days, _ := strconv.Atoi(f[workflow.FTermsDays])
		parts = append(parts, common.Terms(s.c.Cat, f[workflow.FPaymentTerms], days), money(workflow.FCreditLimit))
	case store.ImportProducts:
		parts = append(parts, common.UnitName(s.c, f[workflow.FUnit]))
	case store.ImportPrices:
		p := money(workflow.FPrice) + "/" + common.UnitName(s.c, f[workflow.FUnit])
		if _, ok := f["old_price"]; ok && l.Outcome == store.OutcomeChanged {
			p = money("old_price") + " → " + p
		}
		parts = append(parts, p, f[workflow.FValidFrom])
	case store.ImportBalances:
		parts = append(parts, money(workflow.FAmount), f[workflow.FAsOf])
	}
	return strings.Join(parts, "  ")
}

func (s *Screen) importChanges(l store.ImportLine) string {
	if l.Changes == "" {
		return ""
	}
	var names []string
	for _, k := range strings.Split(l.Changes, ",") {
		names = append(names, common.FieldName(s.c.Cat, k))
	}
	return strings.Join(names, s.c.T("list.sep"))
}

// scrollImport moves the window over a batch's lines; false when the key
// is not for it.
func (s *Screen) scrollImport(msg tea.KeyPressMsg) bool {
	if s.mode != detailing || s.detail == nil || s.detail.Import == nil {
		return false
	}
	top, rows := s.importWindow()
	top, ok := common.Scroll(s.c.Keys, msg, top, len(s.detail.Import.Lines), rows, rows)
	s.importTop = top
	return ok
}
