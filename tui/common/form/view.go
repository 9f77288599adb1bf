package form

import (
	"sort"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/textinput"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"orderdesk/tui/common"
)

const (
	numWidth = 4 // "999." before each line
	mark     = "▌ "
	noMark   = "  "
)

// View renders the header fields, one to a row with their labels lined
// up, then the grid: column titles and the lines in view, each line's
// problems and note beneath it.
func (f *Form) View() string {
	var b strings.Builder
	f.viewHeader(&b)
	if f.grid {
		if len(f.header) > 0 {
			b.WriteString("\n")
		}
		f.viewGrid(&b)
	}
	return strings.TrimRight(b.String(), "\n")
}

func (f *Form) viewHeader(b *strings.Builder) {
	for _, l := range f.headerLines() {
		b.WriteString(l + "\n")
	}
}

// headerLines are the rows of the header shown, each within the window:
// a field's hint or problem that would run past the edge goes on the
// rows below it, under the field.
func (f *Form) headerLines() []string {
	st := f.c.Styles
	lw := f.labelWidth()
	indent := noMark + strings.Repeat(" ", lw) + "  "
	var out []string
	from, to := f.page()
	if from < to && f.header[from].Note != "" {
		for _, l := range strings.Split(common.Wrap(f.header[from].Note, f.width-len(noMark)), "\n") {
			out = append(out, noMark+st.Muted.Render(l))
		}
	}
	for i := from; i < to; i++ {
		h := f.header[i]
		focused := f.at == pos{-1, i}
		m := noMark
		if focused {
			m = st.Key.Render(mark)
		}
		var below []string
		asides := f.asides(h) // beside the field's first row
		for r, row := range f.hin[i].rows(focused) {
			line := indent
			if r == 0 {
				line = m + st.Label.Render(common.Fit(h.Label, lw, false)) + "  "
			}
			if focused && f.selected && isText(f.hin[i]) {
				line += f.selectedView(f.hin[i].Value(), f.fieldWidth(i))
			} else {
				line += f.headerCell(row, h, f.fieldWidth(i), focused)
			}
			for n, a := range asides {
				if n == 0 && ansi.StringWidth(line)+2+ansi.StringWidth(a.text) <= f.width {
					line += "  " + a.style.Render(a.text)
					continue
				}
				for _, l := range strings.Split(common.Wrap(a.text, f.width-ansi.StringWidth(indent)), "\n") {
					below = append(below, indent+a.style.Render(l))
				}
			}
			out = append(out, line)
			asides = nil
		}
		out = append(out, below...)
	}
	return out
}

// aside is a text shown beside a header field, or under it when it
// does not fit there.
type aside struct {
	text  string
	style lipgloss.Style
}

// asides are what a header field shows beside it: its problem (an error,
// or else a warning), then its hint, which stays while the problem
// shows, since it says what the field takes.
func (f *Form) asides(h Field) []aside {
	st := f.c.Styles
	var out []aside
	problem := f.herrs[h.Key]
	if problem == "" {
		problem = f.hwarns[h.Key]
	}
	if problem != "" {
		out = append(out, aside{problem, st.FieldError})
	}
	if h.Hint != "" {
		out = append(out, aside{h.Hint, st.Muted})
	}
	return out
}

// labelWidth is the widest header label: the fields line up after it.
func (f *Form) labelWidth() int {
	lw := 0
	for _, h := range f.header {
		lw = max(lw, ansi.StringWidth(h.Label))
	}
	return lw
}

// headerCell draws one row of a header field exactly its width; an
// empty text field shows its placeholder.
func (f *Form) headerCell(row string, h Field, width int, focused bool) string {
	if !focused && row == "" && h.Placeholder != "" {
		return f.c.Styles.Muted.Render(common.Fit(h.Placeholder, width, false))
	}
	if focused {
		return common.Fit(row, width, false)
	}
	v := common.Fit(row, width, h.Right)
	if h.ReadOnly {
		return f.c.Styles.Muted.Render(v)
	}
	return v
}

// page is the header fields shown: all of them, or, when the header is
// in pages, the page that holds the focus (the last one while the focus
// is in the grid).
func (f *Form) page() (from, to int) {
	at := len(f.header) - 1
	if f.at.line < 0 {
		at = f.at.idx
	}
	from, to = 0, len(f.header)
	for i := range f.header {
		if !f.header[i].Break || i == 0 {
			continue
		}
		if i <= at {
			from = i
		} else {
			to = i
			break
		}
	}
	return from, to
}

// headerRows is how many rows the header shown takes.
func (f *Form) headerRows() int { return len(f.headerLines()) }

// cellView draws a grid cell exactly its column's width: the live input
// where the focus is, plain text elsewhere (cheap for a 50-line grid).
func (f *Form) cellView(in *textinput.Model, fd Field, width int, focused bool) string {
	if focused && f.selected {
		return f.selectedView(in.Value(), width)
	}
	if focused {
		return common.Fit(in.View(), width, false)
	}
	v := common.Fit(in.Value(), width, fd.Right)
	if fd.ReadOnly {
		return f.c.Styles.Muted.Render(v)
	}
	return v
}

func (f *Form) viewGrid(b *strings.Builder) {
	st := f.c.Styles
	from, to := f.shown()
	var titles []string
	for c := from; c < to; c++ {
		titles = append(titles, common.Fit(f.cols[c].Label, f.colWidth(c), f.cols[c].Right))
	}
	left, right := strings.Repeat(" ", numWidth), ""
	if from > 0 {
		left = st.Muted.Render(common.Fit(moreLeft, numWidth, false))
	}
	if to < len(f.cols) {
		right = st.Muted.Render(moreRight)
	}
	b.WriteString(noMark + left + st.Header.Render(strings.Join(titles, " ")) + right + "\n")
	rows := f.gridRows()
	used := 0
	for l := f.top; l < len(f.lines); l++ {
		need := f.lineRows(l)
		if used+need > rows && used > 0 {
			b.WriteString(noMark + st.Muted.Render("… "+strconv.Itoa(len(f.lines)-l)) + "\n")
			break
		}
		f.viewLine(b, l, from, to)
		used += need
	}
}

func (f *Form) viewLine(b *strings.Builder, l, from, to int) {
	st := f.c.Styles
	ln := &f.lines[l]
	m := noMark
	if f.at.line == l {
		m = st.Key.Render(mark)
	}
	var cells []string
	for c := from; c < to; c++ {
		col := f.cols[c]
		focused := f.at == pos{l, c}
		v := f.cellView(&ln.cells[c], col, f.colWidth(c), focused)
		if _, bad := ln.errs[col.Key]; bad && !focused {
			v = st.FieldError.Render(v)
		}
		cells = append(cells, v)
	}
	b.WriteString(m + common.Fit(strconv.Itoa(l+1)+".", numWidth, false) + strings.Join(cells, " ") + "\n")
	for _, msgs := range f.lineMessages(l) {
		b.WriteString(noMark + strings.Repeat(" ", numWidth) + msgs + "\n")
	}
}

// lineMessages joins a line's problems (in column order, then the rest)
// and its note into the rows shown under it, wrapped to the window.
func (f *Form) lineMessages(l int) []string {
	st := f.c.Styles
	ln := &f.lines[l]
	var parts []string
	seen := map[string]bool{}
	for _, col := range f.cols {
		if e, ok := ln.errs[col.Key]; ok {
			parts = append(parts, st.FieldError.Render(col.Label+": "+e))
			seen[col.Key] = true
		}
	}
	var rest []string
	for k := range ln.errs {
		if !seen[k] {
			rest = append(rest, k)
		}
	}
	sort.Strings(rest)
	for _, k := range rest {
		parts = append(parts, st.FieldError.Render(ln.errs[k]))
	}
	if ln.note != "" {
		parts = append(parts, st.Warning.Render(ln.note))
	}
	if len(parts) == 0 {
		return nil
	}
	return strings.Split(common.Wrap(strings.Join(parts, "  "), f.width-lead), "\n")
}

func (f *Form) lineRows(l int) int {
	if len(f.lines[l].errs) > 0 || f.lines[l].note != "" {
		return 1 + len(f.lineMessages(l))
	}
	return 1
}

// gridRows is how many rows the lines may take: the form's height less
// the header, the gap, the column titles and the "… more" row.
func (f *Form) gridRows() int {
	return max(f.height-f.headerRows()-3, 3)
}

// scroll keeps the focused line in view.
func (f *Form) scroll() {
	if !f.grid || f.at.line < 0 {
		if f.at.line < 0 {
			f.top = 0
		}
		return
	}
	f.left, _ = f.shown()
	if f.at.line < f.top {
		f.top = f.at.line
	}
	rows := f.gridRows()
	for f.top < f.at.line {
		used := 0
		for l := f.top; l <= f.at.line; l++ {
			used += f.lineRows(l)
		}
		if used <= rows {
			break
		}
		f.top++
	}
}
