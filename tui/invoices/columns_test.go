package invoices_test

import (
	"strings"
	"testing"

	"orderdesk/tui/common"
	"orderdesk/tui/tuitest"
	"orderdesk/tui/tuitest/screenrig"
)

// A list of requests not issued yet has no invoice number to show: its
// column is left out (the name has the room); the list of invoices to
// mail, issued, shows it.
func TestInvoiceNumberColumnOnlyWhereIssued(t *testing.T) {
	f := tuitest.New(t)
	scr := tuitest.Run(t, f.App(f.Finance, "zh"))
	scr.Send(common.SwitchScreenMsg{Screen: "screen.invoices"})
	header := func(screen string) string { return screenrig.LineWith(screen, "申请号") }
	// Finance starts on the requests to issue.
	scr.WaitUntil(t, "the header of the requests to issue", func(screen string) bool { return header(screen) != "" })
	if h := header(scr.Text()); strings.Contains(h, "发票号") {
		t.Errorf("requests to issue show an invoice number column: %q", h)
	}
	scr.Send(right) // to mail: issued
	scr.WaitUntil(t, "an invoice number column on the invoices to mail", func(screen string) bool {
		return strings.Contains(header(screen), "发票号")
	})
	scr.Quit(t)
}
