package workflow

import (
	"context"
	"errors"
	"testing"

	"orderdesk/store"
)

// A customer file is not made twice: a name (or short name) already on
// a live file is refused at the name, naming that file, and nothing is
// saved; an edit is refused only when it changes the name. A phone may
// be shared (a group's switchboard).
func TestCustomerFiledTwiceRefusedAtTheField(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	desk := f.e.Desk(f.clerk)
	_, _, err := desk.CreateCustomer(ctx, CustomerInput{Name: "鞍山恒达重工机械有限公司", ShortName: "恒达重工",
		Phone: "0412-5551234", PaymentTerms: store.TermsPrepaid})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name      string
		in        CustomerInput
		field     string
		wantSaved bool
	}{
		{name: "same name", in: CustomerInput{Name: "鞍山恒达重工机械有限公司"}, field: FName},
		{name: "its short name", in: CustomerInput{Name: "恒达重工"}, field: FName},
		{name: "the same name in other case and spaces", in: CustomerInput{Name: " 鞍山恒达重工机械有限公司 "}, field: FName},
		{name: "another company", in: CustomerInput{Name: "鞍山新达", Phone: "0412-5559999"}, wantSaved: true},
		{name: "a group company on the same switchboard", in: CustomerInput{Name: "鞍山恒达物流有限公司", Phone: "(0412) 555 1234"}, wantSaved: true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tc.in.PaymentTerms = store.TermsPrepaid
			before := countCustomers(t, f)
			_, _, err := desk.CreateCustomer(ctx, tc.in)
			after := countCustomers(t, f)
			if tc.wantSaved {
				if err != nil || after != before+1 {
					t.Fatalf("refused %v (files %d → %d)", err, before, after)
				}
				return
			}
			var fields FieldErrors
			if !errors.As(err, &fields) || fields.For(tc.field) == nil || fields.For(tc.field).Code != DuplicateCustomer {
				t.Fatalf("want %s refused as a duplicate, got %v", tc.field, err)
			}
			if want := "鞍山恒达重工机械有限公司 "; len(fields.For(tc.field).Want) < len(want) || fields.For(tc.field).Want[:len(want)] != want {
				t.Errorf("the refusal names %q, want the file it meets", fields.For(tc.field).Want)
			}
			if after != before {
				t.Errorf("files %d → %d: a refused file was saved", before, after)
			}
		})
	}

	// The second file, edited: keeping its own name and phone is fine,
	// taking the first's name is refused at the name.
	second, _, err := desk.CreateCustomer(ctx, CustomerInput{Name: "营口港务", Phone: "0417-1111111", PaymentTerms: store.TermsPrepaid})
	if err != nil {
		t.Fatal(err)
	}
	orig := f.file(t, second).Customer
	in := InputFromCustomer(orig)
	in.Address = "营口市鲅鱼圈区"
	if _, err := desk.UpdateCustomer(ctx, orig, in); err != nil {
		t.Fatalf("an edit keeping its own name and phone: %v", err)
	}
	orig = f.file(t, second).Customer
	in = InputFromCustomer(orig)
	in.Name = "鞍山恒达重工机械有限公司"
	_, err = desk.UpdateCustomer(ctx, orig, in)
	var fields FieldErrors
	if !errors.As(err, &fields) || fields.For(FName) == nil || fields.For(FName).Code != DuplicateCustomer {
		t.Fatalf("renamed to the first file's name: want refused at the name, got %v", err)
	}
	if got := f.file(t, second).Customer.Name; got != "营口港务" {
		t.Errorf("the refused rename was saved: %q", got)
	}
}

func countCustomers(t *testing.T, f *fixture) int {
	t.Helper()
	rows, err := f.e.Desk(f.clerk).Customers(context.Background(), store.Page{Limit: 1000})
	if err != nil {
		t.Fatal(err)
	}
	return len(rows)
}
