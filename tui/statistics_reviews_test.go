package tui_test

import (
	"strconv"
	"strings"
	"testing"

	"orderdesk/store"
	"orderdesk/tui/tuitest"
	"orderdesk/workflow"
	"orderdesk/workflow/report"
)

// e on the Statistics screen shows the reps' reviews of the period, as
// RepReviews gives them; [ moves them a period back, e returns to the
// figures. A rep sees their own review only; the warehouse is refused
// and stays on the figures.
func TestStatisticsRepReviews(t *testing.T) {
	f := statisticsDesk(t)
	p := workflow.PeriodOf(workflow.PeriodMonth, tuitest.Clock)
	want := func(u store.User, p workflow.Period) []report.Review {
		rows, err := f.Engine.Desk(u).RepReviews(f.Ctx, p)
		if err != nil {
			t.Fatal(err)
		}
		return rows
	}
	cells := func(r report.Review) []string {
		return []string{r.Rep, r.Ordered.Amount.String(), strconv.Itoa(r.NewCustomers), report.Percent(int64(r.OnTime), int64(r.Due))}
	}

	s := f.RunOn(t, f.Supervisor, "zh", "screen.statistics")
	s.WaitText(t, "月 "+p.Label()+" · 按客户")
	s.Send(tuitest.Key("e"))
	s.WaitText(t, "销售业绩评估 · 月 "+p.Label(), "完成率", "按期回款")
	rows := want(f.Supervisor, p)
	if len(rows) < 2 {
		t.Fatalf("%d reviews in %s", len(rows), p.Label())
	}
	for _, r := range rows {
		s.WaitText(t, cells(r)...)
	}
	s.Send(tuitest.Key("["))
	before := p.Previous()
	s.WaitText(t, "销售业绩评估 · 月 "+before.Label())
	for _, r := range want(f.Supervisor, before) {
		s.WaitText(t, cells(r)...)
	}
	s.Send(tuitest.Key("e"))
	s.WaitText(t, "月 "+before.Label()+" · 按客户")
	s.Quit(t)

	var liu, zheng, wu store.User
	if err := f.Store.Read(f.Ctx, func(tx *store.Tx) (err error) {
		if liu, err = tx.UserByLogin(f.Ctx, "liu"); err != nil {
			return err
		}
		if zheng, err = tx.UserByLogin(f.Ctx, "zheng"); err != nil {
			return err
		}
		wu, err = tx.UserByLogin(f.Ctx, "wu")
		return err
	}); err != nil {
		t.Fatal(err)
	}
	rep := f.RunOn(t, liu, "en", "screen.statistics")
	rep.WaitText(t, "Month "+p.Label())
	rep.Send(tuitest.Key("e"))
	rep.WaitText(t, "Rep reviews · Month "+p.Label(), liu.Name)
	if text := rep.Text(); containsAll(text, zheng.Name) {
		t.Errorf("liu sees zheng's review:\n%s", text)
	}
	rep.Quit(t)

	w := f.RunOn(t, wu, "en", "screen.statistics")
	w.WaitText(t, "Month "+p.Label())
	w.Send(tuitest.Key("e"))
	w.WaitText(t, "by customer", "this needs one of the roles")
	if text := w.Text(); containsAll(text, "Rep reviews ·") {
		t.Errorf("the warehouse sees the reviews:\n%s", text)
	}
	w.Quit(t)
}

func containsAll(text string, words ...string) bool {
	for _, w := range words {
		if !strings.Contains(text, w) {
			return false
		}
	}
	return true
}
