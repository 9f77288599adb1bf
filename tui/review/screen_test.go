package review_test

import (
	"context"
	"errors"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"orderdesk/store"
	"orderdesk/tui/tuitest"
	"orderdesk/workflow"
)

// pendingTerms has user open a terms change for a new customer.
func pendingTerms(t *testing.T, f *tuitest.Fixture, u store.User, name string) (int64, int64) {
	t.Helper()
	id, doc, err := f.Engine.Desk(u).CreateCustomer(context.Background(), workflow.CustomerInput{
		Name: name, PaymentTerms: store.TermsMonthly, TermsDays: "60", CreditLimit: "800000", TermsWhy: "老客户,年采购量大",
	})
	if err != nil || doc == 0 {
		t.Fatalf("terms change not opened: %v", err)
	}
	return id, doc
}

func key(r rune) tea.KeyPressMsg { return tea.KeyPressMsg{Code: r, Text: string(r)} }

func TestSupervisorApprovesFromInbox(t *testing.T) {
	f := tuitest.New(t)
	custID, _ := pendingTerms(t, f, f.Clerk, "大连重型机械有限公司")

	scr := tuitest.Run(t, f.App(f.Supervisor, "zh"))
	scr.Send(key('9'))
	scr.WaitText(t, "待我审核(1)", "付款条件变更", "大连重型机械有限公司", "王丽")
	scr.Send(tuitest.Key("enter"))
	scr.WaitText(t, "月结60天", "¥800,000.00", "老客户,年采购量大")
	scr.Send(key('a'))
	scr.WaitText(t, "通过意见")
	scr.Send(tuitest.Key("enter"))
	scr.WaitText(t, "已审核通过", "没有待您审核的单据")
	scr.Quit(t)

	file, err := f.Engine.Desk(f.Clerk).CustomerFile(context.Background(), custID)
	if err != nil {
		t.Fatal(err)
	}
	if file.PaymentTerms != store.TermsMonthly || file.TermsDays != 60 || file.CreditLimit != 80000000 {
		t.Fatalf("approval did not apply the terms: %+v", file.Customer)
	}
}

func TestMakerDoesNotSeeOwnDocument(t *testing.T) {
	f := tuitest.New(t)
	// The supervisor makes it; a supervisor's own document never reaches
	// their inbox, whatever roles they hold.
	pendingTerms(t, f, f.Supervisor, "鞍山恒达重工机械有限公司")
	scr := tuitest.Run(t, f.App(f.Supervisor, "en"))
	scr.Send(key('9'))
	scr.WaitText(t, "Waiting for my sign-off (0)", "nothing waits for your sign-off")
	scr.Quit(t)

	// Finance may sign it off.
	items, err := f.Engine.Desk(f.Finance).Inbox(context.Background())
	if err != nil || len(items) != 1 {
		t.Fatalf("finance inbox: %v %v", items, err)
	}
}

func TestSendBackNeedsAComment(t *testing.T) {
	f := tuitest.New(t)
	_, doc := pendingTerms(t, f, f.Clerk, "锦州钢管有限公司")
	scr := tuitest.Run(t, f.App(f.Finance, "en"))
	scr.Send(key('9')) // Review is 9 for finance too
	scr.WaitText(t, "Waiting for my sign-off (1)")
	scr.Send(key('b'))
	scr.WaitText(t, "reason for sending back")
	scr.Send(tuitest.Key("enter"))
	scr.WaitText(t, "a comment is required")
	scr.Type("credit too high")
	scr.Send(tuitest.Key("enter"))
	scr.WaitText(t, "sent back")
	scr.Quit(t)

	d, err := f.Engine.Desk(f.Clerk).Document(context.Background(), doc)
	if err != nil {
		t.Fatal(err)
	}
	if d.Status != "sent_back" || d.Transitions[len(d.Transitions)-1].Comment != "credit too high" {
		t.Fatalf("want sent_back with the comment, got %s %+v", d.Status, d.Transitions)
	}
}

func TestSupervisorSignsAtTheClerksDesk(t *testing.T) {
	f := tuitest.New(t)
	custID, doc := pendingTerms(t, f, f.Clerk, "本溪特钢有限公司")
	if err := f.Engine.SetPassphrase(context.Background(), f.Supervisor, "zhao", "correct horse"); err != nil {
		t.Fatal(err)
	}
	scr := tuitest.Run(t, f.App(f.Clerk, "en"))
	scr.Send(key('9'), key('m'))
	scr.WaitText(t, "Mine, waiting for others (1)", "本溪特钢有限公司")
	scr.Send(tuitest.Key("enter"))
	scr.WaitText(t, "a reviewer can sign here")
	scr.Send(key('s'))
	scr.WaitText(t, "Sign at this terminal", "┃ Reviewer's login")
	// Typed ahead without waiting: focus moves with each enter, in order.
	enter := tuitest.Key("enter")
	scr.Type("zhao")
	scr.Send(enter)
	scr.Type("wrong one")
	scr.Send(enter, enter, enter)
	scr.WaitText(t, "wrong login or passphrase")
	if d, _ := f.Engine.Desk(f.Clerk).Document(context.Background(), doc); d.Status != "submitted" {
		t.Fatalf("a wrong passphrase signed: %s", d.Status)
	}
	// The login stays; the focus is back on the passphrase.
	scr.Type("correct horse")
	scr.Send(enter, enter)
	scr.Type("看过合同")
	scr.Send(enter)
	scr.WaitText(t, "approved", "Mine, waiting for others (0)")
	scr.Quit(t)

	d, err := f.Engine.Desk(f.Clerk).Document(context.Background(), doc)
	if err != nil {
		t.Fatal(err)
	}
	last := d.Transitions[len(d.Transitions)-1]
	if d.Status != "approved" || last.ActorID != f.Supervisor.ID || last.SessionUserID != f.Clerk.ID {
		t.Fatalf("want approved by the supervisor at the clerk's desk, got %s %+v", d.Status, last)
	}
	file, _ := f.Engine.Desk(f.Clerk).CustomerFile(context.Background(), custID)
	if file.PaymentTerms != store.TermsMonthly {
		t.Fatal("terms not applied")
	}
}

func TestTheMakerCannotSignAtTheirOwnDesk(t *testing.T) {
	f := tuitest.New(t)
	_, doc := pendingTerms(t, f, f.Supervisor, "抚顺新钢铁有限责任公司")
	if err := f.Engine.SetPassphrase(context.Background(), f.Supervisor, "zhao", "correct horse"); err != nil {
		t.Fatal(err)
	}
	err := f.Engine.Desk(f.Clerk).SignAtDesk(context.Background(), "zhao", "correct horse", doc, 0, workflow.ActionApprove, "")
	if !errors.Is(err, &workflow.Refusal{Code: workflow.MakerCannotSignOff}) {
		t.Fatalf("the maker signed their own document at another desk: %v", err)
	}
}

func TestApprovalCoversWhatWasShown(t *testing.T) {
	f := tuitest.New(t)
	_, doc := pendingTerms(t, f, f.Clerk, "葫芦岛锌业钢材有限公司")
	scr := tuitest.Run(t, f.App(f.Supervisor, "en"))
	scr.Send(key('9'))
	scr.WaitText(t, "Waiting for my sign-off (1)")
	scr.Send(tuitest.Key("enter"))
	scr.WaitText(t, "you may: a approve")
	// The clerk edits the document while the supervisor is reading it.
	err := f.Store.Write(context.Background(), func(tx *store.Tx) error {
		d, err := tx.Document(context.Background(), doc)
		if err != nil {
			return err
		}
		return tx.EditDocument(context.Background(), f.Clerk.ID, doc, d.Version, "credit raised")
	})
	if err != nil {
		t.Fatal(err)
	}
	scr.Send(key('a'))
	scr.WaitText(t, "approval comment")
	scr.Send(tuitest.Key("enter"))
	scr.WaitText(t, "the document changed meanwhile")
	scr.Quit(t)
	if d, _ := f.Engine.Desk(f.Clerk).Document(context.Background(), doc); d.Status != "submitted" {
		t.Fatalf("an unseen edit was approved: %s", d.Status)
	}
}

func TestInboxCatchesUpWhenShownAgain(t *testing.T) {
	f := tuitest.New(t)
	scr := tuitest.Run(t, f.App(f.Supervisor, "en"))
	scr.Send(key('9'))
	scr.WaitText(t, "Waiting for my sign-off (0)")
	scr.Send(key('1')) // away from the inbox while work arrives
	scr.WaitText(t, "Customer files")
	pendingTerms(t, f, f.Clerk, "盘锦辽河油田钢管有限公司")
	pendingTerms(t, f, f.Clerk, "朝阳重型机器有限公司")
	time.Sleep(300 * time.Millisecond)
	scr.Send(key('9'))
	scr.WaitText(t, "Waiting for my sign-off (2)", "朝阳重型机器有限公司")
	scr.Quit(t)
}
