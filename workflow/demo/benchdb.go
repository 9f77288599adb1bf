package demo

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"orderdesk/store"
	"orderdesk/workflow"
)

// invoiceGenVersion changes whenever the invoicing generator writes
// something different, so a cached benchmark database is rebuilt.
const invoiceGenVersion = 2

// InvoicingBenchToday is the day the invoicing benchmark database is
// dated to.
var InvoicingBenchToday = time.Date(2026, 11, 2, 9, 0, 0, 0, time.UTC)

// InvoicingBenchDB returns the path of a database of customers customers
// with orders orders of about ten lines over two years, each shipped,
// invoiced and paid through the desk's rules (InvoiceVolume): issue 7's
// benchmarks ask for 5,000 customers and about a million invoice lines
// (orders = 150,000). It is built once, which takes a while, and kept in
// the temp folder keyed by size, schema and generator version; built
// says whether this call built it.
func InvoicingBenchDB(ctx context.Context, customers, orders int) (path string, sum Summary, built bool, err error) {
	path = filepath.Join(os.TempDir(), fmt.Sprintf("orderdesk-invoicing-bench-%d-%d-v%d-g%d.db", customers, orders, store.SchemaVersion(), invoiceGenVersion))
	if _, err := os.Stat(path); err == nil {
		return path, sum, false, nil
	}
	tmp := path + ".building"
	for _, suffix := range []string{"", "-wal", "-shm"} {
		os.Remove(tmp + suffix)
	}
	st, err := store.Open(ctx, tmp)
	if err != nil {
		return "", sum, false, err
	}
	eng, err := workflow.New(ctx, st)
	if err != nil {
		st.Close()
		return "", sum, false, err
	}
	eng.SetLocation(time.UTC)
	opts := DefaultOptions()
	opts.Customers, opts.Products, opts.Inquiries, opts.Orders, opts.Shipments, opts.Invoices = customers, 200, 0, 0, 0, 0
	opts.InvoiceVolume, opts.Pending, opts.SentBack, opts.Today, opts.DeskLogin = orders, 0, 0, InvoicingBenchToday, ""
	opts.MonthlyPercent = 40 // a reconciliation's customers mostly settle monthly
	sum, err = Generate(ctx, eng, opts)
	st.Close()
	if err != nil {
		return "", sum, false, err
	}
	for _, suffix := range []string{"-wal", "-shm"} {
		os.Remove(tmp + suffix)
	}
	return path, sum, true, os.Rename(tmp, path)
}
