package main

import (
	"bytes"
	"database/sql"
	"os"
	"path/filepath"
	"testing"

	"orderdesk/store/storetest"
)

// TestReadOnlyDatabase: on a database file the user may not write, reads
// work (audit verify, user list, an export, a printout) and a write is
// refused as read-only; the file is never changed. root writes any file,
// so as root the commands run in a child process as nobody.
func TestReadOnlyDatabase(t *testing.T) {
	if path := os.Getenv("ORDERDESK_RO_DB"); path != "" {
		readOnlyCommands(t, path)
		return
	}
	c := newCLI(t)
	c.steps([]step{
		{name: "demo", args: []string{"demo", "--customers", "20", "--products", "12"}},
		{name: "nobody works as chen", args: []string{"user", "os-user", "chen", "nobody"}},
	})
	if err := os.Chmod(c.db, 0o444); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(c.db)
	if os.Geteuid() != 0 {
		readOnlyCommands(t, c.db) // the demo mapped this account to zhao
	} else {
		storetest.AsNobody(t, filepath.Dir(c.db), "TestReadOnlyDatabase", "ORDERDESK_RO_DB="+c.db)
	}
	if after, _ := os.ReadFile(c.db); !bytes.Equal(before, after) {
		t.Fatal("the read-only file was changed")
	}
}

func readOnlyCommands(t *testing.T, path string) {
	if f, err := os.OpenFile(path, os.O_WRONLY, 0); err == nil {
		f.Close()
		t.Fatal("the file is writable: the test cannot check read-only handling")
	}
	t.Setenv("LANG", "C")
	t.Setenv("ORDERDESK_UI_LANGUAGE", "en")
	out := t.TempDir()
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	var number string
	err = db.QueryRow(`SELECT order_no FROM order_numbers ORDER BY id LIMIT 1`).Scan(&number)
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	c := &cli{t: t, db: path}
	c.steps([]step{
		{name: "audit verify", args: []string{"audit", "verify"}, want: []string{"audit trail intact"}},
		{name: "user list", args: []string{"user", "list"}, want: []string{"wangli", "chen"}},
		{name: "export", args: []string{"export", "ageing", "--out", filepath.Join(out, "ageing.xlsx")}},
		{name: "print", args: []string{"print", "contract", number, "--out", filepath.Join(out, "contract.pdf")}},
		{name: "a write", args: []string{"user", "add", "zhou2", "--roles", "clerk"}, wantErr: true,
			want: []string{"read-only; nothing was saved"}},
	})
	for _, f := range []string{"ageing.xlsx", "contract.pdf"} {
		if fi, err := os.Stat(filepath.Join(out, f)); err != nil || fi.Size() == 0 {
			t.Errorf("%s not written: %v", f, err)
		}
	}
}
