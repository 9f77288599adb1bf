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

// keyParts hands the screen a key and answers what it starts that keys
// wait for (the quick read); what they need not wait for (the whole
// view) comes back unrun, in the order started.
func keyParts(s *Screen, k string) []tea.Cmd {
	_, cmd := s.Update(screenrig.Key(k))
	return run(s, cmd, nil)
}

// A view comes in two reads: the periods' figures first, which keys
// typed ahead wait for, then the whole view with what each owes and the
// months, which they do not. A key shows the first at once (owed "…",
// no sparklines), the second replaces it with a fresh read's view; the
// whole view of a load a later key replaced is dropped, and a quick
// answer coming after the whole one changes nothing.
func TestFiguresFirstThenTheWholeView(t *testing.T) {
	eng := statDesk(t)
	c := screenrig.Session(context.Background(), eng.Desk(userOf(t, eng, "zhao")), "zh", screenrig.Fixed(today))
	c.Gate = &common.Gate{}
	s := New(c)
	s.settleFor = time.Microsecond
	s.SetSize(120, 40)
	settle(s, run(s, s.Init(), nil))
	if s.quick || s.answered != s.req {
		t.Fatal("the first view is not whole after it settled")
	}

	whole := keyParts(s, "Q") // the quarter: not read ahead
	q := s.query()
	if !s.quick || s.answered != s.req {
		t.Fatalf("Q did not show the quick figures at once (quick %v)", s.quick)
	}
	want := fresh(t, s, q)
	byKey := map[string]workflow.StatRow{}
	for _, r := range want.Rows {
		byKey[r.Key] = r
	}
	// The whole view adds the customers who owe and had nothing in the
	// periods; every row of the quick one has the whole one's figures.
	for _, r := range s.view.Rows {
		w := byKey[r.Key]
		w.Figures[0].Open, w.Figures[1].Open, w.Figures[2].Open = r.Figures[0].Open, r.Figures[1].Open, r.Figures[2].Open
		if r.Figures != w.Figures || r.Label != w.Label {
			t.Fatalf("%s: the quick figures are not the whole view's", r.Label)
		}
	}
	if len(s.view.Rows) == 0 {
		t.Fatal("the quarter has no rows")
	}
	keyParts(s, "5") // what each owes: not read yet
	first := screenrig.LineWith(ansi.Strip(s.View()), s.list.Rows()[0].label)
	if !strings.Contains(first, "…") || strings.ContainsAny(first, "▁▂▃▄▅▆▇█") {
		t.Errorf("before the whole view, the first row reads %q", first)
	}
	settle(s, whole)
	if s.quick || !reflect.DeepEqual(s.view, want) {
		t.Fatal("the whole view did not replace the quick one")
	}
	if first := screenrig.LineWith(ansi.Strip(s.View()), s.list.Rows()[0].label); strings.Contains(first, "…") {
		t.Errorf("after the whole view, the first row still reads %q", first)
	}

	dropped := keyParts(s, "y")
	later := keyParts(s, "w")
	settle(s, dropped) // the whole view of the load w replaced
	if !s.quick || s.view.Periods[0] != s.period {
		t.Fatalf("the whole view of %s was shown after w asked for %s", s.view.Periods[0].Label(), s.period.Label())
	}
	settle(s, later)
	// The whole view first, the quick one late: the whole stays.
	_, cmd := s.Update(screenrig.Key("m"))
	answers, bg := answersOf(cmd)
	settle(s, bg)
	if s.quick || s.view.Periods[0] != s.period {
		t.Fatal("the whole view did not show")
	}
	shown := s.view
	if len(answers) != 1 {
		t.Fatalf("%d answers keys wait for, not the one quick read", len(answers))
	}
	s.Update(answers[0])
	if s.quick || !reflect.DeepEqual(s.view, shown) {
		t.Error("a quick answer after the whole one replaced it")
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
