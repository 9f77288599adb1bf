package statistics

import (
	"context"
	"reflect"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"orderdesk/tui/common"
	"orderdesk/tui/tuitest/screenrig"
	"orderdesk/workflow"
)

// A view comes as two answers of one read, both awaited: the periods'
// figures first (owed "…", no sparklines), then the whole view with what
// each owes and the months, a fresh read's. The answers of a load a
// later key replaced are dropped, and a figures answer coming after the
// whole one changes nothing.
func TestFiguresFirstThenTheWholeView(t *testing.T) {
	s := openSettled(t, statDesk(t))
	if s.quick || s.answered != s.req {
		t.Fatal("the first view is not whole after it settled")
	}

	keyOn := func(k string) []tea.Msg {
		_, cmd := s.Update(screenrig.Key(k))
		answers, _ := answersOf(cmd)
		return answers
	}
	s.Update(screenrig.Key("5")) // what each owes
	answers := keyOn("Q")        // the quarter: not read ahead
	if len(answers) != 2 {
		t.Fatalf("%d answers, not the figures and the whole view", len(answers))
	}
	s.Update(answers[0])
	if !s.quick || s.answered != s.req {
		t.Fatalf("the figures did not show first (quick %v)", s.quick)
	}
	want := fresh(t, s, s.query())
	byKey := map[string]workflow.StatRow{}
	for _, r := range want.Rows {
		byKey[r.Key] = r
	}
	// The whole view adds the customers who owe and had nothing in the
	// periods; every row of the figures has the whole one's figures.
	for _, r := range s.view.Rows {
		w := byKey[r.Key]
		w.Figures[0].Open, w.Figures[1].Open, w.Figures[2].Open = r.Figures[0].Open, r.Figures[1].Open, r.Figures[2].Open
		if r.Figures != w.Figures || r.Label != w.Label {
			t.Fatalf("%s: the figures shown first are not the whole view's", r.Label)
		}
	}
	if len(s.view.Rows) == 0 {
		t.Fatal("the quarter has no rows")
	}
	first := screenrig.LineWith(ansi.Strip(s.View()), s.list.Rows()[0].label)
	if !strings.Contains(first, "…") || strings.ContainsAny(first, "▁▂▃▄▅▆▇█") {
		t.Errorf("before the whole view, the first row reads %q", first)
	}
	s.Update(answers[1])
	if s.quick || !reflect.DeepEqual(s.view, want) {
		t.Fatal("the whole view did not replace the figures")
	}
	if first := screenrig.LineWith(ansi.Strip(s.View()), s.list.Rows()[0].label); strings.Contains(first, "…") {
		t.Errorf("after the whole view, the first row still reads %q", first)
	}

	// y's read is dropped when w asks for another.
	_, dropped := s.Update(screenrig.Key("y"))
	later := keyOn("w")
	stale, _ := answersOf(dropped)
	for _, m := range stale {
		s.Update(m)
	}
	if s.answered == s.req {
		t.Fatalf("an answer of y was taken for w's")
	}
	// The whole view first, the figures late: the whole stays.
	s.Update(later[1])
	shown := s.view
	s.Update(later[0])
	if s.quick || !reflect.DeepEqual(s.view, shown) || shown.Periods[0] != s.period {
		t.Error("the figures coming after the whole view replaced it")
	}
}

// answersOf runs cmd and the batches it holds, unanswered: the answers
// keys wait for, and the commands marked as background, unrun.
func answersOf(cmd tea.Cmd) (answers []tea.Msg, bg []tea.Cmd) {
	if cmd == nil {
		return nil, nil
	}
	switch msg := cmd().(type) {
	case nil:
	case tea.BatchMsg:
		for _, c := range msg {
			a, b := answersOf(c)
			answers, bg = append(answers, a...), append(bg, b...)
		}
	case common.BackgroundMsg:
		bg = append(bg, msg.Cmd)
	default:
		answers = append(answers, msg)
	}
	return answers, bg
}

// Keys typed at once end on the row slow typing ends on: slow, each
// period comes whole from what was read ahead; at once, its figures
// come first, without the customers who only owe, and the cursor must
// not follow them off the row it was on (the months after the demo's
// history hold customers who only owe).
func TestFiguresFirstLeaveTheCursorWhereTheWholeWould(t *testing.T) {
	eng := statDesk(t)
	ends := func(burst bool, keys ...string) string {
		s := openSettled(t, eng)
		for _, k := range keys {
			bg := press(s, k)
			if !burst {
				settle(s, bg)
			}
		}
		if s.quick {
			t.Fatal("the keys ended on the figures alone")
		}
		cur, _ := s.list.Current()
		return s.period.Label() + " " + cur.label
	}
	for _, keys := range [][]string{{"]", "]"}, {"]", "]", "j"}, {"]", "]", "]", "j", "j"}} {
		if slow, burst := ends(false, keys...), ends(true, keys...); slow != burst {
			t.Errorf("%v: typed one at a time the cursor is on %s, at once on %s", keys, slow, burst)
		}
	}
}

// openSettled is the supervisor's screen at 120×40 under a type-ahead
// gate, its first view read and what it reads ahead read, settling at
// once after each key.
func openSettled(t *testing.T, eng *workflow.Engine) *Screen {
	t.Helper()
	c := screenrig.Session(context.Background(), eng.Desk(userOf(t, eng, "zhao")), "zh", screenrig.Fixed(today))
	c.Gate = &common.Gate{}
	s := New(c)
	s.settleFor = time.Microsecond
	s.SetSize(120, 40)
	settle(s, run(s, s.Init(), nil))
	return s
}
