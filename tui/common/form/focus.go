package form

import (
	"unicode/utf8"

	tea "charm.land/bubbletea/v2"
)

// pos is where the focus is: a header field (line -1) or a cell.
type pos struct{ line, idx int }

// Update takes a key or a paste. Moving keys move the focus at once;
// everything else goes to the focused input.
func (f *Form) Update(msg tea.Msg) tea.Cmd {
	switch msg.(type) {
	case tea.KeyPressMsg, tea.PasteMsg:
		f.leaving.TypedOn() // typing on: an esc asked about is taken back
	}
	in := f.input(f.at)
	if k, ok := msg.(tea.KeyPressMsg); ok {
		ks := k.String()
		if in != nil && in.takes(ks) {
			ks = "" // the editor's own key
		}
		switch ks {
		case "tab":
			return f.leave(f.next(f.at))
		case "shift+tab":
			return f.move(f.prev(f.at))
		case "enter":
			return f.enter()
		case "down":
			return f.leave(f.vertical(1))
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
	if in == nil {
		return nil
	}
	before := in.Value()
	if f.typeOver(in, msg) {
		return nil
	}
	cmd := in.update(msg)
	if in.Value() != before {
		f.dirty = true
		f.edited(f.at)
	}
	if p, ok := msg.(tea.PasteMsg); ok {
		f.notePasteCut(before, p.Content)
	}
	return cmd
}

// edited takes back the problem shown at p once its text changed: the
// typist is fixing it, and a save checks it again. A field with a check
// of its own shows at once what that check finds in the new text.
func (f *Form) edited(p pos) {
	if p.line >= 0 {
		delete(f.lines[p.line].errs, f.cols[p.idx].Key)
		return
	}
	key := f.header[p.idx].Key
	if f.herrs[key] != "" {
		delete(f.herrs, key)
		f.check(p)
	}
}

// enter moves on; at the end of the last line it opens a new line, on
// the last field of a form that EnterSaves it completes the form.
func (f *Form) enter() tea.Cmd {
	next := f.next(f.at)
	switch {
	case f.grid && f.at.line == len(f.lines)-1 && next.line < f.at.line:
		f.AddLine(nil)
		f.dirty = true
		return f.move(pos{len(f.lines) - 1, f.firstCol()})
	case f.saves && !f.grid && f.last(f.at):
		if f.check(f.at) {
			f.done = true
		}
		return nil
	}
	return f.leave(next)
}

// leave moves forward to another place unless the field's check fails:
// then the focus stays and the problem shows.
func (f *Form) leave(to pos) tea.Cmd {
	if !f.check(f.at) {
		return nil
	}
	return f.move(to)
}

// check runs a header field's check and shows what it finds.
func (f *Form) check(p pos) bool {
	if p.line >= 0 || p.idx < 0 || p.idx >= len(f.header) || f.header[p.idx].Check == nil {
		return true
	}
	text := f.header[p.idx].Check(f.hin[p.idx].Value())
	f.SetError(f.header[p.idx].Key, text)
	return text == ""
}

func (f *Form) last(p pos) bool {
	o := f.order()
	return len(o) > 0 && o[len(o)-1] == p
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
		in.blur()
	}
	f.at = to
	cmd := f.focusCurrent()
	f.scroll()
	return cmd
}

func (f *Form) focusCurrent() tea.Cmd {
	f.selectOnArrival()
	if in := f.input(f.at); in != nil {
		return in.focus()
	}
	return nil
}

func (f *Form) input(p pos) editor {
	if p.line < 0 {
		if p.idx >= 0 && p.idx < len(f.hin) {
			return f.hin[p.idx]
		}
		return nil
	}
	if p.line < len(f.lines) && p.idx >= 0 && p.idx < len(f.cols) {
		return cellEditor{&f.lines[p.line].cells[p.idx]}
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

// CheckAll runs every header field's check (a save may come before the
// typist walked through them all) and moves the focus to the first that
// fails.
func (f *Form) CheckAll() bool {
	ok := true
	for i := range f.header {
		if p := (pos{-1, i}); !f.check(p) && ok {
			ok = false
			f.move(p)
		}
	}
	return ok
}

// notePasteCut says at the focused field that a paste ran past the
// field's limit and was cut, rather than dropping the rest silently.
func (f *Form) notePasteCut(before, pasted string) {
	fd := f.fieldAt(f.at)
	if fd.Limit <= 0 || utf8.RuneCountInString(before)+utf8.RuneCountInString(pasted) <= fd.Limit {
		return
	}
	text := f.c.T("form.paste_cut", fd.Limit)
	if f.at.line < 0 {
		setOrClear(f.herrs, fd.Key, text)
		return
	}
	setOrClear(f.lines[f.at.line].errs, fd.Key, text)
}

// fieldAt is the field (header) or column (grid) at p.
func (f *Form) fieldAt(p pos) Field {
	if p.line < 0 {
		return f.header[p.idx]
	}
	return f.cols[p.idx]
}
