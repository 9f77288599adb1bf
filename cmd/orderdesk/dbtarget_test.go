package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestDBSetting: a flag wins over the environment, which wins over the
// configuration file; --db names a file whatever the rest says; a bad
// URL is refused in words that name it without its password.
func TestDBSetting(t *testing.T) {
	t.Setenv("XDG_DATA_HOME", t.TempDir())
	t.Setenv("ORDERDESK_UI_LANGUAGE", "en")
	file := filepath.Join(t.TempDir(), "config.yaml")
	if err := os.WriteFile(file, []byte("db:\n  path: /srv/desk.db\n  url: postgres://desk@db.example/fromfile\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	const env = "postgres://desk@db.example/fromenv"
	for _, c := range []struct {
		name          string
		env           string
		dbPath, dbURL string
		want, errs    string
	}{
		{name: "the file", want: "postgres://desk@db.example/fromfile"},
		{name: "the environment over the file", env: env, want: env},
		{name: "--db-url over both", env: env, dbURL: "postgres://desk@db.example/fromflag", want: "postgres://desk@db.example/fromflag"},
		{name: "--db names a file", env: env, dbPath: "/tmp/here.db", want: "/tmp/here.db"},
		{name: "not both", dbPath: "/tmp/here.db", dbURL: env, errs: "give --db (a SQLite file) or --db-url (PostgreSQL), not both"},
		{name: "another scheme", dbURL: "mysql://desk@db.example/x", errs: "must begin with postgres://"},
		{name: "a file given as the URL", env: "/srv/desk.db", errs: "the database URL /srv/desk.db is not valid"},
		{name: "no database", dbURL: "postgres://desk@db.example", errs: "names no database"},
		{name: "a bad port, the password kept out", dbURL: "postgres://desk:s3cret@db.example:port/x", errs: "is not valid"},
	} {
		t.Run(c.name, func(t *testing.T) {
			t.Setenv("ORDERDESK_DB_URL", c.env)
			if c.env == "" {
				os.Unsetenv("ORDERDESK_DB_URL")
			}
			cfg, _, err := (&globals{configFile: file, dbPath: c.dbPath, dbURL: c.dbURL}).config()
			switch {
			case c.errs != "":
				if err == nil || !strings.Contains(err.Error(), c.errs) || strings.Contains(err.Error(), "s3cret") {
					t.Errorf("error %v, want one saying %q, no password", err, c.errs)
				}
			case err != nil:
				t.Fatal(err)
			case cfg.dbTarget() != c.want:
				t.Errorf("opens %s, want %s", cfg.dbTarget(), c.want)
			}
		})
	}
}

// The demo's closing line names the database with the flag that opens it
// again: --db for a file, --db-url for a server, without its password.
func TestDBFlagOpensItAgain(t *testing.T) {
	t.Setenv("XDG_DATA_HOME", t.TempDir())
	for _, c := range []struct{ dbPath, dbURL, want string }{
		{dbPath: "/tmp/here.db", want: "--db /tmp/here.db"},
		{dbURL: "postgres://desk:s3cret@db.example/office", want: "--db-url 'postgres://desk:xxxxx@db.example/office'"},
	} {
		os.Unsetenv("ORDERDESK_DB_URL")
		cfg, _, err := (&globals{dbPath: c.dbPath, dbURL: c.dbURL}).config()
		if err != nil {
			t.Fatal(err)
		}
		if got := cfg.dbFlag(); got != c.want {
			t.Errorf("%s, want %s", got, c.want)
		}
	}
}
