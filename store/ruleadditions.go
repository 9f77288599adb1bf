package store

import (
	"context"
	"errors"
	"fmt"
)

// ErrGuardLeftOpen says the rules' additions guard was found set outside
// a transaction of SyncRules: something wrote to the database around
// orderdesk (a connection without foreign keys) and may have added rules.
var ErrGuardLeftOpen = errors.New("the workflow rules' additions guard was left open outside orderdesk")

// addRules inserts states and rules the database does not hold yet. To a
// kind that already has documents the triggers accept them only while the
// additions guard is open (migration 0010), and record each one in the
// audit log with the program and schema that added it; the guard is
// closed again before the transaction commits, which would fail if it
// were not.
func (t *Tx) addRules(ctx context.Context, states []StateDef, rules []RuleDef) error {
	var open int
	if err := t.row(ctx, `SELECT count(*) FROM wf_additions_guard`).Scan(&open); err != nil {
		return err
	}
	if open > 0 {
		return ErrGuardLeftOpen
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

// programName names this binary in the audit record of a rule it added:
// the commit it was built from, else "development build".
func programName() string {
	if rev := BuildRevision(); rev != "" {
		return "orderdesk " + rev
	}
	return "orderdesk development build"
}
