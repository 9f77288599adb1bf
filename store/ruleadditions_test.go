package store_test

import (
	"database/sql"
	"strconv"
	"strings"
	"testing"

	"orderdesk/store"
	"orderdesk/store/storetest"
	"orderdesk/workflow"
)

// A step a later version might add to terms changes, which have
// documents in every env: a supervisor puts a submitted change on hold.
var (
	holdState = store.StateDef{Kind: store.TermsChangeKind, Status: "on_hold"}
	holdRule  = store.RuleDef{Kind: store.TermsChangeKind, Action: "hold", From: "submitted", To: "on_hold",
		SignOff: true, Roles: []string{"supervisor"}}
)

// declaredWith is the program's rules with more states and rules added.
func declaredWith(states []store.StateDef, rules []store.RuleDef) ([]store.StateDef, []store.RuleDef) {
	ds, dr := workflow.DeclaredRules()
	return append(ds, states...), append(dr, rules...)
}

// TestSyncRulesAddsToAKindInUse: the program adds a state and a rule to
// a kind with documents, audited as the system's, and the new step keeps
// the two-person rule; it never changes or removes one.
func TestSyncRulesAddsToAKindInUse(t *testing.T) {
	changed := func(f func(*store.StateDef, *store.RuleDef)) ([]store.StateDef, []store.RuleDef) {
		ds, dr := declaredWith([]store.StateDef{holdState}, []store.RuleDef{holdRule})
		for i := range ds {
			if ds[i].Kind == store.TermsChangeKind && ds[i].Status == "approved" {
				for j := range dr {
					if dr[j].Kind == store.TermsChangeKind && dr[j].Action == workflow.ActionApprove {
						f(&ds[i], &dr[j])
					}
				}
			}
		}
		return ds, dr
	}
	tests := []struct {
		name    string
		defs    func() ([]store.StateDef, []store.RuleDef)
		changed bool // the file keeps its rule, and the guards check names the change
		added   bool
	}{
		{"a state and a rule added", func() ([]store.StateDef, []store.RuleDef) {
			return declaredWith([]store.StateDef{holdState}, []store.RuleDef{holdRule})
		}, false, true},
		{"a state changed", func() ([]store.StateDef, []store.RuleDef) {
			return changed(func(s *store.StateDef, _ *store.RuleDef) { s.Editable = true })
		}, true, true},
		{"a rule changed", func() ([]store.StateDef, []store.RuleDef) {
			return changed(func(_ *store.StateDef, r *store.RuleDef) { r.SignOff = false })
		}, true, true},
		{"a rule's roles changed", func() ([]store.StateDef, []store.RuleDef) {
			return changed(func(_ *store.StateDef, r *store.RuleDef) { r.Roles = append(r.Roles, "clerk") })
		}, true, true},
		{"a rule left out is kept", func() ([]store.StateDef, []store.RuleDef) {
			ds, dr := workflow.DeclaredRules()
			return ds, dr[1:]
		}, true, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			v := newEnv(t)
			db := raw(t, v.path)
			rulesBefore := scalar[int](t, db, `SELECT count(*) FROM wf_rules`)
			auditBefore := scalar[int64](t, db, `SELECT max(id) FROM audit_log`)
			const approveRow = `SELECT s.editable || ' ' || r.signoff || ' ' || r.roles FROM wf_states s, wf_rules r
				WHERE s.kind = 'terms_change' AND s.status = 'approved' AND r.kind = s.kind AND r.action = 'approve'`
			approveBefore := scalar[string](t, db, approveRow)
			states, rules := tc.defs()
			if err := v.st.SyncRules(v.ctx, states, rules); err != nil {
				t.Fatalf("SyncRules: %v", err)
			}
			if problems := v.st.SchemaProblems(); (len(problems) > 0) != tc.changed {
				t.Fatalf("guards check after SyncRules: %v, want a change named: %v", problems, tc.changed)
			}
			if after := scalar[string](t, db, approveRow); after != approveBefore {
				t.Fatalf("a rule in the file was changed: %q → %q", approveBefore, after)
			}
			additions := scalar[string](t, db, `SELECT coalesce(group_concat(tbl || ' ' || actor_id || ' ' || after, '; '), '')
				FROM audit_log WHERE id > ?`, auditBefore)
			if guards := scalar[int](t, db, `SELECT count(*) FROM wf_additions_guard`); guards != 0 {
				t.Fatalf("the additions guard stayed open: %d", guards)
			}
			if !tc.added {
				if n := scalar[int](t, db, `SELECT count(*) FROM wf_rules`); n != rulesBefore || additions != "" {
					t.Fatalf("rules %d → %d, audit %q", rulesBefore, n, additions)
				}
				return
			}
			for _, want := range []string{`wf_states 1 {"kind":"terms_change","status":"on_hold"`, `wf_rules 1 {"kind":"terms_change","action":"hold"`,
				`"program":"orderdesk `, `"schema":` + strconv.Itoa(store.SchemaVersion())} {
				if !strings.Contains(additions, want) {
					t.Fatalf("audit of the additions lacks %s:\n%s", want, additions)
				}
			}
			if res, err := v.st.VerifyAudit(v.ctx); err != nil || res.BrokenAt != 0 {
				t.Fatalf("audit chain after the additions: %+v %v", res, err)
			}
			// The new step is a sign-off like any other: not by the maker.
			_, err := db.Exec(transitionSQL(v.docID, "hold", "submitted", "on_hold", v.clerk.ID, 1, "x"))
			wantCode(t, err, "maker_cannot_sign|role_not_allowed")
			if _, err := db.Exec(transitionSQL(v.docID, "hold", "submitted", "on_hold", v.boss.ID, 1, "x")); err != nil {
				t.Fatalf("the added step: %v", err)
			}
			if d := v.doc(v.docID); d.Status != "on_hold" {
				t.Fatalf("status %s after the added step", d.Status)
			}
			// The program starts again with the same declarations.
			if err := v.st.SyncRules(v.ctx, states, rules); err != nil {
				t.Fatalf("second start: %v", err)
			}
		})
	}
}

// TestRuleAdditionsRefusedFromOutside: a script adding a rule to a kind in
// use is refused; one that opens the guard cannot commit with it open
// (foreign keys on) and, with foreign keys off, leaves its additions
// unsealed in the audit log and the guard open, which the next start
// closes on the record.
func TestRuleAdditionsRefusedFromOutside(t *testing.T) {
	v := newEnv(t)
	db := raw(t, v.path)
	wantRefused(t, db, protectedTables, []bypass{
		{"add a state to a kind in use", `INSERT INTO wf_states(kind, status, initial, editable) VALUES ('terms_change', 'on_hold', 0, 1)`, "rules_frozen"},
		{"add a rule to a kind in use", `INSERT INTO wf_rules(kind, action, from_status, to_status, signoff, roles)
			VALUES ('terms_change', 'hold', 'submitted', 'approved', 0, ',clerk,')`, "rules_frozen"},
		{"add a rule to a kind with no documents yet", `INSERT INTO wf_rules(kind, action, from_status, to_status, signoff, roles)
			VALUES ('reconciliation_reopen', 'wave_through', 'submitted', 'approved', 0, ',clerk,')`, "rules_frozen"},
		{"add a state to a kind with no documents yet", `INSERT INTO wf_states(kind, status, initial, editable) VALUES ('reconciliation_reopen', 'waved', 0, 0)`, "rules_frozen"},
		{"add a kind", `INSERT INTO wf_states(kind, status, initial, editable) VALUES ('gift', 'given', 1, 0)`, "rules_frozen"},
		{"replace a rule", `INSERT OR REPLACE INTO wf_rules(kind, action, from_status, to_status, signoff, roles)
			VALUES ('terms_change', 'approve', 'submitted', 'approved', 0, ',clerk,')`, "rules_frozen"},
		{"make the guard's parent, so an open guard could commit", `INSERT INTO wf_additions_never(id) VALUES (0)`, "rules_frozen"},
	})

	// With foreign keys on, as in orderdesk's own connections (and in
	// every connection to PostgreSQL), a guard still open at commit fails
	// the commit.
	fk := db
	if !storetest.IsPostgres(db) {
		var err error
		if fk, err = sql.Open("sqlite", "file:"+v.path+"?_pragma=foreign_keys(1)"); err != nil {
			t.Fatal(err)
		}
		defer fk.Close()
	}
	tx, err := fk.Begin()
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{`INSERT INTO wf_additions_guard(one, program, schema) VALUES (1, 'script', 0)`,
		`INSERT INTO wf_rules(kind, action, from_status, to_status, signoff, roles) VALUES ('terms_change', 'hold', 'submitted', 'approved', 0, ',clerk,')`} {
		if _, err := tx.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	if err := tx.Commit(); err == nil || !strings.Contains(err.Error(), "FOREIGN KEY") && !strings.Contains(err.Error(), "23503") {
		t.Fatalf("a commit with the guard open: %v", err)
	}
	tx.Rollback()
	if n := scalar[int](t, db, `SELECT count(*) FROM wf_rules WHERE action = 'hold'`); n != 0 {
		t.Fatal("the rule survived a failed commit")
	}
	if storetest.IsPostgres(db) {
		return // foreign keys are never off there: the rest is a file's
	}

	// Without foreign keys the file takes it, as it takes anything the
	// program could do; the addition is then on the record, unsealed.
	for _, q := range []string{`INSERT INTO wf_additions_guard(one, program, schema) VALUES (1, 'script', 0)`,
		`INSERT INTO wf_rules(kind, action, from_status, to_status, signoff, roles) VALUES ('terms_change', 'hold', 'submitted', 'approved', 0, ',clerk,')`} {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	added := scalar[int64](t, db, `SELECT id FROM audit_log WHERE tbl = 'wf_rules' AND after LIKE '%"program":"script"%'`)
	if res, err := v.st.VerifyAudit(v.ctx); err != nil || res.BrokenAt != added || res.Problem != "unsealed" {
		t.Fatalf("audit verify after a scripted addition: %+v %v, want record %d unsealed", res, err, added)
	}
	states, rules := workflow.DeclaredRules()
	if bad := scalar[string](t, db, `SELECT coalesce(group_concat("table"), '') FROM pragma_foreign_key_check`); bad != "wf_additions_guard" {
		t.Fatalf("foreign key check: %q, want the open guard", bad)
	}
	// The next start closes the guard, on the record, and goes on.
	if err := v.st.SyncRules(v.ctx, states, rules); err != nil {
		t.Fatalf("start with the guard left open: %v", err)
	}
	if n := scalar[int](t, db, `SELECT count(*) FROM wf_additions_guard`); n != 0 {
		t.Fatal("the start left the guard open")
	}
	closed := scalar[string](t, db, `SELECT actor_id || ' ' || before FROM audit_log WHERE tbl = 'wf_additions_guard' AND op = 'close' AND hash IS NOT NULL`)
	if closed != `1 {"program":"script","schema":0}` {
		t.Fatalf("the guard's closing on the record: %q", closed)
	}
	if _, err := db.Exec(`INSERT INTO wf_rules(kind, action, from_status, to_status, signoff, roles)
		VALUES ('terms_change', 'hold', 'sent_back', 'approved', 0, ',clerk,')`); err == nil || !strings.Contains(err.Error(), "rules_frozen") {
		t.Fatalf("a rule added after the start closed the guard: %v", err)
	}
}
