package store_test

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"orderdesk/store"
	"orderdesk/store/storetest"
	"orderdesk/workflow"
)

// keyedDesk is a closed database on a real file whose first records were
// sealed before it had an audit key (an installation upgraded to keyed
// sealing) and the rest with the key, and the key's files.
type keyedDesk struct {
	ctx      context.Context
	path     string
	files    store.AuditKeyFiles
	switchAt int64 // the last record sealed without the key
	last     int64
}

// newKeyedDesk writes a few users without a key, then opens the file with
// one and writes more.
func newKeyedDesk(t *testing.T) *keyedDesk {
	t.Helper()
	dir := t.TempDir()
	d := &keyedDesk{ctx: context.Background(), path: filepath.Join(dir, "data", "desk.db"),
		files: store.AuditKeyFiles{Key: filepath.Join(dir, "keys", "audit.key"), Checkpoints: filepath.Join(dir, "keys", "audit.checkpoints")}}
	d.write(t, false, "wang", "li")
	d.switchAt = scalar[int64](t, raw(t, d.path), `SELECT max(id) FROM audit_log`)
	d.write(t, true, "zhao", "qian", "sun")
	d.last = scalar[int64](t, raw(t, d.path), `SELECT max(id) FROM audit_log`)
	return d
}

func (d *keyedDesk) open(t *testing.T, keyed bool) (*store.Store, *workflow.Engine) {
	t.Helper()
	var opts []store.Option
	if keyed {
		opts = append(opts, store.WithAuditKey(d.files))
	}
	st, err := store.Open(d.ctx, d.path, opts...)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	e, err := workflow.New(d.ctx, st)
	if err != nil {
		t.Fatal(err)
	}
	return st, e
}

// write adds users and changes their roles, then closes the store.
func (d *keyedDesk) write(t *testing.T, keyed bool, logins ...string) {
	t.Helper()
	st, e := d.open(t, keyed)
	sys, _ := e.SystemUser(d.ctx)
	for _, login := range logins {
		if _, err := e.AddUser(d.ctx, sys, login, login, "", []workflow.Role{workflow.Clerk}); err != nil {
			t.Fatal(err)
		}
		if _, err := e.SetRoles(d.ctx, sys, login, []workflow.Role{workflow.Clerk, workflow.Supervisor}); err != nil {
			t.Fatal(err)
		}
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
}

// plainSeal is the seal anyone can compute: SHA-256 over the record's
// length-prefixed fields and the previous hash, as audit.go does.
func plainSeal(db *sql.DB, id int64, prev string) (string, error) {
	var at, tbl, op string
	var actor sql.NullInt64
	var rowID int64
	var before, after sql.NullString
	if err := db.QueryRow(`SELECT at, actor_id, tbl, row_id, op, before, after FROM audit_log WHERE id = ?`, id).
		Scan(&at, &actor, &tbl, &rowID, &op, &before, &after); err != nil {
		return "", err
	}
	h := sha256.New()
	field := func(s string, valid bool) {
		if !valid {
			h.Write([]byte("-1:"))
			return
		}
		h.Write([]byte(strconv.Itoa(len(s)) + ":" + s))
	}
	field(strconv.FormatInt(id, 10), true)
	field(at, true)
	field(strconv.FormatInt(actor.Int64, 10), actor.Valid)
	field(tbl, true)
	field(strconv.FormatInt(rowID, 10), true)
	field(op, true)
	field(before.String, before.Valid)
	field(after.String, after.Valid)
	field(prev, true)
	return hex.EncodeToString(h.Sum(nil)), nil
}

// resealFrom re-seals records from id on with plain SHA-256, chained to
// the record before, as whoever rewrites the log without the key can.
func resealFrom(t *testing.T, db *sql.DB, from int64) {
	t.Helper()
	var prev string
	db.QueryRow(`SELECT coalesce((SELECT hash FROM audit_log WHERE id < ? ORDER BY id DESC LIMIT 1), '')`, from).Scan(&prev)
	last := scalar[int64](t, db, `SELECT max(id) FROM audit_log`)
	for id := from; id <= last; id++ { // the ids run without gaps here
		h, err := plainSeal(db, id, prev)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := db.Exec(`UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?`, prev, h, id); err != nil {
			t.Fatal(err)
		}
		prev = h
	}
}

func execAll(t *testing.T, db *sql.DB, qs ...string) {
	t.Helper()
	for _, q := range qs {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
}

// dropAuditGuards drops the triggers that keep the audit log and its
// checkpoints append-only, as the first step of any rewrite.
var dropAuditGuards = []string{`DROP TRIGGER audit_log_seal_once`, `DROP TRIGGER audit_log_no_delete`,
	`DROP TRIGGER keep_audit_log_u`, `DROP TRIGGER audit_checkpoints_no_delete`}

// TestTamperBattery attacks a keyed database on a real file the way a
// person who can write the file can, and checks that audit verify names
// what was done, that the store refuses writes while its guards differ,
// and that repair puts them back and is audited.
func TestTamperBattery(t *testing.T) {
	type want struct {
		schema  []string // guards reported, as SchemaProblem.String
		problem string   // the chain's break, "" when whole
		at      func(d *keyedDesk) int64
	}
	first := func(d *keyedDesk) int64 { return d.switchAt + 1 }
	tests := []struct {
		name   string
		tamper func(t *testing.T, d *keyedDesk, db *sql.DB)
		want   want
	}{
		{"drop a trigger", func(t *testing.T, d *keyedDesk, db *sql.DB) {
			execAll(t, db, `DROP TRIGGER customers_terms_guard`)
		}, want{schema: []string{"trigger customers_terms_guard missing"}}},
		{"alter a trigger's body", func(t *testing.T, d *keyedDesk, db *sql.DB) {
			execAll(t, db, `DROP TRIGGER documents_status_guard`,
				`CREATE TRIGGER documents_status_guard BEFORE UPDATE OF status ON documents BEGIN SELECT 1; END`)
		}, want{schema: []string{"trigger documents_status_guard altered"}}},
		{"extra view", func(t *testing.T, d *keyedDesk, db *sql.DB) {
			execAll(t, db, `DROP VIEW invoice_balances`, `CREATE VIEW invoice_balances AS SELECT 0 AS balance`, `CREATE VIEW peek AS SELECT 1`)
		}, want{schema: []string{"view invoice_balances altered", "view peek extra"}}},
		{"extra workflow rule", func(t *testing.T, d *keyedDesk, db *sql.DB) {
			execAll(t, db, `DROP TRIGGER wf_rules_frozen_i`,
				`INSERT INTO wf_rules(kind, action, from_status, to_status, signoff, roles) VALUES ('terms_change', 'sneak', 'submitted', 'approved', 0, ',clerk,')`)
		}, want{schema: []string{"rule terms_change sneak from submitted extra", "trigger wf_rules_frozen_i missing"}}},
		{"altered workflow rule", func(t *testing.T, d *keyedDesk, db *sql.DB) {
			execAll(t, db, `DROP TRIGGER wf_rules_frozen_u`, `UPDATE wf_rules SET signoff = 0, roles = ',clerk,' WHERE kind = 'terms_change' AND action = 'approve'`)
		}, want{schema: []string{"rule terms_change approve from submitted altered", "trigger wf_rules_frozen_u missing"}}},
		{"forge a row in another user's name", func(t *testing.T, d *keyedDesk, db *sql.DB) {
			// The trigger goes and comes back word for word: the guards
			// match again, and the record written by hand must give it away.
			def := scalar[string](t, db, `SELECT sql FROM sqlite_schema WHERE name = 'audit_users_u'`)
			execAll(t, db, `DROP TRIGGER audit_users_u`,
				`UPDATE users SET roles = ',clerk,admin,', updated_by = 4 WHERE login = 'wang'`, def)
			prev := scalar[string](t, db, `SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1`)
			id := scalar[int64](t, db, `INSERT INTO audit_log(actor_id, tbl, row_id, op, before, after) VALUES (4, 'users', 2, 'update', '{"roles":",clerk,"}', '{"roles":",clerk,admin,"}') RETURNING id`)
			h, err := plainSeal(db, id, prev)
			if err != nil {
				t.Fatal(err)
			}
			execAll(t, db, fmt.Sprintf(`UPDATE audit_log SET prev_hash = '%s', hash = '%s' WHERE id = %d`, prev, h, id))
		}, want{problem: store.BreakResealed, at: func(d *keyedDesk) int64 { return d.last + 1 }}},
		{"re-seal with plain SHA-256", func(t *testing.T, d *keyedDesk, db *sql.DB) {
			execAll(t, db, dropAuditGuards...)
			resealFrom(t, db, d.switchAt+1)
		}, want{schema: guardNames, problem: store.BreakResealed, at: first}},
		{"re-chain from a point", func(t *testing.T, d *keyedDesk, db *sql.DB) {
			// A record from before the key is rewritten and the chain
			// sealed again up to the key's record: only the signed record
			// of where keyed sealing began can tell.
			execAll(t, db, dropAuditGuards...)
			execAll(t, db, `UPDATE audit_log SET after = replace(after, 'wang', 'wanq') WHERE id = 2`)
			resealFrom(t, db, 2)
		}, want{schema: guardNames, problem: store.BreakRechained, at: func(d *keyedDesk) int64 { return d.switchAt }}},
		{"cut the tail", func(t *testing.T, d *keyedDesk, db *sql.DB) {
			execAll(t, db, dropAuditGuards...)
			execAll(t, db, fmt.Sprintf(`DELETE FROM audit_log WHERE id > %d`, d.last-2),
				fmt.Sprintf(`DELETE FROM audit_checkpoints WHERE audit_id > %d`, d.last-2))
		}, want{schema: guardNames, problem: store.BreakTailCut, at: func(d *keyedDesk) int64 { return d.last }}},
		{"forged checkpoint", func(t *testing.T, d *keyedDesk, db *sql.DB) {
			execAll(t, db, `INSERT INTO audit_checkpoints(kind, db_id, audit_id, hash, at, mac)
				SELECT 'head', db_id, 3, 'k:00', at, mac FROM audit_checkpoints ORDER BY id DESC LIMIT 1`)
		}, want{problem: store.BreakForged, at: func(*keyedDesk) int64 { return 3 }}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := newKeyedDesk(t)
			db := raw(t, d.path)
			tc.tamper(t, d, db)
			db.Close()

			st, e := d.open(t, true)
			res, err := st.VerifyAudit(d.ctx)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, p := range res.Schema {
				got = append(got, p.String())
			}
			if fmt.Sprint(got) != fmt.Sprint(tc.want.schema) {
				t.Errorf("guards reported %q, want %q", got, tc.want.schema)
			}
			if res.Problem != tc.want.problem || (tc.want.at != nil && res.BrokenAt != tc.want.at(d)) {
				want := int64(0)
				if tc.want.at != nil {
					want = tc.want.at(d)
				}
				t.Errorf("chain: %q at #%d, want %q at #%d (%+v)", res.Problem, res.BrokenAt, tc.want.problem, want, res)
			}
			if tc.want.problem == store.BreakTailCut && res.TailAfter != d.last-2 {
				t.Errorf("tail cut after #%d, want #%d", res.TailAfter, d.last-2)
			}
			if len(tc.want.schema) == 0 {
				return
			}
			sys, _ := e.SystemUser(d.ctx)
			if _, err := e.AddUser(d.ctx, sys, "zhou", "zhou", "", []workflow.Role{workflow.Clerk}); !errors.Is(err, store.ErrSchemaAltered) {
				t.Fatalf("a write with the guards altered: %v", err)
			}
			rep, err := st.RepairSchema(d.ctx)
			if err != nil {
				t.Fatal(err)
			}
			if len(rep.Fixed) != len(tc.want.schema) || len(rep.Left) != 0 {
				t.Errorf("repair: %+v", rep)
			}
			if left, err := st.CheckSchema(d.ctx); err != nil || len(left) != 0 {
				t.Fatalf("after repair: %v %v", left, err)
			}
			if _, err := e.AddUser(d.ctx, sys, "zhou", "zhou", "", []workflow.Role{workflow.Clerk}); err != nil {
				t.Fatalf("a write after repair: %v", err)
			}
			check := raw(t, d.path)
			var actor int64
			var op string
			var hash sql.NullString
			if err := check.QueryRow(`SELECT actor_id, op, hash FROM audit_log WHERE tbl = 'schema'`).Scan(&actor, &op, &hash); err != nil {
				t.Fatalf("the repair left no audit record: %v", err)
			}
			if actor != store.SystemUserID || op != "repair" || !hash.Valid {
				t.Errorf("repair record: actor %d, op %s, hash %v", actor, op, hash)
			}
		})
	}
}

// guardNames are what dropAuditGuards takes away.
var guardNames = []string{"trigger audit_checkpoints_no_delete missing", "trigger audit_log_no_delete missing",
	"trigger audit_log_seal_once missing", "trigger keep_audit_log_u missing"}

// TestKeyRecordRemoved: whoever removes the database's record of its key
// and re-seals every record with plain SHA-256 is still found out by the
// checkpoints outside the file, and the store will not seal over it.
func TestKeyRecordRemoved(t *testing.T) {
	d := newKeyedDesk(t)
	db := raw(t, d.path)
	execAll(t, db, dropAuditGuards...)
	execAll(t, db, `DELETE FROM audit_checkpoints`)
	resealFrom(t, db, 1)
	db.Close()
	st, e := d.open(t, true)
	if state, _ := st.KeyState(); state != store.KeyLost {
		t.Fatalf("key state %s", state)
	}
	res, err := st.VerifyAudit(d.ctx)
	if err != nil || res.Problem != store.BreakKeyLost {
		t.Fatalf("%+v %v", res, err)
	}
	sys, _ := e.SystemUser(d.ctx)
	if _, err := e.AddUser(d.ctx, sys, "zhou", "zhou", "", []workflow.Role{workflow.Clerk}); !errors.Is(err, store.ErrAuditKey) {
		t.Fatalf("a write over a lost key record: %v", err)
	}
}

// TestKeylessCopy: a copy of the database opened where its key is not
// still verifies its chain's links, says why the seal went unchecked,
// and refuses to write records it could not seal.
func TestKeylessCopy(t *testing.T) {
	d := newKeyedDesk(t)
	dir := t.TempDir()
	cp := filepath.Join(dir, "copy.db")
	execAll(t, raw(t, d.path), `PRAGMA wal_checkpoint(TRUNCATE)`)
	storetest.CopyFile(t, d.path, cp, 0o600)
	for _, tc := range []struct {
		name string
		opts []store.Option
	}{
		{"no key configured", nil},
		{"key file absent", []store.Option{store.WithAuditKey(store.AuditKeyFiles{Key: filepath.Join(dir, "audit.key"), Checkpoints: filepath.Join(dir, "cp")})}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			st, err := store.Open(d.ctx, cp, tc.opts...)
			if err != nil {
				t.Fatal(err)
			}
			defer st.Close()
			res, err := st.VerifyAudit(d.ctx)
			if err != nil {
				t.Fatal(err)
			}
			if res.BrokenAt != 0 || res.Checked != d.last || res.Key != store.KeyMissing || res.KeyWhy == "" {
				t.Fatalf("%+v", res)
			}
			err = st.Write(d.ctx, func(tx *store.Tx) error { return tx.SetSetting(d.ctx, store.SystemUserID, "x", "1") })
			if !errors.Is(err, store.ErrAuditKey) {
				t.Fatalf("a write without the key: %v", err)
			}
		})
	}
	// The copy's chain still shows a record altered in the plain part.
	db := raw(t, cp)
	execAll(t, db, `DROP TRIGGER audit_log_seal_once`, `UPDATE audit_log SET after = '{}' WHERE id = 1`)
	db.Close()
	st, err := store.Open(d.ctx, cp)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if res, _ := st.VerifyAudit(d.ctx); res.BrokenAt != 1 || res.Problem != store.BreakAltered {
		t.Fatalf("%+v", res)
	}
	if _, err := st.Checkpoint(d.ctx); err != nil {
		t.Fatalf("a copy without its key gives its newest checkpoint: %v", err)
	}
}

// TestRepairLeavesAUsedRule: an undeclared rule that a document already
// moved by is not removed (its history would name a rule that is gone):
// repair puts the trigger back, reports the rule, and saves stay refused.
func TestRepairLeavesAUsedRule(t *testing.T) {
	v := newEnv(t)
	db := raw(t, v.path)
	execAll(t, db, `DROP TRIGGER wf_rules_frozen_i`,
		`INSERT INTO wf_rules(kind, action, from_status, to_status, signoff, roles) VALUES ('terms_change', 'sneak', 'submitted', 'approved', 0, ',clerk,')`,
		transitionSQL(v.docID, "sneak", "submitted", "approved", v.clerk.ID, 0, ""))
	rep, err := v.st.RepairSchema(v.ctx)
	if err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(rep.Fixed) != "[trigger wf_rules_frozen_i missing]" || fmt.Sprint(rep.Left) != "[rule terms_change sneak from submitted extra]" {
		t.Fatalf("%+v", rep)
	}
	if left := v.st.SchemaProblems(); len(left) != 1 || !left[0].Used {
		t.Fatalf("%+v", left)
	}
	err = v.st.Write(v.ctx, func(tx *store.Tx) error { return tx.SetSetting(v.ctx, store.SystemUserID, "x", "1") })
	if !errors.Is(err, store.ErrSchemaAltered) {
		t.Fatalf("a save with the rule left: %v", err)
	}
}

// TestRestoreFromBackup: a database put back from an older copy shows a
// cut tail until the restore is marked with the key; then verify holds it
// to the checkpoints up to the restore and to the ones after, and the
// records written after it chain on.
func TestRestoreFromBackup(t *testing.T) {
	d := newKeyedDesk(t)
	execAll(t, raw(t, d.path), `PRAGMA wal_checkpoint(TRUNCATE)`)
	backup := filepath.Join(t.TempDir(), "backup.db")
	storetest.CopyFile(t, d.path, backup, 0o600)
	d.write(t, true, "zhou", "wu")
	execAll(t, raw(t, d.path), `PRAGMA wal_checkpoint(TRUNCATE)`)
	storetest.CopyFile(t, backup, d.path, 0o600)
	os.Remove(d.path + "-wal")
	os.Remove(d.path + "-shm")

	st, e := d.open(t, true)
	if res, _ := st.VerifyAudit(d.ctx); res.Problem != store.BreakTailCut {
		t.Fatalf("a restore before it is marked: %+v", res)
	}
	if _, err := st.MarkRestored(d.ctx); err != nil {
		t.Fatal(err)
	}
	sys, _ := e.SystemUser(d.ctx)
	if _, err := e.AddUser(d.ctx, sys, "zheng", "zheng", "", []workflow.Role{workflow.Clerk}); err != nil {
		t.Fatal(err)
	}
	if _, err := st.Checkpoint(d.ctx); err != nil {
		t.Fatal(err)
	}
	res, err := st.VerifyAudit(d.ctx)
	if err != nil || res.BrokenAt != 0 || res.Restored == nil || res.Restored.AuditID != d.last || res.Checkpoint.AuditID != d.last+1 {
		t.Fatalf("after the restore was marked: %+v %v", res, err)
	}
}

// TestRuleProblemsSayWhatDocumentsUsed: an undeclared state or rule is
// marked used when a document has been in the state or moved by the
// rule, and only then; the marks are read for what differs alone.
func TestRuleProblemsSayWhatDocumentsUsed(t *testing.T) {
	v := newEnv(t)
	db := raw(t, v.path)
	execAll(t, db, `DROP TRIGGER wf_rules_frozen_i`, `DROP TRIGGER wf_states_frozen_i`,
		`INSERT INTO wf_states(kind, status, initial, editable) VALUES ('terms_change', 'limbo', 0, 0), ('terms_change', 'never', 0, 0)`,
		`INSERT INTO wf_rules(kind, action, from_status, to_status, signoff, roles) VALUES
		   ('terms_change', 'sneak', 'submitted', 'limbo', 0, ',clerk,'), ('terms_change', 'ghost', 'never', 'limbo', 0, ',clerk,')`,
		transitionSQL(v.docID, "sneak", "submitted", "limbo", v.clerk.ID, 0, ""))
	problems, err := v.st.CheckSchema(v.ctx)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]bool{}
	for _, p := range problems {
		if p.Object == "state" || p.Object == "rule" {
			got[p.String()] = p.Used
		}
	}
	want := map[string]bool{
		"state terms_change/limbo extra":               true,
		"state terms_change/never extra":               false,
		"rule terms_change sneak from submitted extra": true,
		"rule terms_change ghost from never extra":     false,
	}
	if !maps.Equal(got, want) {
		t.Fatalf("marks %v, want %v", got, want)
	}
}
