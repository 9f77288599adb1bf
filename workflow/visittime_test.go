package workflow

import (
	"testing"
	"time"
)

// A visit planned for today at a time already gone is planned in the
// past: refused at the time, nothing saved. Later today, another day,
// or today with no time said are planned.
func TestVisitTodayAtATimeGoneRefusedAtTheTime(t *testing.T) {
	p := newPricing(t) // 2026-11-02 09:00 in Shenyang
	for _, tc := range []struct {
		name, on, at string
		refused      bool
	}{
		{"today, an hour ago", "2026-11-02", "8:00", true},
		{"today, later", "2026-11-02", "14:00", false},
		{"today, no time said", "2026-11-02", "", false},
		{"tomorrow, earlier in the day", "2026-11-03", "8:00", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := p.shenyangVisit()
			in.On, in.At = tc.on, tc.at
			id, err := p.e.Desk(p.rep).PlanVisit(p.ctx, in)
			if !tc.refused {
				if err != nil {
					t.Fatalf("refused: %v", err)
				}
				return
			}
			fe, ok := err.(FieldErrors)
			if !ok || fe.For(FVisitAt) == nil || fe.For(FVisitAt).Code != DateInPast || fe.For(FVisitOn) != nil || id != 0 {
				t.Fatalf("want refused at the time only, got %v (id %d)", err, id)
			}
		})
	}
}

// A visit waiting for its review leaves its owner's inbox once it is
// cancelled, as once it is reviewed.
func TestCancelledVisitLeavesTheInbox(t *testing.T) {
	p := newPricing(t)
	id, err := p.e.Desk(p.rep).PlanVisit(p.ctx, p.shenyangVisit()) // 2026-11-03
	p.must(err)
	p.at(time.Date(2026, 11, 4, 1, 0, 0, 0, time.UTC)) // the day after, in Shenyang
	for _, tc := range []struct {
		name string
		act  func() error
		want int
	}{
		{"waiting for its review", func() error { return nil }, 1},
		{"cancelled", func() error { return p.e.Desk(p.rep).Act(p.ctx, id, ActionCancelVisit, "客户改期") }, 0},
	} {
		p.must(tc.act())
		ts, err := p.e.Desk(p.rep).MyVisitTasks(p.ctx)
		p.must(err)
		if len(ts) != tc.want {
			t.Errorf("%s: %d tasks, want %d", tc.name, len(ts), tc.want)
		}
	}
}
