package orders

import (
	"strings"
	"testing"
	"time"

	"orderdesk/tui/common/draft"
	"orderdesk/workflow"
)

// typeDraft starts a new order for 沈阳北方 and types a line, then waits
// for the draft to be kept.
func (r *rig) typeDraft() {
	r.t.Helper()
	r.startNew("SYBF", "沈阳北方重工集团有限公司")
	r.MustShow("沈阳市铁西区北二路18号")
	r.Press("tab")
	r.Type("2026-12-10")
	r.tabs(7)
	r.Type("沈阳")
	r.tabs(2) // past the weighing basis (filled from the customer file) to the lines
	for i, v := range []string{"Q235B", "热轧钢板", "20×1500×6000", "25.35"} {
		if i > 0 {
			r.Press("tab")
		}
		r.Type(v)
	}
	r.Settle(2 * draft.Delay)
	time.Sleep(draft.Delay)
	r.Settle(draft.Delay)
}

// A dropped session loses nothing: the next new order offers back what
// was typed, customer and lines; saved, it is gone.
func TestOrderDraftComesBackAfterADroppedSession(t *testing.T) {
	r := newRig(t)
	r.open(r.clerk, "zh")
	r.typeDraft()

	r.open(r.clerk, "zh") // a new session: the old screen is gone
	r.Press("n")
	r.MustShow("沈阳北方重工集团有限公司", "热轧钢板", "20×1500×6000", "2026-12-10")
	if st := r.LastStatus(); !strings.Contains(st.Text, "已恢复") {
		t.Fatalf("status: %+v", st)
	}
	e := r.s.entry
	if e.customerID != r.shenyang || e.form.Cell(0, workflow.FQuantity) != "25.35" {
		t.Fatalf("not restored: customer %d, qty %q\n%s", e.customerID, e.form.Cell(0, workflow.FQuantity), r.View())
	}
	// It saves like any other.
	e.form.FocusCell(0, workflow.FUnit)
	r.Type("t")
	e.form.FocusCell(0, workflow.FPrice)
	r.Type("4120")
	r.Press("ctrl+s")
	r.MustShow("DD2026-000001 (临时号)", "¥104,442.00")

	r.open(r.clerk, "zh")
	r.Press("n")
	r.Settle(time.Second)
	if r.s.entry == nil || r.s.entry.customerID != 0 || strings.Contains(r.View(), "热轧钢板") {
		t.Fatalf("a saved draft came back:\n%s", r.View())
	}
}

// A deliberate cancel (esc twice) forgets the draft.
func TestCancelledOrderFormForgetsItsDraft(t *testing.T) {
	r := newRig(t)
	r.open(r.clerk, "zh")
	r.typeDraft()
	r.Press("esc")
	if r.s.entry == nil {
		t.Fatal("one esc threw away what was typed")
	}
	r.Press("esc")
	if r.s.entry != nil {
		t.Fatal("a second esc did not discard")
	}
	r.Settle(time.Second)
	r.open(r.clerk, "zh")
	r.Press("n")
	r.Settle(time.Second)
	if r.s.entry == nil || r.s.entry.customerID != 0 || strings.Contains(r.View(), "热轧钢板") {
		t.Fatalf("a cancelled draft came back:\n%s", r.View())
	}
}
