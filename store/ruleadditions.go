package store

import (
	"context"
	"fmt"
)

// addRules inserts states and rules the database does not hold yet. The
// triggers accept them only while the additions guard is open (migration
// 0010), and record each one added to a kind that has documents in the
// audit log with the program and schema that added it; the guard is
// closed again before the transaction commits, which would fail if it
// were not.
func (t *Tx) addRules(ctx context.Context, states []StateDef, rules []RuleDef) error {
	if err := t.closeGuardLeftOpen(ctx); err != nil {
		return err
	}
	if len(states) == 0 && len(rules) == 0 {
		return nil
	}
	if _, err := t.exec(ctx, `INSERT INTO wf_additions_guard(one, program, schema) VALUES (1, ?, ?)`,
		programName(), SchemaVersion()); err != nil {
		return err
	}
	for _, st := range states {
		if _, err := t.exec(ctx, `INSERT INTO wf_states(kind, status, initial, editable) VALUES (?, ?, ?, ?)`,
			st.Kind, st.Status, st.Initial, st.Editable); err != nil {
			return fmt.Errorf("state %s/%s: %w", st.Kind, st.Status, classify(err))
		}
	}
	for _, r := range rules {
		if _, err := t.exec(ctx, `INSERT INTO wf_rules(kind, action, from_status, to_status, signoff, roles) VALUES (?, ?, ?, ?, ?, ?)`,
			r.Kind, r.Action, r.From, r.To, r.SignOff, joinRoles(r.Roles)); err != nil {
			return fmt.Errorf("rule %s %s from %s: %w", r.Kind, r.Action, r.From, classify(err))
		}
	}
	_, err := t.exec(ctx, `DELETE FROM wf_additions_guard`)
	return err
}

// closeGuardLeftOpen closes a guard found open at start-up: only a
// connection without foreign keys (a script) can leave it so, and while
// it is open the triggers take new rules from anyone. The closing is an
// audit record by the system naming who opened it; rules added meanwhile
// are on the record unsealed, for audit verify to report.
func (t *Tx) closeGuardLeftOpen(ctx context.Context) error {
	var program string
	var schema int
	err := t.row(ctx, `SELECT program, schema FROM wf_additions_guard`).Scan(&program, &schema)
	if noRow(err) {
		return nil
	}
	if err != nil {
		return err
	}
	if _, err := t.exec(ctx, `INSERT INTO audit_log(actor_id, tbl, row_id, op, before, after)
		VALUES (?, 'wf_additions_guard', 1, 'close', json_object('program', ?, 'schema', ?), NULL)`, SystemUserID, program, schema); err != nil {
		return err
	}
	_, err = t.exec(ctx, `DELETE FROM wf_additions_guard`)
	return err
}

// programName names this binary in the audit record of a rule it added:
// the commit it was built from, else "development build".
func programName() string {
	if rev := BuildRevision(); rev != "" {
		return "orderdesk " + rev
	}
	return "orderdesk development build"
}
