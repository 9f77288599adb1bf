package workflow

import (
	"context"
	"errors"
	"testing"

	"orderdesk/store"
)

// TestOpeningBalanceIsOneFigureInTheBooks: an approved opening balance
// is what the customer owes on each place that reads the receivable: the
// exposure, the gate's view and the workflow's gate (credit and
// overdue), and the monthly ledger the statements are signed from.
func TestOpeningBalanceIsOneFigureInTheBooks(t *testing.T) {
	ctx := context.Background()
	f, fin, cust := monthlyCustomerAndFinance(t)
	const body = "客户名称,期初应收,截止日\n沈阳钢铁有限公司,\"125,000.50\",2026-11-30\n"
	res := mustImport(t, f, f.clerk, store.ImportBalances, body)
	if err := f.e.Desk(f.boss).Act(ctx, res.DocID, ActionApprove, ""); !errors.Is(err, &Refusal{Code: RoleNotAllowed}) {
		t.Fatalf("a supervisor signed finance's figures: %v", err)
	}
	if err := f.e.Desk(fin).Act(ctx, res.DocID, ActionApprove, ""); err != nil {
		t.Fatal(err)
	}
	const want = store.Money(12500050)

	r, err := f.e.Desk(f.clerk).Receivable(ctx, cust)
	if err != nil || r.Exposure() != want {
		t.Fatalf("exposure %v: %v", r.Exposure(), err)
	}
	var view store.Money
	if err := f.rawDB(t).QueryRow(`SELECT uninvoiced + invoiced - paid FROM customer_receivables WHERE customer_id = ?`, cust).Scan(&view); err != nil || view != want {
		t.Fatalf("the gate's view says %v: %v", view, err)
	}
	err = f.st.Read(ctx, func(tx *store.Tx) error {
		exposure, overdue, err := receivable(ctx, tx, cust, f.e.today(), 0)
		if err != nil || exposure != want || overdue != want {
			t.Fatalf("the gate: exposure %v, overdue %v: %v", exposure, overdue, err)
		}
		cutover, err := tx.MonthFigures(ctx, "2026-11", cust)
		if err != nil || len(cutover) != 1 || cutover[0].Closing != want {
			t.Fatalf("cut-over month: %+v %v", cutover, err)
		}
		next, err := tx.MonthFigures(ctx, "2026-12", cust)
		if err != nil || len(next) != 1 || next[0].Opening != want {
			t.Fatalf("the month after: %+v %v", next, err)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	// Imported again, the customer named by its 助记码: the same content;
	// a different figure is a mistake, not a second balance.
	if _, err := importCSV(t, f, f.clerk, store.ImportBalances, "客户名称,期初应收,截止日\nSYGTYXGS,125000.50,2026-11-30\n"); !errors.Is(err, &Refusal{Code: AlreadyImported}) {
		t.Fatalf("the same balance again: %v", err)
	}
	_, err = importCSV(t, f, f.clerk, store.ImportBalances, "客户名称,期初应收,截止日\n沈阳钢铁有限公司,1,2026-11-30\n")
	var rows RowErrors
	if !errors.As(err, &rows) || rows[0].Code != BalanceOnFile {
		t.Fatalf("a second balance: %v", err)
	}
	if _, err := f.rawDB(t).Exec(`INSERT INTO opening_balances(customer_id, amount, as_of, batch_doc_id, line_id, created_at, updated_at, updated_by)
		VALUES (?, 1, '2026-11-30', ?, 1, 'now', 'now', ?)`, cust, res.DocID, fin.ID); err == nil {
		t.Fatal("the database took an opening balance no batch line holds")
	}
}
