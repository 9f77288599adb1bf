package store_test

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"orderdesk/store"
)

// sealedBatch writes n customers in one transaction, so that one seal
// covers many records, and returns the ids of its audit records.
func sealedBatch(t *testing.T, v *env, n int) []int64 {
	t.Helper()
	db := raw(t, v.path)
	floor := scalar[int64](t, db, `SELECT max(id) FROM audit_log`)
	rng := rand.New(rand.NewPCG(7, 8))
	err := v.st.Write(v.ctx, func(tx *store.Tx) error {
		for i := 0; i < n; i++ {
			if _, _, err := tx.CreateCustomer(v.ctx, v.clerk.ID, fakeCustomer(rng)); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	ids := column[int64](t, db, `SELECT id FROM audit_log WHERE id > ? ORDER BY id`, floor)
	if len(ids) < n {
		t.Fatalf("%d customers wrote %d audit records", n, len(ids))
	}
	return ids
}

// TestSealCoversEveryRecordOfATransaction: the records one transaction
// wrote are sealed together in one statement, each linked to the one
// before it (the first to the last record of the writes before).
func TestSealCoversEveryRecordOfATransaction(t *testing.T) {
	v := newEnv(t)
	ids := sealedBatch(t, v, 12)
	db := raw(t, v.path)
	prev := scalar[string](t, db, `SELECT hash FROM audit_log WHERE id < ? ORDER BY id DESC LIMIT 1`, ids[0])
	for _, id := range ids {
		var link, hash string
		if err := db.QueryRow(`SELECT coalesce(prev_hash, ''), coalesce(hash, '') FROM audit_log WHERE id = ?`, id).Scan(&link, &hash); err != nil {
			t.Fatal(err)
		}
		if hash == "" || link != prev {
			t.Fatalf("record %d: hash %q, linked to %q, want %q", id, hash, link, prev)
		}
		prev = hash
	}
	if res := verify(t, v); res.BrokenAt != 0 {
		t.Fatalf("a transaction's records do not verify: %+v", res)
	}
}

// TestBatchSealedRecordAlteredByRawSQL: a record sealed with the rest of
// its transaction cannot be changed with plain SQL, and one changed
// after dropping the guard (as whoever holds the file can) is named by
// verify, wherever in the transaction it stands.
func TestBatchSealedRecordAlteredByRawSQL(t *testing.T) {
	for _, at := range []struct {
		name string
		pick func([]int64) int64
	}{
		{"first", func(ids []int64) int64 { return ids[0] }},
		{"middle", func(ids []int64) int64 { return ids[len(ids)/2] }},
		{"last", func(ids []int64) int64 { return ids[len(ids)-1] }},
	} {
		t.Run(at.name, func(t *testing.T) {
			v := newEnv(t)
			ids := sealedBatch(t, v, 8)
			id := at.pick(ids)
			db := raw(t, v.path)
			alter := fmt.Sprintf(`UPDATE audit_log SET after = json_set(after, '$.name', '假公司') WHERE id = %d`, id)
			_, err := db.Exec(alter)
			wantCode(t, err, "append_only")
			execAll(t, db, `DROP TRIGGER audit_log_seal_once`, alter)
			got := verify(t, v)
			if got.BrokenAt != id || got.Problem != store.BreakAltered {
				t.Fatalf("want record %d reported altered, got %+v", id, got)
			}
		})
	}
}
