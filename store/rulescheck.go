package store

import (
	"context"
	"fmt"
)

// declaredRules is what the workflow declared at start-up (SyncRules):
// the database's wf_states and wf_rules must hold exactly these.
type declaredRules struct {
	states map[string]StateDef // by stateKey
	rules  map[string]RuleDef  // by ruleKey
}

func stateKey(kind, status string) string { return kind + "/" + status }

func ruleKey(kind, action, from string) string {
	return fmt.Sprintf("%s %s from %s", kind, action, from)
}

func declare(states []StateDef, rules []RuleDef) *declaredRules {
	d := &declaredRules{states: map[string]StateDef{}, rules: map[string]RuleDef{}}
	for _, s := range states {
		d.states[stateKey(s.Kind, s.Status)] = s
	}
	for _, r := range rules {
		d.rules[ruleKey(r.Kind, r.Action, r.From)] = r
	}
	return d
}

// ruleProblems compares the database's states and rules with the
// declared ones. A rule or state that documents have moved by is marked
// Used: removing it would leave history made under a rule that no longer
// exists.
func ruleProblems(ctx context.Context, t *Tx, d *declaredRules) ([]SchemaProblem, error) {
	if d == nil {
		return nil, nil
	}
	var out []SchemaProblem
	seen := map[string]bool{}
	rows, err := t.tx.QueryContext(ctx, `SELECT kind, status, initial, editable,
	       EXISTS (SELECT 1 FROM documents d WHERE d.kind = s.kind AND d.status = s.status)
	    OR EXISTS (SELECT 1 FROM transitions x JOIN documents d ON d.id = x.doc_id
	                WHERE d.kind = s.kind AND (x.to_status = s.status OR x.from_status = s.status))
	  FROM wf_states s`)
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var s StateDef
		var used bool
		if err := rows.Scan(&s.Kind, &s.Status, &s.Initial, &s.Editable, &used); err != nil {
			rows.Close()
			return nil, err
		}
		key := stateKey(s.Kind, s.Status)
		seen[key] = true
		want, ok := d.states[key]
		switch {
		case !ok:
			out = append(out, SchemaProblem{Object: "state", Name: key, What: "extra", Used: used})
		case want.Initial != s.Initial || want.Editable != s.Editable:
			out = append(out, SchemaProblem{Object: "state", Name: key, What: "altered", Used: used})
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for key := range d.states {
		if !seen[key] {
			out = append(out, SchemaProblem{Object: "state", Name: key, What: "missing"})
		}
	}
	rows, err = t.tx.QueryContext(ctx, `SELECT kind, action, from_status, to_status, signoff, roles,
	       EXISTS (SELECT 1 FROM transitions x JOIN documents d ON d.id = x.doc_id
	                WHERE d.kind = r.kind AND x.action = r.action AND x.from_status = r.from_status)
	  FROM wf_rules r`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var r RuleDef
		var roles string
		var used bool
		if err := rows.Scan(&r.Kind, &r.Action, &r.From, &r.To, &r.SignOff, &roles, &used); err != nil {
			return nil, err
		}
		key := ruleKey(r.Kind, r.Action, r.From)
		seen[key] = true
		want, ok := d.rules[key]
		switch {
		case !ok:
			out = append(out, SchemaProblem{Object: "rule", Name: key, What: "extra", Used: used})
		case want.To != r.To || want.SignOff != r.SignOff || joinRoles(want.Roles) != roles:
			out = append(out, SchemaProblem{Object: "rule", Name: key, What: "altered", Used: used})
		}
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for key := range d.rules {
		if !seen[key] {
			out = append(out, SchemaProblem{Object: "rule", Name: key, What: "missing"})
		}
	}
	return out, nil
}
