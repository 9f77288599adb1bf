package main

import (
	"context"
	"os/user"
	"testing"

	"github.com/jackc/pgx/v5"

	"orderdesk/store/storetest"
	"orderdesk/tui/tuitest"
)

// newPostgresCLI is newCLI on a new database of the test binary's
// private PostgreSQL server, set up as an office would: its owner makes
// the schema (db setup) and the commands connect as a role that owns
// nothing.
func newPostgresCLI(t *testing.T) *cli {
	t.Helper()
	c := newCLI(t)
	ownerURL, deskURL := storetest.PostgresRoles(t)
	c.db, c.dbFlag, c.owner = deskURL, "--db-url", ownerURL
	c.steps([]step{
		{name: "the desk's role may not make the schema", args: []string{"user", "list"}, wantErr: true,
			want: []string{"has no orderdesk tables yet", "orderdesk db setup --owner-url"}},
		{name: "no owner", args: []string{"db", "setup"}, wantErr: true, want: []string{"needs the owner role's URL"}},
		{name: "the owner as the desk", args: []string{"--db-url", ownerURL, "db", "setup", "--owner-url", ownerURL}, wantErr: true,
			want: []string{"the desk's role will not do", "is the owner"}},
		{name: "setup", args: []string{"db", "setup", "--owner-url", ownerURL},
			want: []string{"owned by owner", "may read and write rows and may not alter or drop tables, triggers or functions"}},
	})
	return c
}

// TestCommandsOnPostgreSQL: the demo, the user commands and audit verify
// say on PostgreSQL what they say on a SQLite file; the command that
// repairs the file says it is not for PostgreSQL (backups:
// TestBackupAndRestoreOnPostgreSQL).
func TestCommandsOnPostgreSQL(t *testing.T) {
	t.Run("demo", func(t *testing.T) {
		newPostgresCLI(t).steps(demoSteps())
	})
	t.Run("users", func(t *testing.T) { userCommands(t, newPostgresCLI(t)) })
	t.Run("audit verify", func(t *testing.T) {
		c := newPostgresCLI(t)
		c.steps(fourAuditRecords)
		c.steps([]step{
			{name: "intact", args: []string{"audit", "verify"},
				want: []string{"triggers, views and workflow rules match this program", "audit trail intact: 4 records", "sealed with the audit key from record #1"}},
		})
		// Past every grant and trigger, as only the server's own account can.
		ctx := context.Background()
		conn, err := pgx.Connect(ctx, storetest.AsSuperuser(t, c.db))
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close(ctx)
		for _, s := range []string{`SET session_replication_role = replica`,
			`UPDATE audit_log SET after = replace(after, 'wangli', 'wangwu') WHERE id = 2`} {
			if _, err := conn.Exec(ctx, s); err != nil {
				t.Fatal(err)
			}
		}
		c.steps([]step{{name: "altered", args: []string{"audit", "verify"}, wantErr: true, want: []string{"audit trail broken at record #2: altered"}}})
	})
	t.Run("audit repair", func(t *testing.T) {
		// The owner disables a guard; verify names it, and repair, which
		// only the owner may do there, makes it again.
		c := newPostgresCLI(t)
		c.steps(fourAuditRecords)
		ctx := context.Background()
		conn, err := pgx.Connect(ctx, c.owner)
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close(ctx)
		if _, err := conn.Exec(ctx, `ALTER TABLE customers DISABLE TRIGGER audit_customers`); err != nil {
			t.Fatal(err)
		}
		c.steps([]step{
			{name: "verify", args: []string{"audit", "verify"}, wantErr: true, want: []string{"trigger audit_customers altered"}},
			{name: "no owner", args: []string{"audit", "repair"}, wantErr: true, want: []string{"needs the owner role's URL"}},
			{name: "repair", args: []string{"audit", "repair", "--owner-url", c.owner}, want: []string{"repaired: trigger audit_customers altered"}},
			{name: "intact", args: []string{"audit", "verify"}, want: []string{"triggers, views and workflow rules match this program", "audit trail intact"}},
		})
	})
	t.Run("version", func(t *testing.T) {
		c := newPostgresCLI(t)
		c.steps([]step{
			{name: "version", args: []string{"version"}, want: []string{"database: PostgreSQL postgres://desk"}},
		})
	})
}

// TestDeskSessionOnBothEngines: at the desk, the clerk this account
// belongs to files a new customer (a save through the form, its draft
// and its audit records), finds it again in a new session by a word of
// its name (the full-text filter), and the audit trail stays whole, on a
// file and on PostgreSQL alike.
func TestDeskSessionOnBothEngines(t *testing.T) {
	me, err := user.Current()
	if err != nil {
		t.Skip("no account to map:", err)
	}
	onBothEngines(t, func(t *testing.T, c *cli) {
		c.steps([]step{
			{name: "li", args: []string{"user", "add", "li", "--name", "李强", "--roles", "clerk"}},
			{name: "wang at this account", args: []string{"user", "add", "wang", "--name", "王丽", "--roles", "clerk", "--os-user", me.Username}},
		})
		g := &globals{}
		if c.dbFlag == "--db-url" {
			g.dbURL = c.db
		} else {
			g.dbPath = c.db
		}
		ctx := context.Background()
		e, u, err := g.openLocal(ctx)
		if err != nil {
			t.Fatal(err)
		}
		defer e.close()
		if u.Login != "wang" {
			t.Fatalf("this account is %s at the desk, want wang", u.Login)
		}
		scr := tuitest.Run(t, e.deskApp(ctx, u))
		scr.WaitText(t, "Customer files")
		scr.Send(tuitest.Key("n"))
		scr.WaitText(t, "› Full name")
		scr.Type("沈阳钢铁有限公司")
		scr.Send(tuitest.Key("enter"))
		scr.Type("沈钢")
		scr.Send(tuitest.Key("ctrl+s"))
		scr.WaitText(t, "saved", "沈阳钢铁有限公司")
		scr.Quit(t)

		again := tuitest.Run(t, e.deskApp(ctx, u))
		again.WaitText(t, "Customer files", "沈阳钢铁有限公司")
		again.Quit(t)
		c.steps([]step{
			{name: "audit", args: []string{"audit", "verify"}, want: []string{"audit trail intact: 3 records"}},
			{name: "history", args: []string{"audit", "show", "--table", "customers", "--id", "1"}, want: []string{"王丽  insert customers/1", "沈阳钢铁有限公司"}},
		})
	})
}

// onBothEngines runs fn on a new cli of each engine: a SQLite file, and
// a PostgreSQL database set up as an office sets one up.
func onBothEngines(t *testing.T, fn func(t *testing.T, c *cli)) {
	for _, engine := range []struct {
		name string
		cli  func(*testing.T) *cli
	}{{"SQLite", newCLI}, {"PostgreSQL", newPostgresCLI}} {
		t.Run(engine.name, func(t *testing.T) { fn(t, engine.cli(t)) })
	}
}
