package review_test

import (
	"context"
	"testing"

	tea "charm.land/bubbletea/v2"

	"orderdesk/store"
	"orderdesk/tui/tuitest"
)

// The inbox filters as keys come: "9 / <a customer's code> enter a
// enter" approves that customer's terms change and no other, typed in one
// burst (before the inbox has loaded) as typed slowly; the digits of the
// code go into the filter, not to the screens they name. esc then drops
// the filter and the other two show again.
func TestFilterTheInboxThenApproveInOneBurst(t *testing.T) {
	for _, burst := range []bool{false, true} {
		f := tuitest.New(t)
		names := []string{"大连重型机械有限公司", "鞍山恒达重工机械有限公司", "锦州钢管有限公司"}
		ids := make([]int64, len(names))
		for i, n := range names {
			ids[i], _ = pendingTerms(t, f, f.Clerk, n)
		}
		file, err := f.Engine.Desk(f.Clerk).CustomerFile(context.Background(), ids[1])
		if err != nil {
			t.Fatal(err)
		}
		scr := tuitest.Run(t, f.App(f.Supervisor, "zh"))
		keys := []tea.Msg{key('9'), key('/')}
		for _, r := range file.Code {
			keys = append(keys, key(r))
		}
		keys = append(keys, tuitest.Key("enter"), key('a'), tuitest.Key("enter"))
		if burst {
			scr.Send(keys...)
		} else {
			scr.Send(keys[:2]...)
			scr.WaitText(t, "待我审核(3)")
			scr.Send(keys[2 : len(keys)-3]...)
			scr.WaitText(t, "待我审核(1)", file.Code, "鞍山恒达重工机械有限公司")
			scr.Send(keys[len(keys)-3:]...)
		}
		scr.WaitText(t, "已审核通过", "待我审核(0)")
		scr.Send(tuitest.Key("esc"))
		scr.WaitText(t, "待我审核(2)", "大连重型机械有限公司", "锦州钢管有限公司")
		scr.Quit(t)
		for i, id := range ids {
			file, err := f.Engine.Desk(f.Clerk).CustomerFile(context.Background(), id)
			if err != nil {
				t.Fatal(err)
			}
			if approved := file.PaymentTerms == store.TermsMonthly; approved != (i == 1) {
				t.Errorf("burst %v: %s approved = %v", burst, names[i], approved)
			}
		}
	}
}
