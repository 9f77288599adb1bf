package statistics

import (
	"context"
	"fmt"
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

// A view comes as two answers of one read: every row with its figures
// and what it owes, which keys wait for, then the months (sparklines,
// chart), which they do not. The rows are the whole view's, in its
// order, and the cursor stays on its row when the months come. The
// answers of a load a later key replaced are dropped, and rows coming
// after the whole view change nothing.
func TestRowsFirstThenTheMonths(t *testing.T) {
	s := openSettled(t, statDesk(t))
	if s.quick || s.answered != s.req {
		t.Fatal("the first view is not whole after it settled")
	}

	keyOn := func(k string) (awaited []tea.Msg, months tea.Msg) {
		_, cmd := s.Update(screenrig.Key(k))
		awaited, bg := answersOf(cmd)
		for _, c := range bg { // the months, and the settle timer
			if msg, ok := c().(viewMsg); ok && months == nil {
				months = msg
			}
		}
		if len(awaited) != 1 || months == nil {
			t.Fatalf("%s: %d answers awaited and the months among them (%v), want the rows awaited and the months not", k, len(awaited), months == nil)
		}
		return awaited, months
	}
	s.Update(screenrig.Key("5")) // what each owes
	rows, months := keyOn("Q")   // the quarter: not read ahead
	s.Update(rows[0])
	if !s.quick || s.answered != s.req {
		t.Fatalf("the rows did not show first (quick %v)", s.quick)
	}
	want := fresh(t, s, s.query())
	if len(s.view.Rows) != len(want.Rows) || len(want.Rows) < 2 {
		t.Fatalf("the rows shown first are %d, the whole view's %d", len(s.view.Rows), len(want.Rows))
	}
	for i, r := range s.view.Rows {
		w := want.Rows[i]
		if r.Key != w.Key || r.Label != w.Label || r.Figures != w.Figures || r.Trend != nil {
			t.Fatalf("row %d: shown first %s %+v, the whole view's %s %+v", i, r.Label, r.Figures, w.Label, w.Figures)
		}
	}
	if s.view.Total.Figures != want.Total.Figures {
		t.Fatal("the total shown first is not the whole view's")
	}
	screen := ansi.Strip(s.View())
	first := screenrig.LineWith(screen, s.list.Rows()[0].label)
	if strings.ContainsAny(first, "▁▂▃▄▅▆▇█") || !strings.Contains(screen, s.c.T("stat.months_loading")) {
		t.Errorf("before the months, the first row reads %q and the screen:\n%s", first, screen)
	}
	s.Update(screenrig.Key("j"))
	on, _ := s.list.Current()
	s.Update(months)
	if s.quick || !reflect.DeepEqual(s.view, want) {
		t.Fatal("the months did not complete the view")
	}
	if now, _ := s.list.Current(); now.label != on.label {
		t.Errorf("the cursor was on %s, after the months on %s", on.label, now.label)
	}
	if screen := ansi.Strip(s.View()); !strings.ContainsAny(screen, "▁▂▃▄▅▆▇█") || strings.Contains(screen, s.c.T("stat.months_loading")) {
		t.Errorf("after the months, no sparkline or still reading:\n%s", screen)
	}

	// y's read is dropped when w asks for another.
	_, dropped := s.Update(screenrig.Key("y"))
	laterRows, laterMonths := keyOn("w")
	stale, staleBg := answersOf(dropped)
	for _, c := range staleBg {
		stale = append(stale, c())
	}
	for _, m := range stale {
		s.Update(m)
	}
	if s.answered == s.req {
		t.Fatalf("an answer of y was taken for w's")
	}
	// The whole view first, the rows late: the whole stays.
	s.Update(laterMonths)
	shown := s.view
	s.Update(laterRows[0])
	if s.quick || !reflect.DeepEqual(s.view, shown) || shown.Periods[0] != s.period {
		t.Error("the rows coming after the whole view replaced it")
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
// period comes whole from what was read ahead; at once, each key acts on
// the rows shown before their months came (the months after the demo's
// history hold customers who only owe, rows the months must not move).
func TestKeysAtOnceEndWhereSlowTypingEnds(t *testing.T) {
	eng := statDesk(t)
	ends := func(burst bool, keys ...string) string {
		s := openSettled(t, eng)
		var later []tea.Cmd // at once: what each key left in the background
		for _, k := range keys {
			bg := press(s, k)
			if !burst {
				settle(s, bg)
			}
			later = append(later, bg...)
		}
		if burst {
			settle(s, later) // the months come, those of a key replaced dropped
		}
		if s.quick {
			t.Fatal("the months never came")
		}
		cur, _ := s.list.Current()
		return s.period.Label() + " " + cur.label
	}
	for _, keys := range [][]string{{"]", "]"}, {"]", "]", "j"}, {"]", "]", "]", "j", "j"}, {"5", "]", "]", "j", "j", "j"},
		{"v", "j", "enter", "j", "esc", "j"}, {"Q", "v", "enter", "esc", "j", "enter"}} {
		if slow, burst := ends(false, keys...), ends(true, keys...); slow != burst {
			t.Errorf("%v: typed one at a time the cursor is on %s, at once on %s", keys, slow, burst)
		}
	}
}

// esc back to a level shown without its months (keys typed at once)
// shows its rows again without a read keys wait for; the months are
// read, and come, in the background.
func TestEscBackToRowsWaitsForNoRead(t *testing.T) {
	s := openSettled(t, statDesk(t))
	var later []tea.Cmd
	for _, k := range []string{"Q", "v", "enter"} { // at once: nothing read ahead, no months read
		later = append(later, press(s, k)...)
	}
	if !s.quick || len(s.levels) != 2 {
		t.Fatalf("a rep's customers, their months unread: quick %v, %d levels", s.quick, len(s.levels))
	}
	_, cmd := s.Update(screenrig.Key("esc"))
	awaited, bg := answersOf(cmd)
	if len(awaited) != 0 || len(s.levels) != 1 || !s.quick || s.answered != s.req {
		t.Fatalf("esc awaits %d answers (%v); %d levels, quick %v", len(awaited), awaited, len(s.levels), s.quick)
	}
	settle(s, append(later, bg...))
	if s.quick || !reflect.DeepEqual(s.view, fresh(t, s, s.query())) {
		t.Fatal("the months of the level esc went back to never came")
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

// enter on a rep typed at once, before anything was read ahead, shows
// their customers without a read keys wait for: taken from the customers
// the reps' rows were summed from, the rows a read tells first. Their
// months come in the background. After a change elsewhere the view above
// is no longer taken from: enter waits for a read again.
func TestEnterOnARepWaitsForNoRead(t *testing.T) {
	s := openSettled(t, statDesk(t))
	var later []tea.Cmd
	for _, k := range []string{"Q", "v", "j"} { // at once: nothing read ahead
		later = append(later, press(s, k)...)
	}
	_, cmd := s.Update(screenrig.Key("enter"))
	awaited, bg := answersOf(cmd)
	if len(awaited) != 0 || len(s.levels) != 2 || !s.quick || s.answered != s.req {
		t.Fatalf("enter awaits %d answers; %d levels, quick %v", len(awaited), len(s.levels), s.quick)
	}
	rows := s.view
	settle(s, append(later, bg...))
	whole := fresh(t, s, s.query())
	if len(rows.Rows) == 0 || !reflect.DeepEqual(rowsOnly(rows), rowsOnly(whole)) {
		t.Errorf("the rep's customers shown at once are not a read's:\n%+v\n%+v", rowsOnly(rows), rowsOnly(whole))
	}
	if s.quick || !reflect.DeepEqual(s.view, whole) {
		t.Fatal("the months of the rep's customers never came")
	}
	press(s, "esc")
	s.Update(common.ChangedMsg{})
	_, cmd = s.Update(screenrig.Key("enter"))
	if awaited, _ := answersOf(cmd); len(awaited) == 0 || s.answered == s.req {
		t.Fatal("after a change elsewhere enter showed what was read before it")
	}
}

// rowsOnly are a view's keys, labels and figures.
func rowsOnly(v workflow.StatView) []string {
	var out []string
	for _, r := range v.Rows {
		out = append(out, fmt.Sprintf("%s %s %+v", r.Key, r.Label, r.Figures))
	}
	return out
}
