package inquiries

import (
	"strings"
	"testing"
	"time"

	"orderdesk/tui/common/draft"
	"orderdesk/workflow"
)

// typeDraft starts a new inquiry for 沈阳钢铁, types into its lines and
// waits for the draft to be kept.
func typeDraft(t *testing.T, lines string) *rig {
	t.Helper()
	r := newShenyangForm(t, "zh")
	r.Type(lines)
	r.Settle(2 * draft.Delay)
	time.Sleep(draft.Delay)
	r.Settle(draft.Delay)
	return r
}

// A dropped session loses nothing: the next new inquiry offers back what
// was typed; a deliberate cancel forgets it.
func TestDraftComesBackAfterADroppedSession(t *testing.T) {
	r := typeDraft(t, "Q235B\t热轧钢板\t10x1500x6000\t25")

	r.open(r.clerk, "zh", 30) // a new session: the old screen is gone
	r.Press("n")
	r.MustShow("沈阳钢铁有限公司", "热轧钢板", "10x1500x6000")
	if st := r.LastStatus(); !strings.Contains(st.Text, "已恢复") {
		t.Fatalf("status: %+v", st)
	}
	if r.cell(0, workflow.FQuantity) != "25" {
		t.Fatalf("quantity not restored:\n%s", r.View())
	}
	// It saves like any other.
	r.Type("t") // typing goes on where it stopped: the unit
	r.Press("ctrl+s")
	r.MustShow("未答复的询价单", "XJ2026-000001")

	r.open(r.clerk, "zh", 30)
	r.Press("n")
	r.Settle(time.Second)
	if r.s.form == nil || !r.s.form.picking {
		t.Fatalf("a saved draft came back:\n%s", r.View())
	}
}

func TestCancelledFormForgetsItsDraft(t *testing.T) {
	r := typeDraft(t, "Q235B")
	r.Press("esc")
	if r.s.form == nil {
		t.Fatal("one esc threw away what was typed")
	}
	r.Press("esc")
	if r.s.form != nil {
		t.Fatal("a second esc did not discard")
	}
	r.Settle(time.Second)
	r.open(r.clerk, "zh", 30)
	r.Press("n")
	r.Settle(time.Second)
	if r.s.form == nil || !r.s.form.picking {
		t.Fatalf("a cancelled draft came back:\n%s", r.View())
	}
}
