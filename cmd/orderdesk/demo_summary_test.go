package main

import (
	"fmt"
	"strings"
	"testing"

	"orderdesk/store/storetest"
)

// TestDemoSummaryTellsTheTable: the demo writes the invoice requests its
// --invoices asks for, signs off the two months before today's, and its
// summary gives what the tables hold.
func TestDemoSummaryTellsTheTable(t *testing.T) {
	c := newCLI(t)
	out, errOut, err := c.run("demo", "--customers", "80", "--products", "40", "--invoices", "25")
	if err != nil {
		t.Fatalf("%v\n%s%s", err, out, errOut)
	}
	db := storetest.ReadOnly(t, c.db)
	count := func(q string) int {
		var n int
		if err := db.QueryRow(q).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	receipts := count(`SELECT count(*) FROM receipts`)
	if receipts == 0 {
		t.Fatal("no receipts written")
	}
	for _, want := range []string{
		"invoice requests 25 (",
		fmt.Sprintf("receipts %d\n", receipts),
		fmt.Sprintf("months reconciled and signed off 2, statements of account %d", count(`SELECT count(*) FROM statements`)),
		fmt.Sprintf("sales plans %d, sales targets %d", count(`SELECT count(*) FROM sales_plans`), count(`SELECT count(*) FROM sales_targets`)),
	} {
		if !strings.Contains(out, want) {
			t.Errorf("summary lacks %q:\n%s", want, out)
		}
	}
	if n := count(`SELECT count(*) FROM invoices`); n != 25 {
		t.Errorf("%d invoice requests in the table", n)
	}
}
