package storetest

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
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
	return cached(tb, name, store.SchemaDigest(), build)
}

// CodeCachedDB is CachedDB for a database the program's own code builds
// (a demo desk made through the workflow): the name carries the test
// binary's digest too, so any change to the code builds it again. A
// version number in the name, bumped by hand, was forgotten once, and a
// cache made by older code kept goldens green that a new machine failed.
func CodeCachedDB(tb testing.TB, name string, build func(path string)) string {
	tb.Helper()
	return cached(tb, name, store.SchemaDigest()+"-"+binaryDigest(tb), build)
}

func cached(tb testing.TB, name, key string, build func(path string)) string {
	tb.Helper()
	ext := filepath.Ext(name)
	base := filepath.Join(os.TempDir(), strings.TrimSuffix(name, ext))
	path := base + "-" + key + ext
	if _, err := os.Stat(path); err == nil {
		return path
	}
	// Parallel tests of one binary build it once: the others wait for it.
	mu, _ := building.LoadOrStore(path, &sync.Mutex{})
	mu.(*sync.Mutex).Lock()
	defer mu.(*sync.Mutex).Unlock()
	if _, err := os.Stat(path); err == nil {
		return path
	}
	removeStale(base+"-*"+ext, path)
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

// building holds a lock per cache path while this process builds it.
var building sync.Map // path → *sync.Mutex

// staleAfter is how long a cache built under another key is kept: test
// binaries of other checkouts may be using it today.
const staleAfter = 24 * time.Hour

// removeStale removes the caches matching pattern, other than keep, not
// touched for staleAfter: each change of code leaves one behind.
func removeStale(pattern, keep string) {
	old, _ := filepath.Glob(pattern)
	for _, p := range old {
		if info, err := os.Stat(p); err == nil && p != keep && time.Since(info.ModTime()) > staleAfter {
			os.Remove(p)
		}
	}
}

var binary struct {
	once   sync.Once
	digest string
	err    error
}

// binaryDigest is a short digest of the running test binary.
func binaryDigest(tb testing.TB) string {
	binary.once.Do(func() {
		exe, err := os.Executable()
		if err != nil {
			binary.err = err
			return
		}
		f, err := os.Open(exe)
		if err != nil {
			binary.err = err
			return
		}
		defer f.Close()
		h := sha256.New()
		if _, err := io.Copy(h, f); err != nil {
			binary.err = err
			return
		}
		binary.digest = hex.EncodeToString(h.Sum(nil))[:10]
	})
	if binary.err != nil {
		tb.Fatal(binary.err)
	}
	return binary.digest
}
