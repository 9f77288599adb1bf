package workflow

import (
	"context"
	"reflect"
	"testing"

	"orderdesk/store"
)

func TestPresenceNamesOthersInOrder(t *testing.T) {
	p := newPresence(NewFeed())
	wang := store.User{ID: 1, Name: "王丽"}
	li := store.User{ID: 2, Name: "李强"}
	leaveWang := p.Enter("customer:42", wang)
	leaveLi := p.Enter("customer:42", li)
	p.Enter("customer:7", li)
	if got := p.Others("customer:42", wang.ID); !reflect.DeepEqual(got, []string{"李强"}) {
		t.Fatalf("wang sees %v", got)
	}
	if got := p.Others("customer:42", li.ID); !reflect.DeepEqual(got, []string{"王丽"}) {
		t.Fatalf("li sees %v", got)
	}
	leaveLi()
	leaveLi() // leaving twice is harmless
	if got := p.Others("customer:42", wang.ID); len(got) != 0 {
		t.Fatalf("li still present: %v", got)
	}
	leaveWang()
	if got := p.Records(); !reflect.DeepEqual(got, []string{"customer:7"}) {
		t.Fatalf("records %v", got)
	}
}

func TestDraftsRoundTrip(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	d := f.e.Desk(f.clerk)
	in := CustomerInput{Name: "丹东港钢铁贸易有限公司", Phone: "0415-2345678", CreditLimit: "12"}
	if err := d.SaveDraft(ctx, "customer:new", in); err != nil {
		t.Fatal(err)
	}
	var back CustomerInput
	if _, found, err := d.LoadDraft(ctx, "customer:new", &back); err != nil || !found || back != in {
		t.Fatalf("draft came back as %+v (found=%v err=%v)", back, found, err)
	}
	// Drafts are per user.
	if _, found, _ := f.e.Desk(f.clerk2).LoadDraft(ctx, "customer:new", &back); found {
		t.Fatal("another user got the draft")
	}
	if err := d.DiscardDraft(ctx, "customer:new"); err != nil {
		t.Fatal(err)
	}
	if _, found, _ := d.LoadDraft(ctx, "customer:new", &back); found {
		t.Fatal("a discarded draft came back")
	}
}
