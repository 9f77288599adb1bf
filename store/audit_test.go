package store_test

import (
	"database/sql"
	"fmt"
	"testing"

	"orderdesk/store"
	"orderdesk/workflow"
)

func verify(t *testing.T, v *env) store.VerifyResult {
	t.Helper()
	res, err := v.st.VerifyAudit(v.ctx)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// history gives an env a few more audited writes of every kind.
func history(v *env) {
	v.act(v.boss, v.docID, workflow.ActionSendBack, "credit too high")
	v.act(v.clerk, v.docID, workflow.ActionResubmit, "")
	v.act(v.fin, v.docID, workflow.ActionApprove, "")
	c := v.customer(v.custID)
	in := workflow.InputFromCustomer(c)
	in.Phone = "024-88886666"
	if _, err := v.e.Desk(v.clerk).UpdateCustomer(v.ctx, c, in); err != nil {
		v.t.Fatal(err)
	}
}

func TestVerifyAuditDetectsTampering(t *testing.T) {
	type tamper func(t *testing.T, db *sql.DB, ids []int64) (brokenAt int64)
	exec := func(t *testing.T, db *sql.DB, qs ...string) {
		t.Helper()
		for _, q := range qs {
			if _, err := db.Exec(q); err != nil {
				t.Fatalf("%s: %v", q, err)
			}
		}
	}
	tests := []struct {
		name    string
		tamper  tamper
		problem string
	}{
		{"after image altered", func(t *testing.T, db *sql.DB, ids []int64) int64 {
			id := ids[len(ids)/2]
			exec(t, db, `DROP TRIGGER audit_log_seal_once`,
				fmt.Sprintf(`UPDATE audit_log SET after = json_set(after, '$.credit_limit', 999) WHERE id = %d`, id))
			return id
		}, "altered"},
		{"actor altered", func(t *testing.T, db *sql.DB, ids []int64) int64 {
			id := ids[3]
			exec(t, db, `DROP TRIGGER audit_log_seal_once`, fmt.Sprintf(`UPDATE audit_log SET actor_id = actor_id + 1 WHERE id = %d`, id))
			return id
		}, "altered"},
		{"middle record deleted", func(t *testing.T, db *sql.DB, ids []int64) int64 {
			i := len(ids) / 2
			exec(t, db, `DROP TRIGGER audit_log_no_delete`, fmt.Sprintf(`DELETE FROM audit_log WHERE id = %d`, ids[i]))
			return ids[i+1]
		}, "removed or reordered"},
		{"two records swapped", func(t *testing.T, db *sql.DB, ids []int64) int64 {
			a, b := ids[4], ids[5]
			exec(t, db, `DROP TRIGGER audit_log_seal_once`, `DROP TRIGGER keep_audit_log_u`,
				fmt.Sprintf(`UPDATE audit_log SET id = -1 WHERE id = %d`, a),
				fmt.Sprintf(`UPDATE audit_log SET id = %d WHERE id = %d`, a, b),
				fmt.Sprintf(`UPDATE audit_log SET id = %d WHERE id = -1`, b))
			return a
		}, "removed or reordered"},
		{"hash recomputed after an edit", func(t *testing.T, db *sql.DB, ids []int64) int64 {
			// Whoever rewrites one record and its hash still breaks the
			// link to the next one.
			id := ids[2]
			exec(t, db, `DROP TRIGGER audit_log_seal_once`,
				fmt.Sprintf(`UPDATE audit_log SET hash = (SELECT hash FROM audit_log WHERE id = %d) WHERE id = %d`, ids[6], id))
			return id
		}, "altered"},
		{"record written by raw SQL", func(t *testing.T, db *sql.DB, ids []int64) int64 {
			id := scalar[int64](t, db, `INSERT INTO audit_log(actor_id, tbl, row_id, op, after) VALUES (2, 'customers', 1, 'update', '{}') RETURNING id`)
			return id
		}, "unsealed"},
		{"customer edited by a script", func(t *testing.T, db *sql.DB, ids []int64) int64 {
			// Allowed by the rules, but not through orderdesk: the trigger
			// writes the audit record, nobody seals it.
			exec(t, db, `UPDATE customers SET notes = 'by script' WHERE id = 1`)
			var id int64
			if err := db.QueryRow(`SELECT max(id) FROM audit_log`).Scan(&id); err != nil {
				t.Fatal(err)
			}
			return id
		}, "unsealed"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			v := newEnv(t)
			history(v)
			before := verify(t, v)
			if before.BrokenAt != 0 || before.Checked < 16 {
				t.Fatalf("a clean history does not verify: %+v", before)
			}
			db := raw(t, v.path)
			var ids []int64
			rows, err := db.Query(`SELECT id FROM audit_log ORDER BY id`)
			if err != nil {
				t.Fatal(err)
			}
			for rows.Next() {
				var id int64
				rows.Scan(&id)
				ids = append(ids, id)
			}
			rows.Close()
			want := tc.tamper(t, db, ids)
			got := verify(t, v)
			if got.BrokenAt != want || got.Problem != tc.problem {
				t.Fatalf("want broken at %d (%s), got %+v", want, tc.problem, got)
			}
		})
	}
}

// TestUnsealedRecordStaysVisible: a later write through orderdesk seals
// only its own records, so a record slipped in by a script is still
// reported, and the app's records chain around it.
func TestUnsealedRecordStaysVisible(t *testing.T) {
	v := newEnv(t)
	db := raw(t, v.path)
	lastSealed := scalar[string](t, db, `SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1`)
	rawID := scalar[int64](t, db, `INSERT INTO audit_log(actor_id, tbl, row_id, op, after) VALUES (2, 'customers', 1, 'update', '{"credit_limit":1}') RETURNING id`)

	v.act(v.boss, v.docID, workflow.ActionApprove, "")

	got := verify(t, v)
	if got.BrokenAt != rawID || got.Problem != "unsealed" {
		t.Fatalf("the script's record is no longer reported: %+v", got)
	}
	if h := scalar[sql.NullString](t, db, `SELECT hash FROM audit_log WHERE id = ?`, rawID); h.Valid {
		t.Fatal("orderdesk sealed a record it did not write")
	}
	if prev := scalar[string](t, db, `SELECT prev_hash FROM audit_log WHERE id = ?`, rawID+1); prev != lastSealed {
		t.Fatalf("the next record does not chain to the last sealed one: %s", prev)
	}
	if n := scalar[int](t, db, `SELECT count(*) FROM audit_log WHERE id > ? AND hash IS NULL`, rawID); n != 0 {
		t.Fatalf("%d of orderdesk's own records left unsealed", n)
	}
}
