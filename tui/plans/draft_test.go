package plans_test

import (
	"strings"
	"testing"
	"time"

	"orderdesk/tui/common/draft"
	"orderdesk/tui/plans"
	"orderdesk/tui/tuitest/screenrig"
	"orderdesk/workflow"
)

// A dropped session loses nothing: the next new plan offers back what
// was typed; a deliberate cancel forgets it.
func TestPlanDraftComesBackAfterADroppedSession(t *testing.T) {
	r := screenrig.NewRig(t, screenrig.Fixed(screenrig.At), 4096, 60*time.Millisecond)
	r.TypeWait = 5 * time.Millisecond
	rep := r.AddUser("liuyang", "刘洋", workflow.SalesRep)
	open := func() {
		screenrig.Open(r.Driver, r.SessionOf(rep, "zh", screenrig.Fixed(screenrig.At)), plans.New, 30)
	}
	open()
	r.Press("n")
	r.Type("\t2026-12\t\t3\t巩固老客户\t\t热轧钢板\t\t\t50")
	r.Settle(2 * draft.Delay)
	time.Sleep(draft.Delay)
	r.Settle(draft.Delay)

	open() // a new session: the old screen is gone
	r.Press("n")
	r.MustShow("巩固老客户", "热轧钢板", "50")
	if st := r.LastStatus(); !strings.Contains(st.Text, "已恢复") {
		t.Fatalf("status: %+v", st)
	}
	r.Press("esc", "esc")

	open()
	r.Press("n")
	r.Settle(time.Second)
	r.MustNotShow("巩固老客户")
}
