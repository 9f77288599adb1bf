package common

import (
	"context"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"orderdesk/store"
	"orderdesk/tui/i18n"
)

// rows is a list of ids 1..n read by keyset, as the store reads.
func rows(n int) func(context.Context, store.Page) ([]int64, error) {
	return func(_ context.Context, p store.Page) ([]int64, error) {
		var out []int64
		if p.Backward {
			from := int64(n)
			if p.Cursor > 0 {
				from = p.Cursor - 1
			}
			for id := from; id >= 1 && len(out) < p.Limit; id-- {
				out = append([]int64{id}, out...)
			}
			return out, nil
		}
		for id := p.Cursor + 1; id <= int64(n) && len(out) < p.Limit; id++ {
			out = append(out, id)
		}
		return out, nil
	}
}

func testPager(n, size int) *Pager[int64] {
	cat := i18n.Catalog{Lang: i18n.English}
	c := &Common{Ctx: context.Background(), Cat: cat, Keys: NewKeyMap(cat), Styles: NewStyles(true)}
	p := NewPager(c, "t", func(id int64) int64 { return id }, rows(n))
	p.SetHeight(size)
	return p
}

// run applies a command's page, as the program would.
func run(p *Pager[int64], cmd tea.Cmd) {
	if cmd != nil {
		if msg, ok := cmd().(PageMsg[int64]); ok {
			p.Update(msg)
		}
	}
}

func keyMsg(k string) tea.KeyPressMsg {
	switch k {
	case "pgdown":
		return tea.KeyPressMsg{Code: tea.KeyPgDown}
	case "pgup":
		return tea.KeyPressMsg{Code: tea.KeyPgUp}
	}
	return tea.KeyPressMsg{Code: rune(k[0]), Text: k}
}

func press(p *Pager[int64], k string) {
	cmd, _ := p.Update(keyMsg(k))
	run(p, cmd)
}

func TestPagerReachesEveryRowAfterTheWindowGrows(t *testing.T) {
	p := testPager(60, 10)
	run(p, p.Reload())
	p.SetHeight(20) // the window grew: pages are now longer than the one shown
	seen := map[int64]bool{}
	for range 10 {
		for _, id := range p.Rows {
			seen[id] = true
		}
		press(p, "pgdown")
	}
	if len(seen) != 60 {
		t.Fatalf("reached %d of 60 rows", len(seen))
	}
}

func TestPagerKnowsTheFirstPageComingBackFromTheEnd(t *testing.T) {
	p := testPager(25, 10)
	run(p, p.Reload())
	press(p, "G")
	if p.Rows[len(p.Rows)-1] != 25 || p.Status() != "" {
		t.Fatalf("after G: rows %v status %q", p.Rows, p.Status())
	}
	press(p, "pgup")
	press(p, "pgup")
	if p.Rows[0] != 1 || p.Offset() != 0 {
		t.Fatalf("back at the start: rows %v offset %d", p.Rows, p.Offset())
	}
	if p.Status() != "rows 1–5" { // the first page, as far as paging back reached
		t.Fatalf("status %q", p.Status())
	}
}

func TestListsSwitchesAndRoutesPages(t *testing.T) {
	a, b := testPager(30, 5), testPager(30, 5)
	b.owner = "u"
	l := NewLists(a.c, "invoices.list.")
	l.Add("drafts", a)
	l.Add("open", b)
	run := func(cmd tea.Cmd) {
		if cmd != nil {
			l.Update(cmd())
		}
	}
	run(l.Reload())
	if !a.Loaded || b.Loaded {
		t.Fatalf("reload read the wrong list: a %v b %v", a.Loaded, b.Loaded)
	}
	run(l.Switch(-1)) // wraps round to the last
	if l.Shown != 1 || !b.Loaded || l.Filtering() {
		t.Fatalf("switch: shown %d, b loaded %v", l.Shown, b.Loaded)
	}
	l.Update(tea.KeyPressMsg{Code: 'j', Text: "j"})
	if b.Cursor != 1 || a.Cursor != 0 {
		t.Fatalf("a key moved the list not shown: a %d b %d", a.Cursor, b.Cursor)
	}
	if got := l.TabsView(); !strings.Contains(got, " Drafts ") || !strings.Contains(got, " Open / overdue ") {
		t.Fatalf("tabs: %q", got)
	}
}

// A refresh asked while a jump to a row just made is on its way (the
// feed announcing the save) lets the jump in first: the cursor ends on
// the new row, not on the first page's first.
func TestARefreshDoesNotOvertakeAJump(t *testing.T) {
	p := testPager(60, 10)
	run(p, p.Reload())
	jump := p.JumpLast(58)
	refresh := p.Refresh()
	run(p, refresh)
	msg := jump().(PageMsg[int64])
	again, _ := p.Update(msg)
	run(p, again)
	if r, ok := p.Current(); !ok || r != 58 {
		t.Fatalf("the cursor is on %d, want 58 (rows %v)", r, p.Rows)
	}
}
