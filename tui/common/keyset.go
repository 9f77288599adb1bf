package common

import "orderdesk/store"

// A Pager shows one page of rows at a time, as many as fit, read by
// keyset: the next page starts after the last id shown, the previous one
// ends before the first. Nothing counts rows with OFFSET, so row numbers
// are kept by arithmetic as pages go by.

// move says how a requested page relates to the one shown.
type move int

const (
	moveFirst move = iota // the first page (a new filter, g)
	moveNext              // the page after the one shown
	movePrev              // the page before
	moveLast              // the last page (G)
	moveSame              // the page shown, again (refresh, resize)
)

// pageRequest is a page to read and where the cursor goes when it comes.
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

// request asks for limit rows and one more, which says whether more
// rows lie beyond the page, so "rows a–b of n" needs no COUNT.
func (p *Pager[T]) request(m move, cursor int64, backward bool, limit int, selectID int64, index int) pageRequest {
	return pageRequest{
		page: store.Page{Query: p.Query(), Cursor: cursor, Backward: backward, Limit: limit + 1},
		move: m, selectID: selectID, index: index,
	}
}

// first is the first page, cursor on selectID if given.
func (p *Pager[T]) first(limit int, selectID int64) pageRequest {
	return p.request(moveFirst, 0, false, limit, selectID, 0)
}

// last is the last page, cursor on selectID if given, else the last row.
func (p *Pager[T]) last(limit int, selectID int64) pageRequest {
	return p.request(moveLast, 0, true, limit, selectID, -1)
}

// next is the page after the one shown; false when this is the last.
func (p *Pager[T]) next(limit, index int) (pageRequest, bool) {
	if len(p.Rows) == 0 || p.pos.fromEnd == 1 {
		return pageRequest{}, false
	}
	return p.request(moveNext, p.idOf(p.Rows[len(p.Rows)-1]), false, limit, 0, index), true
}

// prev is the page before the one shown; false when this is the first.
func (p *Pager[T]) prev(limit, index int) (pageRequest, bool) {
	if len(p.Rows) == 0 || p.pos.start == 1 {
		return pageRequest{}, false
	}
	return p.request(movePrev, p.idOf(p.Rows[0]), true, limit, 0, index), true
}

// same reads the page shown again, keeping the cursor on its row.
func (p *Pager[T]) same(limit int) pageRequest {
	if len(p.Rows) == 0 || p.pos.start == 1 {
		return p.request(moveSame, 0, false, limit, p.selectedID(), p.Cursor)
	}
	// ids only grow, so "after first-1" starts at the first row shown.
	return p.request(moveSame, p.idOf(p.Rows[0])-1, false, limit, p.selectedID(), p.Cursor)
}

func (p *Pager[T]) selectedID() int64 {
	if r, ok := p.Current(); ok {
		return p.idOf(r)
	}
	return 0
}

// trim drops the one row asked for beyond the page, which only says
// whether more rows lie that way (forward: after; backward: before).
func trim[T any](want pageRequest, rows []T) ([]T, bool) {
	limit := want.page.Limit - 1
	if len(rows) <= limit {
		return rows, false
	}
	if want.page.Backward {
		return rows[len(rows)-limit:], true // rows come in id order: the extra is first
	}
	return rows[:limit], true
}

// apply puts a page read on screen. It returns a follow-up request when
// the answer shows the page cannot be used as it is: an empty reload
// means every row shown went away, so the page before is read; and for
// a steady pager a short page before the one shown means the start was
// reached, so the first page is read instead (full, numbered from 1).
func (p *Pager[T]) apply(want pageRequest, all []T) *pageRequest {
	rows, more := trim(want, all)
	limit := want.page.Limit - 1
	n := len(rows)
	old := p.pos
	switch want.move {
	case moveFirst:
		p.pos = position{start: 1}
		if !more {
			p.pos.fromEnd = 1
		}
	case moveNext:
		if n == 0 {
			p.pos.fromEnd = 1
			p.place(want.selectID, -1)
			return nil
		}
		p.pos = position{}
		if old.start > 0 {
			p.pos.start = old.start + len(p.Rows)
		}
		switch {
		case !more:
			p.pos.fromEnd = 1
		case old.fromEnd > n:
			p.pos.fromEnd = old.fromEnd - n
		}
	case movePrev:
		if n < limit && (p.Steady || n == 0) {
			return p.refill(want, rows)
		}
		p.pos = position{}
		switch {
		case !more:
			p.pos.start = 1
		case old.start > n:
			p.pos.start = old.start - n
		}
		switch {
		case want.atEnd:
			p.pos.fromEnd = 1
		case old.fromEnd > 0:
			p.pos.fromEnd = old.fromEnd + len(p.Rows)
		}
	case moveLast:
		p.pos = position{fromEnd: 1}
		if !more {
			p.pos.start = 1
		}
	case moveSame:
		if n == 0 && len(p.Rows) > 0 && want.page.Cursor > 0 {
			r := p.request(movePrev, p.idOf(p.Rows[0]), true, limit, 0, -1)
			r.atEnd = true
			return &r
		}
		switch {
		case !more:
			p.pos.fromEnd = 1
		case p.pos.fromEnd == 1:
			p.pos.fromEnd = 0 // rows were added after it
		}
		if want.page.Cursor == 0 {
			p.pos.start = 1
		}
	}
	p.Rows, p.limit, p.Loaded, p.Err = rows, limit, true, nil
	p.place(want.selectID, want.index)
	return nil
}

// refill reads the first page in place of a short page before the one
// shown, with the cursor on the row it was meant for.
func (p *Pager[T]) refill(want pageRequest, rows []T) *pageRequest {
	limit, n := want.page.Limit-1, len(rows)
	target := want.selectID
	if target == 0 && want.index == -1 && n > 0 {
		target = p.idOf(rows[n-1])
	}
	if target == 0 && n == 0 && len(p.Rows) > 0 {
		target = p.idOf(p.Rows[0])
	}
	f := p.first(limit, target)
	f.index = max(want.index, 0)
	return &f
}

// place puts the cursor on row id, else at index (-1: the last row).
func (p *Pager[T]) place(id int64, index int) {
	for i, r := range p.Rows {
		if id != 0 && p.idOf(r) == id {
			p.Cursor = i
			return
		}
	}
	if index < 0 || index >= len(p.Rows) {
		index = len(p.Rows) - 1
	}
	p.Cursor = max(index, 0)
}
