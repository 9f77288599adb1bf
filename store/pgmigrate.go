package store

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
)

// ErrSourceAudit refuses to move a SQLite database whose audit chain
// does not verify: a copy would carry the break over and vouch for it.
var ErrSourceAudit = errors.New("the SQLite database's audit trail does not verify")

// ErrTargetNotEmpty refuses to copy into a PostgreSQL database that
// holds orderdesk data already (a *FilledError says where).
var ErrTargetNotEmpty = errors.New("the PostgreSQL database holds orderdesk data already")

// FilledError is ErrTargetNotEmpty naming the first table with rows.
type FilledError struct {
	Table string
	Rows  int64
}

func (e *FilledError) Error() string {
	return fmt.Sprintf("%v: its table %s holds %d rows", ErrTargetNotEmpty, e.Table, e.Rows)
}

func (e *FilledError) Unwrap() error { return ErrTargetNotEmpty }

// ErrMigrateCheck says the copy could not be made as the SQLite
// database is, or does not check out as the same.
var ErrMigrateCheck = errors.New("the copy is not the SQLite database, whole")

// MigrateResult is what a migration copied and checked.
type MigrateResult struct {
	Tables int   // tables copied, the search indexes aside
	Rows   int64 // rows copied, in every table
	Search int64 // search index rows built anew
	// Audit is the audit records copied; Source and Target the chain's
	// verification on each side.
	Audit          int64
	Source, Target VerifyResult
	Took           time.Duration
}

// MigrateToPostgres copies the SQLite database src, whole, into the
// empty PostgreSQL database ownerURL names (its schema made there if it
// is not yet, and deskRole, unless "", given the rows as SetupPostgres
// does): every table's rows with their ids, in one transaction with the
// guards held off for the copy (the owner may: the copy is of records
// the rules accepted once already, and their audit records are copied,
// not written again), so that a failure leaves the target as it was.
// The search indexes are built anew and every sequence is set past the
// copied ids. It refuses a source whose audit chain does not verify and
// a target with any orderdesk rows; before the commit it compares every
// table's count on both sides, and after it verifies the copy's audit
// chain, which must hold the same records.
func MigrateToPostgres(ctx context.Context, src *Store, ownerURL, deskRole string) (MigrateResult, error) {
	start := time.Now()
	var res MigrateResult
	if src.pg {
		return res, errors.New("the database to move from is PostgreSQL's already")
	}
	var err error
	if res.Source, err = src.VerifyAudit(ctx); err != nil {
		return res, err
	}
	if err := chainWhole(res.Source); err != nil {
		return res, fmt.Errorf("%w: %v", ErrSourceAudit, err)
	}
	if deskRole != "" {
		err = SetupPostgres(ctx, ownerURL, deskRole)
	} else {
		var st *Store
		if st, err = OpenURL(ctx, ownerURL); err == nil {
			err = st.Close()
		}
	}
	if err != nil {
		return res, err
	}
	conn, err := pgx.Connect(ctx, ownerURL)
	if err != nil {
		return res, classify(err)
	}
	defer conn.Close(ctx)
	err = src.Read(ctx, func(t *Tx) error {
		return pgx.BeginFunc(ctx, conn, func(pg pgx.Tx) error { return copyAll(ctx, pg, t, &res) })
	})
	if err != nil {
		return res, err
	}
	// The planner's statistics of the copy, at once: autovacuum would
	// gather them only after its first minutes of work, planned blind.
	if _, err := conn.Exec(ctx, "ANALYZE"); err != nil {
		return res, classify(err)
	}
	if res.Target, err = verifyCopy(ctx, src, ownerURL, res.Audit); err != nil {
		return res, fmt.Errorf("%w; the copy is committed: make the database anew before another try", err)
	}
	res.Took = time.Since(start)
	return res, nil
}

// copyAll copies every table inside the target's transaction pg, from
// the one snapshot of the source that src reads.
func copyAll(ctx context.Context, pg pgx.Tx, src *Tx, res *MigrateResult) error {
	// The desks of any server already pointed here wait, as for any writer.
	if _, err := pg.Exec(ctx, `SELECT pg_advisory_xact_lock($1)`, writerLock); err != nil {
		return err
	}
	tables, err := copyPlan(ctx, pg, src)
	if err != nil {
		return err
	}
	if err := refuseFilled(ctx, pg, tables); err != nil {
		return err
	}
	// The guards (audit records, no delete, the rules) held off for the
	// copy, as the tables' owner may, and on again before the commit. The
	// foreign keys stay checked: the order of the copy satisfies them.
	if err := switchGuards(ctx, pg, tables, "DISABLE"); err != nil {
		return err
	}
	// The system user the schema was made with is the source's own.
	if _, err := pg.Exec(ctx, `DELETE FROM users WHERE id = $1`, SystemUserID); err != nil {
		return err
	}
	for _, t := range tables {
		n, err := copyRows(ctx, pg, src, t)
		if err != nil {
			return fmt.Errorf("%w: %v", ErrMigrateCheck, err)
		}
		res.Tables++
		res.Rows += n
		if t.name == "audit_log" {
			res.Audit = n
		}
	}
	if res.Search, err = buildSearch(ctx, pg, src); err != nil {
		return fmt.Errorf("%w: %v", ErrMigrateCheck, err)
	}
	if err := setSequences(ctx, pg, src); err != nil {
		return err
	}
	if err := switchGuards(ctx, pg, tables, "ENABLE"); err != nil {
		return err
	}
	return sameCounts(ctx, pg, src, tables)
}

// switchGuards disables or enables every table's own triggers (not the
// foreign keys' ones, which the owner may not).
func switchGuards(ctx context.Context, pg pgx.Tx, tables []copyTable, how string) error {
	for _, t := range tables {
		if _, err := pg.Exec(ctx, `ALTER TABLE `+pgx.Identifier{t.name}.Sanitize()+` `+how+` TRIGGER USER`); err != nil {
			return err
		}
	}
	return nil
}

// refuseFilled refuses a target that holds rows already, other than the
// system user a new schema starts with.
func refuseFilled(ctx context.Context, pg pgx.Tx, tables []copyTable) error {
	for _, t := range tables {
		q := `SELECT count(*) FROM ` + pgx.Identifier{t.name}.Sanitize()
		if t.name == "users" {
			q += fmt.Sprintf(` WHERE id <> %d`, SystemUserID)
		}
		var n int64
		if err := pg.QueryRow(ctx, q).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return &FilledError{Table: t.name, Rows: n}
		}
	}
	return nil
}

// sameCounts compares every table's count, the search indexes' too, on
// both sides: the source's snapshot and the target's transaction.
func sameCounts(ctx context.Context, pg pgx.Tx, src *Tx, tables []copyTable) error {
	names := make([]string, 0, len(tables)+len(searchSources))
	for _, t := range tables {
		names = append(names, t.name)
	}
	for _, s := range searchSources {
		names = append(names, s.table)
	}
	for _, n := range names {
		var here, there int64
		if err := src.tx.QueryRowContext(ctx, `SELECT count(*) FROM "`+n+`"`).Scan(&here); err != nil {
			return err
		}
		if err := pg.QueryRow(ctx, `SELECT count(*) FROM `+pgx.Identifier{n}.Sanitize()).Scan(&there); err != nil {
			return err
		}
		if here != there {
			return fmt.Errorf("%w: %s has %d rows in SQLite and %d in PostgreSQL", ErrMigrateCheck, n, here, there)
		}
	}
	return nil
}

// verifyCopy verifies the copy's audit chain as a desk opened on it
// would (with the source's audit key, if it was sealed with one, and
// the workflow's rules the source declared): whole, and as long as the
// records copied.
func verifyCopy(ctx context.Context, src *Store, ownerURL string, copied int64) (VerifyResult, error) {
	var opts []Option
	if src.seal.keyRecord != nil && src.seal.files != nil {
		opts = append(opts, WithAuditKey(*src.seal.files))
	}
	st, err := OpenURL(ctx, ownerURL, opts...)
	if err != nil {
		return VerifyResult{}, err
	}
	defer st.Close()
	st.declared.Store(src.declared.Load())
	res, err := st.VerifyAudit(ctx)
	if err != nil {
		return res, err
	}
	if err := chainWhole(res); err != nil {
		return res, fmt.Errorf("%w: copied, but on PostgreSQL %v", ErrMigrateCheck, err)
	}
	if res.Checked != copied {
		return res, fmt.Errorf("%w: copied %d audit records, PostgreSQL's chain holds %d", ErrMigrateCheck, copied, res.Checked)
	}
	return res, nil
}

// chainWhole says what keeps a verification from vouching for a chain.
func chainWhole(r VerifyResult) error {
	switch {
	case r.BrokenAt != 0:
		return fmt.Errorf("the audit trail is broken at record #%d (%s)", r.BrokenAt, r.Problem)
	case r.Key != KeyOK && r.Key != KeyPlain:
		return fmt.Errorf("its seals cannot be checked: the audit key is %s (%s)", r.Key, r.KeyWhy)
	case len(r.Schema) > 0:
		return fmt.Errorf("%d of its triggers, views or rules are not this program's (orderdesk audit verify names them)", len(r.Schema))
	}
	return nil
}
