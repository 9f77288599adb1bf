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
	// Whether documents have used a state or rule is read for the ones
	// that differ alone: asked of every one at each start, it read every
	// transition for the states none has reached (a third of a second on
	// PostgreSQL with 5,000 customers, the first time).
	states, err := queryAll(ctx, t, func(sc scanner) (s StateDef, err error) {
		return s, sc.Scan(&s.Kind, &s.Status, &s.Initial, &s.Editable)
	}, `SELECT kind, status, initial, editable FROM wf_states`)
	if err != nil {
		return nil, err
	}
	for _, s := range states {
		key := stateKey(s.Kind, s.Status)
		seen[key] = true
		want, ok := d.states[key]
		what := ""
		switch {
		case !ok:
			what = "extra"
		case want.Initial != s.Initial || want.Editable != s.Editable:
			what = "altered"
		default:
			continue
		}
		used, err := t.anyRow(ctx, `SELECT 1 FROM documents d WHERE d.kind = ? AND d.status = ?
		    UNION ALL SELECT 1 FROM transitions x JOIN documents d ON d.id = x.doc_id
		     WHERE d.kind = ? AND (x.to_status = ? OR x.from_status = ?)`, s.Kind, s.Status, s.Kind, s.Status, s.Status)
		if err != nil {
			return nil, err
		}
		out = append(out, SchemaProblem{Object: "state", Name: key, What: what, Used: used})
	}
	for key := range d.states {
		if !seen[key] {
			out = append(out, SchemaProblem{Object: "state", Name: key, What: "missing"})
		}
	}
	type ruleRow struct {
		RuleDef
		roles string
	}
	rules, err := queryAll(ctx, t, func(sc scanner) (r ruleRow, err error) {
		return r, sc.Scan(&r.Kind, &r.Action, &r.From, &r.To, &r.SignOff, &r.roles)
	}, `SELECT kind, action, from_status, to_status, signoff, roles FROM wf_rules`)
	if err != nil {
		return nil, err
	}
	for _, r := range rules {
		key := ruleKey(r.Kind, r.Action, r.From)
		seen[key] = true
		want, ok := d.rules[key]
		what := ""
		switch {
		case !ok:
			what = "extra"
		case want.To != r.To || want.SignOff != r.SignOff || joinRoles(want.Roles) != r.roles:
			what = "altered"
		default:
			continue
		}
		used, err := t.anyRow(ctx, `SELECT 1 FROM transitions x JOIN documents d ON d.id = x.doc_id
		     WHERE d.kind = ? AND x.action = ? AND x.from_status = ?`, r.Kind, r.Action, r.From)
		if err != nil {
			return nil, err
		}
		out = append(out, SchemaProblem{Object: "rule", Name: key, What: what, Used: used})
	}
	for key := range d.rules {
		if !seen[key] {
			out = append(out, SchemaProblem{Object: "rule", Name: key, What: "missing"})
		}
	}
	return out, nil
}

// anyRow says whether q finds a row.
func (t *Tx) anyRow(ctx context.Context, q string, args ...any) (bool, error) {
	n, err := t.countUpTo(ctx, 1, q, args...)
	return n > 0, err
}
