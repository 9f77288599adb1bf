package store

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
)

// RepairReport says what RepairSchema put right and what it left for a
// person: a workflow state or rule that documents moved by (removing it
// would leave their history made under a rule that no longer exists).
type RepairReport struct {
	Fixed []SchemaProblem
	Left  []SchemaProblem
}

// frozenRuleTriggers keep wf_states and wf_rules as written; repair
// lifts them for its own transaction and makes them again.
var frozenRuleTriggers = []string{"wf_states_frozen_u", "wf_states_frozen_d", "wf_states_frozen_i",
	"wf_rules_frozen_u", "wf_rules_frozen_d", "wf_rules_frozen_i"}

// RepairSchema makes the triggers and views this program expects again,
// drops the ones it does not know, and puts back the declared workflow
// states and rules where no document moved by the ones found. It writes
// an audit record by the system user saying what it found and did.
func (s *Store) RepairSchema(ctx context.Context) (RepairReport, error) {
	var rep RepairReport
	err := s.explain(s.writeWith(ctx, false, func(t *Tx) error {
		rep = RepairReport{}
		check, recreate := schemaProblems, recreateObjects
		if s.pg {
			check, recreate = pgSchemaProblems, pgRecreate
		}
		found, err := check(ctx, t)
		if err != nil {
			return err
		}
		rules, err := ruleProblems(ctx, t, s.declared.Load())
		if err != nil {
			return err
		}
		var fix []SchemaProblem
		for _, p := range rules {
			if p.Used {
				rep.Left = append(rep.Left, p)
			} else {
				fix = append(fix, p)
			}
		}
		if err := s.repairRules(ctx, t, fix); err != nil {
			return err
		}
		if err := recreate(ctx, t); err != nil {
			return err
		}
		rep.Fixed = append(found, fix...)
		sortProblems(rep.Fixed)
		if len(rep.Fixed) == 0 {
			return nil
		}
		return auditRepair(ctx, t, rep)
	}))
	if err != nil {
		return rep, err
	}
	_, err = s.CheckSchema(ctx)
	return rep, err
}

// repairRules removes the unused states and rules the workflow does not
// declare and writes the declared ones back, with the frozen triggers
// lifted (recreateObjects makes them again).
func (s *Store) repairRules(ctx context.Context, t *Tx, fix []SchemaProblem) error {
	if len(fix) == 0 {
		return nil
	}
	for _, n := range frozenRuleTriggers {
		// exec, not script: PostgreSQL's driver finds the trigger SQLite's
		// name stands for (its table, its place in firing).
		if _, err := t.exec(ctx, `DROP TRIGGER IF EXISTS `+n); err != nil {
			return err
		}
	}
	d := s.declared.Load()
	for _, p := range fix {
		var err error
		switch p.Object {
		case "state":
			kind, status, _ := strings.Cut(p.Name, "/")
			if _, err = t.exec(ctx, `DELETE FROM wf_states WHERE kind = ? AND status = ?`, kind, status); err == nil && p.What != "extra" {
				st := d.states[p.Name]
				_, err = t.exec(ctx, `INSERT INTO wf_states(kind, status, initial, editable) VALUES (?, ?, ?, ?)`, st.Kind, st.Status, st.Initial, st.Editable)
			}
		case "rule":
			err = s.repairRule(ctx, t, p)
		}
		if err != nil {
			return fmt.Errorf("repair %s: %w", p, err)
		}
	}
	return nil
}

func (s *Store) repairRule(ctx context.Context, t *Tx, p SchemaProblem) error {
	var kind, action, from string
	if _, err := fmt.Sscanf(p.Name, "%s %s from %s", &kind, &action, &from); err != nil {
		return err
	}
	if _, err := t.exec(ctx, `DELETE FROM wf_rules WHERE kind = ? AND action = ? AND from_status = ?`, kind, action, from); err != nil || p.What == "extra" {
		return err
	}
	r := s.declared.Load().rules[p.Name]
	_, err := t.exec(ctx, `INSERT INTO wf_rules(kind, action, from_status, to_status, signoff, roles) VALUES (?, ?, ?, ?, ?, ?)`,
		r.Kind, r.Action, r.From, r.To, r.SignOff, joinRoles(r.Roles))
	return err
}

// recreateObjects drops the triggers and views that differ from the
// expected ones, then makes the expected ones: views first, since
// triggers may read them.
func recreateObjects(ctx context.Context, t *Tx) error {
	want, err := expectedSchema()
	if err != nil {
		return err
	}
	problems, err := schemaProblems(ctx, t)
	if err != nil {
		return err
	}
	for _, p := range problems {
		if p.What != "missing" {
			if err := t.script(ctx, fmt.Sprintf(`DROP %s IF EXISTS "%s"`, strings.ToUpper(p.Object), p.Name)); err != nil {
				return fmt.Errorf("repair %s: %w", p, err)
			}
		}
	}
	for _, typ := range []string{"view", "trigger"} {
		for _, p := range problems {
			if p.Object == typ && p.What != "extra" {
				if err := t.script(ctx, want[p.Name].sql); err != nil {
					return fmt.Errorf("repair %s: %w", p, err)
				}
			}
		}
	}
	return nil
}

// auditRepair writes the repair into the audit trail, by the system user.
func auditRepair(ctx context.Context, t *Tx, rep RepairReport) error {
	names := func(ps []SchemaProblem) []string {
		out := []string{}
		for _, p := range ps {
			out = append(out, p.String())
		}
		return out
	}
	found, err := json.Marshal(map[string][]string{"found": names(append(append([]SchemaProblem{}, rep.Fixed...), rep.Left...))})
	if err != nil {
		return err
	}
	done, err := json.Marshal(map[string][]string{"repaired": names(rep.Fixed), "left": names(rep.Left)})
	if err != nil {
		return err
	}
	_, err = t.exec(ctx, `INSERT INTO audit_log(at, actor_id, tbl, row_id, op, before, after) VALUES (?, ?, 'schema', 0, 'repair', ?, ?)`,
		stamp(t.Now), SystemUserID, string(found), string(done))
	return err
}
