package invoices_test

import (
	"testing"
	"time"

	"orderdesk/tui/tuitest"
)

// TestTeaToInvoiceShowsTheDayItShipped: an order whose note planned no
// day shows in the list to invoice the day the carrier took it.
func TestTeaToInvoiceShowsTheDayItShipped(t *testing.T) {
	f := tuitest.New(t)
	number := shippedOrderOn(t, f, "")
	scr := invoicesScreen(t, f, f.Clerk)
	scr.WaitText(t, "To invoice", number, "鞍山恒达重工", time.Now().Format("2006-01-02"))
	scr.Quit(t)
}
