package workflow

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"orderdesk/store"
)

func (f *fixture) file(t *testing.T, id int64) CustomerFile {
	t.Helper()
	cf, err := f.e.Desk(f.clerk).CustomerFile(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return cf
}

func TestCustomerPermissions(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	sys, _ := f.e.SystemUser(ctx)
	for _, tc := range []struct {
		role Role
		ok   bool
	}{{Clerk, true}, {SalesRep, true}, {Supervisor, true}, {Finance, false}, {Warehouse, false}, {Admin, false}, {Purchasing, false}} {
		u, err := f.e.AddUser(ctx, sys, "u_"+string(tc.role), "u", "", []Role{tc.role})
		if err != nil {
			t.Fatal(err)
		}
		_, _, err = f.e.Desk(u).CreateCustomer(ctx, CustomerInput{Name: "本溪钢铁 " + string(tc.role), PaymentTerms: store.TermsPrepaid})
		if tc.ok != (err == nil) {
			t.Errorf("%s creating a customer: %v", tc.role, err)
		}
		if !tc.ok && !errors.Is(err, &Refusal{Code: RoleNotAllowed}) {
			t.Errorf("%s: want role_not_allowed, got %v", tc.role, err)
		}
	}
}

func TestCustomerTermsGoThroughReview(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	desk := f.e.Desk(f.clerk)

	// Prepaid with no credit needs no review.
	id, doc, err := desk.CreateCustomer(ctx, CustomerInput{Name: "营口港务", PaymentTerms: store.TermsPrepaid})
	if err != nil || doc != 0 {
		t.Fatalf("prepaid customer: doc %d, %v", doc, err)
	}

	// Asking for credit opens a terms change; the customer keeps prepaid.
	orig := f.file(t, id).Customer
	in := InputFromCustomer(orig)
	in.PaymentTerms, in.TermsDays, in.CreditLimit, in.TermsWhy = store.TermsMonthly, "60", "200000", "五年老客户"
	doc, err = desk.UpdateCustomer(ctx, orig, in)
	if err != nil || doc == 0 {
		t.Fatalf("terms request: doc %d, %v", doc, err)
	}
	cf := f.file(t, id)
	if cf.PaymentTerms != store.TermsPrepaid || cf.CreditLimit != 0 || cf.PendingTerms == nil || cf.PendingTerms.NewCredit != 20000000 ||
		cf.PendingTerms.NewDays != 60 || cf.PendingTerms.Reason != "五年老客户" || cf.PendingTermsDoc.Status != "submitted" {
		t.Fatalf("pending terms: %+v / %+v", cf.Customer, cf.PendingTerms)
	}

	// A second request while one waits is refused, and the name change
	// that came with it is not saved either.
	in2 := InputFromCustomer(cf.Customer)
	in2.Name, in2.CreditLimit, in2.PaymentTerms, in2.TermsDays = "营口港务集团", "300000", store.TermsMonthly, "30"
	if _, err := desk.UpdateCustomer(ctx, cf.Customer, in2); !errors.Is(err, &Refusal{Code: PendingTermsChange}) {
		t.Fatalf("want pending_terms_change, got %v", err)
	}
	if got := f.file(t, id); got.Name != "营口港务" || got.Version != cf.Version {
		t.Fatalf("refused save left changes: %+v", got.Customer)
	}

	// Editing other fields while terms wait is fine.
	in3 := InputFromCustomer(cf.Customer)
	in3.Phone = "0417-6666888"
	if d, err := desk.UpdateCustomer(ctx, cf.Customer, in3); err != nil || d != 0 {
		t.Fatalf("plain edit with terms pending: doc %d, %v", d, err)
	}
}

func TestCustomerConflict(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	id, _, err := f.e.Desk(f.clerk).CreateCustomer(ctx, CustomerInput{Name: "抚顺特殊钢", PaymentTerms: store.TermsPrepaid})
	if err != nil {
		t.Fatal(err)
	}
	// Two people open the same file.
	a, b := f.file(t, id).Customer, f.file(t, id).Customer
	inA := InputFromCustomer(a)
	inA.Phone, inA.Contact = "024-1111222", "刘经理"
	if _, err := f.e.Desk(f.clerk2).UpdateCustomer(ctx, a, inA); err != nil {
		t.Fatal(err)
	}
	inB := InputFromCustomer(b)
	inB.Address = "抚顺市望花区"
	_, err = f.e.Desk(f.clerk).UpdateCustomer(ctx, b, inB)
	var ce *store.ConflictError
	if !errors.As(err, &ce) {
		t.Fatalf("want a conflict, got %v", err)
	}
	if fmt.Sprint(ce.Fields) != "[contact phone]" || ce.By != "li" || ce.What != "C000001" {
		t.Fatalf("conflict %+v", ce)
	}
	if got := f.file(t, id); got.Address != "" || got.Phone != "024-1111222" {
		t.Fatalf("the stale save went through: %+v", got.Customer)
	}
}

func TestVoidCustomer(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	desk := f.e.Desk(f.clerk)
	id, _, err := desk.CreateCustomer(ctx, CustomerInput{Name: "大连造船", PaymentTerms: store.TermsPrepaid})
	if err != nil {
		t.Fatal(err)
	}
	c := f.file(t, id).Customer
	var fe FieldErrors
	if err := desk.VoidCustomer(ctx, c, "  "); !errors.As(err, &fe) || fe.For("reason") == nil {
		t.Fatalf("void without a reason: %v", err)
	}
	if err := desk.VoidCustomer(ctx, c, "重复建档"); err != nil {
		t.Fatal(err)
	}
	got := f.file(t, id)
	if !got.Voided || got.VoidReason != "重复建档" || got.Name != "大连造船" {
		t.Fatalf("voided file: %+v", got.Customer)
	}
	list := func(voided bool) int {
		rows, err := desk.Customers(ctx, store.Page{Voided: voided})
		if err != nil {
			t.Fatal(err)
		}
		return len(rows)
	}
	if list(false) != 0 || list(true) != 1 {
		t.Fatalf("lists: active %d, with voided %d", list(false), list(true))
	}
	// The file cannot be edited or voided again from a copy read before.
	in := InputFromCustomer(c)
	in.Phone = "0411-1234567"
	var ce *store.ConflictError
	if _, err := desk.UpdateCustomer(ctx, c, in); !errors.As(err, &ce) || ce.Fields[0] != "voided" {
		t.Fatalf("edit of a voided file: %v", err)
	}
	if err := desk.VoidCustomer(ctx, got.Customer, "again"); !errors.As(err, &ce) {
		t.Fatalf("second void: %v", err)
	}
}

func TestCustomerCodeSearchableAfterEdit(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	desk := f.e.Desk(f.clerk)
	id, _, err := desk.CreateCustomer(ctx, CustomerInput{Name: "本钢板材", PaymentTerms: store.TermsPrepaid, Phone: "024-42223333"})
	if err != nil {
		t.Fatal(err)
	}
	c := f.file(t, id).Customer
	in := InputFromCustomer(c)
	in.City = "本溪"
	if _, err := desk.UpdateCustomer(ctx, c, in); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{c.Code, "c000001", "板材", "bgbc", "4222", "本溪"} {
		rows, err := desk.Customers(ctx, store.Page{Query: q})
		if err != nil {
			t.Fatal(err)
		}
		if len(rows) != 1 || rows[0].ID != id {
			t.Errorf("query %q after an edit finds %v", q, rows)
		}
	}
}

func TestAddUserDuplicateLogin(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	sys, _ := f.e.SystemUser(ctx)
	if _, err := f.e.AddUser(ctx, sys, "WANG", "another", "", []Role{Clerk}); !errors.Is(err, store.ErrDuplicate) {
		t.Fatalf("duplicate login (any case): %v", err)
	}
	if _, err := f.e.AddUser(ctx, f.clerk, "zhou", "zhou", "", []Role{Admin}); !errors.Is(err, &Refusal{Code: RoleNotAllowed}) {
		t.Fatalf("a clerk added a user: %v", err)
	}
}
