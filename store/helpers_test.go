package store_test

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgconn"

	"orderdesk/store"
	"orderdesk/store/storetest"
	"orderdesk/workflow"
)

// env is a fresh database with the real workflow rules, four users and a
// customer whose monthly terms wait for review.
type env struct {
	t                               *testing.T
	ctx                             context.Context
	path                            string
	st                              *store.Store
	e                               *workflow.Engine
	clerk, clerk2, boss, fin, admin store.User
	custID, docID                   int64 // terms change made by clerk
	clock                           time.Time
}

// newEnv hands t its own copy of the env's database, built once per test
// binary (see envfile_test.go).
func newEnv(t *testing.T) *env {
	t.Helper()
	if envsOnPostgres() {
		v := buildEnv(t, storetest.Postgres(t))
		t.Cleanup(func() { v.st.Close() })
		return v
	}
	return newFileEnv(t)
}

// newFileEnv is newEnv on a SQLite file whichever engine the other envs
// are on: for what starts from a file (a move to PostgreSQL).
func newFileEnv(t *testing.T) *env {
	t.Helper()
	return builtEnv.get(t).clone(t)
}

// envOnPostgres makes newEnv build on a PostgreSQL database (onPostgres).
var envOnPostgres bool

// onPostgres runs the rest of t with its envs on PostgreSQL.
func onPostgres(t *testing.T) {
	envOnPostgres = true
	t.Cleanup(func() { envOnPostgres = false })
}

// envOnSQLite makes newEnv build on a file whatever
// ORDERDESK_TEST_POSTGRES says (onSQLite).
var envOnSQLite bool

// onSQLite runs the rest of t with its envs on a SQLite file.
func onSQLite(t *testing.T) {
	envOnSQLite = true
	t.Cleanup(func() { envOnSQLite = false })
}

// envsOnPostgres says whether newEnv builds on PostgreSQL in this test.
func envsOnPostgres() bool {
	return !envOnSQLite && (envOnPostgres || os.Getenv("ORDERDESK_TEST_POSTGRES") == "1")
}

// buildEnv builds the env's database at path: a file, or a PostgreSQL
// database's URL.
func buildEnv(t *testing.T, path string) *env {
	t.Helper()
	ctx := context.Background()
	st, err := store.OpenURL(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	v := &env{t: t, ctx: ctx, path: path, st: st, clock: time.Date(2025, 3, 1, 9, 0, 0, 0, time.UTC)}
	v.tick()
	e, err := workflow.New(ctx, st)
	if err != nil {
		t.Fatal(err)
	}
	v.e = e
	sys, err := e.SystemUser(ctx)
	if err != nil {
		t.Fatal(err)
	}
	mk := func(login string, roles ...workflow.Role) store.User {
		u, err := e.AddUser(ctx, sys, login, login, "", roles)
		if err != nil {
			t.Fatal(err)
		}
		return u
	}
	v.clerk = mk("wang", workflow.Clerk)
	v.clerk2 = mk("li", workflow.Clerk)
	v.boss = mk("zhao", workflow.Supervisor)
	v.fin = mk("qian", workflow.Finance)
	v.admin = mk("admin", workflow.Admin, workflow.Supervisor, workflow.Clerk)
	v.custID, v.docID = v.customerWithTerms(v.clerk, "沈阳钢铁有限公司")
	return v
}

// tick sets the store's clock: one that moves forward one second per
// transaction keeps "oldest first" orders and audit times deterministic.
func (v *env) tick() {
	v.st.Now = func() time.Time { v.clock = v.clock.Add(time.Second); return v.clock }
}

// customerWithTerms creates a customer asking for monthly terms, which
// opens a terms change made by maker.
func (v *env) customerWithTerms(maker store.User, name string) (int64, int64) {
	v.t.Helper()
	id, doc, err := v.e.Desk(maker).CreateCustomer(v.ctx, workflow.CustomerInput{
		Name: name, PaymentTerms: store.TermsMonthly, TermsDays: "30", CreditLimit: "500000",
	})
	if err != nil {
		v.t.Fatal(err)
	}
	if doc == 0 {
		v.t.Fatal("monthly terms did not open a terms change")
	}
	return id, doc
}

func (v *env) act(u store.User, doc int64, action, comment string) {
	v.t.Helper()
	if err := v.e.Desk(u).Act(v.ctx, doc, action, comment); err != nil {
		v.t.Fatalf("%s %s on %d: %v", u.Login, action, doc, err)
	}
}

func (v *env) doc(id int64) store.Document {
	v.t.Helper()
	var d store.Document
	err := v.st.Read(v.ctx, func(tx *store.Tx) (err error) {
		d, err = tx.Document(v.ctx, id)
		return err
	})
	if err != nil {
		v.t.Fatal(err)
	}
	return d
}

func (v *env) customer(id int64) store.Customer {
	v.t.Helper()
	var c store.Customer
	err := v.st.Read(v.ctx, func(tx *store.Tx) (err error) {
		c, err = tx.Customer(v.ctx, id)
		return err
	})
	if err != nil {
		v.t.Fatal(err)
	}
	return c
}

// raw opens the database file the way a script or the sqlite3 shell
// would: no orderdesk code, no pragmas (so no foreign keys either).
func raw(t *testing.T, path string) *sql.DB {
	t.Helper()
	db := storetest.Raw(t, path)
	if err := db.Ping(); err != nil {
		t.Fatal(err)
	}
	return db
}

// wantCode fails unless err is a database refusal naming code ("a|b"
// accepts either, where two triggers refuse the same statement and
// SQLite does not promise which fires first).
func wantCode(t *testing.T, err error, code string) {
	t.Helper()
	if err == nil {
		t.Fatalf("want orderdesk:%s, got success", code)
	}
	for _, c := range strings.Split(code, "|") {
		if strings.Contains(err.Error(), "orderdesk:"+c+" ") {
			return
		}
		// PostgreSQL refuses a row that collides on a unique key itself,
		// where SQLite needs the duplicate guards.
		var pe *pgconn.PgError
		if c == "duplicate" && errors.As(err, &pe) && pe.Code == "23505" {
			return
		}
	}
	t.Fatalf("want orderdesk:%s, got %v", code, err)
}

// checkRefused says whether err is a table's CHECK refusing a row, in
// either engine's words.
func checkRefused(err error) bool {
	var pe *pgconn.PgError
	return err != nil && (strings.Contains(err.Error(), "CHECK constraint failed") || errors.As(err, &pe) && pe.Code == "23514")
}

// wantRule fails unless err is a *store.RuleError with code.
func wantRule(t *testing.T, err error, code string) {
	t.Helper()
	var re *store.RuleError
	if !errors.As(err, &re) || re.Code != code {
		t.Fatalf("want RuleError %s, got %v", code, err)
	}
}

func scalar[T any](t *testing.T, db *sql.DB, q string, args ...any) T {
	t.Helper()
	var v T
	if err := db.QueryRow(q, args...).Scan(&v); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	return v
}

// column is the first column of every row q returns.
func column[T any](t *testing.T, db *sql.DB, q string, args ...any) []T {
	t.Helper()
	rows, err := db.Query(q, args...)
	if err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	defer rows.Close()
	var out []T
	for rows.Next() {
		var v T
		if err := rows.Scan(&v); err != nil {
			t.Fatal(err)
		}
		out = append(out, v)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

const nowSQL = `strftime('%Y-%m-%dT%H:%M:%fZ','now')`

func workflowInput(name string) workflow.CustomerInput {
	return workflow.CustomerInput{Name: name, PaymentTerms: store.TermsPrepaid}
}

// must stops the test on an error setting up its documents.
func (v *env) must(err error) {
	v.t.Helper()
	if err != nil {
		v.t.Fatal(err)
	}
}

// bypass is a statement written around orderdesk through a raw
// connection, and the refusal the database must answer it with.
type bypass = struct{ name, sql, code string }

// summary is the queries whose answers, together, stand for the state
// of the tables a bypass test guards.
type summary []string

// of is what the queries answer on db, one line each.
func (sum summary) of(t *testing.T, db *sql.DB) string {
	t.Helper()
	var out string
	for _, q := range sum {
		var s sql.NullString
		if err := db.QueryRow(q).Scan(&s); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		out += s.String + "\n"
	}
	return out
}

// docSummary is the summary of a document kind's tables: its documents
// and their transitions, the kind's own tables, and the audit log.
func docSummary(tables ...string) summary {
	head := summary{`SELECT group_concat(id || status || version, ';') FROM documents`, `SELECT count(*) || ':' || max(id) FROM transitions`}
	return append(append(head, tables...), `SELECT count(*) || ':' || max(id) FROM audit_log`)
}

// wantRefused runs each statement on db and fails unless the database
// refuses it with its code and nothing changed, as sum sees it.
func wantRefused(t *testing.T, db *sql.DB, sum summary, tests []bypass) {
	t.Helper()
	before := sum.of(t, db)
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if storetest.IsPostgres(db) && strings.Contains(strings.ToUpper(tc.sql), " OR REPLACE ") {
				t.Skip("PostgreSQL has no REPLACE, which deletes the row it displaces: the way around does not exist there")
			}
			_, err := db.Exec(tc.sql)
			wantCode(t, err, tc.code)
		})
	}
	if after := sum.of(t, db); after != before {
		t.Fatalf("a refused statement changed the database:\nbefore %s\nafter  %s", before, after)
	}
}

// transitionSQL is a transition row written straight into the table, as
// a bypass would, at nowSQL.
func transitionSQL(doc int64, action, from, to string, actor int64, signoff int, comment string) string {
	return fmt.Sprintf(`INSERT INTO transitions(doc_id, action, from_status, to_status, actor_id, signoff, comment, at)
			VALUES (%d, '%s', '%s', '%s', %d, %d, '%s', %s)`, doc, action, from, to, actor, signoff, comment, nowSQL)
}
