package store_test

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
	"unsafe"

	"modernc.org/libc"
	sqlitelib "modernc.org/sqlite/lib"

	"orderdesk/store"
)

// BenchmarkConnectionCost opens read connections, one after the other,
// on a database made new by this binary's migrations and reports what
// each costs before it has read a row of data: SQLite's memory for the
// parsed schema (schema-bytes-per-conn, sqlite3_db_status), the CPU time
// of opening and parsing it (ms-per-conn), the resident memory it adds
// (rss-MB-per-conn) and the CPU time of closing it (close-ms-per-conn).
// Every connection the desk holds pays this once, whatever it reads
// later.
func BenchmarkConnectionCost(b *testing.B) {
	path := filepath.Join(b.TempDir(), "desk.db")
	st, err := store.Open(context.Background(), path)
	if err != nil {
		b.Fatal(err)
	}
	st.Close()
	tls := libc.NewTLS()
	defer tls.Close()
	var schema, cpu float64
	var open []uintptr
	rss := residentKB(b)
	for b.Loop() {
		t0 := cpuTime()
		db := rawOpen(b, tls, path)
		rawExec(b, tls, db, `SELECT count(*) FROM users`)
		cpu += float64(cpuTime()-t0) / float64(time.Millisecond)
		schema += float64(dbStatus(tls, db, sqlitelib.SQLITE_DBSTATUS_SCHEMA_USED))
		open = append(open, db)
	}
	b.ReportMetric(float64(residentKB(b)-rss)/1024/float64(b.N), "rss-MB-per-conn")
	t0 := cpuTime()
	for _, db := range open {
		sqlitelib.Xsqlite3_close(tls, db)
	}
	b.ReportMetric(float64(cpuTime()-t0)/float64(time.Millisecond)/float64(b.N), "close-ms-per-conn")
	b.ReportMetric(schema/float64(b.N), "schema-bytes-per-conn")
	b.ReportMetric(cpu/float64(b.N), "ms-per-conn")
}

// residentKB is the process's resident set.
func residentKB(b *testing.B) int {
	status, err := os.ReadFile("/proc/self/status")
	if err != nil {
		b.Skip("no /proc: the resident set is not measured here")
	}
	for _, line := range strings.Split(string(status), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmRSS:"); ok {
			kb, _ := strconv.Atoi(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")))
			return kb
		}
	}
	return 0
}

// sqliteOut receives what SQLite's own calls write back: a package
// variable, so that it never moves while they run.
var sqliteOut struct {
	db            uintptr
	current, high int32
}

// rawOpen opens path read-only through SQLite's own call, beneath the
// driver, so that the connection's status can be asked.
func rawOpen(b *testing.B, tls *libc.TLS, path string) uintptr {
	name, err := libc.CString(path)
	if err != nil {
		b.Fatal(err)
	}
	defer libc.Xfree(tls, name)
	if rc := sqlitelib.Xsqlite3_open_v2(tls, name, uintptr(unsafe.Pointer(&sqliteOut.db)), sqlitelib.SQLITE_OPEN_READONLY, 0); rc != sqlitelib.SQLITE_OK {
		b.Fatalf("open: %d", rc)
	}
	return sqliteOut.db
}

func rawExec(b *testing.B, tls *libc.TLS, db uintptr, q string) {
	s, err := libc.CString(q)
	if err != nil {
		b.Fatal(err)
	}
	defer libc.Xfree(tls, s)
	if rc := sqlitelib.Xsqlite3_exec(tls, db, s, 0, 0, 0); rc != sqlitelib.SQLITE_OK {
		b.Fatalf("%s: %d", q, rc)
	}
}

// dbStatus is one of sqlite3_db_status's current figures.
func dbStatus(tls *libc.TLS, db uintptr, op int32) int32 {
	sqlitelib.Xsqlite3_db_status(tls, db, op, uintptr(unsafe.Pointer(&sqliteOut.current)), uintptr(unsafe.Pointer(&sqliteOut.high)), 0)
	return sqliteOut.current
}
