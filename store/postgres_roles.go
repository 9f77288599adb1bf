package store

import (
	"context"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"

	"orderdesk/store/pgschema"
)

// ErrNoSchema: a PostgreSQL database without orderdesk's schema, opened
// by a role that may not make it (the desk's): the owner makes it
// (SetupPostgres).
var ErrNoSchema = errors.New("the PostgreSQL database has no orderdesk schema yet, and this role may not make one")

// ErrDeskRole: the role named for the desk could drop or change the
// rules it is meant to be held to (a superuser, the owner, or a member
// of the owner's role), or does not exist.
var ErrDeskRole = errors.New("the desk's role is not one that owns nothing")

// SetupPostgres makes (or checks) orderdesk's schema as the owner whose
// URL is given, then gives deskRole the rows and nothing else: it may
// read, insert, update and delete rows (the triggers still refuse what
// the rules refuse) and seal the audit log's records, but it owns no
// table, trigger or function, so it can neither alter, drop, truncate
// nor disable any of them; nobody but the owner may create objects in
// the schema or temporary tables (which would shadow the tables the
// guards read). Run again after an upgrade, it grants the new tables.
func SetupPostgres(ctx context.Context, ownerURL, deskRole string) error {
	st, err := OpenURL(ctx, ownerURL, upgradeSchema())
	if err != nil {
		return err
	}
	st.Close()
	conn, err := pgx.Connect(ctx, ownerURL)
	if err != nil {
		return classify(err)
	}
	defer conn.Close(ctx)
	if err := refuseDeskRole(ctx, conn, deskRole); err != nil {
		return err
	}
	desk := pgx.Identifier{deskRole}.Sanitize()
	var schema, db string
	if err := conn.QueryRow(ctx, `SELECT quote_ident(current_schema()), quote_ident(current_database())`).Scan(&schema, &db); err != nil {
		return classify(err)
	}
	grants := []string{
		`REVOKE CREATE ON SCHEMA ` + schema + ` FROM PUBLIC`,
		`REVOKE TEMPORARY ON DATABASE ` + db + ` FROM PUBLIC`,
		`GRANT CONNECT ON DATABASE ` + db + ` TO ` + desk,
		`GRANT USAGE ON SCHEMA ` + schema + ` TO ` + desk,
		`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ` + schema + ` TO ` + desk,
		`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ` + schema + ` TO ` + desk,
		// The audit log is written by the triggers and sealed by the store:
		// its records' contents are never updated, by anyone.
		`REVOKE UPDATE, DELETE ON audit_log FROM ` + desk,
		`GRANT UPDATE (prev_hash, hash) ON audit_log TO ` + desk,
	}
	tx, err := conn.Begin(ctx)
	if err != nil {
		return classify(err)
	}
	defer tx.Rollback(ctx)
	for _, g := range grants {
		if _, err := tx.Exec(ctx, g); err != nil {
			return fmt.Errorf("%s: %w", g, classify(err))
		}
	}
	return classify(tx.Commit(ctx))
}

// refuseDeskRole refuses a desk role that is not there, or that could
// undo the rules: a superuser, the owner itself, or one holding the
// owner's rights.
func refuseDeskRole(ctx context.Context, conn *pgx.Conn, role string) error {
	var exists, super, owner bool
	err := conn.QueryRow(ctx, `SELECT count(*) > 0, coalesce(bool_or(rolsuper), false),
	       coalesce(bool_or(pg_has_role(rolname, current_user, 'USAGE')), false)
	  FROM pg_roles WHERE rolname = $1`, role).Scan(&exists, &super, &owner)
	switch {
	case err != nil:
		return classify(err)
	case !exists:
		return fmt.Errorf("%w: no role %q (CREATE ROLE %s LOGIN PASSWORD '…')", ErrDeskRole, role, pgx.Identifier{role}.Sanitize())
	case super:
		return fmt.Errorf("%w: %q is a superuser", ErrDeskRole, role)
	case owner:
		return fmt.Errorf("%w: %q is the owner or holds its rights", ErrDeskRole, role)
	}
	return nil
}

// OwnsRules says whether the role this store connects as could alter or
// drop the rules: a superuser, or the owner of the tables; false for a
// SQLite file, which has no roles.
func (s *Store) OwnsRules(ctx context.Context) (role string, owns bool, err error) {
	if !s.pg {
		return "", false, nil
	}
	err = s.read.QueryRowContext(ctx, pgschema.Native(`SELECT current_user::text,
	       coalesce((SELECT rolsuper FROM pg_roles WHERE rolname = current_user), false)
	       OR coalesce(pg_has_role(current_user, (SELECT tableowner FROM pg_tables
	            WHERE tablename = 'audit_log' AND schemaname = current_schema()), 'USAGE'), false)`)).
		Scan(&role, &owns)
	return role, owns, classify(err)
}

// mayMakeSchema refuses, with ErrNoSchema, a role that may not create
// tables in the database's schema.
func (s *Store) mayMakeSchema(ctx context.Context) error {
	var may bool
	if err := s.read.QueryRowContext(ctx, pgschema.Native(`SELECT coalesce(has_schema_privilege(current_schema(), 'CREATE'), false)`)).Scan(&may); err != nil {
		return classify(err)
	}
	if !may {
		return ErrNoSchema
	}
	return nil
}
