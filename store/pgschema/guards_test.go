package pgschema_test

import (
	"context"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"

	"orderdesk/store/pgschema"
)

// guardedDB is a new database with every table and the generated guards
// on a few of them, as the store will install them.
func guardedDB(t *testing.T, name string) *pgx.Conn {
	t.Helper()
	ctx := context.Background()
	db := newDatabase(t, name)
	script := pgschema.Tables + pgschema.Functions([]string{"search", "passphrase_hash"})
	for _, g := range []pgschema.Guarded{
		{Table: "users", Actor: "updated_by", Key: "id", KeyFixed: true, Unique: [][]string{{"login"}}},
		{Table: "documents", Actor: "updated_by", Key: "id", KeyFixed: true},
		{Table: "settings", Actor: "updated_by", Key: "rowid", KeyFixed: true},
		{Table: "order_lines", Actor: "updated_by", Key: "id", KeyFixed: true, DocContent: true},
	} {
		script += pgschema.Triggers(g)
	}
	if _, err := db.Exec(ctx, script); err != nil {
		t.Fatal(err)
	}
	const at = "'2026-12-06T10:00:00.000Z'"
	if _, err := db.Exec(ctx, `
INSERT INTO users(id, login, name, created_at, updated_at, updated_by) VALUES (1, 'system', 'system', `+at+`, `+at+`, 1);
INSERT INTO users(id, login, name, roles, passphrase_hash, created_at, updated_at, updated_by)
  VALUES (2, 'wangli', '王丽', ',clerk,supervisor,', 'secret', `+at+`, `+at+`, 1),
         (3, 'zhao', '赵主管', ',supervisor,', '', `+at+`, `+at+`, 1),
         (4, 'li', '李文员', ',clerk,', '', `+at+`, `+at+`, 1);
INSERT INTO wf_states(kind, status, initial, editable) VALUES ('order', 'draft', 1, 1), ('order', 'approved', 0, 0),
  ('memo', 'draft', 1, 1), ('memo', 'approved', 0, 0);
INSERT INTO wf_rules(kind, action, from_status, to_status, signoff, roles) VALUES ('memo', 'approve', 'draft', 'approved', 1, ',supervisor,finance,');
INSERT INTO documents(id, kind, status, maker_id, status_since, created_at, updated_at, updated_by)
  VALUES (10, 'order', 'draft', 2, `+at+`, `+at+`, `+at+`, 2), (11, 'order', 'approved', 2, `+at+`, `+at+`, `+at+`, 2),
         (12, 'memo', 'draft', 2, `+at+`, `+at+`, `+at+`, 2);
INSERT INTO order_lines(id, doc_id, line_no, grade, name, qty, unit, created_at, updated_at, updated_by)
  VALUES (100, 10, 1, 'Q235B', '热轧卷', 5000, 't', `+at+`, `+at+`, 2);
INSERT INTO settings(key, value, updated_at, updated_by) VALUES ('office', '沈阳', `+at+`, 2);`); err != nil {
		t.Fatal(err)
	}
	// The hand-written rules after the rows they would refuse a script
	// (the workflow's states are written through a guard the store opens).
	if _, err := db.Exec(ctx, pgschema.RulesScript); err != nil {
		t.Fatalf("rules.sql: %v", err)
	}
	return db
}

func TestGeneratedGuardsRefuseWhatSQLiteRefuses(t *testing.T) {
	db := guardedDB(t, "guards_refuse")
	ctx := context.Background()
	tests := []struct{ name, sql, code string }{
		{"no delete", `DELETE FROM users WHERE id = 2`, "no_delete"},
		{"no truncate", `TRUNCATE settings`, "no_delete"},
		{"no delete of content", `DELETE FROM order_lines WHERE id = 100`, "no_delete"},
		{"a row's id is fixed", `UPDATE documents SET id = 12 WHERE id = 10`, "fixed_field"},
		{"settings' rowid is fixed", `UPDATE settings SET rowid = 9`, "fixed_field"},
		{"content stays with its document", `UPDATE order_lines SET doc_id = 12 WHERE id = 100`, "fixed_field"},
		// SQLite's keep_ guards check the editable state before the move.
		{"content moved into a signed document", `UPDATE order_lines SET doc_id = 11 WHERE id = 100`, "not_editable"},
		// and a duplicate before either.
		{"a duplicate line on a signed document", `INSERT INTO order_lines(id, doc_id, line_no, grade, name, qty, unit, created_at, updated_at, updated_by)
		  VALUES (100, 11, 1, 'Q235B', '热轧卷', 1000, 't', 'x', 'x', 2)`, "orderdesk:duplicate"},
		{"a duplicate login before the index", `INSERT INTO users(login, name, created_at, updated_at, updated_by) VALUES ('wangli', 'x', 'x', 'x', 1)`, "orderdesk:duplicate"},
		{"no content added to a signed document", `INSERT INTO order_lines(doc_id, line_no, grade, name, qty, unit, created_at, updated_at, updated_by)
		  VALUES (11, 1, 'Q235B', '热轧卷', 1000, 't', 'x', 'x', 2)`, "not_editable"},
		{"a duplicate login", `INSERT INTO users(login, name, created_at, updated_at, updated_by) VALUES ('WangLi', 'x', 'x', 'x', 1)`, "duplicate"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := db.Exec(ctx, tc.sql)
			if err == nil || !strings.Contains(err.Error(), tc.code) {
				t.Errorf("%s: err %v, want %q", tc.sql, err, tc.code)
			}
		})
	}
}

func TestGeneratedGuardsWriteTheAuditAndMoveTheVersion(t *testing.T) {
	db := guardedDB(t, "guards_audit")
	ctx := context.Background()
	if _, err := db.Exec(ctx, `UPDATE order_lines SET qty = 6000, updated_at = 'later', updated_by = 2 WHERE id = 100`); err != nil {
		t.Fatal(err)
	}
	var version int
	var by int64
	var at string
	if err := db.QueryRow(ctx, `SELECT version, updated_by, updated_at FROM documents WHERE id = 10`).Scan(&version, &by, &at); err != nil {
		t.Fatal(err)
	}
	if version != 3 || by != 2 || at != "later" { // the insert and the update each moved it
		t.Errorf("document after two edits: version %d by %d at %s; want 3 by 2 at later", version, by, at)
	}
	var actor, row int64
	var op, before, after string
	if err := db.QueryRow(ctx, `SELECT actor_id, row_id, op, before, after FROM audit_log WHERE tbl = 'order_lines' ORDER BY id DESC LIMIT 1`).
		Scan(&actor, &row, &op, &before, &after); err != nil {
		t.Fatal(err)
	}
	if actor != 2 || row != 100 || op != "update" || !strings.Contains(before, `"qty": 5000`) || !strings.Contains(after, `"qty": 6000`) {
		t.Errorf("audit record: actor %d row %d op %s\nbefore %s\nafter %s", actor, row, op, before, after)
	}
	var secret, settingsRow string
	if err := db.QueryRow(ctx, `SELECT after FROM audit_log WHERE tbl = 'users' AND row_id = 2`).Scan(&secret); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(secret, "secret") || strings.Contains(secret, "passphrase") {
		t.Errorf("the passphrase hash was copied into the audit log: %s", secret)
	}
	if err := db.QueryRow(ctx, `SELECT row_id::text || ' ' || after FROM audit_log WHERE tbl = 'settings'`).Scan(&settingsRow); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(settingsRow, "1 ") || strings.Contains(settingsRow, "rowid") {
		t.Errorf("settings' audit record: %s; want row 1, no rowid in the image", settingsRow)
	}
}

// TestTheTwoPersonRuleHoldsOnPostgreSQL runs the translated transitions
// guard: the maker never signs, whatever roles they hold.
func TestTheTwoPersonRuleHoldsOnPostgreSQL(t *testing.T) {
	db := guardedDB(t, "two_person")
	ctx := context.Background()
	sign := func(actor int, from string) error {
		_, err := db.Exec(ctx, `INSERT INTO transitions(doc_id, action, from_status, to_status, actor_id, signoff, at)
		  VALUES (12, 'approve', $1, 'approved', $2, 1, 'x')`, from, actor)
		return err
	}
	tests := []struct {
		name  string
		actor int
		from  string
		code  string
	}{
		{"the maker, a supervisor too, may not sign", 2, "draft", "maker_cannot_sign"},
		{"a clerk holds no role to sign", 4, "draft", "role_not_allowed"},
		{"a status that moved on is stale", 3, "approved", "stale_status"},
		{"a second supervisor signs", 3, "draft", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := sign(tc.actor, tc.from)
			if tc.code == "" && err != nil || tc.code != "" && (err == nil || !strings.Contains(err.Error(), tc.code)) {
				t.Errorf("user %d from %s: %v, want %q", tc.actor, tc.from, err, tc.code)
			}
		})
	}
}
