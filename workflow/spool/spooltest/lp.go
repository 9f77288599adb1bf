// Package spooltest stands in for the office printer in tests.
package spooltest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FakeLP writes a script that records each call's arguments as one line
// of its log (and fails, saying so, for the printer named "jammed"); it
// returns the script's path and a reader of the lines recorded.
func FakeLP(t testing.TB) (command string, calls func() []string) {
	t.Helper()
	dir := t.TempDir()
	log := filepath.Join(dir, "lp.log")
	script := filepath.Join(dir, "lp")
	body := "#!/bin/sh\n" +
		"echo \"$*\" >> '" + log + "'\n" +
		"if [ \"$2\" = jammed ]; then echo 'lp: printer jammed is out of paper' >&2; exit 1; fi\n" +
		"echo \"request id is $2-1 (1 file(s))\"\n"
	if err := os.WriteFile(script, []byte(body), 0o755); err != nil {
		t.Fatal(err)
	}
	return script, func() []string {
		b, err := os.ReadFile(log)
		if os.IsNotExist(err) {
			return nil
		}
		if err != nil {
			t.Fatal(err)
		}
		return strings.Split(strings.TrimSpace(string(b)), "\n")
	}
}
