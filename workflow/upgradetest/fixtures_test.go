package upgradetest

import (
	"compress/gzip"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// fixture is a database made by an earlier version, as committed.
type fixture struct {
	name    string // schemaN
	version int    // N, its PRAGMA user_version
	gz      string
}

// fixtures lists testdata/schemaN.db.gz, oldest first.
func fixtures(t *testing.T) []fixture {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("testdata", "schema*.db.gz"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no fixtures in testdata: %v", err)
	}
	var out []fixture
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".db.gz")
		v, err := strconv.Atoi(strings.TrimPrefix(name, "schema"))
		if err != nil {
			t.Fatalf("fixture %s: not schemaN", f)
		}
		out = append(out, fixture{name: name, version: v, gz: f})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].version < out[j].version })
	return out
}

// copyOut unpacks the fixture into t's own folder and returns the path:
// the committed file is never opened.
func (f fixture) copyOut(t *testing.T) string {
	t.Helper()
	return f.unpack(t, t.TempDir())
}

// unpack writes the fixture, and its audit key where it has one, into
// dir and returns the database's path there.
func (f fixture) unpack(t *testing.T, dir string) string {
	t.Helper()
	in, err := os.Open(f.gz)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	zr, err := gzip.NewReader(in)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, f.name+".db")
	out, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(out, zr); err != nil {
		t.Fatal(err)
	}
	if err := out.Close(); err != nil {
		t.Fatal(err)
	}
	// A version that sealed its audit trail with a key has the key beside
	// it; it goes beside the copy, where openDesk finds it.
	if key, err := os.ReadFile(strings.TrimSuffix(f.gz, ".db.gz") + ".audit.key"); err == nil {
		if err := os.WriteFile(path+".audit.key", key, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	return path
}
