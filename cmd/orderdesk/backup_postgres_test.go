package main

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"orderdesk/store"
	"orderdesk/store/pgschema"
	"orderdesk/store/storetest"
	"orderdesk/tui/i18n"
	"orderdesk/workflow"
)

// TestBackupAndRestoreOnPostgreSQL runs the real backup and restore
// commands on a private server: the desk's database is backed up with
// pg_dump into the backup folder by the SQLite backups' naming, checked;
// restore refuses a database that is not empty and what is not a
// backup of this engine; it fills a second, empty database as its owner,
// grants the desk's role its rows as db setup does, and the desk finds
// there the same users and documents and an audit chain that verifies.
func TestBackupAndRestoreOnPostgreSQL(t *testing.T) {
	c := newPostgresCLI(t)
	ownerURL := c.owner
	c.steps(fourAuditRecords)
	fileDocuments(t, c.db)

	dataDir := os.Getenv("XDG_DATA_HOME")
	dumps := filepath.Join(dataDir, "orderdesk", "backups")
	name := store.PostgresDatabase(c.db)
	notes := filepath.Join(dataDir, "notes.txt")
	os.WriteFile(notes, []byte("客户名单\n"), 0o644)
	c.steps([]step{
		{name: "backup", args: []string{"backup"}, want: []string{"backup written: " + filepath.Join(dumps, name+"-backup-"), ".dump", "audit records, last #", "audit checkpoint #"}},
		{name: "status", args: []string{"backup", "status"}, want: []string{"no scheduled backup has run yet", "holds 1 backups"}},
	})
	found, _ := filepath.Glob(filepath.Join(dumps, name+"-backup-*.dump"))
	if len(found) != 1 {
		t.Fatalf("backups in %s: %v", dumps, found)
	}
	dump := found[0]
	sqliteFile := filepath.Join(dataDir, "desk.db")
	if st, err := store.Open(context.Background(), sqliteFile); err != nil {
		t.Fatal(err)
	} else {
		st.Close()
	}
	c.steps([]step{
		{name: "no owner", args: []string{"restore", dump}, wantErr: true, want: []string{"needs the owner role's URL"}},
		{name: "over the desk's own database", args: []string{"restore", dump, "--owner-url", ownerURL}, wantErr: true,
			want: []string{"is not empty: a restore fills a new, empty database"}},
	})

	ownerURL2, deskURL2 := storetest.PostgresRoles(t)
	restored := &cli{t: t, db: deskURL2, dbFlag: "--db-url"}
	restored.steps([]step{
		{name: "not a backup", args: []string{"restore", notes, "--owner-url", ownerURL2}, wantErr: true, want: []string{"is neither an SQLite file nor a PostgreSQL dump"}},
		{name: "a file's backup", args: []string{"restore", sqliteFile, "--owner-url", ownerURL2}, wantErr: true, want: []string{"is the other engine's backup"}},
		{name: "another database's owner", args: []string{"restore", dump, "--owner-url", ownerURL}, wantErr: true, want: []string{"name different databases"}},
		{name: "restore", args: []string{"restore", dump, "--owner-url", ownerURL2}, want: []string{
			"restored the backup " + dump, "(the PostgreSQL database was empty: nothing was replaced)",
			"may read and write the rows again", "the restore is signed into the audit trail: audit checkpoint #",
			"the restored database's audit trail is intact"}},
		{name: "verify", args: []string{"audit", "verify"}, want: []string{"audit trail intact", "restored from a backup"}},
		{name: "users", args: []string{"user", "list"}, want: []string{"wangli", "赵主管"}},
		{name: "again", args: []string{"restore", dump, "--owner-url", ownerURL2}, wantErr: true, want: []string{"is not empty"}},
	})
	if a, b := documentsOf(t, c.db), documentsOf(t, deskURL2); a != b || a == "" {
		t.Errorf("documents restored:\n%s\nbacked up:\n%s", b, a)
	}
}

// fileDocuments has a clerk file two customers on monthly terms: two
// terms changes, one signed off.
func fileDocuments(t *testing.T, dbURL string) {
	t.Helper()
	ctx := context.Background()
	e, err := (&globals{dbURL: dbURL}).open(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer e.close()
	var clerk, boss store.User
	err = e.st.Read(ctx, func(tx *store.Tx) (err error) {
		if clerk, err = tx.UserByLogin(ctx, "wangli"); err != nil {
			return err
		}
		boss, err = tx.UserByLogin(ctx, "zhao")
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	for i, name := range []string{"沈阳钢铁有限公司", "鞍山重型机械厂"} {
		_, doc, err := e.eng.Desk(clerk).CreateCustomer(ctx, workflow.CustomerInput{Name: name, PaymentTerms: store.TermsMonthly, TermsDays: "30", CreditLimit: "500000"})
		if err != nil {
			t.Fatal(err)
		}
		if i == 0 {
			if err := e.eng.Desk(boss).Act(ctx, doc, workflow.ActionApprove, ""); err != nil {
				t.Fatal(err)
			}
		}
	}
}

// documentsOf is what the database holds of customers and documents,
// one line, read as the server's superuser.
func documentsOf(t *testing.T, dbURL string) string {
	t.Helper()
	db, err := sql.Open(pgschema.DriverName, pgschema.DSN(storetest.AsSuperuser(t, dbURL)))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var out string
	for _, q := range []string{
		`SELECT string_agg(id || ' ' || name || ' ' || payment_terms, '; ' ORDER BY id) FROM customers`,
		`SELECT string_agg(id || ' ' || kind || ' ' || status || ' v' || version, '; ' ORDER BY id) FROM documents`,
		`SELECT count(*) || ' transitions' FROM transitions`,
	} {
		var s sql.NullString
		if err := db.QueryRow(q).Scan(&s); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		out += s.String + "\n"
	}
	return out
}

// TestNoPGToolsInWords: where PostgreSQL's programs are missing, backup
// and restore say so and what to install, in either language.
func TestNoPGToolsInWords(t *testing.T) {
	err := fmt.Errorf("%w (found pg_dump 13, the server is 15)", store.ErrNoPGTools)
	for lang, want := range map[string]string{"en": "install them (Debian: apt-get install postgresql-client)", "zh": "请安装"} {
		if got := backupErrorText(i18n.New(lang), err); !strings.Contains(got, want) || !strings.HasSuffix(got, "(found pg_dump 13, the server is 15)") || strings.Count(got, "apt-get") != 1 {
			t.Errorf("%s: %s", lang, got)
		}
	}
}
