package workflow

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"orderdesk/store"
)

// openingFigures is what each place that shows a customer's receivable
// says of it now: the balance, the exposure (Go and the gate's view),
// the gate, the monthly ledger and its statement, the ageing, the
// collections ladder and the collection plan of this month.
func openingFigures(t *testing.T, f *fixture, fin store.User, cust int64) map[string]store.Money {
	t.Helper()
	ctx := context.Background()
	d := f.e.Desk(fin)
	today := f.e.todayString()
	month := today[:7]
	got := map[string]store.Money{}
	b, err := d.CustomerBalance(ctx, cust, "")
	if err != nil {
		t.Fatal(err)
	}
	got["balance open"], got["balance due"] = b.Open, b.Due()
	r, err := d.Receivable(ctx, cust)
	if err != nil {
		t.Fatal(err)
	}
	got["exposure"] = r.Exposure()
	var view store.Money
	if err := f.rawDB(t).QueryRow(`SELECT uninvoiced + invoiced - paid FROM customer_receivables WHERE customer_id = ?`, cust).Scan(&view); err != nil {
		t.Fatal(err)
	}
	got["the gate's view"] = view
	err = f.st.Read(ctx, func(tx *store.Tx) error {
		exposure, overdue, err := receivable(ctx, tx, cust, f.e.today(), 0)
		if err != nil {
			return err
		}
		got["gate exposure"], got["gate overdue"] = exposure, overdue
		figures, err := tx.MonthFigures(ctx, month, cust)
		if err != nil || len(figures) != 1 {
			return fmt.Errorf("ledger of %s: %+v %v", month, figures, err)
		}
		got["ledger"] = figures[0].Closing
		p, err := d.statementOf(ctx, tx, figures[0], month, "")
		_, _, _, got["statement"] = p.Totals()
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	c, err := d.Collections(ctx, today)
	if err != nil {
		t.Fatal(err)
	}
	for _, row := range c.ByCustomer {
		if row.ID == cust {
			got["ageing"] += row.Total
		}
	}
	for _, x := range c.Items {
		if x.CustomerID == cust {
			got["ladder"] += x.Open()
		}
	}
	plan, err := d.CollectionPlan(ctx, month)
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range plan {
		if l.CustomerID == cust {
			got["collection plan"] += l.Outstanding
		}
	}
	return got
}

// monthlyCustomerAndFinance gives a fixture with a finance user and a
// monthly customer whose terms are signed off, for an opening balance.
func monthlyCustomerAndFinance(t *testing.T) (*fixture, store.User, int64) {
	t.Helper()
	f := newFixture(t)
	fin := f.financeUser(t)
	cust, terms := f.customerWithTerms(t, f.clerk)
	if err := f.e.Desk(f.boss).Act(context.Background(), terms, ActionApprove, ""); err != nil {
		t.Fatal(err)
	}
	return f, fin, cust
}

func sameEverywhere(t *testing.T, when string, got map[string]store.Money, want store.Money) {
	t.Helper()
	for place, v := range got {
		if v != want {
			t.Errorf("%s: %s says %v, want %v (all: %v)", when, place, v, want, got)
		}
	}
}

// TestOpeningBalanceIsOneFigureEverywhere: an opening balance is the
// same figure in every place the receivable shows; a receipt allocated
// to it lowers each by the same amount; the cut-over month's statement
// opens its movements with it; over-allocation is refused by the
// workflow and by the database.
func TestOpeningBalanceIsOneFigureEverywhere(t *testing.T) {
	ctx := context.Background()
	f, fin, cust := monthlyCustomerAndFinance(t)
	res := mustImport(t, f, f.clerk, store.ImportBalances, "客户名称,期初应收,截止日\n沈阳钢铁有限公司,\"125,000.50\",2026-11-30\n")
	if err := f.e.Desk(fin).Act(ctx, res.DocID, ActionApprove, ""); err != nil {
		t.Fatal(err)
	}
	const opening, paid = store.Money(12500050), store.Money(2500050)
	sameEverywhere(t, "imported", openingFigures(t, f, fin, cust), opening)

	// The cut-over month's statement: its movements open with the
	// balance on the cut-over day, and opening + movements = closing.
	err := f.st.Read(ctx, func(tx *store.Tx) error {
		figures, err := tx.MonthFigures(ctx, "2026-11", cust)
		if err != nil || len(figures) != 1 {
			return fmt.Errorf("cut-over month: %+v %v", figures, err)
		}
		p, err := f.e.Desk(fin).statementOf(ctx, tx, figures[0], "2026-11", "")
		if err != nil {
			return err
		}
		if len(p.Lines) != 1 || p.Lines[0].Summary != store.OpeningLabel || p.Lines[0].Date.Format("2006-01-02") != "2026-11-30" ||
			p.Lines[0].Shipped != opening {
			t.Errorf("the cut-over month's lines: %+v", p.Lines)
		}
		if _, _, _, closing := p.Totals(); closing != figures[0].Closing || closing != opening {
			t.Errorf("statement closes at %v, the ledger at %v", closing, figures[0].Closing)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}

	// Finance records money and allocates it to the opening balance,
	// offered like an open invoice.
	fd := f.e.Desk(fin)
	rid, err := fd.RecordReceipt(ctx, ReceiptInput{CustomerID: cust, Amount: paid.Plain(), Method: store.MethodBank})
	if err != nil {
		t.Fatal(err)
	}
	_, lines, err := fd.AllocationPlan(ctx, rid)
	if err != nil || len(lines) != 1 || lines[0].Invoice.InvoiceNo != store.OpeningLabel || lines[0].Invoice.DocID != res.DocID ||
		lines[0].Amount != paid || lines[0].Invoice.DueOn != "2026-11-30" {
		t.Fatalf("allocation plan %+v: %v", lines, err)
	}
	if err := fd.Allocate(ctx, rid, []AllocationInput{{InvoiceID: res.DocID, Amount: paid.Plain()}}); err != nil {
		t.Fatal(err)
	}
	sameEverywhere(t, "allocated", openingFigures(t, f, fin, cust), opening-paid)
	allocs, err := fd.Allocations(ctx, store.AllocationFilter{ReceiptID: rid})
	if err != nil || len(allocs) != 1 || allocs[0].InvoiceNo != store.OpeningLabel || allocs[0].Amount != paid {
		t.Fatalf("allocations %+v: %v", allocs, err)
	}

	// More than is open on it: refused by the workflow, then by the
	// database for a statement that skips it.
	big, err := fd.RecordReceipt(ctx, ReceiptInput{CustomerID: cust, Amount: opening.Plain(), Method: store.MethodBank})
	if err != nil {
		t.Fatal(err)
	}
	over := opening - paid + 1
	err = fd.Allocate(ctx, big, []AllocationInput{{InvoiceID: res.DocID, Amount: over.Plain()}})
	var fes FieldErrors
	if !errors.As(err, &fes) || fes[0].Code != OverOpenAmount || fes[0].Want != (opening-paid).Plain() {
		t.Fatalf("over-allocated by the workflow: %v", err)
	}
	const now = `strftime('%Y-%m-%dT%H:%M:%fZ','now')`
	_, err = f.rawDB(t).Exec(fmt.Sprintf(`INSERT INTO allocations(receipt_id, invoice_doc_id, amount, allocated_on, allocated_by, created_at, updated_at, updated_by)
		VALUES (?, ?, ?, date('now'), ?, %s, %s, ?)`, now, now), big, res.DocID, over, fin.ID, fin.ID)
	if err == nil || !strings.Contains(err.Error(), "over_allocated") {
		t.Fatalf("over-allocated by raw SQL: %v", err)
	}
	// What is open, exactly, is taken: nothing is left on the books.
	if err := fd.Allocate(ctx, big, []AllocationInput{{InvoiceID: res.DocID, Amount: (opening - paid).Plain()}}); err != nil {
		t.Fatal(err)
	}
	got := openingFigures(t, f, fin, cust)
	for _, place := range []string{"balance open", "ageing", "ladder", "collection plan"} {
		if got[place] != 0 {
			t.Errorf("paid in full: %s says %v", place, got[place])
		}
	}
	if got["exposure"] != -paid || got["balance due"] != -paid {
		t.Errorf("paid in full with %v more on account: %v", paid, got)
	}
}
