package plans_test

import (
	"testing"
	"time"

	"orderdesk/tui/plans"
	"orderdesk/tui/tuitest/screenrig"
	"orderdesk/workflow"
)

// The month's collection plan is the fourth list (t t t), read-only:
// [ and ] move its month, each key acting once the read the key before
// asked for has been answered.
func TestCollectionPlanStepsByMonth(t *testing.T) {
	r := screenrig.NewRig(t, screenrig.Fixed(screenrig.At), 4096, 20*time.Millisecond)
	clerk := r.AddUser("wangli", "王丽", workflow.Clerk)
	s := screenrig.Open(r.Driver, r.SessionOf(clerk, "zh", screenrig.Fixed(screenrig.At)), plans.New, 30)
	answered := func(after string) {
		r.WaitFor(s.Answered, func() string { return "no answer after " + after + ":\n" + r.View() })
	}
	answered("opening")
	for _, step := range []struct{ key, want string }{
		{"t", "销售目标"},
		{"t", "月采购计划"},
		{"t", "2026-11 月回款计划"},
		{"[", "2026-10 月回款计划"},
		{"[", "2026-09 月回款计划"},
		{"]", "2026-10 月回款计划"},
	} {
		r.Press(step.key)
		answered(step.key)
		r.MustShow(step.want)
	}
	r.MustShow("本月没有应回款的发票", "只读")
	r.Press("t")
	answered("t")
	r.MustShow("销售计划", "还没有计划")
}
