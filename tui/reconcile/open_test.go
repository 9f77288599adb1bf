package reconcile

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"orderdesk/store"
	"orderdesk/tui/common"
	"orderdesk/tui/i18n"
	"orderdesk/workflow"
	"orderdesk/workflow/demo"
)

// A task opened from the Review inbox shows today's ladder with the
// cursor on its invoice, whatever month and view the screen was on.
func TestOpenMsgFocusesTheInvoice(t *testing.T) {
	ctx := context.Background()
	clock := time.Date(2026, 11, 26, 9, 30, 0, 0, time.UTC)
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), "d.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	st.Now = func() time.Time { return clock }
	eng, err := workflow.New(ctx, st)
	if err != nil {
		t.Fatal(err)
	}
	o := demo.DefaultOptions()
	o.Customers, o.Products, o.Pending, o.SentBack, o.Inquiries, o.Orders, o.Shipments, o.Invoices = 30, 30, 0, 0, 10, 8, 6, 4
	o.LateInvoices, o.MonthlyPercent, o.DeskLogin, o.Today = 20, 50, "", clock
	if _, err := demo.Generate(ctx, eng, o); err != nil {
		t.Fatal(err)
	}
	var clerk store.User
	st.Read(ctx, func(tx *store.Tx) (err error) { clerk, err = tx.UserByLogin(ctx, "wangli"); return err })
	tasks, err := eng.Desk(clerk).MyCollectionTasks(ctx, "")
	if err != nil || len(tasks) < 2 {
		t.Fatalf("clerk's tasks: %d %v", len(tasks), err)
	}
	want := tasks[len(tasks)-1]
	cat := i18n.New("en")
	c := &common.Common{Ctx: ctx, Desk: eng.Desk(clerk), Cat: cat, Styles: common.NewStyles(true),
		Keys: common.NewKeyMap(cat), Now: func() time.Time { return clock }, PrintDir: t.TempDir()}
	s := New(c)
	s.SetSize(120, 40)
	var status []string
	drive(t, s, s.Init(), &status)
	s.month = "2026-09" // elsewhere: an older month on the reconciliation view
	_, cmd := s.Update(common.OpenMsg{Screen: "screen.reconciliation", DocID: want.InvoiceID})
	drive(t, s, cmd, &status)
	if s.view != viewLadder || s.month != "2026-11" {
		t.Fatalf("view %d month %s, want the ladder of 2026-11", s.view, s.month)
	}
	if s.cursor.Pos >= len(s.coll.Items) || s.coll.Items[s.cursor.Pos].InvoiceID != want.InvoiceID {
		t.Fatalf("cursor %d not on %s", s.cursor.Pos, want.InvoiceNo)
	}
	if len(status) != 0 {
		t.Fatalf("status %v", status)
	}
}
