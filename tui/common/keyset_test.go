package common

import (
	"context"
	"testing"

	"orderdesk/store"
)

// table is a fake table serving keyset pages the way the store does:
// ascending ids, a backward page still in id order.
type table []int64

func (tb table) serve(p store.Page) []int64 {
	var out []int64
	if p.Backward {
		for i := len(tb) - 1; i >= 0 && len(out) < p.Limit; i-- {
			if p.Cursor == 0 || tb[i] < p.Cursor {
				out = append([]int64{tb[i]}, out...)
			}
		}
		return out
	}
	for _, id := range tb {
		if (p.Cursor == 0 || id > p.Cursor) && len(out) < p.Limit {
			out = append(out, id)
		}
	}
	return out
}

func ids(n int) table {
	t := make(table, n)
	for i := range t {
		t[i] = int64(i + 1)
	}
	return t
}

// load answers want and any follow-up it causes, as the screen would.
func (tb table) load(l *Pager[int64], want pageRequest) {
	for {
		follow := l.apply(want, tb.serve(want.page))
		if follow == nil {
			return
		}
		want = *follow
	}
}

func onScreen(l *Pager[int64]) (first, last int64) {
	return l.Rows[0], l.Rows[len(l.Rows)-1]
}

// steadyPager is a steady pager whose rows are their ids, fed by hand.
func steadyPager() *Pager[int64] {
	p := NewPager(testCommon(), "t", func(id int64) int64 { return id },
		func(context.Context, store.Page) ([]int64, error) { return nil, nil })
	p.Steady = true
	return p
}

func TestSteadyPagingForwardAndBack(t *testing.T) {
	tb, l := ids(25), steadyPager()
	tb.load(l, l.first(10, 0))
	if a, b := onScreen(l); a != 1 || b != 10 || l.pos != (position{1, 0}) {
		t.Fatalf("first page %d–%d %+v", a, b, l.pos)
	}
	next, _ := l.next(10, 0)
	tb.load(l, next)
	next, _ = l.next(10, 0)
	tb.load(l, next)
	if a, b := onScreen(l); a != 21 || b != 25 || l.pos != (position{21, 1}) {
		t.Fatalf("third page %d–%d %+v", a, b, l.pos)
	}
	if _, ok := l.next(10, 0); ok {
		t.Fatal("the last page asked for a page after it")
	}
	prev, _ := l.prev(10, -1)
	tb.load(l, prev)
	if a, b := onScreen(l); a != 11 || b != 20 || l.pos != (position{11, 6}) || l.Cursor != 9 {
		t.Fatalf("back to %d–%d %+v cursor %d", a, b, l.pos, l.Cursor)
	}
}

func TestSteadyPagingFromTheEnd(t *testing.T) {
	tb, l := ids(25), steadyPager()
	tb.load(l, l.first(10, 0))
	tb.load(l, l.last(10, 0))
	if a, b := onScreen(l); a != 16 || b != 25 || l.pos != (position{0, 1}) || l.Cursor != 9 {
		t.Fatalf("last page %d–%d %+v cursor %d", a, b, l.pos, l.Cursor)
	}
	prev, _ := l.prev(10, -1)
	tb.load(l, prev)
	if a, b := onScreen(l); a != 6 || b != 15 || l.pos != (position{0, 11}) {
		t.Fatalf("page before the last %d–%d %+v", a, b, l.pos)
	}
	// Only 5 rows lie before: the first page is loaded whole instead,
	// numbered from 1, the cursor on row 5 (just before the old first).
	prev, _ = l.prev(10, -1)
	tb.load(l, prev)
	if a, b := onScreen(l); a != 1 || b != 10 || l.pos.start != 1 || l.Rows[l.Cursor] != 5 {
		t.Fatalf("start %d–%d %+v cursor on %d", a, b, l.pos, l.Rows[l.Cursor])
	}
}

func TestSteadyPagingReloadKeepsTheCursorRow(t *testing.T) {
	tb, l := ids(25), steadyPager()
	tb.load(l, l.first(10, 0))
	next, _ := l.next(10, 0)
	tb.load(l, next)
	l.Cursor = 4 // id 15
	// Row 12 is voided meanwhile: the page slides, the cursor stays on 15.
	tb = append(tb[:11:11], tb[12:]...)
	tb.load(l, l.same(10))
	if a, _ := onScreen(l); a != 11 || l.Rows[l.Cursor] != 15 {
		t.Fatalf("reloaded from %d, cursor on %d", a, l.Rows[l.Cursor])
	}
	// Every row from 11 on is voided: the page before is shown.
	tb.load(l, l.same(10))
	tb = tb[:10]
	tb.load(l, l.same(10))
	if a, b := onScreen(l); a != 1 || b != 10 || l.pos.fromEnd != 1 {
		t.Fatalf("after the rows went: %d–%d %+v", a, b, l.pos)
	}
}

func TestSteadyPagingLastPageLearnsOfNewRows(t *testing.T) {
	tb, l := ids(8), steadyPager()
	tb.load(l, l.first(10, 0))
	if l.pos != (position{1, 1}) {
		t.Fatalf("all rows fit: %+v", l.pos)
	}
	tb = ids(14)
	tb.load(l, l.same(10))
	if l.pos != (position{1, 0}) || len(l.Rows) != 10 {
		t.Fatalf("rows added after the page: %+v %d rows", l.pos, len(l.Rows))
	}
}

func TestSteadyPagerKeepsThePlaceAndWaitsToRefresh(t *testing.T) {
	p := testPager(30, 10)
	p.Steady = true
	run(p, p.Reload())
	press(p, "j")
	press(p, "j")
	press(p, "pgdown")
	if p.Rows[0] != 11 || p.Cursor != 2 {
		t.Fatalf("pgdown: rows from %d, cursor %d (want the third row again)", p.Rows[0], p.Cursor)
	}
	press(p, "g") // the page holds the start no more: the first page is read
	if p.Rows[0] != 1 || p.Cursor != 0 {
		t.Fatalf("g: rows from %d, cursor %d", p.Rows[0], p.Cursor)
	}
	read := p.Reload()
	if p.Refresh() != nil {
		t.Fatal("a refresh while a page is on its way went out at once")
	}
	cmd, _ := p.Update(read())
	if cmd == nil {
		t.Fatal("the refresh that waited was not sent once the page came")
	}
}

func TestPagerTurnsToTheTopOfTheNextPage(t *testing.T) {
	p := testPager(30, 10)
	run(p, p.Reload())
	press(p, "j")
	press(p, "pgdown")
	if p.Rows[0] != 11 || p.Cursor != 0 {
		t.Fatalf("pgdown: rows from %d, cursor %d", p.Rows[0], p.Cursor)
	}
}
