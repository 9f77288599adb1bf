package main

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"
)

// cli runs orderdesk commands against one temporary database, in English
// unless a test says otherwise, with no configuration from the machine.
type cli struct {
	t  *testing.T
	db string
	// dbFlag gives db to the commands: --db (a file, when empty), or
	// --db-url.
	dbFlag string
	// owner is the URL of the PostgreSQL database's owner role
	// (newPostgresCLI), which db setup and restore connect as.
	owner string
}

func newCLI(t *testing.T) *cli {
	t.Helper()
	dir := t.TempDir()
	t.Setenv("XDG_DATA_HOME", dir)
	t.Setenv("LANG", "C")
	t.Setenv("ORDERDESK_UI_LANGUAGE", "en")
	return &cli{t: t, db: filepath.Join(dir, "desk.db")}
}

// run executes one command line; out is stdout, errOut is stderr, where
// cobra also reports a failed command.
func (c *cli) run(args ...string) (out, errOut string, err error) {
	c.t.Helper()
	root := newRootCmd()
	var o, e bytes.Buffer
	root.SetOut(&o)
	root.SetErr(&e)
	root.SetArgs(append([]string{c.dbFlagOrFile(), c.db}, args...))
	err = root.ExecuteContext(context.Background())
	return o.String(), e.String(), err
}

// dbFlagOrFile is the flag that gives db to a command.
func (c *cli) dbFlagOrFile() string {
	if c.dbFlag == "" {
		return "--db"
	}
	return c.dbFlag
}

// step is one command and what it must say.
type step struct {
	name    string
	args    []string
	wantErr bool
	want    []string // each must appear in stdout or stderr
	notWant []string
}

func (c *cli) steps(steps []step) {
	c.t.Helper()
	for _, s := range steps {
		out, errOut, err := c.run(s.args...)
		all := out + errOut
		if (err != nil) != s.wantErr {
			c.t.Errorf("%s: error %v, want error %v\n%s", s.name, err, s.wantErr, all)
		}
		for _, w := range s.want {
			if !strings.Contains(all, w) {
				c.t.Errorf("%s: output lacks %q:\n%s", s.name, w, all)
			}
		}
		for _, w := range s.notWant {
			if strings.Contains(all, w) {
				c.t.Errorf("%s: output has %q:\n%s", s.name, w, all)
			}
		}
	}
}
