package workflow

import (
	"context"
	"errors"
	"testing"

	"orderdesk/store"
)

func TestMoneyFollowsRoles(t *testing.T) {
	rep := store.User{ID: 7, Active: true, Roles: []string{string(SalesRep)}}
	tests := []struct {
		name  string
		user  store.User
		repID int64
		want  bool
	}{
		{"clerk sees all", store.User{ID: 1, Roles: []string{"clerk"}}, 9, true},
		{"finance sees all", store.User{ID: 2, Roles: []string{"finance"}}, 9, true},
		{"rep sees own customer", rep, 7, true},
		{"rep does not see another's", rep, 9, false},
		{"rep does not see unassigned", rep, 0, false},
		{"warehouse sees no money", store.User{ID: 3, Roles: []string{"warehouse"}}, 9, false},
		{"admin alone sees no money", store.User{ID: 4, Roles: []string{"admin"}}, 9, false},
	}
	for _, tc := range tests {
		if got := SeesMoneyOf(tc.user, tc.repID); got != tc.want {
			t.Errorf("%s: got %v", tc.name, got)
		}
	}
}

func TestWarehouseGetsCustomersWithoutMoney(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	id, doc := f.customerWithTerms(t, f.clerk)
	if err := f.e.Desk(f.boss).Act(ctx, doc, ActionApprove, ""); err != nil {
		t.Fatal(err)
	}
	sys, _ := f.e.SystemUser(ctx)
	wh, err := f.e.AddUser(ctx, sys, "wu", "吴仓管", "", []Role{Warehouse})
	if err != nil {
		t.Fatal(err)
	}
	rows, err := f.e.Desk(wh).Customers(ctx, store.Page{})
	if err != nil || len(rows) != 1 {
		t.Fatalf("%v %v", rows, err)
	}
	if !rows[0].MoneyHidden || rows[0].CreditLimit != 0 {
		t.Fatalf("warehouse saw credit %v", rows[0].CreditLimit)
	}
	file, err := f.e.Desk(wh).CustomerFile(ctx, id)
	if err != nil || !file.MoneyHidden || file.CreditLimit != 0 || len(file.History) != 0 {
		t.Fatalf("warehouse saw the file's money: %+v %v", file.Customer, err)
	}
	clerkView, _ := f.e.Desk(f.clerk2).Customers(ctx, store.Page{})
	if clerkView[0].MoneyHidden || clerkView[0].CreditLimit != 50000000 {
		t.Fatalf("clerk should see the credit: %+v", clerkView[0])
	}
}

func TestARepCannotTakeAnotherRepsCustomer(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	sys, _ := f.e.SystemUser(ctx)
	liu, _ := f.e.AddUser(ctx, sys, "liu", "刘销售", "", []Role{SalesRep})
	zheng, _ := f.e.AddUser(ctx, sys, "zheng", "郑销售", "", []Role{SalesRep})
	id, _, err := f.e.Desk(f.clerk).CreateCustomer(ctx, CustomerInput{Name: "铁岭钢构有限公司", PaymentTerms: store.TermsPrepaid, RepID: zheng.ID})
	if err != nil {
		t.Fatal(err)
	}
	file, _ := f.e.Desk(liu).CustomerFile(ctx, id)
	in := InputFromCustomer(file.Customer)
	in.RepID = liu.ID
	if _, err := f.e.Desk(liu).UpdateCustomer(ctx, file.Customer, in); !errors.Is(err, &Refusal{Code: RoleNotAllowed}) {
		t.Fatalf("a rep took another rep's customer: %v", err)
	}
	// The desk may reassign.
	file, _ = f.e.Desk(f.clerk).CustomerFile(ctx, id)
	in = InputFromCustomer(file.Customer)
	in.RepID = liu.ID
	if _, err := f.e.Desk(f.clerk).UpdateCustomer(ctx, file.Customer, in); err != nil {
		t.Fatalf("a clerk could not reassign: %v", err)
	}
}
