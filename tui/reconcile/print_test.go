package reconcile

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"orderdesk/store"
	"orderdesk/tui/common"
	"orderdesk/tui/i18n"
	"orderdesk/workflow"
	"orderdesk/workflow/spool"
	"orderdesk/workflow/spool/spooltest"
)

// TestPutPDF: at the local desk a statement is written where print.dir
// says and the path shown; over SSH it goes to the user's folder and
// printer, named for its number, and the status line says so (a
// refusing printer as a warning).
func TestPutPDF(t *testing.T) {
	cat := i18n.Catalog{Lang: i18n.English}
	c := &common.Common{Cat: cat, Desk: &workflow.Desk{User: store.User{Login: "chen"}}}
	local := t.TempDir()
	msg := putPDF(c.Printer(), local, cat, spool.Statement, "DZD2026-11-0001", "statement-2026-11-X.pdf", []byte("%PDF"))
	if msg.err != nil || msg.status != "PDF written to "+filepath.Join(local, "statement-2026-11-X.pdf") {
		t.Errorf("local: %+v", msg)
	}
	lp, calls := spooltest.FakeLP(t)
	dir := t.TempDir()
	c.Spool = &spool.Config{Dir: dir, ByKind: map[string]string{"statement": "jammed"}, LPCommand: lp, FetchHost: "office-pc", FetchPort: 22}
	msg = putPDF(c.Printer(), local, cat, spool.Statement, "DZD2026-11-0001", "statement-2026-11-X.pdf", []byte("%PDF"))
	if msg.err != nil || !msg.warn || !strings.HasSuffix(msg.status, "fetch: scp office-pc:DZD2026-11-0001.pdf .") {
		t.Errorf("remote: %+v", msg)
	}
	if _, err := os.Stat(filepath.Join(dir, "chen", "DZD2026-11-0001.pdf")); err != nil {
		t.Error(err)
	}
	if got := calls(); len(got) != 1 || !strings.HasPrefix(got[0], "-d jammed ") {
		t.Errorf("lp calls %q", got)
	}
}
