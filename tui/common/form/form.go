// Package form is the desk's form: labelled header fields and, below
// them, a grid of document lines. Focus moves inside Update, never
// through a command, so keys typed ahead of a focus change land in the
// field the typist meant (a form that moves focus by message loses them).
// The screen keeps ctrl+s (save) and esc (cancel) for itself.
package form

import (
	"charm.land/bubbles/v2/textinput"

	"orderdesk/tui/common"
)

// Field is a header field or a column of the line grid. Grid columns
// are lines of text; header fields may also be notes, choices and
// secrets, and be checked as they are left.
type Field struct {
	Key      string // the workflow field name errors are matched by
	Label    string // already translated
	Width    int    // input width in display cells
	ReadOnly bool   // shown, never focused (a line total, say)
	Right    bool   // right-aligned when not focused (amounts)

	Limit       int    // most runes typed (0: no limit)
	Placeholder string // shown muted while empty
	Hint        string // shown muted beside the field
	Secret      bool   // typed text shows as stars
	Rows        int    // more than 1: a note of that many rows
	// Options make a choice: ← → or space pick one, or its name typed
	// (the first option it begins or is in). With Multi, any
	// number are picked (↑ ↓ and space or x); the value is the picked
	// values, comma-separated.
	Options []Option
	Multi   bool
	// Narrow lets a grid column of text (a product name, a reason) give
	// way in a narrow window, down to this many cells, before the grid
	// scrolls sideways; 0 keeps the column whole, as a spec, a quantity,
	// a weight, money and a date must be.
	Narrow int
	// Check says what is wrong with a value ("" when nothing is); the
	// focus stays on a field whose check fails when tab or enter would
	// leave it.
	Check func(string) string
	// Break starts a new page of the header: only the page that holds
	// the focus is shown, with its Note above it.
	Break bool
	Note  string
}

// Option is one choice of a choice field.
type Option struct{ Value, Label string }

// line is one line of the grid: its cells in column order.
type line struct {
	id    int64
	cells []textinput.Model
	errs  map[string]string
	note  string
}

// Form is a header of fields and an optional grid of lines.
type Form struct {
	// selected: the focused text field's text is selected whole, as a
	// spreadsheet cell's on arrival (spreadsheet.go).
	selected bool
	c        *common.Common
	header   []Field
	hin      []editor
	herrs    map[string]string
	hwarns   map[string]string // warnings beside header fields: they neither move the focus nor stop a save
	cols     []Field
	lines    []line
	grid     bool
	at       pos // the focus
	top      int // first line shown when the grid scrolls
	left     int // first column shown when the grid scrolls sideways
	widths   []int
	width    int
	height   int
	dirty    bool
	leaving  common.Leaving // esc over typed input asked (Handle)
	saves    bool           // enter on the last field completes the form
	done     bool           // it did
}

// New returns a form with header fields in tab order; the first
// editable one has the focus.
func New(c *common.Common, header ...Field) *Form {
	f := &Form{c: c, header: header, herrs: map[string]string{}, hwarns: map[string]string{}, width: 80, height: 24}
	f.hin = make([]editor, len(header))
	for i, h := range header {
		f.hin[i] = newEditor(h)
	}
	f.fit()
	f.at = f.first()
	f.focusCurrent()
	return f
}

// WithLines adds a grid of lines below the header, starting with one
// empty line.
func (f *Form) WithLines(cols ...Field) *Form {
	f.cols, f.grid = cols, true
	f.lines = nil
	f.fit()
	f.AddLine(nil)
	if !f.editable(f.at) {
		f.at = f.first()
	}
	f.focusCurrent()
	return f
}

func newInput(fd Field) textinput.Model {
	ti := common.NewInput()
	ti.Prompt = ""
	ti.CharLimit = fd.Limit
	ti.SetWidth(max(fd.Width-1, 1)) // one cell for the cursor at the end
	return ti
}

// SetSize tells the form how much room it has: the grid fits itself to
// the width (fit.go) and scrolls to keep the focused cell in view.
func (f *Form) SetSize(width, height int) {
	f.width, f.height = width, height
	f.fit()
	f.scroll()
}

// Width is the room the form was given: a screen fits the hint line
// under the form to it.
func (f *Form) Width() int { return f.width }

// Value returns a header field's text.
func (f *Form) Value(key string) string {
	if i := f.headerIndex(key); i >= 0 {
		return f.hin[i].Value()
	}
	return ""
}

// SetValue sets a header field's text (not typing: the form stays clean).
func (f *Form) SetValue(key, v string) {
	if i := f.headerIndex(key); i >= 0 {
		f.hin[i].SetValue(v)
	}
}

// SetPlaceholder changes what an empty text field shows (a value derived
// from another field, say).
func (f *Form) SetPlaceholder(key, text string) {
	if i := f.headerIndex(key); i >= 0 {
		f.header[i].Placeholder = text
		if e, ok := f.hin[i].(*lineEditor); ok {
			e.m.Placeholder = text
		}
	}
}

// SetOptions replaces a choice field's options (ones that arrived after
// the form opened), keeping the one picked if it is still offered.
func (f *Form) SetOptions(key string, opts []Option) {
	if i := f.headerIndex(key); i >= 0 {
		f.header[i].Options = opts
		if e, ok := f.hin[i].(*choiceEditor); ok {
			e.setOptions(opts)
		}
	}
}

// EnterSaves makes enter on the last field (of a form without lines)
// complete the form instead of going round to the first field.
func (f *Form) EnterSaves() *Form {
	f.saves = true
	return f
}

// Completed is true once, after enter completed a form that EnterSaves:
// the screen saves then, as it would on ctrl+s.
func (f *Form) Completed() bool {
	done := f.done
	f.done = false
	return done
}

// Lines is the number of lines in the grid.
func (f *Form) Lines() int { return len(f.lines) }

// Cell returns the text of a line's cell; line is 0-based.
func (f *Form) Cell(line int, key string) string {
	if c := f.colIndex(key); c >= 0 && line >= 0 && line < len(f.lines) {
		return f.lines[line].cells[c].Value()
	}
	return ""
}

// SetCell sets the text of a line's cell.
func (f *Form) SetCell(line int, key string, v string) {
	if c := f.colIndex(key); c >= 0 && line >= 0 && line < len(f.lines) {
		f.lines[line].cells[c].SetValue(v)
	}
}

// AddLine appends a line with the given cell values and returns its index.
func (f *Form) AddLine(values map[string]string) int {
	f.lines = append(f.lines, f.newLine(values))
	return len(f.lines) - 1
}

func (f *Form) newLine(values map[string]string) line {
	l := line{cells: make([]textinput.Model, len(f.cols)), errs: map[string]string{}}
	for i, col := range f.cols {
		l.cells[i] = newInput(col)
		l.cells[i].SetValue(values[col.Key])
	}
	f.sizeCells(&l)
	return l
}

// DeleteLine removes a line; the last one left is emptied instead, so
// the grid always has a line to type into.
func (f *Form) DeleteLine(i int) {
	if i < 0 || i >= len(f.lines) {
		return
	}
	f.dirty = true
	if len(f.lines) == 1 {
		f.lines[0] = f.newLine(nil)
	} else {
		f.lines = append(f.lines[:i], f.lines[i+1:]...)
	}
	if f.at.line >= len(f.lines) {
		f.at.line = len(f.lines) - 1
	}
	f.focusCurrent()
}

// DropBlankFirst removes the empty line a grid starts with once lines
// were added after it.
func (f *Form) DropBlankFirst() {
	if f.Lines() > 1 && f.LineID(0) == 0 {
		f.DeleteLine(0)
	}
}

// LineID is the stored line a grid line edits, 0 for a new one.
func (f *Form) LineID(i int) int64 {
	if i < 0 || i >= len(f.lines) {
		return 0
	}
	return f.lines[i].id
}

// SetLineID records which stored line a grid line edits.
func (f *Form) SetLineID(i int, id int64) {
	if i >= 0 && i < len(f.lines) {
		f.lines[i].id = id
	}
}

// BlankLine is true when every editable cell of a line is empty: a
// screen skips it when saving.
func (f *Form) BlankLine(i int) bool {
	if i < 0 || i >= len(f.lines) {
		return true
	}
	for c, col := range f.cols {
		if !col.ReadOnly && f.lines[i].cells[c].Value() != "" {
			return false
		}
	}
	return true
}

// SetWarning shows text at a header field as a warning ("" clears it):
// what a lookup found about the value typed while the typist goes on
// (a name already on file, say). Unlike an error it leaves the focus
// where it is, so keys typed ahead of the lookup's answer stay where they
// were meant; an error at the same field shows instead of it.
func (f *Form) SetWarning(key, text string) { setOrClear(f.hwarns, key, text) }

// SetError shows text at a header field ("" clears it); the focus goes
// to the first field in error.
func (f *Form) SetError(key, text string) {
	setOrClear(f.herrs, key, text)
	if text != "" {
		f.focusFirstError()
	}
}

// SetLineError shows text at a line's cell; a key that is no column
// (a whole-line problem) shows under the line all the same. The focus
// goes to the first field in error.
func (f *Form) SetLineError(i int, key, text string) {
	if i >= 0 && i < len(f.lines) {
		setOrClear(f.lines[i].errs, key, text)
		if text != "" {
			f.focusFirstError()
		}
	}
}

// focusFirstError moves the focus to the first field, in tab order, that
// shows an error, so after a refused save the typist lands where the fix
// is, whichever field they saved from and in whatever order the errors
// were set.
func (f *Form) focusFirstError() {
	for _, p := range f.order() {
		if p.line < 0 && f.herrs[f.header[p.idx].Key] != "" || p.line >= 0 && f.lines[p.line].errs[f.cols[p.idx].Key] != "" {
			if p != f.at {
				f.move(p)
			}
			return
		}
	}
}

// SetLineNote shows a muted note under a line ("" clears it).
func (f *Form) SetLineNote(i int, text string) {
	if i >= 0 && i < len(f.lines) {
		f.lines[i].note = text
	}
}

// ClearErrors removes every error and note.
func (f *Form) ClearErrors() {
	f.herrs = map[string]string{}
	for i := range f.lines {
		f.lines[i].errs = map[string]string{}
		f.lines[i].note = ""
	}
}

// FieldError is a problem shown at a header field.
type FieldError struct{ Key, Label, Text string }

// Errors are the problems shown at header fields, in field order.
func (f *Form) Errors() []FieldError {
	var out []FieldError
	for _, h := range f.header {
		if e, ok := f.herrs[h.Key]; ok {
			out = append(out, FieldError{Key: h.Key, Label: h.Label, Text: e})
		}
	}
	return out
}

// HasErrors is true while any error is shown.
func (f *Form) HasErrors() bool {
	if len(f.herrs) > 0 {
		return true
	}
	for _, l := range f.lines {
		if len(l.errs) > 0 {
			return true
		}
	}
	return false
}

// Dirty is true once anything was typed since New or MarkClean.
func (f *Form) Dirty() bool { return f.dirty }

// MarkClean forgets that anything was typed (after a save, say).
func (f *Form) MarkClean() { f.dirty = false }

func setOrClear(m map[string]string, key, text string) {
	if text == "" {
		delete(m, key)
		return
	}
	m[key] = text
}

func (f *Form) headerIndex(key string) int {
	for i, h := range f.header {
		if h.Key == key {
			return i
		}
	}
	return -1
}

func (f *Form) colIndex(key string) int {
	for i, c := range f.cols {
		if c.Key == key {
			return i
		}
	}
	return -1
}

// Keys are the header fields' keys and the grid's column keys, in order.
func (f *Form) Keys() (header, cols []string) {
	for _, h := range f.header {
		header = append(header, h.Key)
	}
	for _, c := range f.cols {
		cols = append(cols, c.Key)
	}
	return header, cols
}
