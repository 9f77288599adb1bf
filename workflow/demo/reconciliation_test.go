package demo_test

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"orderdesk/store"
	"orderdesk/workflow"
	"orderdesk/workflow/demo"
	"orderdesk/workflow/printout"
	"orderdesk/workflow/printout/pdftest"
	"orderdesk/workflow/workflowtest"
)

// The demo desk closes its past months: signed off by finance, with a
// noted difference, statements confirmed and disputed, and collections
// dealt with at each rung the data reaches.
func TestDemoReconciliations(t *testing.T) {
	t.Parallel() // each generates into a database of its own
	ctx := context.Background()
	e := workflowtest.Open(t, filepath.Join(t.TempDir(), "d.db"))
	st := e.Store()
	defer st.Close()
	o := demo.DefaultOptions()
	o.Customers, o.Products, o.Pending, o.SentBack, o.Inquiries, o.Orders, o.Shipments, o.Invoices = 40, 30, 0, 0, 30, 20, 16, 14
	o.LateInvoices = 20
	o.MonthlyPercent, o.DeskLogin, o.Today = 50, "", time.Date(2026, 12, 3, 2, 0, 0, 0, time.UTC)
	if _, err := demo.Generate(ctx, e, o); err != nil {
		t.Fatal(err)
	}
	var clerk store.User
	st.Read(ctx, func(tx *store.Tx) (err error) { clerk, err = tx.UserByLogin(ctx, "wangli"); return err })
	d := e.Desk(clerk)
	v, err := d.MonthReconciliation(ctx, "2026-11")
	if err != nil {
		t.Fatal(err)
	}
	if !v.Signed() || len(v.Diffs) != 1 || !v.Diffs[0].Resolved {
		t.Fatalf("November: %+v diffs %+v", v.Doc, v.Diffs)
	}
	replies := map[string]int{}
	for _, s := range v.Statements {
		replies[s.Reply]++
	}
	if replies[store.ReplyConfirmed] != 1 || replies[store.ReplyDisputed] != 1 || replies[store.ReplyReceived] != 1 || replies[""] != 1 {
		t.Fatalf("statements %v", replies)
	}
	// Monthly terms fall due at a month's end (N days after the month of
	// issue), so in the first week of a month the ladder's open invoices
	// are a few days late (remind) or a month and more (letter); a week
	// later the first ones need an unpaid report.
	for _, c := range []struct {
		day  string
		want []workflow.Stage
		done []workflow.Stage
	}{
		{"2026-12-03", []workflow.Stage{workflow.StageRemind, workflow.StageLetter}, []workflow.Stage{workflow.StageRemind, workflow.StageLetter}},
		{"2026-12-12", []workflow.Stage{workflow.StageReport, workflow.StageLetter}, nil},
	} {
		col, err := d.Collections(ctx, c.day)
		if err != nil {
			t.Fatal(err)
		}
		stages, dealt := map[workflow.Stage]int{}, map[workflow.Stage]int{}
		for _, x := range col.Items {
			stages[x.Stage]++
			if x.Stage != workflow.StageCurrent && x.Task == workflow.TaskNone {
				dealt[x.Stage]++
			}
		}
		t.Logf("%s: open invoices by stage %v; dealt with %v", c.day, stages, dealt)
		for _, s := range c.want {
			if stages[s] < 2 {
				t.Errorf("%s: %d invoices at %s, want a few", c.day, stages[s], s)
			}
		}
		for _, s := range c.done {
			if dealt[s] < 1 || dealt[s] >= stages[s] {
				t.Errorf("%s: %d of %d at %s dealt with, want one and tasks left", c.day, dealt[s], stages[s], s)
			}
		}
	}
	// A letter still to send: written with its invoices, recorded, the
	// task done; its PDF read back.
	st.Now = func() time.Time { return o.Today }
	col, err := d.Collections(ctx, "2026-12-03")
	if err != nil {
		t.Fatal(err)
	}
	for _, x := range col.Items {
		if x.Task != workflow.TaskLetter {
			continue
		}
		l, err := d.SendOverdueLetter(ctx, x.CustomerID, "沈阳钢材有限公司")
		if err != nil {
			t.Fatal(err)
		}
		if len(l.Invoices) == 0 || l.Overdue() <= 0 {
			t.Fatalf("letter %+v", l)
		}
		pdf, err := printout.OverdueLetterPDF(l)
		if err != nil {
			t.Fatal(err)
		}
		out := pdftest.Text(t, pdf)
		for _, want := range []string{"逾期回款函", l.Number, x.Customer, x.InvoiceNo, "逾期天数", "沈阳钢材有限公司"} {
			if !strings.Contains(out, want) {
				t.Errorf("the letter lacks %q:\n%s", want, out)
			}
		}
		again, err := d.Collections(ctx, "2026-12-03")
		if err != nil {
			t.Fatal(err)
		}
		for _, y := range again.Items {
			if y.InvoiceID == x.InvoiceID && y.Task != workflow.TaskNone {
				t.Errorf("after the letter the invoice still asks for %s", y.Task)
			}
		}
		return
	}
	t.Fatal("no letter left to send")
}
