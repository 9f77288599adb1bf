//go:build unix

// Package storetest helps tests check what a user who may not write a
// file sees, when the tests run as root (as in CI), whom file modes do
// not stop; and keeps the databases a test binary builds once.
package storetest

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// AsNobody runs the test named test of the running test binary again as
// the user nobody, in dir (made reachable by nobody, with its folders up
// to the temporary folder), with env added, and fails t unless it passes.
// The child tells it is one by env.
func AsNobody(t *testing.T, dir, test string, env ...string) {
	t.Helper()
	for d := dir; d != os.TempDir() && d != "/"; d = filepath.Dir(d) {
		if err := os.Chmod(d, 0o777); err != nil {
			t.Fatal(err)
		}
	}
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	bin := filepath.Join(dir, filepath.Base(self))
	CopyFile(t, self, bin, 0o755)
	cmd := exec.Command(bin, "-test.run", "^"+test+"$", "-test.v", "-test.count=1")
	cmd.Env = append(append(os.Environ(), "HOME="+dir, "GOCACHE="+dir, "TMPDIR="+dir), env...)
	cmd.Dir = dir
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: 65534, Gid: 65534}}
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("child as nobody: %v\n%s", err, out)
	}
	if !strings.Contains(string(out), "--- PASS: "+test) {
		t.Fatalf("child did not run the check:\n%s", out)
	}
}
