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
		ids := pendingThree(t, f)
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
		wantApprovedOnly(t, f, ids, 2, burst)
	}
}

// threeCustomers are the customers whose terms changes pendingThree opens.
var threeCustomers = []string{"大连重型机械有限公司", "鞍山恒达重工机械有限公司", "锦州钢管有限公司"}

// pendingThree has the clerk open a terms change for each of
// threeCustomers and returns the customers' ids.
func pendingThree(t *testing.T, f *tuitest.Fixture) []int64 {
	t.Helper()
	ids := make([]int64, len(threeCustomers))
	for i, n := range threeCustomers {
		ids[i], _ = pendingTerms(t, f, f.Clerk, n)
	}
	return ids
}

// wantApprovedOnly fails unless the terms of the which-th of ids, and
// only those, were approved.
func wantApprovedOnly(t *testing.T, f *tuitest.Fixture, ids []int64, which int, burst bool) {
	t.Helper()
	for i, id := range ids {
		file, err := f.Engine.Desk(f.Clerk).CustomerFile(context.Background(), id)
		if err != nil {
			t.Fatal(err)
		}
		if approved := file.PaymentTerms == store.TermsMonthly; approved != (i == which) {
			t.Errorf("burst %v: %s approved = %v", burst, threeCustomers[i], approved)
		}
	}
}
