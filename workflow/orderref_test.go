package workflow

import (
	"database/sql"
	"testing"

	"orderdesk/store"
	"orderdesk/store/storetest"
)

// TestOrderRefIsItsNumber: the sign-off that draws an order's number
// gives the order's document that reference at once, so every list,
// search and printout reading documents.ref sees LNSYNO.0001, not the
// provisional DD2026-…; the supervisor who signed is not an editor of
// the order for it. Orders signed off before that fix take their number
// when the database is upgraded.
func TestOrderRefIsItsNumber(t *testing.T) {
	o := newOrders(t)
	a := o.order(o.clerk, o.shenyang)
	b := o.order(o.clerk, o.dalian)
	o.approved(a, o.clerk, o.boss)

	if od := o.detail(o.clerk, a); od.Ref != "LNSYNO.0001" || od.Number != "LNSYNO.0001" || od.Status != "approved" {
		t.Fatalf("after the sign-off: ref %q, number %q, status %s", od.Ref, od.Number, od.Status)
	}
	db := rawDB(t, o.st.Path())
	refOf := func(id int64) string {
		t.Helper()
		var ref string
		if err := db.QueryRow(`SELECT ref FROM documents WHERE id = ?`, id).Scan(&ref); err != nil {
			t.Fatal(err)
		}
		return ref
	}
	if got := refOf(a); got != "LNSYNO.0001" {
		t.Fatalf("documents.ref %q", got)
	}
	rows, err := o.e.Desk(o.clerk).Orders(o.ctx, store.OrderFilter{}, store.Page{Query: "lnsyno.0001"})
	o.must(err)
	if len(rows) != 1 || rows[0].ID != a || rows[0].Ref != "LNSYNO.0001" {
		t.Fatalf("search by number: %+v", rows)
	}
	var editors int
	if err := db.QueryRow(`SELECT count(*) FROM document_editors WHERE doc_id = ? AND user_id = ?`, a, o.boss.ID).Scan(&editors); err != nil {
		t.Fatal(err)
	}
	if editors != 0 {
		t.Fatalf("the supervisor counts as an editor of the order he signed")
	}
	// Nobody may give a signed-off order another reference, nor the
	// number of another order.
	for _, ref := range []string{"DD2026-000009", "LNSYNO.0002", "LNDLNO.0001"} {
		if _, err := db.Exec(`UPDATE documents SET ref = ? WHERE id = ?`, ref, a); err == nil {
			t.Errorf("documents.ref of a signed-off order set to %s from the shell", ref)
		}
	}

	// A database from before: a's reference still provisional.
	if storetest.IsPostgres(db) {
		t.Skip("the rest upgrades a file rolled back to SQLite's schema 7: a PostgreSQL database is made at this version, with no older schema to come from")
	}
	o.approved(b, o.clerk, o.boss)
	undo := storetest.UndoToSchema8(t, db)
	for _, s := range append(undo,
		`DROP TRIGGER documents_edit_guard`, `DROP TRIGGER documents_edit_log`,
		`DROP TRIGGER order_numbers_ref`, `DROP TRIGGER invoice_issues_number_form`,
		`UPDATE documents SET ref = 'DD2026-000001' WHERE id = `+itoa(int(a)),
		`CREATE TRIGGER documents_edit_guard BEFORE UPDATE ON documents WHEN 0 BEGIN SELECT 1; END`,
		`CREATE TRIGGER documents_edit_log AFTER UPDATE ON documents WHEN 0 BEGIN SELECT 1; END`,
		`PRAGMA user_version = 7`,
	) {
		if _, err := db.Exec(s); err != nil {
			t.Fatalf("%s: %v", s, err)
		}
	}
	if got := refOf(a); got != "DD2026-000001" {
		t.Fatalf("the old state was not set up: %q", got)
	}
	openDB(t, o.st.Path()) // upgrades it
	if got, gotB := refOf(a), refOf(b); got != "LNSYNO.0001" || gotB != "LNDLNO.0001" {
		t.Fatalf("after the upgrade: %q %q", got, gotB)
	}
}

// rawDB opens the file the way the sqlite3 shell would.
func rawDB(t *testing.T, path string) *sql.DB {
	t.Helper()
	return storetest.Raw(t, path)
}
