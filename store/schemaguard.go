package store

import (
	"context"
	"slices"

	"orderdesk/store/pgschema"
)

// guardState is what the last check of the guards found, and at which
// schema_version: SQLite moves that number on every change of a trigger,
// view or table, so a write re-checks only after one (ours included).
type guardState struct {
	version  int64
	objects  []SchemaProblem // the triggers' and views' alone
	problems []SchemaProblem // with the states' and rules'
}

// CheckSchema compares the database's triggers, views and (once the
// workflow declared them) its states and rules with this program's, and
// returns what differs. Until that is empty, every write is refused with
// a *SchemaError.
func (s *Store) CheckSchema(ctx context.Context) ([]SchemaProblem, error) {
	var g *guardState
	err := s.Read(ctx, func(t *Tx) (err error) {
		g, err = s.checkGuards(ctx, t)
		return err
	})
	if err != nil {
		return nil, err
	}
	return g.problems, nil
}

// SchemaProblems is what the last check found.
func (s *Store) SchemaProblems() []SchemaProblem {
	if g := s.guard.Load(); g != nil {
		return g.problems
	}
	return nil
}

func (s *Store) checkGuards(ctx context.Context, t *Tx) (*guardState, error) {
	g := &guardState{}
	if s.pg {
		// PostgreSQL's triggers, functions and views are compared in its
		// catalogue (pgschemacheck.go), at each check: the desk's role
		// may not change them there, so a write does not check again.
		var err error
		if g.objects, err = pgSchemaProblems(ctx, t); err != nil {
			return nil, err
		}
		return s.checkRules(ctx, t, g)
	}
	if err := t.row(ctx, `PRAGMA schema_version`).Scan(&g.version); err != nil {
		return nil, err
	}
	// The triggers and views change only with the schema's version: the
	// check after the start declared its rules compares the rules alone.
	if last := s.guard.Load(); last != nil && last.version == g.version {
		g.objects = last.objects
	} else {
		var err error
		if g.objects, err = schemaProblems(ctx, t); err != nil {
			return nil, err
		}
	}
	return s.checkRules(ctx, t, g)
}

// checkRules adds the states' and rules' problems to what g found.
func (s *Store) checkRules(ctx context.Context, t *Tx, g *guardState) (*guardState, error) {
	rules, err := ruleProblems(ctx, t, s.declared.Load())
	if err != nil {
		return nil, err
	}
	g.problems = append(slices.Clip(g.objects), rules...)
	sortProblems(g.problems)
	s.guard.Store(g)
	return g, nil
}

// writeRefusal is why a write must not change anything now, or nil: the
// guards differ from this program's, or the audit key is not at hand.
func (s *Store) writeRefusal(ctx context.Context, t *Tx) (error, error) {
	if err := s.seal.refusal(); err != nil {
		return err, nil
	}
	if s.unguarded {
		return nil, nil
	}
	if s.pg {
		if g := s.guard.Load(); g != nil && len(g.problems) > 0 {
			return &SchemaError{Problems: g.problems}, nil
		}
		return nil, nil
	}
	var version int64
	if err := t.row(ctx, `PRAGMA schema_version`).Scan(&version); err != nil {
		return nil, err
	}
	g := s.guard.Load()
	if g == nil || g.version != version {
		var err error
		if g, err = s.checkGuards(ctx, t); err != nil {
			return nil, err
		}
	}
	if len(g.problems) > 0 {
		return &SchemaError{Problems: g.problems}, nil
	}
	return nil, nil
}

// totalChanges counts the rows this connection has changed since it
// opened; on PostgreSQL, the rows this transaction has written so far.
func totalChanges(ctx context.Context, t *Tx) (int64, error) {
	q := `SELECT total_changes()`
	if t.pg {
		q = pgschema.Native(`SELECT coalesce(sum(n_tup_ins + n_tup_upd + n_tup_del), 0)::bigint FROM pg_stat_xact_user_tables`)
	}
	var n int64
	err := t.row(ctx, q).Scan(&n)
	return n, err
}
