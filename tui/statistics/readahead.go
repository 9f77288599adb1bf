package statistics

import (
	"reflect"
	"slices"
	"time"

	tea "charm.land/bubbletea/v2"

	"orderdesk/workflow"
)

// Reading ahead: on 5,000 customers a view is a read of a quarter of a
// second, far from a key's 10 ms. Once the screen has settled (a view
// shown and no key for settleFor), the views the next keys would open
// are read in the background, one after another: the level enter opens
// under the cursor's row, then the period after and the period before.
// A key that asks for one of them shows it at once, its figures as read;
// any other reads as before. Every read is the session's own desk's, so
// a rep's read-ahead holds their own customers only.
//
// A read-ahead never stands for a fresher one: a change elsewhere or
// ctrl+r forgets what was read (and what esc would show again), and a
// read started before it is dropped when it comes.

// settleFor is how long the screen waits, with nothing to read and no
// key, before it reads ahead: keys typed in a burst start none.
const settleFor = 60 * time.Millisecond

// aheadKept is how many views read ahead are kept (each of 5,000
// customers with their 24 months is some 12 MB): the two periods either
// side of the one shown ([ after ] comes back without a read), or a
// level's neighbours and the drill under it.
const aheadKept = 4

// settledMsg is the settle timer's tick; still is the screen's moment it
// was started in.
type settledMsg struct{ still int }

// aheadMsg answers one read ahead: gen is the generation it was started
// in, next the reads still wanted after it.
type aheadMsg struct {
	gen, still int
	q          workflow.StatQuery
	v          workflow.StatView
	err        error
	next       []workflow.StatQuery
}

// settle starts the settle timer for the screen as it is now; any later
// key or answer starts another and this one's tick is ignored.
func (s *Screen) settle() tea.Cmd {
	s.still++
	still, wait := s.still, s.settleFor
	return s.c.Background(tea.Tick(wait, func(time.Time) tea.Msg { return settledMsg{still: still} }))
}

// settled reads ahead if the screen is still as the tick left it: no
// key since, nothing loading, the figures shown.
func (s *Screen) settled(msg settledMsg) tea.Cmd {
	if msg.still != s.still || s.answered != s.req || s.quick || s.aside != noAside || s.rangeForm != nil || s.top().trace {
		return nil
	}
	want := s.wanted()
	s.want = want
	var missing []workflow.StatQuery
	for _, w := range want {
		if _, ok := s.aheadOf(w); !ok {
			missing = append(missing, w)
		}
	}
	return s.readAhead(missing)
}

// wanted are the views the next keys would open: enter on the row
// under the cursor, ] and [.
func (s *Screen) wanted() []workflow.StatQuery {
	q := s.query()
	var out []workflow.StatQuery
	if cur, ok := s.list.Current(); ok && !cur.total {
		lv := s.top()
		if dim, ok := workflow.StatDrill(lv.dim); ok {
			d := q
			d.Dim = dim
			d.Filters = lv.filtersUnder(cur.row.Key)
			out = append(out, d)
		}
	}
	for _, n := range []int{1, -1} {
		p := q
		p.Period = s.period.Shift(n)
		out = append(out, p)
	}
	return out
}

// readAhead reads the first of qs in the background, the rest after it.
func (s *Screen) readAhead(qs []workflow.StatQuery) tea.Cmd {
	if len(qs) == 0 {
		return nil
	}
	ctx, desk, gen, still, q := s.c.Ctx, s.c.Desk, s.gen, s.still, qs[0]
	next := qs[1:]
	return s.c.Background(func() tea.Msg {
		v, err := desk.Statistics(ctx, q)
		return aheadMsg{gen: gen, still: still, q: q, v: v, err: err, next: next}
	})
}

// ahead keeps a view read ahead, unless a change came since it was
// started, and reads the next one while the screen is still as it was.
func (s *Screen) ahead(msg aheadMsg) tea.Cmd {
	if msg.gen != s.gen {
		return nil
	}
	if msg.err == nil {
		s.aheadViews = append(s.aheadViews, shown{q: msg.q, v: msg.v})
		s.evict()
	}
	if msg.still != s.still {
		return nil // a key came: its own settling reads what it wants
	}
	return s.readAhead(msg.next)
}

// evict keeps aheadKept views, dropping first the oldest that the
// screen as it last settled does not want.
func (s *Screen) evict() {
	for len(s.aheadViews) > aheadKept {
		drop := 0
		for i, a := range s.aheadViews {
			if !slices.ContainsFunc(s.want, func(q workflow.StatQuery) bool { return reflect.DeepEqual(q, a.q) }) {
				drop = i
				break
			}
		}
		s.aheadViews = slices.Delete(s.aheadViews, drop, drop+1)
	}
}

// aheadOf is the view read ahead for q, if any.
func (s *Screen) aheadOf(q workflow.StatQuery) (workflow.StatView, bool) {
	for _, a := range s.aheadViews {
		if reflect.DeepEqual(a.q, q) {
			return a.v, true
		}
	}
	return workflow.StatView{}, false
}

// forget drops every view read ahead or kept for esc, and any read
// still under way: a change elsewhere (or ctrl+r) makes them stale.
func (s *Screen) forget() {
	s.gen++
	s.aheadViews, s.want = nil, nil
	for i := range s.levels {
		s.levels[i].shown = nil
	}
}
