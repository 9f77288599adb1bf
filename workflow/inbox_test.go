package workflow

import (
	"context"
	"fmt"
	"testing"
	"time"

	"orderdesk/store"
)

func TestInbox(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	clock := time.Date(2025, 3, 3, 8, 0, 0, 0, time.UTC)
	f.st.Now = func() time.Time { clock = clock.Add(time.Minute); return clock }
	sys, _ := f.e.SystemUser(ctx)
	fin, err := f.e.AddUser(ctx, sys, "qian", "钱会计", "", []Role{Finance})
	if err != nil {
		t.Fatal(err)
	}
	newDoc := func(maker store.User, name string) int64 {
		t.Helper()
		_, doc, err := f.e.Desk(maker).CreateCustomer(ctx, CustomerInput{Name: name, PaymentTerms: store.TermsMonthly, TermsDays: "30", CreditLimit: "1000"})
		if err != nil {
			t.Fatal(err)
		}
		return doc
	}
	inbox := func(u store.User) string {
		t.Helper()
		items, err := f.e.Desk(u).Inbox(ctx)
		if err != nil {
			t.Fatal(err)
		}
		var ids []int64
		for i, it := range items {
			ids = append(ids, it.ID)
			if i > 0 && it.StatusSince.Before(items[i-1].StatusSince) {
				t.Fatalf("inbox of %s not oldest first: %+v", u.Login, items)
			}
		}
		return fmt.Sprint(ids)
	}
	type sees struct {
		u    store.User
		want string
	}
	check := func(step string, want []sees) {
		t.Helper()
		for _, w := range want {
			if got := inbox(w.u); got != w.want {
				t.Errorf("%s: %s sees %s, want %s", step, w.u.Login, got, w.want)
			}
		}
	}

	byClerk := newDoc(f.clerk, "沈阳重型机械")
	byAdmin := newDoc(f.adminBoss, "鞍山钢铁")
	later := newDoc(f.clerk, "营口钢铁")
	all := fmt.Sprint([]int64{byClerk, byAdmin, later})
	check("submitted", []sees{
		{f.boss, all},
		{fin, all},
		{f.adminBoss, fmt.Sprint([]int64{byClerk, later})}, // never their own
		{f.clerk, "[]"}, // a clerk signs nothing
	})

	items, _ := f.e.Desk(f.boss).Inbox(ctx)
	if it := items[0]; it.Maker != "wang" || it.Kind != store.TermsChangeKind || fmt.Sprint(it.Actions) != "[approve send_back]" && fmt.Sprint(it.Actions) != "[send_back approve]" {
		t.Fatalf("inbox item: %+v", it)
	}

	// An edit in this round takes the document out of the editor's inbox.
	f.editHeader(t, f.boss, byClerk)
	check("edited by the supervisor", []sees{
		{f.boss, fmt.Sprint([]int64{byAdmin, later})},
		{fin, all},
	})

	// Approved: gone for everyone.
	if err := f.e.Desk(fin).Act(ctx, byAdmin, ActionApprove, ""); err != nil {
		t.Fatal(err)
	}
	check("approved", []sees{
		{f.boss, fmt.Sprint([]int64{later})},
		{fin, fmt.Sprint([]int64{byClerk, later})},
		{f.adminBoss, fmt.Sprint([]int64{byClerk, later})},
	})

	// Sent back: waits for the maker, not a reviewer. Resubmitted: back,
	// waiting since the resubmission; the supervisor who edited it before
	// the send-back still may not sign it (nobody else accepted that edit).
	if err := f.e.Desk(fin).Act(ctx, byClerk, ActionSendBack, "which contract?"); err != nil {
		t.Fatal(err)
	}
	check("sent back", []sees{{fin, fmt.Sprint([]int64{later})}})
	if err := f.e.Desk(f.clerk).Act(ctx, byClerk, ActionResubmit, ""); err != nil {
		t.Fatal(err)
	}
	check("resubmitted", []sees{
		{fin, fmt.Sprint([]int64{later, byClerk})},
		{f.boss, fmt.Sprint([]int64{later})},
	})
}
