package review

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"orderdesk/store"
	"orderdesk/tui/common"
	"orderdesk/tui/i18n"
	"orderdesk/tui/tuitest/screenrig"
	"orderdesk/workflow"
	"orderdesk/workflow/demo"
)

// taskRig is a demo database at a clock the test moves, with late
// invoices on the collections ladder.
type taskRig struct {
	ctx   context.Context
	st    *store.Store
	eng   *workflow.Engine
	clock time.Time
}

func newTaskRig(t *testing.T) *taskRig {
	t.Helper()
	r := &taskRig{ctx: context.Background(), clock: time.Date(2026, 11, 26, 9, 30, 0, 0, time.UTC)}
	st, err := store.Open(r.ctx, filepath.Join(t.TempDir(), "d.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	st.Now = func() time.Time { return r.clock }
	r.st = st
	if r.eng, err = workflow.New(r.ctx, st); err != nil {
		t.Fatal(err)
	}
	o := demo.DefaultOptions()
	o.Customers, o.Products, o.Pending, o.SentBack, o.Inquiries, o.Orders, o.Shipments, o.Invoices = 30, 30, 0, 0, 10, 8, 6, 4
	o.LateInvoices, o.MonthlyPercent, o.DeskLogin, o.Today = 20, 50, "", r.clock
	if _, err := demo.Generate(r.ctx, r.eng, o); err != nil {
		t.Fatal(err)
	}
	return r
}

func (r *taskRig) user(t *testing.T, login string, id int64) store.User {
	t.Helper()
	var u store.User
	err := r.st.Read(r.ctx, func(tx *store.Tx) (err error) {
		if login != "" {
			u, err = tx.UserByLogin(r.ctx, login)
		} else {
			u, err = tx.UserByID(r.ctx, id)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return u
}

// untouched finds an open invoice of a sales rep on which nobody has
// acted yet, so its task depends only on the day.
func (r *taskRig) untouched(t *testing.T) workflow.Collectible {
	t.Helper()
	boss := r.user(t, "zhao", 0)
	c, err := r.eng.Desk(boss).Collections(r.ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	for _, x := range c.Items {
		if x.RemindedOn == "" && x.ReportedOn == "" && x.LetterOn == "" && x.RepID != 0 &&
			r.user(t, "", x.RepID).HasRole(string(workflow.SalesRep)) {
			return x
		}
	}
	t.Fatalf("no untouched open invoice among %d", len(c.Items))
	return workflow.Collectible{}
}

// lateBy moves the clock to days past the invoice's due day.
func (r *taskRig) lateBy(t *testing.T, x workflow.Collectible, days int) {
	t.Helper()
	due, err := time.Parse("2006-01-02", x.DueOn)
	if err != nil {
		t.Fatal(err)
	}
	r.clock = due.AddDate(0, 0, days).Add(9*time.Hour + 30*time.Minute)
}

// lateInvoice is the untouched invoice with the clock three days past
// its due day: a collections task in the inbox.
func (r *taskRig) lateInvoice(t *testing.T) workflow.Collectible {
	t.Helper()
	inv := r.untouched(t)
	r.lateBy(t, inv, 3)
	return inv
}

// screen is the Review inbox of u, loaded.
func (r *taskRig) screen(t *testing.T, u store.User, lang string) *Screen {
	t.Helper()
	cat := i18n.New(lang)
	c := &common.Common{Ctx: r.ctx, Desk: r.eng.Desk(u), Cat: cat, Styles: common.NewStyles(true),
		Keys: common.NewKeyMap(cat), Now: func() time.Time { return r.clock }}
	s := New(c)
	s.SetSize(140, 60)
	run(t, s, s.Init())
	return s
}

// run feeds what cmd returns back into the screen until nothing is left;
// the messages meant for the frame are returned.
func run(t *testing.T, s *Screen, cmd tea.Cmd) []tea.Msg {
	t.Helper()
	if cmd == nil {
		return nil
	}
	var out []tea.Msg
	switch msg := cmd().(type) {
	case nil:
	case tea.BatchMsg:
		for _, c := range msg {
			out = append(out, run(t, s, c)...)
		}
	case common.StatusMsg, common.OpenMsg:
		out = append(out, msg)
	default:
		_, next := s.Update(msg)
		out = append(out, run(t, s, next)...)
	}
	return out
}

// taskRow moves the cursor down onto the invoice's task.
func taskRow(t *testing.T, s *Screen, inv workflow.Collectible) {
	t.Helper()
	for range s.rowCount() {
		if x, ok := s.currentTask(); ok && x.InvoiceID == inv.InvoiceID {
			return
		}
		s.Update(tea.KeyPressMsg{Code: tea.KeyDown})
	}
	t.Fatalf("%s is not among the tasks:\n%s", inv.InvoiceNo, s.View())
}

// Three days past due the clerk's inbox asks to remind the rep; ten
// days past due the rep's asks for the unpaid report, and the clerk's
// no longer lists it. Enter asks the frame to open Reconciliation.
func TestCollectionTasksInInbox(t *testing.T) {
	r := newTaskRig(t)
	inv := r.untouched(t)
	clerk, rep := r.user(t, "wangli", 0), r.user(t, "", inv.RepID)

	r.lateBy(t, inv, 3)
	s := r.screen(t, clerk, "zh")
	taskRow(t, s, inv)
	line := screenrig.LineWith(s.View(), inv.InvoiceNo)
	for _, want := range []string{inv.Customer, "¥" + inv.Open().String(), " 3 ", "提醒销售员催款"} {
		if !strings.Contains(line, want) {
			t.Fatalf("clerk's task line %q lacks %q:\n%s", line, want, s.View())
		}
	}
	if !strings.Contains(s.View(), "回款任务 (") {
		t.Fatalf("no tasks heading:\n%s", s.View())
	}
	_, cmd := s.Update(tea.KeyPressMsg{Code: tea.KeyEnter})
	out := run(t, s, cmd)
	if len(out) != 1 || out[0] != (common.OpenMsg{Screen: "screen.reconciliation", DocID: inv.InvoiceID}) {
		t.Fatalf("enter on the task: %#v", out)
	}

	// The rep is not asked to remind themselves of an unpaid report yet.
	if l := screenrig.LineWith(r.screen(t, rep, "en").View(), inv.InvoiceNo); strings.Contains(l, "unpaid report") {
		t.Fatalf("rep asked for a report at 3 days: %q", l)
	}

	r.lateBy(t, inv, 10)
	sr := r.screen(t, rep, "en")
	taskRow(t, sr, inv)
	line = screenrig.LineWith(sr.View(), inv.InvoiceNo)
	for _, want := range []string{inv.Customer, " 10 ", "file the unpaid report"} {
		if !strings.Contains(line, want) {
			t.Fatalf("rep's task line %q lacks %q:\n%s", line, want, sr.View())
		}
	}
	// (A mailed invoice may still wait for its receipt in the clerk's
	// inbox: that line has no money on it.)
	if l := screenrig.LineWith(r.screen(t, clerk, "zh").View(), inv.InvoiceNo); strings.Contains(l, "¥") {
		t.Fatalf("the clerk still lists the unpaid report: %q", l)
	}
}

// A change to the invoices reloads the tasks; an answer overtaken by a
// newer load is dropped.
func TestCollectionTasksLive(t *testing.T) {
	r := newTaskRig(t)
	inv := r.untouched(t)
	clerk := r.user(t, "wangli", 0)
	r.lateBy(t, inv, 40) // past the letter too
	s := r.screen(t, clerk, "en")
	stale := s.reloadTasks()
	r.lateBy(t, inv, 3)
	run(t, s, func() tea.Msg { return common.ChangedMsg{Change: workflow.Change{Kind: workflow.ReceiptKind}} })
	taskRow(t, s, inv)
	if l := screenrig.LineWith(s.View(), inv.InvoiceNo); !strings.Contains(l, "remind the rep") {
		t.Fatalf("after the change: %q", l)
	}
	s.Update(stale()) // the letter, asked for before: dropped
	if l := screenrig.LineWith(s.View(), inv.InvoiceNo); !strings.Contains(l, "remind the rep") {
		t.Fatalf("a stale answer was applied: %q", l)
	}
}
