package common

import (
	"context"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"orderdesk/store"
)

// Pager is a list read one page at a time by keyset (rows after or before
// an id, never OFFSET), with a live filter. Every query runs in a command
// tagged with a request number; a result older than the latest request is
// dropped, so fast typing never shows a stale list.
type Pager[T any] struct {
	c       *Common
	owner   string
	idOf    func(T) int64
	load    func(context.Context, store.Page) ([]T, error)
	Rows    []T
	Cursor  int
	Err     error
	Loaded  bool
	pos     position // the rows' numbers, as far as known
	size    int      // rows a page holds
	limit   int      // rows the page shown was read with
	seq     int
	waiting bool // for the answer to seq
	stale   bool // a refresh came while waiting: read again once it is in
	filter  filterInput
	Editing bool // the filter has focus
	// Steady keeps the place as pages go by (pgup/pgdn keep the cursor's
	// row on screen, g/G only move the cursor when the page holds that
	// end, a short page before is refilled from the start), moves with
	// ↑↓ while the filter has focus, clears the filter with esc from the list (on the
	// same row when the first page holds it) and says a failed read in
	// the status bar.
	Steady bool
}

// PageMsg carries one page back to its pager.
type PageMsg[T any] struct {
	owner string
	seq   int
	rows  []T
	err   error
	want  pageRequest
}

// NewPager returns a pager named owner (unique per screen) that reads rows
// with load and knows each row's id with idOf.
func NewPager[T any](c *Common, owner string, idOf func(T) int64, load func(context.Context, store.Page) ([]T, error)) *Pager[T] {
	return &Pager[T]{c: c, owner: owner, idOf: idOf, load: load, filter: newFilterInput(c), size: 20}
}

// SetHeight sets how many rows a page holds.
func (p *Pager[T]) SetHeight(rows int) {
	p.size = max(rows, 1)
	p.filter.SetWidth(40)
}

// Input is the filter's field, for a screen that draws it itself.
func (p *Pager[T]) Input() *textinput.Model { return p.filter.model() }

// Query is the active filter text.
func (p *Pager[T]) Query() string { return strings.TrimSpace(p.filter.Value()) }

// Filtering is true while the filter has focus.
func (p *Pager[T]) Filtering() bool { return p.Editing }

// Offset is how many rows come before the first one shown (-1: unknown).
func (p *Pager[T]) Offset() int { return p.pos.start - 1 }

// Position numbers the rows shown: start is the number of the first
// (0: unknown) and fromEnd that of the last counted from the end (1: it
// is the very last; 0: unknown).
func (p *Pager[T]) Position() (start, fromEnd int) { return p.pos.start, p.pos.fromEnd }

// Fits is false when a page of the current size should be read again:
// the window changed how many rows fit since the page shown was read.
func (p *Pager[T]) Fits() bool { return !p.Loaded || p.waiting || p.limit == p.size }

// Current is the row under the cursor.
func (p *Pager[T]) Current() (T, bool) {
	var zero T
	if p.Cursor < 0 || p.Cursor >= len(p.Rows) {
		return zero, false
	}
	return p.Rows[p.Cursor], true
}

// Reload reads the first page for the current filter.
func (p *Pager[T]) Reload() tea.Cmd { return p.fetch(p.first(p.size, 0)) }

// JumpLast reads the last page with the cursor on row id (a row just
// made).
func (p *Pager[T]) JumpLast(id int64) tea.Cmd { return p.fetch(p.last(p.size, id)) }

// Refresh reads the rows shown again (after a change), keeping the
// cursor on its row. A page on its way is let in first and read again
// after: a refresh that overtook it would drop a jump to a row just
// made (a change announced by the feed while the save's JumpLast is out).
func (p *Pager[T]) Refresh() tea.Cmd {
	switch {
	case p.waiting:
		p.stale = true
		return nil
	case !p.Loaded:
		return p.Reload()
	}
	return p.fetch(p.same(p.size))
}

func (p *Pager[T]) fetch(want pageRequest) tea.Cmd {
	p.seq++
	p.waiting = true
	seq, owner, load, ctx := p.seq, p.owner, p.load, p.c.Ctx
	return func() tea.Msg {
		rows, err := load(ctx, want.page)
		return PageMsg[T]{owner: owner, seq: seq, rows: rows, err: err, want: want}
	}
}

// Update handles the pager's keys and pages. handled is false for keys it
// does not use, so the screen can take them.
func (p *Pager[T]) Update(msg tea.Msg) (cmd tea.Cmd, handled bool) {
	switch msg := msg.(type) {
	case PageMsg[T]:
		if msg.owner != p.owner || msg.seq != p.seq {
			return nil, msg.owner == p.owner
		}
		return p.applyPage(msg), true
	case tea.PasteMsg:
		if p.Editing {
			return p.editFilter(msg), true
		}
	case tea.KeyPressMsg:
		if p.Editing {
			return p.filterKey(msg), true
		}
		return p.listKey(msg)
	}
	return nil, false
}

func (p *Pager[T]) applyPage(msg PageMsg[T]) tea.Cmd {
	p.waiting = false
	if msg.err != nil {
		p.Err, p.Loaded, p.stale = msg.err, true, false
		if !p.Steady {
			return nil
		}
		if msg.want.move == moveFirst {
			p.Rows = nil // rows of the old filter under the new one would mislead
		}
		return Status(ErrorText(p.c.Cat, msg.err), true)
	}
	if follow := p.apply(msg.want, msg.rows); follow != nil {
		return p.fetch(*follow)
	}
	if p.stale {
		p.stale = false
		return p.Refresh()
	}
	return nil
}

func (p *Pager[T]) filterKey(msg tea.KeyPressMsg) tea.Cmd {
	k := p.c.Keys
	switch {
	case key.Matches(msg, k.Confirm):
		p.Editing = false
		p.filter.close(false)
		return nil
	case key.Matches(msg, k.Cancel):
		return p.ClearFilter()
	case p.Steady && (msg.Code == tea.KeyUp || msg.Code == tea.KeyDown):
		cmd, _ := p.listKey(msg)
		return cmd
	}
	return p.editFilter(msg)
}

// ClearFilter drops the filter and shows the first page of everything.
func (p *Pager[T]) ClearFilter() tea.Cmd {
	p.Editing = false
	p.filter.close(false)
	if !p.Steady {
		p.filter.SetValue("")
		return p.Reload()
	}
	if p.Query() == "" {
		p.filter.SetValue("")
		return nil
	}
	id := p.selectedID()
	p.filter.SetValue("")
	return p.fetch(p.first(p.size, id))
}

func (p *Pager[T]) editFilter(msg tea.Msg) tea.Cmd {
	cmd, changed := p.filter.edit(msg)
	if !changed {
		return cmd
	}
	return tea.Batch(cmd, p.Reload())
}

func (p *Pager[T]) listKey(msg tea.KeyPressMsg) (tea.Cmd, bool) {
	k := p.c.Keys
	n := len(p.Rows)
	// A steady pager keeps the cursor's place on the page it turns to;
	// otherwise the cursor goes to the top (down) or bottom (up) of it.
	downAt, upAt := 0, -1
	if p.Steady {
		downAt, upAt = p.Cursor, p.Cursor
	}
	switch {
	case key.Matches(msg, k.Filter):
		p.Editing = true
		return p.filter.open(), true
	case key.Matches(msg, k.Down):
		if p.Cursor < n-1 {
			p.Cursor++
			return nil, true
		}
		return p.turn(p.next(p.size, 0)), true
	case key.Matches(msg, k.Up):
		if p.Cursor > 0 {
			p.Cursor--
			return nil, true
		}
		return p.turn(p.prev(p.size, -1)), true
	case key.Matches(msg, k.PageDown):
		if cmd := p.turn(p.next(p.size, downAt)); cmd != nil {
			return cmd, true
		}
		p.Cursor = max(n-1, 0)
		return nil, true
	case key.Matches(msg, k.PageUp):
		if cmd := p.turn(p.prev(p.size, upAt)); cmd != nil {
			return cmd, true
		}
		p.Cursor = 0
		return nil, true
	case key.Matches(msg, k.Top):
		if p.Steady && p.pos.start == 1 {
			p.Cursor = 0
			return nil, true
		}
		return p.Reload(), true
	case key.Matches(msg, k.Bottom):
		if p.Steady && p.pos.fromEnd == 1 {
			p.Cursor = max(n-1, 0)
			return nil, true
		}
		return p.fetch(p.last(p.size, 0)), true
	case key.Matches(msg, k.Refresh):
		return p.Refresh(), true
	case p.Steady && key.Matches(msg, k.Back) && p.Query() != "":
		return p.ClearFilter(), true
	}
	return nil, false
}

// turn reads the page want when there is one.
func (p *Pager[T]) turn(want pageRequest, ok bool) tea.Cmd {
	if !ok {
		return nil
	}
	return p.fetch(want)
}

// FilterView is the filter line: the input while editing, the active
// filter otherwise, or nothing.
func (p *Pager[T]) FilterView() string { return p.filter.view(p.Editing, p.Query()) }

// Status says which rows are shown, or why none are.
func (p *Pager[T]) Status() string {
	switch {
	case !p.Loaded:
		return p.c.T("status.loading")
	case p.Err != nil:
		return ErrorText(p.c.Cat, p.Err)
	case len(p.Rows) == 0 && p.Query() != "":
		return p.c.T("list.no_match", p.Query())
	case len(p.Rows) == 0:
		return p.c.T("list.empty")
	case p.pos.start == 0:
		return ""
	}
	return p.c.T("list.count", p.pos.start, p.pos.start+len(p.Rows)-1)
}

// View is the filter line when there is one, the rows and the status
// under them.
func (p *Pager[T]) View(cols []Column, cells func(T) ([]string, bool)) string {
	out := p.Render(cols, cells) + "\n" + p.c.Styles.Muted.Render(p.Status())
	if f := p.FilterView(); f != "" {
		return f + "\n" + out
	}
	return out
}

// Render draws header and rows with the cursor row highlighted; cells
// gives a row's cells and whether it is void.
func (p *Pager[T]) Render(cols []Column, cells func(T) ([]string, bool)) string {
	return renderRows(p.c.Styles, cols, p.Rows, p.Cursor, cells)
}

// renderRows draws a header and rows with row cursor highlighted.
func renderRows[T any](st *Styles, cols []Column, rows []T, cursor int, cells func(T) ([]string, bool)) string {
	var b strings.Builder
	b.WriteString(st.Header.Render(Header(cols)))
	for i, r := range rows {
		line, void := cells(r)
		text := Line(cols, line)
		switch {
		case i == cursor:
			text = st.Selected.Render(text)
		case void:
			text = st.Voided.Render(text)
		}
		b.WriteString("\n" + text)
	}
	return b.String()
}
