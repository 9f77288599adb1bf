package orders

import (
	"strings"

	tea "charm.land/bubbletea/v2"

	"orderdesk/tui/common"
	"orderdesk/workflow"
)

// A line fills itself as it is typed. "Q235B 10×1500×6000" typed in the
// grade cell is split into grade and spec and tab (or enter) goes on to
// the quantity; once a line's grade and spec are known, the catalogue's
// name and unit and today's list price fill the cells still empty (the
// desk fills them the same way when the line is saved blank).

// defaultsMsg is the catalogue's name and unit and today's list price of
// a line's grade and spec.
type defaultsMsg struct {
	req         int
	line        int
	grade, spec string
	ld          workflow.LineDefaults
	err         error
}

// splitGradeKey takes tab or enter on a grade cell holding "grade spec":
// the two go to their cells and the focus to the quantity.
func (e *entryForm) splitGradeKey(s *Screen, msg tea.KeyPressMsg) (tea.Cmd, bool) {
	if k := msg.String(); k != "tab" && k != "enter" {
		return nil, false
	}
	line, at := e.form.Focused()
	if line < 0 || at != workflow.FGrade {
		return nil, false
	}
	grade, spec, ok := strings.Cut(strings.TrimSpace(e.form.Cell(line, workflow.FGrade)), " ")
	spec = strings.TrimSpace(spec)
	if !ok || spec == "" || !strings.ContainsAny(spec, "0123456789０１２３４５６７８９") {
		return nil, false
	}
	e.form.SetCell(line, workflow.FGrade, grade)
	e.form.SetCell(line, workflow.FSpec, spec)
	e.form.FocusCell(line, workflow.FQuantity)
	return e.askDefaults(s, line), true
}

// askDefaults asks for what the catalogue and the price list give a
// new line whose grade and spec are typed and whose unit or price is
// not (a stored line keeps what it was saved with).
func (e *entryForm) askDefaults(s *Screen, line int) tea.Cmd {
	f := e.form
	if line < 0 || line >= f.Lines() || f.LineID(line) != 0 {
		return nil
	}
	grade, name, spec := f.Cell(line, workflow.FGrade), f.Cell(line, workflow.FProductName), f.Cell(line, workflow.FSpec)
	unit := f.Cell(line, workflow.FUnit)
	if strings.TrimSpace(grade) == "" || strings.TrimSpace(spec) == "" || unit != "" && f.Cell(line, workflow.FPrice) != "" {
		return nil
	}
	req := s.nextReq()
	e.lineReq = req
	desk, ctx := s.c.Desk, s.c.Ctx
	return func() tea.Msg {
		ld, err := desk.OrderLineDefaults(ctx, grade, name, spec, unit)
		return defaultsMsg{req: req, line: line, grade: grade, spec: spec, ld: ld, err: err}
	}
}

// leftLine asks for a line's defaults when the focus has just left its
// grade, name or spec.
func (e *entryForm) leftLine(s *Screen, line int, at string) tea.Cmd {
	if line < 0 || at != workflow.FGrade && at != workflow.FProductName && at != workflow.FSpec {
		return nil
	}
	if now, nowAt := e.form.Focused(); now == line && nowAt == at {
		return nil
	}
	return e.askDefaults(s, line)
}

// onDefaults fills the cells of the line still empty, unless its grade
// or spec has been changed since.
func (e *entryForm) onDefaults(msg defaultsMsg) {
	f := e.form
	if msg.req != e.lineReq || msg.err != nil || msg.line >= f.Lines() ||
		f.Cell(msg.line, workflow.FGrade) != msg.grade || f.Cell(msg.line, workflow.FSpec) != msg.spec {
		return
	}
	ld := msg.ld
	fill := map[string]string{workflow.FProductName: ld.Name, workflow.FUnit: ld.Unit}
	if ld.Priced && f.Cell(msg.line, workflow.FPrice) == "" {
		fill[workflow.FPrice], fill[workflow.FBasis] = ld.Price.Plain(), basisWord(e.c, ld.Basis)
	}
	for k, v := range fill {
		if v != "" && f.Cell(msg.line, k) == "" {
			f.SetCell(msg.line, k, v)
		}
	}
}

// The prices of a copy: each line the price list has priced otherwise
// since says so, and ctrl+t takes today's.

// pricesMsg is the lines of a copy whose price differs from today's list.
type pricesMsg struct {
	docID   int64
	changed []workflow.PriceNow
	err     error
}

func (e *entryForm) askPrices(s *Screen, docID int64) tea.Cmd {
	desk, ctx := s.c.Desk, s.c.Ctx
	return func() tea.Msg {
		changed, err := desk.PricesChanged(ctx, docID)
		return pricesMsg{docID: docID, changed: changed, err: err}
	}
}

// onPrices notes today's price at each line priced otherwise.
func (e *entryForm) onPrices(msg pricesMsg) tea.Cmd {
	if e.orig == nil || msg.docID != e.orig.DocID || msg.err != nil || len(msg.changed) == 0 {
		return nil
	}
	e.today = map[int64]workflow.PriceNow{}
	for _, p := range msg.changed {
		e.today[p.LineID] = p
	}
	e.noteToday()
	return common.Status(e.c.T("orders.prices_changed", len(msg.changed)), false)
}

// noteToday shows today's list price under the lines priced otherwise.
func (e *entryForm) noteToday() {
	for i := range e.form.Lines() {
		if p, ok := e.today[e.form.LineID(i)]; ok {
			e.form.SetLineNote(i, e.c.T("orders.price_today", p.Now.String(), p.Was.String()))
		}
	}
}

// takeToday prices the lines noted at today's list price; their totals
// follow.
func (e *entryForm) takeToday() tea.Cmd {
	if len(e.today) == 0 {
		return nil
	}
	for i := range e.form.Lines() {
		if p, ok := e.today[e.form.LineID(i)]; ok {
			e.form.SetCell(i, workflow.FPrice, p.Now.Plain())
			e.form.SetCell(i, workflow.FAmount, "")
			e.form.SetLineNote(i, "")
		}
	}
	n := len(e.today)
	e.today = nil
	return common.Status(e.c.T("orders.prices_taken", n), false)
}

// openCopy starts the form of a copy just made on a new line at the end
// (the call is "the same as last time, and add …") and asks which of its
// prices today's list has changed.
func (e *entryForm) openCopy(s *Screen) tea.Cmd {
	n := e.form.AddLine(nil)
	e.form.FocusCell(n, workflow.FGrade)
	return e.askPrices(s, e.orig.DocID)
}
