package reconcile_test

import (
	"context"
	"sort"
	"testing"

	"orderdesk/tui/reconcile"
	"orderdesk/tui/tuitest"
	"orderdesk/workflow/demo"
)

// The clerk's Review inbox lists the collections tasks; enter on the
// last one switches the frame to Reconciliation, its ladder open.
func TestTeaTaskFromInbox(t *testing.T) {
	f := tuitest.NewAtClock(t)
	if _, err := demo.Generate(context.Background(), f.Engine, reconcile.LateInvoicesOptions(tuitest.Clock)); err != nil {
		t.Fatal(err)
	}
	tasks, err := f.Engine.Desk(f.Clerk).MyCollectionTasks(context.Background(), "")
	if err != nil || len(tasks) == 0 {
		t.Fatalf("clerk's tasks: %d %v", len(tasks), err)
	}
	sort.SliceStable(tasks, func(i, j int) bool { return tasks[i].Overdue > tasks[j].Overdue })
	last := tasks[len(tasks)-1]

	for _, burst := range []bool{false, true} {
		scr := f.RunOn(t, f.Clerk, "zh", "screen.review")
		if !burst {
			scr.WaitText(t, "回款任务", last.InvoiceNo)
		}
		// End goes to the last document, down to the first task, End
		// again to the last task; typed at once with the switch, the keys
		// wait for the inbox and the tasks to be read.
		scr.Send(tuitest.Key("end"), tuitest.Key("down"), tuitest.Key("end"))
		scr.Send(tuitest.Key("enter"))
		scr.WaitText(t, "回款阶梯", last.InvoiceNo, last.Customer)
		scr.WaitGone(t, "回款任务")
		scr.Quit(t)
	}
}
