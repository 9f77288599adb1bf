package pgschema_test

import (
	"context"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/jackc/pgx/v5"

	"orderdesk/internal/pgcluster"
	"orderdesk/store"
	"orderdesk/store/pgschema"
	"orderdesk/store/storetest"
)

var update = flag.Bool("update", false, "write tables.sql from the SQLite schema")

// sqliteObjects is the schema the migrations build, read from a new
// database file.
func sqliteObjects(t *testing.T) []pgschema.Object {
	t.Helper()
	path := filepath.Join(t.TempDir(), "desk.db")
	s, err := store.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	db := storetest.ReadOnly(t, path)
	rows, err := db.Query(`SELECT type, name, tbl_name, coalesce(sql, '') FROM sqlite_schema ORDER BY rowid`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var objs []pgschema.Object
	for rows.Next() {
		var o pgschema.Object
		if err := rows.Scan(&o.Type, &o.Name, &o.Table, &o.SQL); err != nil {
			t.Fatal(err)
		}
		objs = append(objs, o)
	}
	return objs
}

// TestTablesAreTheSQLiteSchema holds tables.sql to the migrations: a new
// migration fails here until the PostgreSQL script is generated again.
func TestTablesAreTheSQLiteSchema(t *testing.T) {
	want, err := pgschema.Schema(sqliteObjects(t))
	if err != nil {
		t.Fatal(err)
	}
	rules, err := pgschema.Rules(sqliteObjects(t), map[string]bool{"settings": true})
	if err != nil {
		t.Fatal(err)
	}
	if *update {
		for file, text := range map[string]string{"tables.sql": want, "rules.sql": rules} {
			if err := os.WriteFile(file, []byte(text), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		return
	}
	if pgschema.Tables != want || pgschema.RulesScript != rules {
		t.Fatal("tables.sql or rules.sql is not the translation of the migrations' schema: go test ./store/pgschema -run TestTablesAreTheSQLiteSchema -update")
	}
}

var cluster struct {
	once sync.Once
	c    *pgcluster.Cluster
	err  error
}

func TestMain(m *testing.M) {
	code := m.Run()
	if cluster.c != nil {
		cluster.c.Stop()
	}
	os.Exit(code)
}

func server(t *testing.T) *pgcluster.Cluster {
	t.Helper()
	cluster.once.Do(func() { cluster.c, cluster.err = pgcluster.Start(context.Background()) })
	if cluster.err != nil {
		t.Fatal(cluster.err)
	}
	return cluster.c
}

// newDatabase is a connection to a new, empty database on the server,
// closed when t ends.
func newDatabase(t *testing.T, name string) *pgx.Conn {
	t.Helper()
	ctx := context.Background()
	url, err := server(t).CreateDatabase(ctx, name)
	if err != nil {
		t.Fatal(err)
	}
	db, err := pgx.Connect(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close(ctx) })
	return db
}

// TestTablesLoadIntoPostgreSQL applies the script to an empty database
// and checks every SQLite table is there with its columns, and that ids
// come by themselves and may be given (as a move from SQLite keeps them).
func TestTablesLoadIntoPostgreSQL(t *testing.T) {
	ctx := context.Background()
	db := newDatabase(t, "tables_load")
	if _, err := db.Exec(ctx, pgschema.Tables); err != nil {
		t.Fatalf("tables.sql: %v", err)
	}
	objs := sqliteObjects(t)
	for _, o := range objs {
		if o.Type != "table" || o.SQL == "" || strings.Contains(o.Name, "_fts") {
			continue
		}
		var n int
		if err := db.QueryRow(ctx, `SELECT count(*) FROM information_schema.columns WHERE table_name = $1`, o.Name).Scan(&n); err != nil || n == 0 {
			t.Errorf("table %s: %d columns in PostgreSQL, %v", o.Name, n, err)
		}
	}
	var id, given int64
	if err := db.QueryRow(ctx, `INSERT INTO wf_additions_never DEFAULT VALUES RETURNING id`).Scan(&id); err != nil || id != 1 {
		t.Errorf("identity: id %d, %v", id, err)
	}
	if err := db.QueryRow(ctx, `INSERT INTO wf_additions_never(id) VALUES (40) RETURNING id`).Scan(&given); err != nil || given != 40 {
		t.Errorf("given id: %d, %v", given, err)
	}
}

func TestLoginsAreUniqueWithoutCase(t *testing.T) {
	ctx := context.Background()
	conn := newDatabase(t, "logins")
	if _, err := conn.Exec(ctx, pgschema.Prelude+`CREATE TEMP TABLE u (login text UNIQUE COLLATE nocase)`); err != nil {
		t.Fatal(err)
	}
	if _, err := conn.Exec(ctx, `INSERT INTO u VALUES ('Zhao')`); err != nil {
		t.Fatal(err)
	}
	if _, err := conn.Exec(ctx, `INSERT INTO u VALUES ('zhao')`); err == nil {
		t.Error("'zhao' taken beside 'Zhao': SQLite's NOCASE refuses it")
	}
	var n int
	if err := conn.QueryRow(ctx, `SELECT count(*) FROM u WHERE login = 'ZHAO'`).Scan(&n); err != nil || n != 1 {
		t.Errorf("'ZHAO' finds %d rows, %v; want 1", n, err)
	}
}
