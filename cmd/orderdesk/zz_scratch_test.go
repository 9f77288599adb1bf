package main

import (
	"testing"

	"orderdesk/store"
	"orderdesk/store/storetest"
)

func TestZZMeasure(t *testing.T) {
	c := newCLI(t)
	t.Setenv("XDG_DATA_HOME", "/tmp/pgm/xdg")
	c.db = "/tmp/pgm/demo500-copy.db"
	storetest.CopyFile(t, "/tmp/pgm/demo500.db", c.db, 0o600)
	owner, deskURL := storetest.PostgresRoles(t)
	desk, _ := store.PostgresRole(deskURL)
	for i := 0; i < 2; i++ {
		out, errOut, err := c.run("migrate", "--to", owner, "--desk-role", desk)
		t.Log(out, errOut, err)
	}
	pg := &cli{t: t, db: deskURL, dbFlag: "--db-url"}
	out, errOut, err := pg.run("audit", "verify")
	t.Log(out, errOut, err)
}
