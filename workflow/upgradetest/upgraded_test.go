package upgradetest

import (
	"os"
	"path/filepath"
	"sync"
	"testing"

	"orderdesk/store/storetest"
	"orderdesk/workflow/workflowtest"
)

// Upgrading an earlier version's database takes a second or more under
// the race detector, and three tests need each version upgraded: each
// is upgraded once per test binary, into upgradedDir, and every test
// works on its own copy of the upgraded file.
var upgradedDir string

func TestMain(m *testing.M) { storetest.MainWithFixtureDir(m, "upgraded-", &upgradedDir) }

// upgradedPair is a fixture as committed and as this program's first
// start left it.
type upgradedPair struct{ old, upgraded string }

var upgrades sync.Map // fixture name → *storetest.Built[upgradedPair]

// upgrade returns the fixture unpacked (never to be opened by the
// program, which would upgrade it) and a copy for t of it upgraded by
// one start of this program, with its audit key and checkpoints beside.
func (f fixture) upgrade(t *testing.T) (old, upgraded string) {
	t.Helper()
	b, _ := upgrades.LoadOrStore(f.name, &storetest.Built[upgradedPair]{})
	pair := b.(*storetest.Built[upgradedPair]).Get(t, f.name+" upgraded", func() upgradedPair {
		dir := filepath.Join(upgradedDir, f.name)
		old := f.unpack(t, filepath.Join(dir, "old"))
		if v := userVersion(t, old); v != f.version {
			t.Fatalf("the fixture is schema %d, named %d", v, f.version)
		}
		path := f.unpack(t, dir)
		e := workflowtest.Open(t, path, keyOf(path)...)
		if err := e.Store().Close(); err != nil {
			t.Fatal(err)
		}
		return upgradedPair{old, path}
	})
	upgraded = filepath.Join(t.TempDir(), f.name+".db")
	for _, suffix := range []string{"", ".audit.key", ".checkpoints"} {
		if _, err := os.Stat(pair.upgraded + suffix); err == nil {
			storetest.CopyFile(t, pair.upgraded+suffix, upgraded+suffix, 0o600)
		}
	}
	return pair.old, upgraded
}
