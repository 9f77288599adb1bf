package store_test

import (
	"bytes"
	"context"
	"crypto/rand"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"orderdesk/store"
	"orderdesk/store/storetest"
)

func readFile(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// newDB makes an orderdesk database and closes it, as a file on disk.
func newDB(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "desk.db")
	st, err := store.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestOpenRefusesBadFiles(t *testing.T) {
	ctx := context.Background()
	tests := []struct {
		name string
		make func(t *testing.T) string
		want error
	}{
		{"text file", func(t *testing.T) string {
			p := filepath.Join(t.TempDir(), "notes.db")
			os.WriteFile(p, []byte("客户名单\n沈阳钢铁 024-1234\n"), 0o644)
			return p
		}, store.ErrNotDatabase},
		{"random bytes", func(t *testing.T) string {
			p := filepath.Join(t.TempDir(), "noise.db")
			b := make([]byte, 8192)
			rand.Read(b)
			os.WriteFile(p, b, 0o644)
			return p
		}, store.ErrNotDatabase},
		{"a few bytes", func(t *testing.T) string {
			p := filepath.Join(t.TempDir(), "short.db")
			os.WriteFile(p, []byte("SQLite"), 0o644)
			return p
		}, store.ErrNotDatabase},
		{"SQLite header on garbage", func(t *testing.T) string {
			p := filepath.Join(t.TempDir(), "corrupt.db")
			b := make([]byte, 4096)
			rand.Read(b)
			copy(b, "SQLite format 3\x00")
			os.WriteFile(p, b, 0o644)
			return p
		}, store.ErrNotDatabase},
		{"another program's database", func(t *testing.T) string {
			p := filepath.Join(t.TempDir(), "other.db")
			db, err := sql.Open("sqlite", "file:"+p)
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			if _, err := db.Exec(`CREATE TABLE photos(id INTEGER PRIMARY KEY, name TEXT); INSERT INTO photos(name) VALUES ('a')`); err != nil {
				t.Fatal(err)
			}
			return p
		}, store.ErrNotDatabase},
		{"newer schema", func(t *testing.T) string {
			p := newDB(t)
			db, err := sql.Open("sqlite", "file:"+p)
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			if _, err := db.Exec(fmt.Sprintf(`PRAGMA user_version = %d`, store.SchemaVersion()+1)); err != nil {
				t.Fatal(err)
			}
			return p
		}, store.ErrTooNew},
		{"a benchmark generator's database", func(t *testing.T) string {
			p := newDB(t)
			if err := store.MarkBench(context.Background(), raw(t, p)); err != nil {
				t.Fatal(err)
			}
			return p
		}, store.ErrBenchDB},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			path := tc.make(t)
			before := readFile(t, path)
			st, err := store.Open(ctx, path)
			if err == nil {
				st.Close()
			}
			if !errors.Is(err, tc.want) {
				t.Fatalf("want %v, got %v", tc.want, err)
			}
			if after := readFile(t, path); !bytes.Equal(before, after) {
				t.Fatal("a refused file was changed")
			}
		})
	}
}

func TestOpenEmptyFileBecomesDatabase(t *testing.T) {
	p := filepath.Join(t.TempDir(), "new.db")
	os.WriteFile(p, nil, 0o644)
	st, err := store.Open(context.Background(), p)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	// Opening again is a no-op migration.
	st2, err := store.Open(context.Background(), p)
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	st2.Close()
}

// TestOpenReadOnly: a file the user may not write opens read-only:
// reads work, a write is refused with ErrReadOnly, the file is never
// changed. root ignores file modes, so as root the check runs in a child
// process as nobody.
func TestOpenReadOnly(t *testing.T) {
	if path := os.Getenv("ORDERDESK_RO_CHILD"); path != "" {
		openReadOnlyChild(t, path)
		return
	}
	path := newDB(t)
	if err := os.Chmod(path, 0o444); err != nil {
		t.Fatal(err)
	}
	if os.Geteuid() != 0 {
		openReadOnlyChild(t, path)
		return
	}
	before := readFile(t, path)
	storetest.AsNobody(t, filepath.Dir(path), "TestOpenReadOnly", "ORDERDESK_RO_CHILD="+path)
	if !bytes.Equal(before, readFile(t, path)) {
		t.Fatal("the read-only file was changed")
	}
}

func openReadOnlyChild(t *testing.T, path string) {
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err == nil {
		f.Close()
		t.Fatal("the file is writable: the test cannot check read-only handling")
	}
	st, err := store.Open(context.Background(), path)
	if err != nil {
		t.Fatalf("a read-only file does not open for reading: %v", err)
	}
	defer st.Close()
	checkReadOnly(t, st)
}

// TestWriteBusy: while another program holds the write lock, a save
// waits the busy timeout, then fails with ErrBusy and leaves nothing
// behind; once the lock is released the same save succeeds.
func TestWriteBusy(t *testing.T) {
	defer store.SetBusyTimeout(300 * time.Millisecond)()
	v := newEnv(t)
	db := raw(t, v.path)
	countAudit := func() int { return scalar[int](t, db, `SELECT count(*) FROM audit_log`) }
	auditBefore := countAudit()

	conn, err := db.Conn(v.ctx)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := conn.ExecContext(v.ctx, `BEGIN IMMEDIATE`); err != nil {
		t.Fatal(err)
	}
	// Reading goes on beside the writer (WAL).
	if _, err := v.e.Desk(v.clerk).Customers(v.ctx, store.Page{}); err != nil {
		t.Fatalf("read blocked by another writer: %v", err)
	}
	in := struct{ name string }{"营口钢铁"}
	start := time.Now()
	_, _, err = v.e.Desk(v.clerk).CreateCustomer(v.ctx, workflowInput(in.name))
	waited := time.Since(start)
	if !errors.Is(err, store.ErrBusy) {
		t.Fatalf("want ErrBusy, got %v", err)
	}
	if waited < 250*time.Millisecond || waited > 5*time.Second {
		t.Fatalf("gave up after %v, want about the busy timeout", waited)
	}
	if _, err := conn.ExecContext(v.ctx, `ROLLBACK`); err != nil {
		t.Fatal(err)
	}
	conn.Close()
	if n := scalar[int](t, db, `SELECT count(*) FROM customers WHERE name = ?`, in.name); n != 0 || countAudit() != auditBefore {
		t.Fatalf("a failed save left %d customers and %d audit records", n, countAudit()-auditBefore)
	}
	if _, _, err := v.e.Desk(v.clerk).CreateCustomer(v.ctx, workflowInput(in.name)); err != nil {
		t.Fatalf("save after the lock was released: %v", err)
	}
}
