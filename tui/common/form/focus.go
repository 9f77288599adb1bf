package form

import (
	"unicode/utf8"

	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
)

// pos is where the focus is: a header field (line -1) or a cell.
type pos struct{ line, idx int }

// Update takes a key or a paste. Moving keys move the focus at once;
// everything else goes to the focused input.
func (f *Form) Update(msg tea.Msg) tea.Cmd {
	if k, ok := msg.(tea.KeyPressMsg); ok {
		switch k.String() {
		case "tab":
			return f.move(f.next(f.at))
		case "shift+tab":
			return f.move(f.prev(f.at))
		case "enter":
			if f.grid && f.at.line == len(f.lines)-1 && f.next(f.at).line < f.at.line {
				f.AddLine(nil)
				f.dirty = true
				return f.move(pos{len(f.lines) - 1, f.firstCol()})
			}
			return f.move(f.next(f.at))
		case "down":
			return f.move(f.vertical(1))
		case "up":
			return f.move(f.vertical(-1))
		case "ctrl+n":
			return f.insertLine()
		case "ctrl+d":
			if f.at.line >= 0 {
				f.DeleteLine(f.at.line)
			}
			return nil
		}
	}
	in := f.input(f.at)
	if in == nil {
		return nil
	}
	before := in.Value()
	var cmd tea.Cmd
	*in, cmd = in.Update(msg)
	if in.Value() != before {
		f.dirty = true
	}
	if p, ok := msg.(tea.PasteMsg); ok {
		f.notePasteCut(in, before, p.Content)
	}
	return cmd
}

// notePasteCut says at the focused field that a paste ran past the
// field's limit and was cut, rather than dropping the rest silently.
func (f *Form) notePasteCut(in *textinput.Model, before, pasted string) {
	limit := in.CharLimit
	if limit <= 0 || utf8.RuneCountInString(before)+utf8.RuneCountInString(pasted) <= limit {
		return
	}
	text := f.c.T("form.paste_cut", limit)
	if f.at.line < 0 {
		setOrClear(f.herrs, f.header[f.at.idx].Key, text)
		return
	}
	setOrClear(f.lines[f.at.line].errs, f.cols[f.at.idx].Key, text)
}

// Focused says where the focus is: line -1 while in the header.
func (f *Form) Focused() (line int, key string) {
	if f.at.line < 0 {
		if f.at.idx < len(f.header) {
			return -1, f.header[f.at.idx].Key
		}
		return -1, ""
	}
	return f.at.line, f.cols[f.at.idx].Key
}

// FocusField moves the focus to a header field.
func (f *Form) FocusField(key string) {
	if i := f.headerIndex(key); i >= 0 && !f.header[i].ReadOnly {
		f.move(pos{-1, i})
	}
}

// FocusCell moves the focus to a line's cell.
func (f *Form) FocusCell(line int, key string) {
	if c := f.colIndex(key); c >= 0 && line >= 0 && line < len(f.lines) && !f.cols[c].ReadOnly {
		f.move(pos{line, c})
	}
}

func (f *Form) insertLine() tea.Cmd {
	if !f.grid {
		return nil
	}
	at := len(f.lines)
	if f.at.line >= 0 {
		at = f.at.line + 1
	}
	f.lines = append(f.lines, line{})
	copy(f.lines[at+1:], f.lines[at:])
	f.lines[at] = f.newLine(nil)
	f.dirty = true
	return f.move(pos{at, f.firstCol()})
}

// move blurs the old input and focuses the new one.
func (f *Form) move(to pos) tea.Cmd {
	if in := f.input(f.at); in != nil {
		in.Blur()
	}
	f.at = to
	cmd := f.focusCurrent()
	f.scroll()
	return cmd
}

func (f *Form) focusCurrent() tea.Cmd {
	if in := f.input(f.at); in != nil {
		in.CursorEnd()
		return in.Focus()
	}
	return nil
}

func (f *Form) input(p pos) *textinput.Model {
	if p.line < 0 {
		if p.idx >= 0 && p.idx < len(f.hin) {
			return &f.hin[p.idx]
		}
		return nil
	}
	if p.line < len(f.lines) && p.idx >= 0 && p.idx < len(f.cols) {
		return &f.lines[p.line].cells[p.idx]
	}
	return nil
}

func (f *Form) editable(p pos) bool {
	if p.line < 0 {
		return p.idx >= 0 && p.idx < len(f.header) && !f.header[p.idx].ReadOnly
	}
	return p.line < len(f.lines) && p.idx >= 0 && p.idx < len(f.cols) && !f.cols[p.idx].ReadOnly
}

// order lists every focusable place in tab order.
func (f *Form) order() []pos {
	var out []pos
	for i := range f.header {
		if p := (pos{-1, i}); f.editable(p) {
			out = append(out, p)
		}
	}
	for l := range f.lines {
		for c := range f.cols {
			if p := (pos{l, c}); f.editable(p) {
				out = append(out, p)
			}
		}
	}
	return out
}

func (f *Form) step(p pos, d int) pos {
	o := f.order()
	if len(o) == 0 {
		return p
	}
	for i, q := range o {
		if q == p {
			return o[(i+d+len(o))%len(o)]
		}
	}
	return o[0]
}

func (f *Form) next(p pos) pos { return f.step(p, 1) }
func (f *Form) prev(p pos) pos { return f.step(p, -1) }

func (f *Form) first() pos {
	if o := f.order(); len(o) > 0 {
		return o[0]
	}
	return pos{-1, 0}
}

func (f *Form) firstCol() int {
	for c, col := range f.cols {
		if !col.ReadOnly {
			return c
		}
	}
	return 0
}

// vertical moves a line up or down in the grid (keeping the column), or
// a field up or down in the header; from the first line up is the last
// header field, from the last header field down is the first line.
func (f *Form) vertical(d int) pos {
	if f.at.line < 0 {
		n := f.step(f.at, d)
		if d < 0 && n.line >= 0 {
			return f.at // up from the first field goes nowhere
		}
		if d > 0 && n.line >= 0 {
			return pos{0, f.firstCol()}
		}
		return n
	}
	to := f.at.line + d
	switch {
	case to >= len(f.lines):
		return f.at
	case to < 0:
		for i := len(f.header) - 1; i >= 0; i-- {
			if f.editable(pos{-1, i}) {
				return pos{-1, i}
			}
		}
		return f.at
	}
	return pos{to, f.at.idx}
}
