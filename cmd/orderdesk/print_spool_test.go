package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"orderdesk/workflow/spool"
)

// TestPrintingConfig: print.* reach the office server's printing, the
// user's printer winning over the kind's; a kind there is not is
// refused.
func TestPrintingConfig(t *testing.T) {
	t.Setenv("XDG_DATA_HOME", t.TempDir())
	file := filepath.Join(t.TempDir(), "config.yaml")
	body := "print:\n  dir: /srv/print\n  printer: office-1\n  lp_command: /usr/local/bin/fake-lp\n  fetch_host: office-pc\n" +
		"  printers_by_user:\n    wangli: dalian-2\n  printers_by_kind:\n    delivery: dotmatrix\n"
	if err := os.WriteFile(file, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	c, _, err := loadConfig(file)
	if err != nil {
		t.Fatal(err)
	}
	sp, err := c.Print.spool()
	if err != nil {
		t.Fatal(err)
	}
	if sp.Dir != "/srv/print" || sp.LPCommand != "/usr/local/bin/fake-lp" || sp.FetchHost != "office-pc" ||
		sp.PrinterFor("wangli", spool.Delivery) != "dalian-2" || sp.PrinterFor("zhao", spool.Delivery) != "dotmatrix" ||
		sp.PrinterFor("zhao", spool.Contract) != "office-1" {
		t.Errorf("printing %+v", sp)
	}
	c.Print.PrintersByKind["invoice"] = "x"
	if _, err := c.Print.spool(); err == nil || !strings.Contains(err.Error(), `no kind called "invoice"`) {
		t.Errorf("an unknown kind: %v", err)
	}
}
