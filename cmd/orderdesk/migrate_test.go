package main

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"

	"orderdesk/store"
	"orderdesk/store/storetest"
	"orderdesk/workflow"
	"orderdesk/workflow/workflowtest"
)

// migrateCLI is newCLI on the demo database (sealed with its audit
// key), and a new PostgreSQL database with its owner's and the desk's
// URLs; nothing is copied yet.
func migrateCLI(t *testing.T) (c *cli, ownerURL, deskURL string) {
	t.Helper()
	c = newCLI(t)
	path, files := keyedDemoDB(t)
	t.Setenv("ORDERDESK_AUDIT_KEY", files.Key)
	t.Setenv("ORDERDESK_AUDIT_CHECKPOINTS", files.Checkpoints)
	c.db = path
	ownerURL, deskURL = storetest.PostgresRoles(t)
	return c, ownerURL, deskURL
}

// TestMigrateTheDemoToPostgreSQL moves the demo database into an empty
// PostgreSQL database with the command, then works on the copy as the
// office would: audit verify passes there (the real command, as the
// desk's role), an order is found by its number, a sign-off draws the
// next number of its series, and new rows take the ids after the
// copied ones. A second move into the same database is refused, and
// the file left behind is found cut where the copy went on.
func TestMigrateTheDemoToPostgreSQL(t *testing.T) {
	c, ownerURL, deskURL := migrateCLI(t)
	desk, _ := store.PostgresRole(deskURL)
	src := storetest.ReadOnly(t, c.db)
	var records int64
	if err := src.QueryRow(`SELECT count(*) FROM audit_log`).Scan(&records); err != nil {
		t.Fatal(err)
	}
	c.steps([]step{
		{name: "migrate", args: []string{"migrate", "--to", ownerURL, "--desk-role", desk},
			want: []string{"copied " + c.db + " into postgres://", "tables", fmt.Sprintf("%d of them audit records", records),
				"every table's count the same on both sides", fmt.Sprintf("audit trail intact: %d records", records), "sealed with the audit key from record #1"},
			notWant: []string{"no desk role was granted"}},
		{name: "again", args: []string{"migrate", "--to", ownerURL, "--desk-role", desk}, wantErr: true,
			want: []string{"nothing copied", "holds orderdesk data already (its table "}},
	})
	pg := &cli{t: t, db: deskURL, dbFlag: "--db-url"}
	pg.steps([]step{{name: "audit verify on the copy", args: []string{"audit", "verify"},
		want: []string{"triggers, views and workflow rules match this program", fmt.Sprintf("audit trail intact: %d records", records), "sealed with the audit key from record #1"}}})

	// What the file holds, to hold the copy to.
	var number string
	var numbered, pending, seq, maxDoc, maxAudit, maxCustomer int64
	var series string
	for _, q := range []struct {
		sql  string
		into []any
	}{
		{`SELECT order_no, order_doc_id FROM order_numbers ORDER BY id DESC LIMIT 1`, []any{&number, &numbered}},
		{`SELECT d.id FROM documents d JOIN orders o ON o.doc_id = d.id
		   WHERE d.kind = 'order' AND d.status = 'submitted' AND o.revision = 1 ORDER BY d.id LIMIT 1`, []any{&pending}},
		{`SELECT max(id) FROM documents`, []any{&maxDoc}},
		{`SELECT max(id) FROM audit_log`, []any{&maxAudit}},
		{`SELECT max(id) FROM customers`, []any{&maxCustomer}},
	} {
		if err := src.QueryRow(q.sql).Scan(q.into...); err != nil {
			t.Fatalf("%s: %v", q.sql, err)
		}
	}
	ctx := context.Background()
	eng := workflowtest.Open(t, deskURL, store.WithAuditKey(auditFilesOf(t)))
	defer eng.Store().Close()
	file, err := store.OpenReadOnly(ctx, c.db)
	if err != nil {
		t.Fatal(err)
	}
	defer file.Close()
	for _, q := range []string{"有限", "钢", "沈阳", "ln", "no.00", "dd2026"} {
		want, have := searchHits(t, file, q), searchHits(t, eng.Store(), q)
		if want != have {
			t.Errorf("found by %q\n in the file:       %s\n on PostgreSQL: %s", q, want, have)
		}
		if q == "有限" && !strings.Contains(want, "customers [") {
			t.Errorf("found by %q in the file: %s; the demo's customers are companies", q, want)
		}
	}
	sys, err := eng.SystemUser(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if id, err := eng.Desk(sys).OrderByNumber(ctx, number); err != nil || id != numbered {
		t.Errorf("order %s on the copy: document %d, %v; want %d", number, id, err, numbered)
	}
	var zhao, wangli store.User
	err = eng.Store().Read(ctx, func(tx *store.Tx) (err error) {
		if zhao, err = tx.UserByLogin(ctx, "zhao"); err == nil {
			wangli, err = tx.UserByLogin(ctx, "wangli")
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := eng.Desk(zhao).Act(ctx, pending, workflow.ActionApprove, "signed off on PostgreSQL"); err != nil {
		t.Fatalf("sign-off of order %d on the copy: %v", pending, err)
	}
	conn, err := pgx.Connect(ctx, deskURL)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	var drawn string
	if err := conn.QueryRow(ctx, `SELECT n.order_no, n.series, n.seq FROM order_numbers n WHERE n.order_doc_id = $1`, pending).Scan(&drawn, &series, &seq); err != nil {
		t.Fatalf("the signed-off order's number: %v", err)
	}
	var before int64
	if err := src.QueryRow(`SELECT coalesce(max(seq), 0) FROM order_numbers WHERE series = ?`, series).Scan(&before); err != nil {
		t.Fatal(err)
	}
	if seq != before+1 || !strings.HasSuffix(drawn, fmt.Sprintf("%04d", seq)) {
		t.Errorf("the sign-off drew %s (%s #%d), want #%d: the series goes on from the file's", drawn, series, seq, before+1)
	}
	id, _, err := eng.Desk(wangli).CreateCustomer(ctx, workflow.CustomerInput{Name: "迁移后新客户有限公司", ShortName: "迁移新客", City: "沈阳", PaymentTerms: "prepaid"})
	if err != nil {
		t.Fatal(err)
	}
	var audit, doc int64
	if err := conn.QueryRow(ctx, `SELECT (SELECT min(id) FROM audit_log WHERE id > $1), (SELECT max(id) FROM documents)`, maxAudit).Scan(&audit, &doc); err != nil {
		t.Fatal(err)
	}
	if audit != maxAudit+1 || id != maxCustomer+1 {
		t.Errorf("written on the copy: audit record #%d, customer %d; want #%d and %d", audit, id, maxAudit+1, maxCustomer+1)
	}
	if doc != maxDoc {
		t.Errorf("documents after a sign-off: max id %d, want the file's %d", doc, maxDoc)
	}
	pg.steps([]step{{name: "verify after work on the copy", args: []string{"audit", "verify"}, want: []string{"audit trail intact"}}})
	c.steps([]step{{name: "the file, left behind", args: []string{"audit", "verify"}, wantErr: true,
		want: []string{fmt.Sprintf("audit trail cut after record #%d", maxAudit)}}})
}

// searchHits is what the filters of the customer, order and delivery
// lists find by q (through the search indexes), as ids.
func searchHits(t *testing.T, st *store.Store, q string) string {
	t.Helper()
	var out []string
	err := st.Read(context.Background(), func(tx *store.Tx) error {
		p := store.Page{Query: q, Limit: 500, Voided: true}
		cs, err := tx.Customers(context.Background(), p)
		if err != nil {
			return err
		}
		os, err := tx.Orders(context.Background(), store.OrderFilter{WithRevised: true}, p)
		if err != nil {
			return err
		}
		ds, err := tx.DeliveryRows(context.Background(), nil, p)
		if err != nil {
			return err
		}
		var ids []int64
		for _, c := range cs {
			ids = append(ids, c.ID)
		}
		out = append(out, fmt.Sprint("customers ", ids))
		ids = nil
		for _, o := range os {
			ids = append(ids, o.ID)
		}
		out = append(out, fmt.Sprint("orders ", ids))
		ids = nil
		for _, d := range ds {
			ids = append(ids, d.Document.ID)
		}
		out = append(out, fmt.Sprint("deliveries ", ids))
		return nil
	})
	if err != nil {
		t.Fatalf("search %q: %v", q, err)
	}
	return strings.Join(out, "; ")
}

// auditFilesOf is the audit key and checkpoints the test's environment
// names (migrateCLI).
func auditFilesOf(t *testing.T) store.AuditKeyFiles {
	t.Helper()
	cfg, _, err := (&globals{}).config()
	if err != nil {
		t.Fatal(err)
	}
	return cfg.auditFiles()
}

// TestMigrateRefuses: what migrate will not copy from or into, and
// that a refusal leaves the target without a row.
func TestMigrateRefuses(t *testing.T) {
	for _, tc := range []struct {
		name   string
		before func(t *testing.T, c *cli)
		args   func(ownerURL string) []string
		want   []string
	}{
		{name: "a tampered audit record", before: func(t *testing.T, c *cli) {
			tamperKeepingGuards(t, c.db, `UPDATE audit_log SET after = replace(after, '"zhao"', '"zhaox"') WHERE id = (SELECT min(id) FROM audit_log WHERE after LIKE '%"zhao"%')`)
		}, args: func(u string) []string { return []string{"migrate", "--to", u} },
			want: []string{"is not moved, its audit trail does not verify: audit trail broken at record #", ": altered"}},
		{name: "the audit key not at hand", before: func(t *testing.T, c *cli) {
			t.Setenv("ORDERDESK_AUDIT_KEY", filepath.Join(t.TempDir(), "elsewhere.key"))
		}, args: func(u string) []string { return []string{"migrate", "--to", u} },
			want: []string{"is not moved, its audit trail does not verify: the seal could not be checked", "no key file at"}},
		{name: "text PostgreSQL refuses, half-way through the copy", before: func(t *testing.T, c *cli) {
			db := storetest.Raw(t, c.db)
			if _, err := db.Exec(`INSERT INTO drafts(user_id, form, payload, updated_at) VALUES (2, 'customer:new', CAST(x'7b226e616d65223a22ff227d' AS TEXT), '2026-12-01')`); err != nil {
				t.Fatal(err)
			}
		}, args: func(u string) []string { return []string{"migrate", "--to", u} },
			want: []string{"the move to postgres://", "did not go through", "copying drafts", "UTF8"}},
		{name: "a file an older orderdesk wrote", before: func(t *testing.T, c *cli) {
			storetest.RollBackTo(t, storetest.Raw(t, c.db), store.SchemaVersion()-1)
		}, args: func(u string) []string { return []string{"migrate", "--to", u} },
			want: []string{"written by an older orderdesk and cannot be upgraded while opened read-only", "open it once with this orderdesk"}},
		{name: "no target", args: func(string) []string { return []string{"migrate"} },
			want: []string{"migrate needs the PostgreSQL database to copy into"}},
		{name: "not a URL", args: func(string) []string { return []string{"migrate", "--to", "orderdesk.db"} },
			want: []string{"must begin with postgres://"}},
		{name: "from PostgreSQL", args: func(u string) []string { return []string{"--db-url", u, "migrate", "--to", u} },
			want: []string{"migrate copies a SQLite database file"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, ownerURL, _ := migrateCLI(t)
			if tc.before != nil {
				tc.before(t, c)
			}
			args := tc.args(ownerURL)
			if args[0] == "--db-url" {
				c.db, c.dbFlag, args = args[1], "--db-url", args[2:]
			}
			c.steps([]step{{name: tc.name, args: args, wantErr: true, want: tc.want}})
			conn, err := pgx.Connect(context.Background(), ownerURL)
			if err != nil {
				t.Fatal(err)
			}
			defer conn.Close(context.Background())
			var made bool
			if err := conn.QueryRow(context.Background(), `SELECT to_regclass('audit_log') IS NOT NULL`).Scan(&made); err != nil {
				t.Fatal(err)
			}
			if made {
				var n int64
				err := conn.QueryRow(context.Background(), `SELECT (SELECT count(*) FROM audit_log) + (SELECT count(*) FROM documents)
				  + (SELECT count(*) FROM users WHERE id <> 1) + (SELECT count(*) FROM customer_fts)`).Scan(&n)
				if err != nil || n != 0 {
					t.Errorf("the refused move left %d rows in the target (%v)", n, err)
				}
			}
		})
	}
}

// tamperKeepingGuards runs stmts on the file around the audit log's
// triggers, then puts the triggers back as they were: the record is
// altered and the schema is whole, as after a careful forger.
func tamperKeepingGuards(t *testing.T, path string, stmts ...string) {
	t.Helper()
	db := storetest.Raw(t, path)
	rows, err := db.Query(`SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_log'`)
	if err != nil {
		t.Fatal(err)
	}
	var names, defs []string
	for rows.Next() {
		var n, s string
		rows.Scan(&n, &s)
		names, defs = append(names, `DROP TRIGGER "`+n+`"`), append(defs, s)
	}
	rows.Close()
	for _, s := range append(append(names, stmts...), defs...) {
		if _, err := db.Exec(s); err != nil {
			t.Fatalf("%s: %v", s, err)
		}
	}
}
