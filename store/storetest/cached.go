package storetest

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

// CachedDB is the database file name in the temporary folder, made by
// build the first time and kept for later runs: the name says what makes
// one build differ (sizes, schema, generator versions). build writes the
// database at the path it is given, a temporary name renamed into place
// once whole, so a build cut short is never taken for a finished one.
func CachedDB(tb testing.TB, name string, build func(path string)) string {
	tb.Helper()
	path := filepath.Join(os.TempDir(), name)
	if _, err := os.Stat(path); err == nil {
		return path
	}
	tmp := path + ".building"
	for _, suffix := range []string{"", "-wal", "-shm"} {
		os.Remove(tmp + suffix)
	}
	start := time.Now()
	build(tmp)
	for _, suffix := range []string{"-wal", "-shm"} {
		os.Remove(tmp + suffix)
	}
	if err := os.Rename(tmp, path); err != nil {
		tb.Fatal(err)
	}
	tb.Logf("built %s in %v", path, time.Since(start).Round(time.Millisecond))
	return path
}
