package store_test

import (
	"errors"
	"testing"

	"orderdesk/store"
	"orderdesk/store/storetest"
	"orderdesk/workflow"
)

// TestMigrateAPlainChain moves the env's file, whose audit chain was
// never sealed with a key, without a desk role: the copy verifies as a
// plain chain, a sign-off waiting in the file is made on the copy, and
// a second move into it is refused by the table that holds rows.
func TestMigrateAPlainChain(t *testing.T) {
	v := newFileEnv(t)
	ownerURL, _ := storetest.PostgresRoles(t)
	res, err := store.MigrateToPostgres(v.ctx, v.st, ownerURL, "")
	if err != nil {
		t.Fatal(err)
	}
	if res.Source.Key != store.KeyPlain || res.Target.Key != store.KeyPlain || res.Audit == 0 ||
		res.Target.Checked != res.Audit || res.Source.Checked != res.Audit || res.Search == 0 {
		t.Errorf("moved: %+v", res)
	}
	// The planner knows the copy's tables at once (ANALYZE), not after
	// autovacuum's first minutes.
	var analyzed int
	if err := storetest.Raw(t, ownerURL).QueryRow(`SELECT count(*) FROM pg_stats WHERE tablename = 'documents'`).Scan(&analyzed); err != nil || analyzed == 0 {
		t.Errorf("the copy has no planner statistics (%d columns, %v)", analyzed, err)
	}
	var filled *store.FilledError
	if _, err := store.MigrateToPostgres(v.ctx, v.st, ownerURL, ""); !errors.As(err, &filled) || filled.Rows == 0 {
		t.Errorf("a second move: %v", err)
	}
	st, err := store.OpenURL(v.ctx, ownerURL)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	e, err := workflow.New(v.ctx, st)
	if err != nil {
		t.Fatal(err)
	}
	if err := e.Desk(v.boss).Act(v.ctx, v.docID, workflow.ActionApprove, "on PostgreSQL"); err != nil {
		t.Fatalf("the terms change's sign-off on the copy: %v", err)
	}
	got, err := st.VerifyAudit(v.ctx)
	if err != nil || got.BrokenAt != 0 || got.Checked <= res.Audit {
		t.Errorf("the copy's chain after a sign-off: %+v, %v", got, err)
	}
}
