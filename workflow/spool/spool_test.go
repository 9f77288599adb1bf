package spool_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"orderdesk/workflow/spool"
	"orderdesk/workflow/spool/spooltest"
)

// TestPrinterFor: the user's printer wins over the kind's, the kind's
// over the default.
func TestPrinterFor(t *testing.T) {
	c := spool.Config{Printer: "office-1", ByUser: map[string]string{"wangli": "dalian-2"},
		ByKind: map[string]string{"delivery": "dotmatrix"}}
	for _, tc := range []struct {
		login string
		kind  spool.Kind
		want  string
	}{
		{"wangli", spool.Delivery, "dalian-2"},
		{"wangli", spool.Contract, "dalian-2"},
		{"liqiang", spool.Delivery, "dotmatrix"},
		{"liqiang", spool.Statement, "office-1"},
	} {
		if got := c.PrinterFor(tc.login, tc.kind); got != tc.want {
			t.Errorf("%s %s: %q, want %q", tc.login, tc.kind, got, tc.want)
		}
	}
	if got := (spool.Config{}).PrinterFor("wangli", spool.Contract); got != "" {
		t.Errorf("no printer configured, got %q", got)
	}
}

// TestDeliver writes into the user's own 0700 folder, sends the file to
// lp with the chosen printer, and keeps it when the printer refuses.
func TestDeliver(t *testing.T) {
	lp, calls := spooltest.FakeLP(t)
	dir := t.TempDir()
	c := spool.Config{Dir: dir, Printer: "office-1", ByUser: map[string]string{"liqiang": "jammed"},
		LPCommand: lp, FetchHost: "office-pc", FetchPort: 2222}
	ctx := context.Background()
	r, err := c.Deliver(ctx, "wangli", spool.Contract, spool.FileName("LNSYNO.0001/2", ".pdf"), []byte("%PDF-1"))
	if err != nil || r.PrintErr != nil {
		t.Fatalf("%v %v", err, r.PrintErr)
	}
	want := filepath.Join(dir, "wangli", "LNSYNO.0001-2.pdf")
	if r.Path != want || r.Printer != "office-1" || r.Fetch != "scp -P 2222 office-pc:LNSYNO.0001-2.pdf ." {
		t.Errorf("result %+v", r)
	}
	if b, err := os.ReadFile(want); err != nil || string(b) != "%PDF-1" {
		t.Fatalf("file %q %v", b, err)
	}
	if fi, _ := os.Stat(filepath.Join(dir, "wangli")); fi.Mode().Perm() != 0o700 {
		t.Errorf("folder mode %v, want 0700", fi.Mode().Perm())
	}
	r, err = c.Deliver(ctx, "liqiang", spool.Statement, "DZD2026-11-0001.pdf", []byte("%PDF-2"))
	if err != nil {
		t.Fatal(err)
	}
	var lpErr *spool.LPError
	if !errors.As(r.PrintErr, &lpErr) || !strings.Contains(lpErr.Said, "out of paper") {
		t.Errorf("a jammed printer says %v", r.PrintErr)
	}
	if _, err := os.Stat(filepath.Join(dir, "liqiang", "DZD2026-11-0001.pdf")); err != nil {
		t.Errorf("the file is not kept after the printer refused: %v", err)
	}
	got := calls()
	wantCalls := []string{"-d office-1 " + want, "-d jammed " + filepath.Join(dir, "liqiang", "DZD2026-11-0001.pdf")}
	if strings.Join(got, "\n") != strings.Join(wantCalls, "\n") {
		t.Errorf("lp calls\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(wantCalls, "\n"))
	}
	entries, _ := os.ReadDir(filepath.Join(dir, "wangli"))
	if len(entries) != 1 {
		t.Errorf("the folder holds %d entries, want the one printout", len(entries))
	}
}

// TestDeliverRefusesEscapes: neither a login nor a name may lead out of
// the user's folder.
func TestDeliverRefusesEscapes(t *testing.T) {
	c := spool.Config{Dir: t.TempDir()}
	ctx := context.Background()
	for _, login := range []string{"", ".", "..", "../x", "a/b"} {
		if _, err := c.Deliver(ctx, login, spool.Contract, "x.pdf", nil); !errors.Is(err, spool.ErrBadLogin) {
			t.Errorf("login %q: %v", login, err)
		}
	}
	for _, name := range []string{"", "../x.pdf", "/etc/x.pdf", "a/b.pdf", ".hidden"} {
		if _, err := c.Deliver(ctx, "wangli", spool.Contract, name, nil); err == nil {
			t.Errorf("name %q accepted", name)
		}
	}
	// A folder that is a symlink out of print.dir is not followed.
	outside := t.TempDir()
	if err := os.Symlink(outside, filepath.Join(c.Dir, "chen")); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Deliver(ctx, "chen", spool.Contract, "x.pdf", []byte("x")); err == nil {
		t.Error("wrote through a symlink out of print.dir")
	}
	if entries, _ := os.ReadDir(outside); len(entries) != 0 {
		t.Errorf("%d files outside print.dir", len(entries))
	}
}

// TestFileName: numbers become plain file names.
func TestFileName(t *testing.T) {
	for in, want := range map[string]string{"LNSYNO.0001": "LNSYNO.0001.pdf", "LNSYNO.0001/2": "LNSYNO.0001-2.pdf",
		"DD2026-000100": "DD2026-000100.pdf", "a b": "a_b.pdf", "..": "_...pdf"} {
		if got := spool.FileName(in, ".pdf"); got != want {
			t.Errorf("%q → %q, want %q", in, got, want)
		}
	}
}
