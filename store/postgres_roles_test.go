package store_test

import (
	"context"
	"errors"
	"testing"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"orderdesk/store"
	"orderdesk/store/storetest"
)

// TestTheDeskRoleOwnsNothing: the owner makes the schema and grants the
// desk's role the rows; the desk works as that role (the env's making, a
// sign-off, the audit chain), and PostgreSQL itself refuses it every way
// round the rules that a writer of a SQLite file has. Each statement is
// run by the owner too, in a transaction rolled back, so a refusal is the
// role's and not a mistake in the statement.
func TestTheDeskRoleOwnsNothing(t *testing.T) {
	ctx := context.Background()
	ownerURL, deskURL := storetest.PostgresRoles(t)
	desk, err := store.PostgresRole(deskURL)
	if err != nil {
		t.Fatal(err)
	}
	owner, _ := store.PostgresRole(ownerURL)
	if _, err := store.OpenURL(ctx, deskURL); !errors.Is(err, store.ErrNoSchema) {
		t.Fatalf("the desk's role opened an empty database: %v, want ErrNoSchema", err)
	}
	for _, bad := range []string{owner, "orderdesk_admin", "nobody_here"} {
		if err := store.SetupPostgres(ctx, ownerURL, bad); !errors.Is(err, store.ErrDeskRole) {
			t.Errorf("desk role %s: %v, want ErrDeskRole", bad, err)
		}
	}
	if err := store.SetupPostgres(ctx, ownerURL, desk); err != nil {
		t.Fatal(err)
	}
	if err := store.SetupPostgres(ctx, ownerURL, desk); err != nil {
		t.Fatalf("setup run again: %v", err)
	}

	v := buildEnv(t, deskURL)
	defer v.st.Close()
	v.act(v.boss, v.docID, "approve", "ok")
	if res, err := v.st.VerifyAudit(ctx); err != nil || res.BrokenAt != 0 || res.Checked == 0 {
		t.Errorf("audit chain written by the desk's role: %+v, %v", res, err)
	}
	if role, owns, err := v.st.OwnsRules(ctx); err != nil || owns || role != desk {
		t.Errorf("the desk's store: role %q owns the rules %v (%v)", role, owns, err)
	}
	ownerStore, err := store.OpenURL(ctx, ownerURL)
	if err != nil {
		t.Fatal(err)
	}
	if _, owns, err := ownerStore.OwnsRules(ctx); err != nil || !owns {
		t.Errorf("the owner's store does not say it owns the rules (%v)", err)
	}
	ownerStore.Close()

	asDesk, asOwner := connect(t, deskURL), connect(t, ownerURL)
	// A rule's trigger on PostgreSQL carries its place in the firing order
	// before SQLite's name (pgschema): r9987_customers_terms_guard.
	var guard, fn string
	if err := asDesk.QueryRow(ctx, `SELECT g.tgname, pg_get_functiondef(p.oid) FROM pg_proc p
	  JOIN pg_trigger g ON g.tgfoid = p.oid WHERE g.tgname LIKE 'r%\_customers\_terms\_guard'`).Scan(&guard, &fn); err != nil {
		t.Fatalf("the guard's function: %v", err)
	}
	for _, c := range []struct {
		name, stmt string
		ownerMay   bool // the owner may: the refusal is the desk role's
	}{
		{"disable a trigger", `ALTER TABLE customers DISABLE TRIGGER ` + guard, true},
		{"disable every trigger", `ALTER TABLE audit_log DISABLE TRIGGER ALL`, true},
		{"drop a trigger", `DROP TRIGGER ` + guard + ` ON customers`, true},
		{"drop a table", `DROP TABLE audit_log CASCADE`, true},
		{"truncate", `TRUNCATE audit_log`, true},
		{"replace a guard's function", fn, true},
		{"rewrite an audit record", `UPDATE audit_log SET after = '{}' WHERE id = 2`, false},
		{"delete an audit record", `DELETE FROM audit_log WHERE id = 2`, false},
		{"triggers off for the session", `SET session_replication_role = replica`, false},
		{"a temporary table shadowing one the guards read", `CREATE TEMP TABLE users (id bigint)`, true},
		{"a table of its own", `CREATE TABLE mine (id bigint)`, true},
		{"give the tables away", `ALTER TABLE customers OWNER TO ` + pgx.Identifier{desk}.Sanitize(), false},
	} {
		t.Run(c.name, func(t *testing.T) {
			var pe *pgconn.PgError
			if _, err := asDesk.Exec(ctx, c.stmt); !errors.As(err, &pe) || pe.Code != "42501" {
				t.Errorf("the desk's role: %v, want insufficient privilege (42501)", err)
			}
			if !c.ownerMay {
				return
			}
			tx, err := asOwner.Begin(ctx)
			if err != nil {
				t.Fatal(err)
			}
			defer tx.Rollback(ctx)
			if _, err := tx.Exec(ctx, c.stmt); err != nil {
				t.Errorf("the owner: %v (the statement is wrong, not refused)", err)
			}
		})
	}
}

func connect(t *testing.T, url string) *pgx.Conn {
	t.Helper()
	c, err := pgx.Connect(context.Background(), url)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close(context.Background()) })
	return c
}
