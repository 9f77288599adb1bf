package common

import (
	"os"
	"path/filepath"
	"testing"

	"orderdesk/store"
	"orderdesk/workflow"
	"orderdesk/workflow/spool"
	"orderdesk/workflow/spool/spooltest"
)

// TestPrinterSays: over SSH the status line names the printer and the
// fetch command, only the fetch command when no printer is set, and a
// printer's refusal with the file kept; at the local desk there is no
// spool.
func TestPrinterSays(t *testing.T) {
	lp, calls := spooltest.FakeLP(t)
	dir := t.TempDir()
	c := testCommon()
	c.Desk = &workflow.Desk{User: store.User{Login: "wangli"}}
	if c.Printer().Remote() {
		t.Fatal("the local desk has no spool")
	}
	for _, tc := range []struct {
		printer, want string
		warn          bool
	}{
		{"office-1", "sent to printer office-1 · fetch: scp -P 2222 office-pc:DD2026-000100.pdf .", false},
		{"", "fetch: scp -P 2222 office-pc:DD2026-000100.pdf .", false},
		{"jammed", "printer jammed did not print it (lp: printer jammed is out of paper); the file is kept · fetch: scp -P 2222 office-pc:DD2026-000100.pdf .", true},
	} {
		c.Spool = &spool.Config{Dir: dir, Printer: tc.printer, LPCommand: lp, FetchHost: "office-pc", FetchPort: 2222}
		text, warn, err := c.Printer().Send(spool.Contract, "DD2026-000100", ".pdf", []byte("%PDF"))
		if err != nil || text != tc.want || warn != tc.warn {
			t.Errorf("printer %q: %q warn %v %v\nwant %q", tc.printer, text, warn, err, tc.want)
		}
	}
	if n := len(calls()); n != 2 {
		t.Errorf("lp ran %d times, want 2", n)
	}
	if _, err := os.Stat(filepath.Join(dir, "wangli", "DD2026-000100.pdf")); err != nil {
		t.Error(err)
	}
}
