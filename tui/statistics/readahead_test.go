package statistics

import (
	"context"
	"reflect"
	"strconv"
	"testing"

	"orderdesk/store"
	"orderdesk/tui/common"
	"orderdesk/tui/tuitest/screenrig"
	"orderdesk/workflow"
)

// readAheadOf waits until the screen, settled, has read ahead every view
// it wants, and returns them.
func readAheadOf(t *testing.T, d *screenrig.Driver, s *Screen) []workflow.StatQuery {
	t.Helper()
	want := s.wanted()
	d.WaitFor(func() bool {
		d.Settle(d.SendWait)
		for _, q := range want {
			if _, ok := s.aheadOf(q); !ok {
				return false
			}
		}
		return true
	}, func() string { return "the screen read nothing ahead" })
	return want
}

// fresh is the view of q read now by the screen's desk.
func fresh(t *testing.T, s *Screen, q workflow.StatQuery) workflow.StatView {
	t.Helper()
	v, err := s.c.Desk.Statistics(context.Background(), q)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// ] [ and enter, once the screen has settled, show at once (no read
// under way) the view read ahead, and its figures are a fresh read's.
func TestKeysReadAheadShowFreshFigures(t *testing.T) {
	eng := statDesk(t)
	d, s := open(t, eng, "zhao", "zh", 120, 40)
	pressAnswered(d, s, "Q", "[", "v") // last quarter by rep: every figure of its three periods is history
	for _, k := range []string{"enter", "]", "[", "esc", "[", "]"} {
		readAheadOf(t, d, s)
		before := s.req
		d.Deliver(screenrig.Key(k)) // its commands start; none is answered yet
		if s.answered != s.req {
			t.Fatalf("%s: a read under way, nothing was read ahead for it", k)
		}
		if want := fresh(t, s, s.query()); s.req != before && !reflect.DeepEqual(s.view, want) {
			t.Errorf("%s: shows %s by %s %v, not what a fresh read gives", k, s.view.Periods[0].Label(), s.view.Query.Dim, s.view.Query.Filters)
		}
		d.MustShow(s.period.Label())
	}
}

// A rep's read-ahead holds their own customers: each view read ahead is
// what the rep reads, and none holds a customer of another rep.
func TestRepReadsAheadTheirOwnCustomers(t *testing.T) {
	eng := statDesk(t)
	liu := userOf(t, eng, "liu")
	boss := eng.Desk(userOf(t, eng, "zhao"))
	d, s := open(t, eng, "liu", "zh", 120, 40)
	pressAnswered(d, s, "Q", "v", "v") // by rep: enter would open their customers
	for _, q := range readAheadOf(t, d, s) {
		v, _ := s.aheadOf(q)
		if want := fresh(t, s, q); !reflect.DeepEqual(v, want) {
			t.Errorf("%s %v read ahead is not the rep's own read", q.Period.Label(), q.Dim)
		}
		all, err := boss.Statistics(context.Background(), workflow.StatQuery{Dim: store.StatCustomer, Period: q.Period,
			Filters: []store.StatFilter{{Dim: store.StatRep, Key: strconv.FormatInt(liu.ID, 10)}}})
		if err != nil {
			t.Fatal(err)
		}
		theirs := map[string]bool{}
		for _, r := range all.Rows {
			theirs[r.Key] = true
		}
		for _, r := range v.Rows {
			if q.Dim == store.StatCustomer && !theirs[r.Key] {
				t.Errorf("%s read ahead holds %s, not the rep's customer", q.Period.Label(), r.Label)
			}
			if q.Dim == store.StatRep && r.Key != strconv.FormatInt(liu.ID, 10) {
				t.Errorf("%s read ahead holds rep %s", q.Period.Label(), r.Label)
			}
		}
	}
}

// A change made elsewhere is not hidden by what was read before it: a
// customer moved to another rep after the rep's customers were read
// ahead is not among them when enter opens them, and esc reads the
// level above again; a read ahead started before the change is dropped.
func TestChangeElsewhereForgetsWhatWasReadAhead(t *testing.T) {
	eng := statDesk(t)
	ctx := context.Background()
	boss := eng.Desk(userOf(t, eng, "zhao"))
	d, s := open(t, eng, "zhao", "zh", 120, 40)
	pressAnswered(d, s, "Q", "[", "v")
	want := readAheadOf(t, d, s)
	drill, _ := s.aheadOf(want[0])
	if want[0].Dim != store.StatCustomer || len(drill.Rows) < 2 {
		t.Fatalf("read ahead %v with %d rows: no rep's customers", want[0].Dim, len(drill.Rows))
	}
	rep, _ := s.list.Current()
	moved := drill.Rows[0]
	id, _ := strconv.ParseInt(moved.Key, 10, 64)
	file, err := boss.CustomerFile(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	in := workflow.InputFromCustomer(file.Customer)
	other := s.list.Rows()[0].row.Key
	if other == rep.row.Key {
		other = s.list.Rows()[1].row.Key
	}
	in.RepID, _ = strconv.ParseInt(other, 10, 64)
	if _, err := boss.UpdateCustomer(ctx, file.Customer, in); err != nil {
		t.Fatal(err)
	}
	stale := aheadMsg{gen: s.gen, still: s.still, q: want[1], v: drill}
	d.Send(common.ChangedMsg{})
	if s.Update(stale); len(s.aheadViews) != 0 {
		t.Error("a read ahead started before the change was kept")
	}
	pressAnswered(d, s, "enter")
	for _, r := range s.view.Rows {
		if r.Key == moved.Key {
			t.Errorf("%s, moved to another rep, still shows under %s", moved.Label, rep.row.Label)
		}
	}
	if got := fresh(t, s, s.query()); !reflect.DeepEqual(s.view, got) {
		t.Error("enter after the change does not show a fresh read")
	}
	d.Send(common.ChangedMsg{})
	pressAnswered(d, s, "esc")
	if got := fresh(t, s, s.query()); !reflect.DeepEqual(s.view, got) {
		t.Error("esc after the change shows the level above as read before it")
	}
}
