package customers

import (
	"testing"

	"orderdesk/store"
)

// table is a fake customers table serving keyset pages the way the store
// does: ascending ids, a backward page still in id order.
type table []int64

func (tb table) serve(p store.Page) []store.CustomerRow {
	var out []store.CustomerRow
	if p.Backward {
		for i := len(tb) - 1; i >= 0 && len(out) < p.Limit; i-- {
			if p.Cursor == 0 || tb[i] < p.Cursor {
				out = append([]store.CustomerRow{{ID: tb[i]}}, out...)
			}
		}
		return out
	}
	for _, id := range tb {
		if (p.Cursor == 0 || id > p.Cursor) && len(out) < p.Limit {
			out = append(out, store.CustomerRow{ID: id})
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
func (tb table) load(l *listState, want pageRequest) {
	for {
		follow := l.apply(want, tb.serve(want.page))
		if follow == nil {
			return
		}
		want = *follow
	}
}

func onScreen(l *listState) (first, last int64) {
	return l.rows[0].ID, l.rows[len(l.rows)-1].ID
}

func TestPagingForwardAndBack(t *testing.T) {
	tb, l := ids(25), &listState{}
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
	if a, b := onScreen(l); a != 11 || b != 20 || l.pos != (position{11, 6}) || l.cursor != 9 {
		t.Fatalf("back to %d–%d %+v cursor %d", a, b, l.pos, l.cursor)
	}
}

func TestPagingFromTheEnd(t *testing.T) {
	tb, l := ids(25), &listState{}
	tb.load(l, l.first(10, 0))
	tb.load(l, l.last(10, 0))
	if a, b := onScreen(l); a != 16 || b != 25 || l.pos != (position{0, 1}) || l.cursor != 9 {
		t.Fatalf("last page %d–%d %+v cursor %d", a, b, l.pos, l.cursor)
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
	if a, b := onScreen(l); a != 1 || b != 10 || l.pos.start != 1 || l.rows[l.cursor].ID != 5 {
		t.Fatalf("start %d–%d %+v cursor on %d", a, b, l.pos, l.rows[l.cursor].ID)
	}
}

func TestPagingReloadKeepsTheCursorRow(t *testing.T) {
	tb, l := ids(25), &listState{}
	tb.load(l, l.first(10, 0))
	next, _ := l.next(10, 0)
	tb.load(l, next)
	l.cursor = 4 // id 15
	// Row 12 is voided meanwhile: the page slides, the cursor stays on 15.
	tb = append(tb[:11:11], tb[12:]...)
	tb.load(l, l.same(10))
	if a, _ := onScreen(l); a != 11 || l.rows[l.cursor].ID != 15 {
		t.Fatalf("reloaded from %d, cursor on %d", a, l.rows[l.cursor].ID)
	}
	// Every row from 11 on is voided: the page before is shown.
	tb.load(l, l.same(10))
	tb = tb[:10]
	tb.load(l, l.same(10))
	if a, b := onScreen(l); a != 1 || b != 10 || l.pos.fromEnd != 1 {
		t.Fatalf("after the rows went: %d–%d %+v", a, b, l.pos)
	}
}

func TestPagingLastPageLearnsOfNewRows(t *testing.T) {
	tb, l := ids(8), &listState{}
	tb.load(l, l.first(10, 0))
	if l.pos != (position{1, 1}) {
		t.Fatalf("all rows fit: %+v", l.pos)
	}
	tb = ids(14)
	tb.load(l, l.same(10))
	if l.pos != (position{1, 0}) || len(l.rows) != 10 {
		t.Fatalf("rows added after the page: %+v %d rows", l.pos, len(l.rows))
	}
}
