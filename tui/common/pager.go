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
	offset  int // rows before the first one shown, for "rows a–b"
	size    int
	more    bool     // rows lie beyond the page in the direction it was read
	read    pageMode // how the page shown was read
	seq     int
	filter  textinput.Model
	Editing bool // the filter has focus
}

// PageMsg carries one page back to its pager.
type PageMsg[T any] struct {
	owner  string
	seq    int
	rows   []T
	err    error
	mode   pageMode
	offset int
}

type pageMode int

const (
	pageFresh pageMode = iota // from the top; cursor to the first row
	pageNext                  // the page after; cursor to its first row
	pagePrev                  // the page before; cursor to its last row
	pageSame                  // the same rows again; cursor kept
	pageLast                  // the last page; cursor to its last row
)

// NewPager returns a pager named owner (unique per screen) that reads rows
// with load and knows each row's id with idOf.
func NewPager[T any](c *Common, owner string, idOf func(T) int64, load func(context.Context, store.Page) ([]T, error)) *Pager[T] {
	ti := NewInput()
	ti.Prompt = c.T("filter.prompt")
	return &Pager[T]{c: c, owner: owner, idOf: idOf, load: load, filter: ti, size: 20}
}

// SetHeight sets how many rows a page holds.
func (p *Pager[T]) SetHeight(rows int) {
	p.size = max(rows, 1)
	p.filter.SetWidth(40)
}

// Query is the active filter text.
func (p *Pager[T]) Query() string { return strings.TrimSpace(p.filter.Value()) }

// Filtering is true while the filter has focus.
func (p *Pager[T]) Filtering() bool { return p.Editing }

// IsLoaded is true once a page (or an error) has come.
func (p *Pager[T]) IsLoaded() bool { return p.Loaded }

// Offset is how many rows come before the first one shown.
func (p *Pager[T]) Offset() int { return p.offset }

// Current is the row under the cursor.
func (p *Pager[T]) Current() (T, bool) {
	var zero T
	if p.Cursor < 0 || p.Cursor >= len(p.Rows) {
		return zero, false
	}
	return p.Rows[p.Cursor], true
}

// Reload reads the first page for the current filter.
func (p *Pager[T]) Reload() tea.Cmd { return p.fetch(store.Page{}, pageFresh, 0) }

// Refresh reads the rows shown again (after a change), keeping the cursor.
func (p *Pager[T]) Refresh() tea.Cmd {
	if len(p.Rows) == 0 {
		return p.Reload()
	}
	return p.fetch(store.Page{Cursor: p.idOf(p.Rows[0]) - 1}, pageSame, p.offset)
}

func (p *Pager[T]) fetch(page store.Page, mode pageMode, offset int) tea.Cmd {
	p.seq++
	// One row more than the page says whether more lie beyond it.
	page.Query, page.Limit = p.Query(), p.size+1
	seq, owner, load, ctx := p.seq, p.owner, p.load, p.c.Ctx
	return func() tea.Msg {
		rows, err := load(ctx, page)
		return PageMsg[T]{owner: owner, seq: seq, rows: rows, err: err, mode: mode, offset: offset}
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
		p.applyPage(msg)
		return nil, true
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

func (p *Pager[T]) applyPage(msg PageMsg[T]) {
	p.Err, p.Loaded = msg.err, true
	if msg.err != nil {
		return
	}
	if len(msg.rows) == 0 && (msg.mode == pageNext || msg.mode == pagePrev) {
		return // nothing further that way: stay put
	}
	rows, backward := msg.rows, msg.mode == pagePrev || msg.mode == pageLast
	p.more = len(rows) > p.size
	if p.more && backward {
		rows = rows[1:] // the extra row lies before the page
	} else if p.more {
		rows = rows[:p.size]
	}
	p.Rows, p.offset, p.read = rows, msg.offset, msg.mode
	if p.offset < 0 {
		p.offset = -1 // unknown: reached from the end
	}
	if backward && !p.more {
		p.offset = 0 // nothing before it: the first page
	}
	switch msg.mode {
	case pageFresh, pageNext:
		p.Cursor = 0
	case pagePrev, pageLast:
		p.Cursor = len(p.Rows) - 1
	case pageSame:
		p.Cursor = min(p.Cursor, len(p.Rows)-1)
	}
	p.Cursor = max(p.Cursor, 0)
}

func (p *Pager[T]) filterKey(msg tea.KeyPressMsg) tea.Cmd {
	k := p.c.Keys
	switch {
	case key.Matches(msg, k.Confirm):
		p.Editing = false
		p.filter.Blur()
		return nil
	case key.Matches(msg, k.Cancel):
		p.Editing = false
		p.filter.Blur()
		p.filter.SetValue("")
		return p.Reload()
	}
	return p.editFilter(msg)
}

func (p *Pager[T]) editFilter(msg tea.Msg) tea.Cmd {
	before := p.filter.Value()
	var cmd tea.Cmd
	p.filter, cmd = p.filter.Update(msg)
	if p.filter.Value() == before {
		return cmd
	}
	return tea.Batch(cmd, p.Reload())
}

func (p *Pager[T]) listKey(msg tea.KeyPressMsg) (tea.Cmd, bool) {
	k := p.c.Keys
	n := len(p.Rows)
	switch {
	case key.Matches(msg, k.Filter):
		p.Editing = true
		return p.filter.Focus(), true
	case key.Matches(msg, k.Down):
		if p.Cursor < n-1 {
			p.Cursor++
			return nil, true
		}
		return p.next(), true
	case key.Matches(msg, k.Up):
		if p.Cursor > 0 {
			p.Cursor--
			return nil, true
		}
		return p.prev(), true
	case key.Matches(msg, k.PageDown):
		return p.next(), true
	case key.Matches(msg, k.PageUp):
		if p.offset == 0 {
			p.Cursor = 0
			return nil, true
		}
		return p.prev(), true
	case key.Matches(msg, k.Top):
		return p.Reload(), true
	case key.Matches(msg, k.Bottom):
		return p.fetch(store.Page{Backward: true}, pageLast, -1), true
	case key.Matches(msg, k.Refresh):
		return p.Refresh(), true
	}
	return nil, false
}

func (p *Pager[T]) next() tea.Cmd {
	if !p.moreAfter() {
		p.Cursor = max(len(p.Rows)-1, 0)
		return nil // the last page
	}
	offset := p.offset + len(p.Rows)
	if p.offset < 0 {
		offset = -1
	}
	return p.fetch(store.Page{Cursor: p.idOf(p.Rows[len(p.Rows)-1])}, pageNext, offset)
}

func (p *Pager[T]) prev() tea.Cmd {
	if len(p.Rows) == 0 || p.offset == 0 {
		return nil
	}
	offset := max(p.offset-p.size, 0)
	if p.offset < 0 {
		offset = -1
	}
	return p.fetch(store.Page{Cursor: p.idOf(p.Rows[0]), Backward: true}, pagePrev, offset)
}

// moreAfter says whether rows lie after the page shown: known from the
// extra row when the page was read forwards, and always true for a page
// read backwards from a later one.
func (p *Pager[T]) moreAfter() bool {
	if p.read == pagePrev || p.read == pageLast {
		return p.read == pagePrev
	}
	return p.more
}

// FilterView is the filter line: the input while editing, the active
// filter otherwise, or nothing.
func (p *Pager[T]) FilterView() string {
	if p.Editing {
		return p.filter.View()
	}
	if q := p.Query(); q != "" {
		return p.c.Styles.Muted.Render(p.c.T("filter.prompt") + q)
	}
	return ""
}

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
	case p.offset < 0:
		return ""
	}
	return p.c.T("list.count", p.offset+1, p.offset+len(p.Rows))
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
