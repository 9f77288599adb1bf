package review_test

import (
	"context"
	"testing"

	tea "charm.land/bubbletea/v2"

	"orderdesk/store"
	"orderdesk/tui/tuitest"
)

// Approving the third document of the inbox typed in one burst (9 j j a
// enter, every key sent before the inbox has even loaded) approves the
// third and only the third, as typed slowly it would.
func TestApproveTheThirdInOneBurst(t *testing.T) {
	for _, burst := range []bool{false, true} {
		f := tuitest.New(t)
		names := []string{"大连重型机械有限公司", "鞍山恒达重工机械有限公司", "锦州钢管有限公司"}
		ids := make([]int64, len(names))
		for i, n := range names {
			ids[i], _ = pendingTerms(t, f, f.Clerk, n)
		}
		scr := tuitest.Run(t, f.App(f.Supervisor, "zh"))
		keys := []tea.Msg{key('9'), key('j'), key('j'), key('a'), tuitest.Key("enter")}
		if burst {
			scr.Send(keys...)
		} else {
			for i, k := range keys {
				scr.Send(k)
				scr.WaitText(t, []string{"待我审核(3)", "待我审核(3)", "待我审核(3)", "通过意见", "待我审核(2)"}[i])
			}
		}
		scr.WaitText(t, "已审核通过", "待我审核(2)")
		scr.Quit(t)
		for i, id := range ids {
			file, err := f.Engine.Desk(f.Clerk).CustomerFile(context.Background(), id)
			if err != nil {
				t.Fatal(err)
			}
			approved := file.PaymentTerms == store.TermsMonthly
			if approved != (i == 2) {
				t.Errorf("burst %v: %s approved = %v", burst, names[i], approved)
			}
		}
	}
}
