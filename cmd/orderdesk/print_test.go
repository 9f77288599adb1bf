package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"orderdesk/store"
	"orderdesk/workflow"
	"orderdesk/workflow/printout"
	"orderdesk/workflow/printout/pdftest"
	"orderdesk/workflow/workflowtest"
)

// signedOffOrder puts a customer of 沈阳 and an order signed off by a
// supervisor into the cli's database; the order is LNSYNO.0001.
func signedOffOrder(t *testing.T, db string) store.Money {
	t.Helper()
	ctx := context.Background()
	eng := workflowtest.Open(t, db)
	defer eng.Store().Close()
	sys, _ := eng.SystemUser(ctx)
	clerk, err := eng.AddUser(ctx, sys, "wangli", "王丽", "", []workflow.Role{workflow.Clerk})
	if err != nil {
		t.Fatal(err)
	}
	boss, err := eng.AddUser(ctx, sys, "zhao", "赵主管", "", []workflow.Role{workflow.Supervisor})
	if err != nil {
		t.Fatal(err)
	}
	d := eng.Desk(clerk)
	cust, _, err := d.CreateCustomer(ctx, workflow.CustomerInput{Name: "沈阳北方重工集团有限公司", Province: "辽宁", City: "沈阳",
		Address: "沈阳市铁西区北二路18号", Contact: "张经理", Phone: "024-23456789", PaymentTerms: store.TermsPrepaid})
	if err != nil {
		t.Fatal(err)
	}
	in, err := d.NewOrderInput(ctx, cust)
	if err != nil {
		t.Fatal(err)
	}
	in.DeliveryDate, in.SigningPlace = "2099-12-31", "沈阳"
	in.Lines = []workflow.OrderLineInput{{Grade: "Q235B", Name: "热轧钢板", Spec: "20×1500×6000", Quantity: "25.35", Unit: "t", Price: "4120"}}
	id, _, err := d.CreateOrder(ctx, in)
	if err == nil {
		err = d.SubmitOrder(ctx, id, 0)
	}
	if err == nil {
		err = eng.Desk(boss).Act(ctx, id, workflow.ActionApprove, "")
	}
	if err != nil {
		t.Fatal(err)
	}
	od, err := d.Order(ctx, id)
	if err != nil || od.Number != "LNSYNO.0001" {
		t.Fatalf("order %q: %v", od.Number, err)
	}
	return od.Order.Total
}

// TestPrintContract writes the contract of LNSYNO.0001 to a file and
// reads its text back: the number, the customer, the company and the
// total in capitals. Without --out it goes to print.dir; an unknown
// number is refused.
func TestPrintContract(t *testing.T) {
	c := newCLI(t)
	total := signedOffOrder(t, c.db)
	t.Setenv("ORDERDESK_COMPANY_NAME", "")
	out := filepath.Join(t.TempDir(), "c.pdf")
	dir := t.TempDir()
	t.Setenv("ORDERDESK_PRINT_DIR", dir)
	capital, err := printout.CapitalAmount(total)
	if err != nil {
		t.Fatal(err)
	}
	c.steps([]step{
		{name: "no company name", args: []string{"print", "contract", "LNSYNO.0001", "--out", out}, want: []string{"company.name is not set"}},
	})
	t.Setenv("ORDERDESK_COMPANY_NAME", "沈阳恒信钢铁贸易有限公司")
	c.steps([]step{
		{name: "to a file", args: []string{"print", "contract", "LNSYNO.0001", "--out", out}, want: []string{"LNSYNO.0001", out}},
		{name: "to print.dir", args: []string{"print", "contract", "lnsyno.0001"}, want: []string{filepath.Join(dir, "contract-LNSYNO.0001.pdf")}},
		{name: "unknown", args: []string{"print", "contract", "LNSYNO.0999"}, wantErr: true, want: []string{"not found"}},
	})
	for _, p := range []string{out, filepath.Join(dir, "contract-LNSYNO.0001.pdf")} {
		b, err := os.ReadFile(p)
		if err != nil || !strings.HasPrefix(string(b), "%PDF") {
			t.Fatalf("%s: %v", p, err)
		}
	}
	text := pdftest.FileText(t, out)
	for _, want := range []string{"LNSYNO.0001", "沈阳北方重工集团有限公司", "沈阳恒信钢铁贸易有限公司", capital, "104,442.00"} {
		if !strings.Contains(text, want) {
			t.Errorf("the contract's text lacks %q:\n%s", want, text)
		}
	}
}
