package sshserver

import (
	"context"
	"testing"
	"time"

	"orderdesk/store"
	"orderdesk/tui/tuitest"
	"orderdesk/workflow"
)

// Keys typed ahead over SSH act on what was meant: the supervisor types
// "9 j j a enter" in one write, before the inbox has loaded, and the
// third document waiting, and only it, is approved.
func TestBurstOverSSHApprovesTheThird(t *testing.T) {
	o := startOffice(t, nil)
	clerk := o.f.Engine.Desk(o.f.Clerk)
	names := []string{"大连重型机械有限公司", "鞍山恒达重工机械有限公司", "锦州钢管有限公司"}
	ids := make([]int64, len(names))
	for i, n := range names {
		id, doc, err := clerk.CreateCustomer(context.Background(), workflow.CustomerInput{
			Name: n, PaymentTerms: store.TermsMonthly, TermsDays: "60", CreditLimit: "800000", TermsWhy: "老客户",
		})
		if err != nil || doc == 0 {
			t.Fatalf("terms change not opened: %v", err)
		}
		ids[i] = id
	}
	term := o.open(t, "zhao", o.keys["zhao"])
	term.wait(t, 5*time.Second, "用户 赵主管")
	term.typeKeys("9jja\r")
	term.wait(t, 5*time.Second, "已审核通过", "待我审核(2)")
	for i, id := range ids {
		file, err := clerk.CustomerFile(context.Background(), id)
		if err != nil {
			t.Fatal(err)
		}
		if approved := file.PaymentTerms == store.TermsMonthly; approved != (i == 2) {
			t.Errorf("%s approved = %v", names[i], approved)
		}
	}
}

// Each of the desk's common sequences typed over SSH in one write (the
// repeat-order call, an inquiry of three lines, finance's release of the
// last note waiting for payment, a receipt) makes what it makes typed
// slowly (tui.TestCommonSequencesInOneBurst).
func TestCommonSequencesOverSSHInOneBurst(t *testing.T) {
	for _, seq := range tuitest.Sequences {
		t.Run(seq.Name, func(t *testing.T) {
			o := startOffice(t, nil)
			typist, made := seq.Setup(o.f)
			term := o.open(t, typist.Login, o.keys[typist.Login])
			term.wait(t, 5*time.Second, "用户 "+typist.Name)
			term.typeKeys(tuitest.Typed(seq.Strokes))
			if got := tuitest.WaitMade(t, made, seq.Want, 10*time.Second); got != seq.Want {
				t.Fatalf("over SSH, it made\n%s\nwant\n%s\nscreen:\n%s", got, seq.Want, term.text())
			}
		})
	}
}
