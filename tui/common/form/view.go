package form

import (
	"sort"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/textinput"
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
	st := f.c.Styles
	lw := 0
	for _, h := range f.header {
		lw = max(lw, ansi.StringWidth(h.Label))
	}
	from, to := f.page()
	if from < to && f.header[from].Note != "" {
		for _, l := range strings.Split(f.header[from].Note, "\n") {
			b.WriteString(noMark + st.Muted.Render(l) + "\n")
		}
	}
	for i := from; i < to; i++ {
		h := f.header[i]
		focused := f.at == pos{-1, i}
		m := noMark
		if focused {
			m = st.Key.Render(mark)
		}
		for r, row := range f.hin[i].rows(focused) {
			if r == 0 {
				b.WriteString(m + st.Label.Render(common.Fit(h.Label, lw, false)) + "  ")
			} else {
				b.WriteString(noMark + strings.Repeat(" ", lw) + "  ")
			}
			if focused && f.selected && isText(f.hin[i]) {
				b.WriteString(f.selectedView(f.hin[i].Value(), h.Width))
			} else {
				b.WriteString(f.headerCell(row, h, focused))
			}
			if r == 0 {
				if e := f.herrs[h.Key]; e != "" {
					b.WriteString("  " + st.FieldError.Render(e))
				} else if h.Hint != "" {
					b.WriteString("  " + st.Muted.Render(h.Hint))
				}
			}
			b.WriteString("\n")
		}
	}
}

// headerCell draws one row of a header field exactly its width; an
// empty text field shows its placeholder.
func (f *Form) headerCell(row string, h Field, focused bool) string {
	if !focused && row == "" && h.Placeholder != "" {
		return f.c.Styles.Muted.Render(common.Fit(h.Placeholder, h.Width, false))
	}
	if focused {
		return common.Fit(row, h.Width, false)
	}
	v := common.Fit(row, h.Width, h.Right)
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
func (f *Form) headerRows() int {
	from, to := f.page()
	n := 0
	if from < to && f.header[from].Note != "" {
		n += strings.Count(f.header[from].Note, "\n") + 1
	}
	for _, h := range f.header[from:to] {
		switch {
		case h.Multi:
			n += len(h.Options)
		case h.Rows > 1 && len(h.Options) == 0:
			n += h.Rows
		default:
			n++
		}
	}
	return n
}

// cellView draws a grid cell exactly its column's width: the live input
// where the focus is, plain text elsewhere (cheap for a 50-line grid).
func (f *Form) cellView(in *textinput.Model, fd Field, focused bool) string {
	if focused && f.selected {
		return f.selectedView(in.Value(), fd.Width)
	}
	if focused {
		return common.Fit(in.View(), fd.Width, false)
	}
	v := common.Fit(in.Value(), fd.Width, fd.Right)
	if fd.ReadOnly {
		return f.c.Styles.Muted.Render(v)
	}
	return v
}

func (f *Form) viewGrid(b *strings.Builder) {
	st := f.c.Styles
	titles := make([]string, len(f.cols))
	for i, c := range f.cols {
		titles[i] = common.Fit(c.Label, c.Width, c.Right)
	}
	b.WriteString(noMark + strings.Repeat(" ", numWidth) + st.Header.Render(strings.Join(titles, " ")) + "\n")
	rows := f.gridRows()
	used := 0
	for l := f.top; l < len(f.lines); l++ {
		need := f.lineRows(l)
		if used+need > rows && used > 0 {
			b.WriteString(noMark + st.Muted.Render("… "+strconv.Itoa(len(f.lines)-l)) + "\n")
			break
		}
		f.viewLine(b, l)
		used += need
	}
}

func (f *Form) viewLine(b *strings.Builder, l int) {
	st := f.c.Styles
	ln := &f.lines[l]
	m := noMark
	if f.at.line == l {
		m = st.Key.Render(mark)
	}
	cells := make([]string, len(f.cols))
	for c, col := range f.cols {
		focused := f.at == pos{l, c}
		v := f.cellView(&ln.cells[c], col, focused)
		if _, bad := ln.errs[col.Key]; bad && !focused {
			v = st.FieldError.Render(v)
		}
		cells[c] = v
	}
	b.WriteString(m + common.Fit(strconv.Itoa(l+1)+".", numWidth, false) + strings.Join(cells, " ") + "\n")
	if msgs := f.lineMessages(l); msgs != "" {
		b.WriteString(noMark + strings.Repeat(" ", numWidth) + msgs + "\n")
	}
}

// lineMessages joins a line's problems (in column order, then the rest)
// and its note into the one row shown under it.
func (f *Form) lineMessages(l int) string {
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
	return strings.Join(parts, "  ")
}

func (f *Form) lineRows(l int) int {
	if len(f.lines[l].errs) > 0 || f.lines[l].note != "" {
		return 2
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
