package common

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// List is rows the screen already holds, under a Cursor, with the keys
// of a Pager (↑↓ jk, pgup pgdn, g G) and, when given a match, a filter
// as you type (/). A new set of rows keeps the cursor on the same row
// by id, not on the same place: another session's new row shifts them.
type List[T any] struct {
	c       *Common
	idOf    func(T) int64
	match   func(row T, query string) bool
	all     []T
	rows    []T // the rows the filter keeps
	Cursor  Cursor
	height  int // rows shown at once; 0: all of them
	filter  filterInput
	Editing bool // the filter has focus
}

// NewList holds rows known by idOf.
func NewList[T any](c *Common, idOf func(T) int64) *List[T] {
	return &List[T]{c: c, idOf: idOf, filter: newFilterInput(c)}
}

// WithFilter lets / filter the rows that match the typed text.
func (l *List[T]) WithFilter(match func(row T, query string) bool) *List[T] {
	l.match = match
	return l
}

// SetHeight sets how many rows are shown at once (0: all).
func (l *List[T]) SetHeight(rows int) {
	l.height = max(rows, 0)
	l.Cursor.Clamp(len(l.rows), l.window())
}

func (l *List[T]) window() int {
	if l.height == 0 {
		return max(len(l.rows), 1)
	}
	return l.height
}

// SetRows replaces the rows, keeping the cursor on the row it was on.
func (l *List[T]) SetRows(rows []T) {
	cur, had := l.Current()
	l.all = rows
	l.apply()
	if had {
		for i, r := range l.rows {
			if l.idOf(r) == l.idOf(cur) {
				l.Cursor.Pos = i
			}
		}
	}
	l.Cursor.Clamp(len(l.rows), l.window())
}

// apply keeps the rows the filter matches.
func (l *List[T]) apply() {
	q := l.Query()
	if q == "" || l.match == nil {
		l.rows = l.all
		return
	}
	l.rows = nil
	for _, r := range l.all {
		if l.match(r, q) {
			l.rows = append(l.rows, r)
		}
	}
}

// Rows are the rows shown (those the filter keeps).
func (l *List[T]) Rows() []T { return l.rows }

// Query is the active filter text.
func (l *List[T]) Query() string { return strings.TrimSpace(l.filter.Value()) }

// Current is the row under the cursor.
func (l *List[T]) Current() (T, bool) {
	var zero T
	if l.Cursor.Pos < 0 || l.Cursor.Pos >= len(l.rows) {
		return zero, false
	}
	return l.rows[l.Cursor.Pos], true
}

// Update handles the list's keys and, while filtering, typing and
// pastes; handled is false for what it does not use.
func (l *List[T]) Update(msg tea.Msg) (cmd tea.Cmd, handled bool) {
	k := l.c.Keys
	switch msg := msg.(type) {
	case tea.PasteMsg:
		if l.Editing {
			return l.editFilter(msg), true
		}
	case tea.KeyPressMsg:
		switch {
		case l.Editing && key.Matches(msg, k.Confirm):
			l.Editing = false
			l.filter.close(false)
			return nil, true
		case l.Editing && key.Matches(msg, k.Cancel):
			l.Editing = false
			l.filter.close(true)
			l.refilter()
			return nil, true
		case l.Editing:
			return l.editFilter(msg), true
		case l.match != nil && key.Matches(msg, k.Filter):
			l.Editing = true
			return l.filter.open(), true
		case key.Matches(msg, k.Back) && l.Query() != "":
			l.ClearFilter() // esc drops a kept filter before it goes back
			return nil, true
		}
		return nil, l.Cursor.Key(k, msg, len(l.rows), l.window())
	}
	return nil, false
}

// ClearFilter drops the filter, typed or kept: every row shows again.
func (l *List[T]) ClearFilter() {
	l.Editing = false
	l.filter.close(true)
	l.refilter()
}

func (l *List[T]) editFilter(msg tea.Msg) tea.Cmd {
	cmd, changed := l.filter.edit(msg)
	if changed {
		l.refilter()
	}
	return cmd
}

func (l *List[T]) refilter() {
	l.apply()
	l.Cursor.Reset()
}

// FilterView is the filter line: the input while editing, the active
// filter otherwise, or nothing.
func (l *List[T]) FilterView() string { return l.filter.view(l.Editing, l.Query()) }

// Shown are the rows in the window: what a column's width is worked out
// from at each frame (the rows loaded may be thousands).
func (l *List[T]) Shown() []T {
	top := min(l.Cursor.Top, len(l.rows))
	return l.rows[top:min(top+l.window(), len(l.rows))]
}

// Render draws the header and the rows in the window with the cursor row
// highlighted; cells gives a row's cells and whether it is void.
func (l *List[T]) Render(cols []Column, cells func(T) ([]string, bool)) string {
	return renderRows(l.c.Styles, cols, l.Shown(), l.Cursor.Pos-l.Cursor.Top, cells)
}
