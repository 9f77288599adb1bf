package main

import (
	"bytes"
	"context"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"orderdesk/store/storetest"
)

// TestAuditRepair: a dropped guard stops saves and is named by verify;
// repair puts it back, says what it did, and is in the audit trail.
func TestAuditRepair(t *testing.T) {
	c := newCLI(t)
	c.steps([]step{{name: "add li", args: []string{"user", "add", "li", "--name", "李强", "--roles", "clerk"}}})
	db := storetest.Raw(t, c.db)
	if _, err := db.Exec(`DROP TRIGGER customers_terms_guard`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	c.steps([]step{
		{name: "save refused", args: []string{"user", "add", "wang", "--name", "王丽", "--roles", "clerk"}, wantErr: true,
			want: []string{"guards differ", "trigger customers_terms_guard missing", "orderdesk audit repair"}},
		{name: "verify", args: []string{"audit", "verify"}, wantErr: true,
			want: []string{"guard: trigger customers_terms_guard missing", "audit trail intact: 1 records", "nothing can be saved until orderdesk audit repair"}},
		{name: "repair", args: []string{"audit", "repair"}, want: []string{"repaired: trigger customers_terms_guard missing"}},
		{name: "again", args: []string{"audit", "repair"}, want: []string{"nothing to repair"}},
		{name: "verify after", args: []string{"audit", "verify"},
			want: []string{"triggers, views and workflow rules match this program", "audit trail intact: 2 records", "sealed with the audit key from record #1"}},
		{name: "audited", args: []string{"audit", "show", "--table", "schema", "--id", "0"}, want: []string{"system  repair schema/0"}},
		{name: "save", args: []string{"user", "add", "wang", "--name", "王丽", "--roles", "clerk"}},
	})
}

// TestAuditCheckpoint prints the signed head as one line, and verify
// finds a cut tail against it.
func TestAuditCheckpoint(t *testing.T) {
	c := newCLI(t)
	c.steps([]step{
		{name: "add li", args: []string{"user", "add", "li", "--name", "李强", "--roles", "clerk"}},
		{name: "add wang", args: []string{"user", "add", "wang", "--name", "王丽", "--roles", "clerk"}},
		{name: "checkpoint", args: []string{"audit", "checkpoint"}, want: []string{"audit checkpoint #2 ", " sig "}},
	})
	tamper(t, c.db, `DELETE FROM audit_log WHERE id = 2`, `DROP TRIGGER audit_checkpoints_no_delete`, `DELETE FROM audit_checkpoints WHERE audit_id = 2`)
	c.steps([]step{{name: "verify", args: []string{"audit", "verify"}, wantErr: true,
		want: []string{"audit trail cut after record #1: a signed checkpoint vouches for record #2"}}})
}

// TestAuditVerifyWithoutKey: where the key is not, verify checks the
// chain's links and says the seal was not checked, and why.
func TestAuditVerifyWithoutKey(t *testing.T) {
	c := newCLI(t)
	c.steps([]step{{name: "add li", args: []string{"user", "add", "li", "--name", "李强", "--roles", "clerk"}}})
	t.Setenv("ORDERDESK_AUDIT_KEY", filepath.Join(t.TempDir(), "elsewhere.key"))
	c.steps([]step{
		{name: "verify", args: []string{"audit", "verify"}, want: []string{"audit trail intact: 1 records", "the seal could not be checked (no key: no key file at"}},
		{name: "no save", args: []string{"user", "add", "wang", "--name", "王丽", "--roles", "clerk"}, wantErr: true,
			want: []string{"audit key is not available"}},
	})
}

// TestServeWarnings: serve's start logs, and says on stderr, which of
// the desk's files others may read, and that saves will be refused while
// the guards differ.
func TestServeWarnings(t *testing.T) {
	c := newCLI(t)
	if err := os.Chmod(filepath.Dir(c.db), 0o700); err != nil { // the test's folder, not one orderdesk made
		t.Fatal(err)
	}
	g := &globals{dbPath: c.db}
	e, err := g.open(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	defer e.close()
	var words, log bytes.Buffer
	e.warnPermissions(&words, slog.New(slog.NewTextHandler(&log, nil)))
	if words.Len() != 0 || log.Len() != 0 {
		t.Fatalf("fresh files warned of:\n%s%s", words.String(), log.String())
	}
	if err := os.Chmod(c.db, 0o644); err != nil {
		t.Fatal(err)
	}
	e.warnPermissions(&words, slog.New(slog.NewTextHandler(&log, nil)))
	if !strings.Contains(words.String(), c.db+" has mode 0644") || !strings.Contains(words.String(), "chmod 0600") {
		t.Errorf("stderr: %q", words.String())
	}
	if !strings.Contains(log.String(), "loose permissions") || !strings.Contains(log.String(), "mode=0644") {
		t.Errorf("log: %q", log.String())
	}

	words.Reset()
	log.Reset()
	e.warnTamper(&words, slog.New(slog.NewTextHandler(&log, nil)))
	if words.Len() != 0 || log.Len() != 0 {
		t.Fatalf("intact guards warned of:\n%s%s", words.String(), log.String())
	}
	db := storetest.Raw(t, c.db)
	if _, err := db.Exec(`DROP TRIGGER customers_terms_guard`); err != nil {
		t.Fatal(err)
	}
	if _, err := e.st.CheckSchema(context.Background()); err != nil {
		t.Fatal(err)
	}
	e.warnTamper(&words, slog.New(slog.NewTextHandler(&log, nil)))
	if !strings.Contains(words.String(), "trigger customers_terms_guard missing") || !strings.Contains(log.String(), "saves refused") {
		t.Errorf("stderr %q, log %q", words.String(), log.String())
	}
}

// TestDatabaseMadeAnew: a database removed and made again at the same
// path (make demo does) gets a key record of its own, and verify notes
// the checkpoints of the one before.
func TestDatabaseMadeAnew(t *testing.T) {
	c := newCLI(t)
	c.steps([]step{{name: "add li", args: []string{"user", "add", "li", "--name", "李强", "--roles", "clerk"}}})
	for _, suffix := range []string{"", "-wal", "-shm"} {
		os.Remove(c.db + suffix)
	}
	c.steps([]step{
		{name: "add again", args: []string{"user", "add", "wang", "--name", "王丽", "--roles", "clerk"}},
		{name: "verify", args: []string{"audit", "verify"}, want: []string{"audit trail intact: 1 records", "another database once at this path (up to record #1)"}},
	})
}
