package reconcile

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"orderdesk/store"
	"orderdesk/tui/common"
	"orderdesk/workflow"
)

// drive runs cmd and feeds what it returns back into the screen, as the
// program would, until nothing is left; status lines are collected.
func drive(t *testing.T, s *Screen, cmd tea.Cmd, status *[]string) {
	t.Helper()
	if cmd == nil {
		return
	}
	switch msg := cmd().(type) {
	case nil:
	case tea.BatchMsg:
		for _, c := range msg {
			drive(t, s, c, status)
		}
	case common.StatusMsg:
		*status = append(*status, msg.Text)
	default:
		_, next := s.Update(msg)
		drive(t, s, next, status)
	}
}

func press(t *testing.T, s *Screen, status *[]string, ks ...tea.KeyPressMsg) {
	t.Helper()
	for _, k := range ks {
		_, cmd := s.Update(k)
		drive(t, s, cmd, status)
	}
}

func typed(text string) []tea.KeyPressMsg {
	var out []tea.KeyPressMsg
	for _, r := range text {
		out = append(out, tea.KeyPressMsg{Code: r, Text: string(r)})
	}
	return out
}

// The rep files an unpaid report from the ladder: the empty form is
// refused field by field and keeps the screen's form open; filled in,
// it is filed and the invoice's task is done.
func TestUnpaidReportForm(t *testing.T) {
	d := lateInvoicesDesk(t)
	ctx, st := d.Ctx, d.Store
	s := newLadder(t, d, demoUser(d, "zhao"), "zh")
	var status []string
	drive(t, s, s.Init(), &status)
	press(t, s, &status, tea.KeyPressMsg{Code: 'v', Text: "v"})
	at := -1
	for i, x := range s.coll.Items {
		if x.Task == workflow.TaskReport {
			at = i
			break
		}
	}
	if at < 0 {
		t.Fatalf("no invoice waits for an unpaid report: %d open", len(s.coll.Items))
	}
	inv := s.coll.Items[at]
	press(t, s, &status, tea.KeyPressMsg{Code: tea.KeyHome})
	for range at {
		press(t, s, &status, tea.KeyPressMsg{Code: tea.KeyDown})
	}
	press(t, s, &status, tea.KeyPressMsg{Code: 'u', Text: "u"})
	if s.form == nil || !strings.Contains(s.View(), "未回款报告单:"+inv.InvoiceNo) {
		t.Fatalf("no unpaid report form for %s:\n%s", inv.InvoiceNo, s.View())
	}
	press(t, s, &status, tea.KeyPressMsg{Code: 's', Mod: tea.ModCtrl})
	if s.form == nil || strings.Count(s.View(), "必填") < 3 {
		t.Fatalf("an empty report: want the form kept with three fields to fill:\n%s\nstatus %v", s.View(), status)
	}
	press(t, s, &status, typed("客户资金紧张")...)
	press(t, s, &status, tea.KeyPressMsg{Code: tea.KeyTab})
	press(t, s, &status, typed("2026-11-01")...) // a promise already broken
	press(t, s, &status, tea.KeyPressMsg{Code: tea.KeyTab})
	press(t, s, &status, typed("每周电话跟进")...)
	press(t, s, &status, tea.KeyPressMsg{Code: 's', Mod: tea.ModCtrl})
	if s.form == nil {
		t.Fatalf("a promised day in the past was accepted: %v", status)
	}
	// The focus went back to the refused day.
	for range 10 {
		press(t, s, &status, tea.KeyPressMsg{Code: tea.KeyBackspace})
	}
	press(t, s, &status, typed("2026-12-05")...)
	press(t, s, &status, tea.KeyPressMsg{Code: 's', Mod: tea.ModCtrl})
	if s.form != nil {
		t.Fatalf("the report was not filed:\n%s\nstatus %v", s.View(), status)
	}
	if len(status) == 0 || status[len(status)-1] != "未回款报告单已提交" {
		t.Fatalf("status %v", status)
	}
	for _, x := range s.coll.Items {
		if x.InvoiceID == inv.InvoiceID && x.Task != workflow.TaskNone {
			t.Fatalf("the invoice still asks for %s", x.Task)
		}
	}
	var reports []store.UnpaidReport
	st.Read(ctx, func(tx *store.Tx) (err error) {
		reports, err = tx.UnpaidReports(context.Background(), inv.InvoiceID, 5)
		return err
	})
	if len(reports) != 1 || reports[0].PromisedOn != "2026-12-05" || reports[0].Reason != "客户资金紧张" || reports[0].Open != inv.Open() {
		t.Fatalf("reports %+v", reports)
	}
	// L writes the overdue letter of a customer at the letter stage.
	for i, x := range s.coll.Items {
		if x.Task == workflow.TaskLetter {
			s.cursor.Pos = i
			press(t, s, &status, tea.KeyPressMsg{Code: 'L', Text: "L"})
			files, _ := filepath.Glob(filepath.Join(s.c.PrintDir, "overdue-*.pdf"))
			if len(files) != 1 {
				t.Fatalf("letters written: %v (status %v)", files, status)
			}
			if b, _ := os.ReadFile(files[0]); !strings.HasPrefix(string(b), "%PDF-") {
				t.Fatal("not a PDF")
			}
			return
		}
	}
	t.Fatal("no letter to write")
}
