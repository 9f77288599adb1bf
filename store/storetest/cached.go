package storetest

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"orderdesk/store"
)

// CachedDB is the database file name in the temporary folder, made by
// build the first time and kept for later runs: the name says what makes
// one build differ (sizes, schema, generator versions). build writes the
// database at the path it is given, a temporary name renamed into place
// once whole, so a build cut short is never taken for a finished one.
//
// The name also carries the schema's digest: a database built by a
// binary with other migrations under the same numbers is never reused.
func CachedDB(tb testing.TB, name string, build func(path string)) string {
	tb.Helper()
	ext := filepath.Ext(name)
	path := filepath.Join(os.TempDir(), strings.TrimSuffix(name, ext)+"-"+store.SchemaDigest()+ext)
	if _, err := os.Stat(path); err == nil {
		return path
	}
	// go test runs two test binaries at once: each builds under a name of
	// its own, and the rename that puts a whole file in place is atomic.
	tmp := fmt.Sprintf("%s.building-%d", path, os.Getpid())
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
