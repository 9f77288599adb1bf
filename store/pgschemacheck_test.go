package store_test

import (
	"errors"
	"fmt"
	"testing"

	"orderdesk/store"
	"orderdesk/store/pgschema"
)

// TestPostgresCatalogueTampering: what the schema's owner can do to the
// guards in PostgreSQL's catalogue (drop or disable a trigger, replace
// the function it runs, add a view or a trigger of their own) is named
// as SQLite's check names a changed trigger, by audit verify too; saves
// are refused until repair, which puts the catalogue back, audited.
func TestPostgresCatalogueTampering(t *testing.T) {
	onPostgres(t)
	firing := func(v *env, name string) string { // a rule's trigger's name here
		return scalar[string](v.t, raw(v.t, v.path), pgschema.Native(`SELECT tgname::text FROM pg_trigger WHERE tgname ~ ('^r[0-9]{4}_' || $1 || '$')`), name)
	}
	// replaced is the owner's text putting a trigger function that
	// checks nothing in fn's place.
	replaced := func(fn, ret string) []string {
		return []string{pgschema.Native(`CREATE OR REPLACE FUNCTION ` + fn + `() RETURNS trigger LANGUAGE plpgsql AS $f$ BEGIN RETURN ` + ret + `; END $f$`)}
	}
	for _, tc := range []struct {
		name   string
		tamper func(v *env) []string
		want   string
	}{
		{"drop a trigger", func(v *env) []string { return []string{`DROP TRIGGER customers_terms_guard`} },
			"[trigger customers_terms_guard missing]"},
		{"disable a trigger", func(v *env) []string {
			return []string{pgschema.Native(`ALTER TABLE documents DISABLE TRIGGER ` + firing(v, "documents_status_guard"))}
		}, "[trigger documents_status_guard altered]"},
		{"disable a generated guard", func(v *env) []string {
			return []string{pgschema.Native(`ALTER TABLE customers DISABLE TRIGGER audit_customers`)}
		}, "[trigger audit_customers altered]"},
		{"replace the function a trigger runs", func(v *env) []string { return replaced("trg_documents_status_guard", "NEW") },
			"[trigger documents_status_guard altered]"},
		{"run a guard function as its owner", func(v *env) []string {
			return []string{pgschema.Native(`ALTER FUNCTION trg_documents_status_guard() SECURITY DEFINER`)}
		}, "[trigger documents_status_guard altered]"},
		{"replace the audit function", func(v *env) []string { return replaced("orderdesk_audit", "NULL") },
			"[function orderdesk_audit() altered]"},
		{"a view, a function and a trigger of their own", func(v *env) []string {
			return []string{pgschema.Native(`CREATE VIEW peek AS SELECT 1 AS one`),
				pgschema.Native(`CREATE FUNCTION sneak() RETURNS trigger LANGUAGE plpgsql AS $f$ BEGIN RETURN NEW; END $f$`),
				pgschema.Native(`CREATE TRIGGER a_sneak BEFORE UPDATE ON customers FOR EACH ROW EXECUTE FUNCTION sneak()`)}
		}, "[function sneak() extra trigger a_sneak extra view peek extra]"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			v := newEnv(t)
			if left, err := v.st.CheckSchema(v.ctx); err != nil || len(left) != 0 {
				t.Fatalf("a new database: %v %v", left, err)
			}
			execAll(t, raw(t, v.path), tc.tamper(v)...)
			res, err := v.st.VerifyAudit(v.ctx)
			if err != nil {
				t.Fatal(err)
			}
			if got := fmt.Sprint(res.Schema); got != tc.want {
				t.Fatalf("audit verify reports %s, want %s", got, tc.want)
			}
			save := func() error {
				return v.st.Write(v.ctx, func(tx *store.Tx) error { return tx.SetSetting(v.ctx, store.SystemUserID, "x", "1") })
			}
			if err := save(); !errors.Is(err, store.ErrSchemaAltered) {
				t.Fatalf("a save with the guards altered: %v", err)
			}
			rep, err := v.st.RepairSchema(v.ctx)
			if err != nil {
				t.Fatal(err)
			}
			if fmt.Sprint(rep.Fixed) != tc.want || len(rep.Left) != 0 {
				t.Errorf("repair: %+v", rep)
			}
			if left, err := v.st.CheckSchema(v.ctx); err != nil || len(left) != 0 {
				t.Fatalf("after repair: %v %v", left, err)
			}
			if err := save(); err != nil {
				t.Fatalf("a save after repair: %v", err)
			}
			if n := scalar[int](t, raw(t, v.path), `SELECT count(*) FROM audit_log WHERE tbl = 'schema' AND op = 'repair' AND actor_id = 1`); n != 1 {
				t.Errorf("%d repair records", n)
			}
		})
	}
	// The guards work again after a repair: a status moved by hand is refused.
	v := newEnv(t)
	db := raw(t, v.path)
	execAll(t, db, pgschema.Native(`ALTER TABLE documents DISABLE TRIGGER `+firing(v, "documents_status_guard")))
	if _, err := v.st.RepairSchema(v.ctx); err != nil {
		t.Fatal(err)
	}
	_, err := db.Exec(`UPDATE documents SET status = 'approved' WHERE id = ?`, v.docID)
	wantCode(t, err, "status_without_transition")
}
