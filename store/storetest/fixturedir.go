package storetest

import (
	"fmt"
	"os"
	"testing"
)

// MainWithFixtureDir runs m's tests with *dir set to a temporary folder
// for the databases a test binary builds once and its tests copy (a
// build under the race detector takes seconds, a copy a millisecond),
// removes the folder, stops the PostgreSQL server a test may have
// started, and exits with the tests' code. Call it from
// TestMain.
func MainWithFixtureDir(m *testing.M, prefix string, dir *string) {
	d, err := os.MkdirTemp("", prefix)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	*dir = d
	code := m.Run()
	StopPostgres()
	os.RemoveAll(d)
	os.Exit(code)
}
