package customers

import "orderdesk/store"

// The list shows one page of customers at a time, as many as fit, loaded
// by keyset: the next page starts after the last id shown, the previous
// one ends before the first. Nothing counts rows with OFFSET, so row
// numbers are kept by arithmetic as pages go by.

// move says how a requested page relates to the one shown.
type move int

const (
	moveFirst move = iota // the first page (a new filter, g)
	moveNext              // the page after the one shown
	movePrev              // the page before
	moveLast              // the last page (G)
	moveSame              // the page shown, again (refresh, resize)
)

// pageRequest is a page to load and where the cursor goes when it comes.
type pageRequest struct {
	page     store.Page
	move     move
	selectID int64 // put the cursor on this row if it is there,
	index    int   // else on this one (clamped); -1 is the last row
	atEnd    bool  // nothing lies after this page (known before asking)
}

// position numbers the rows shown. start is the number of the first row
// (1-based; 0 when unknown, as after G); fromEnd is the number of the
// last row counted from the end of the list (1: it is the very last; 0
// when unknown).
type position struct{ start, fromEnd int }

// listState is the page shown and the filter that chose it.
type listState struct {
	rows    []store.CustomerRow
	cursor  int
	pos     position
	query   string
	limit   int  // page size the rows were loaded with
	req     int  // the latest list request; older answers are dropped
	waiting bool // for the answer to req
	stale   bool // a change came while waiting: reload once it is in
	loaded  bool
	err     error
}

func (l *listState) current() (store.CustomerRow, bool) {
	if l.cursor < 0 || l.cursor >= len(l.rows) {
		return store.CustomerRow{}, false
	}
	return l.rows[l.cursor], true
}

// request asks for limit rows and one more, which says whether more
// rows lie beyond the page, so "rows a–b of n" needs no COUNT.
func (l *listState) request(m move, cursor int64, backward bool, limit int, selectID int64, index int) pageRequest {
	return pageRequest{
		page: store.Page{Query: l.query, Cursor: cursor, Backward: backward, Limit: limit + 1},
		move: m, selectID: selectID, index: index,
	}
}

// first is the first page, cursor on selectID if given.
func (l *listState) first(limit int, selectID int64) pageRequest {
	return l.request(moveFirst, 0, false, limit, selectID, 0)
}

// last is the last page, cursor on selectID if given, else the last row.
func (l *listState) last(limit int, selectID int64) pageRequest {
	return l.request(moveLast, 0, true, limit, selectID, -1)
}

// next is the page after the one shown; false when this is the last.
func (l *listState) next(limit, index int) (pageRequest, bool) {
	if len(l.rows) == 0 || l.pos.fromEnd == 1 {
		return pageRequest{}, false
	}
	return l.request(moveNext, l.rows[len(l.rows)-1].ID, false, limit, 0, index), true
}

// prev is the page before the one shown; false when this is the first.
func (l *listState) prev(limit, index int) (pageRequest, bool) {
	if len(l.rows) == 0 || l.pos.start == 1 {
		return pageRequest{}, false
	}
	return l.request(movePrev, l.rows[0].ID, true, limit, 0, index), true
}

// same reloads the page shown, keeping the cursor on its row.
func (l *listState) same(limit int) pageRequest {
	if len(l.rows) == 0 || l.pos.start == 1 {
		return l.request(moveSame, 0, false, limit, l.selectedID(), l.cursor)
	}
	// ids only grow, so "after first-1" starts at the first row shown.
	return l.request(moveSame, l.rows[0].ID-1, false, limit, l.selectedID(), l.cursor)
}

func (l *listState) selectedID() int64 {
	if r, ok := l.current(); ok {
		return r.ID
	}
	return 0
}

// trim drops the one row asked for beyond the page, which only says
// whether more rows lie that way (forward: after; backward: before).
func trim(want pageRequest, rows []store.CustomerRow) ([]store.CustomerRow, bool) {
	limit := want.page.Limit - 1
	if len(rows) <= limit {
		return rows, false
	}
	if want.page.Backward {
		return rows[len(rows)-limit:], true // rows come in id order: the extra is first
	}
	return rows[:limit], true
}

// apply puts a loaded page on screen. It returns a follow-up request when
// the answer shows the page cannot be used as it is: a short page before
// the one shown means the start was reached, so the first page is loaded
// instead (full, numbered from 1); an empty reload means every row shown
// went away, so the page before is loaded.
func (l *listState) apply(want pageRequest, all []store.CustomerRow) *pageRequest {
	rows, more := trim(want, all)
	limit := want.page.Limit - 1
	n := len(rows)
	old := l.pos
	switch want.move {
	case moveFirst:
		l.pos = position{start: 1}
		if !more {
			l.pos.fromEnd = 1
		}
	case moveNext:
		if n == 0 {
			l.pos.fromEnd = 1
			l.place(want.selectID, -1)
			return nil
		}
		l.pos = position{}
		if old.start > 0 {
			l.pos.start = old.start + len(l.rows)
		}
		switch {
		case !more:
			l.pos.fromEnd = 1
		case old.fromEnd > n:
			l.pos.fromEnd = old.fromEnd - n
		}
	case movePrev:
		if n < limit {
			target := want.selectID
			if target == 0 && want.index == -1 && n > 0 {
				target = rows[n-1].ID
			}
			if target == 0 && n == 0 && len(l.rows) > 0 {
				target = l.rows[0].ID
			}
			f := l.first(limit, target)
			f.index = max(want.index, 0)
			return &f
		}
		l.pos = position{}
		switch {
		case !more:
			l.pos.start = 1
		case old.start > n:
			l.pos.start = old.start - n
		}
		switch {
		case want.atEnd:
			l.pos.fromEnd = 1
		case old.fromEnd > 0:
			l.pos.fromEnd = old.fromEnd + len(l.rows)
		}
	case moveLast:
		l.pos = position{fromEnd: 1}
		if !more {
			l.pos.start = 1
		}
	case moveSame:
		if n == 0 && len(l.rows) > 0 && want.page.Cursor > 0 {
			p := l.request(movePrev, l.rows[0].ID, true, limit, 0, -1)
			p.atEnd = true
			return &p
		}
		switch {
		case !more:
			l.pos.fromEnd = 1
		case l.pos.fromEnd == 1:
			l.pos.fromEnd = 0 // rows were added after it
		}
		if want.page.Cursor == 0 {
			l.pos.start = 1
		}
	}
	l.rows, l.limit, l.loaded, l.err = rows, limit, true, nil
	l.place(want.selectID, want.index)
	return nil
}

// place puts the cursor on row id, else at index (-1: the last row).
func (l *listState) place(id int64, index int) {
	for i, r := range l.rows {
		if id != 0 && r.ID == id {
			l.cursor = i
			return
		}
	}
	if index < 0 || index >= len(l.rows) {
		index = len(l.rows) - 1
	}
	l.cursor = max(index, 0)
}
