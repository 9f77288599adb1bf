package statistics_test

import (
	"testing"

	"orderdesk/store"
	"orderdesk/tui/tuitest"
	"orderdesk/workflow"
)

// Returned in the real program (teatest): 6 picks what came back, the
// total is the returns the warehouse received this month, and enter on
// the customer with the most back lists their return notes, which open
// on the Returns screen.
func TestReturnedMeasureInTheProgram(t *testing.T) {
	f := tuitest.NewDemo(t, tuitest.ReturnsDemo())
	boss := f.Engine.Desk(f.Supervisor)
	v, err := boss.Statistics(f.Ctx, workflow.StatQuery{Dim: store.StatCustomer})
	f.Must(err)
	total := v.Total.Figures[workflow.StatNow].Returned
	var top workflow.StatRow
	for _, r := range v.Rows {
		if r.Figures[workflow.StatNow].Returned.Amount > top.Figures[workflow.StatNow].Returned.Amount {
			top = r
		}
	}
	if total.Amount == 0 || top.Key == "" {
		t.Fatal("the demo received no returns this month")
	}
	docs, err := boss.StatisticsTrace(f.Ctx, workflow.StatQuery{Dim: store.StatCustomer}, top.Key, store.StatReturned, workflow.StatNow)
	f.Must(err)

	scr := f.RunOn(t, f.Supervisor, "zh", "screen.statistics")
	scr.WaitText(t, "· 订货 · 金额")
	scr.Send(tuitest.Keys("6")...)
	scr.WaitText(t, "· 退货 · 金额", total.Amount.String(), top.Label)
	scr.Send(tuitest.Keys("t")...)
	scr.WaitText(t, "· 退货 · 吨", total.Tonnes.String())
	// Largest first: the top row is the customer with the most back.
	scr.Send(tuitest.Keys("tg\r")...)
	refs := []string{"退货单"}
	for _, d := range docs {
		refs = append(refs, d.Ref)
	}
	scr.WaitText(t, refs...)
	scr.Send(tuitest.Keys("\r")...)
	scr.WaitText(t, "退货单 "+docs[0].Ref, "退货金额", "入库")
	scr.Quit(t)
}
