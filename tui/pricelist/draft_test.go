package pricelist

import (
	"testing"
	"time"

	"orderdesk/workflow"
)

// TestChangeDraftComesBack: a change typed and never saved (the session
// dropped) is offered back the next time the form opens; esc discards
// it.
func TestChangeDraftComesBack(t *testing.T) {
	r := newProposal(t)
	r.Type("月底调价\tQ235B\t热轧钢板\t20×1500×6000\tt\t4090\t12-01\t\n45#\t圆钢")
	r.Settle(2 * time.Second) // the draft is kept shortly after typing stops

	r.open(r.clerk, "zh", 30) // a new session of the same user
	r.Press("n")
	r.MustShow("已恢复", "月底调价", "4090", "12-01", "45#", "圆钢")
	if n := r.s.change.form.Lines(); n != 2 {
		t.Fatalf("%d lines restored, want 2", n)
	}
	r.Press("ctrl+s")
	r.MustShow("单位: 请从选项中选择", "起始日: 必填") // line 2 is incomplete: its fields are marked, not lost
	r.Press("esc")
	r.Settle(time.Second)
	r.Press("n")
	r.MustNotShow("已恢复", "月底调价")
	if v := r.s.change.form.Value(workflow.FReason); v != "" {
		t.Fatalf("the cancelled draft came back: %q", v)
	}
}
