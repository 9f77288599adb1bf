package upgradetest

import (
	"context"
	"strings"
	"testing"

	"orderdesk/store"
	"orderdesk/workflow"
)

// TestOldDatabaseGainsAStep: a later program that declares a new state
// and a new step for a kind with documents (a terms change put on hold)
// adds them to each earlier version's database at start-up; a document
// takes the new step, never signed off by its maker, and the desk works.
func TestOldDatabaseGainsAStep(t *testing.T) {
	hold := store.RuleDef{Kind: store.TermsChangeKind, Action: "hold", From: "submitted", To: "on_hold",
		SignOff: true, Roles: []string{"clerk", "supervisor"}}
	for _, f := range fixtures(t) {
		t.Run(f.name, func(t *testing.T) {
			_, path := f.upgrade(t)
			ctx := context.Background()
			st, err := store.Open(ctx, path, keyOf(path)...)
			if err != nil {
				t.Fatal(err)
			}
			states, rules := workflow.DeclaredRules()
			states = append(states, store.StateDef{Kind: store.TermsChangeKind, Status: "on_hold"})
			rules = append(rules, hold)
			if err := st.SyncRules(ctx, states, rules); err != nil {
				t.Fatalf("adding a step to terms changes: %v", err)
			}
			st.Close()

			// The later program declares the step at every start: the
			// guards check holds the file to what it declares.
			d := openDesk(t, path, func(st *store.Store) error { return st.SyncRules(ctx, states, rules) })
			var added int
			d.must(d.raw.QueryRow(`SELECT count(*) FROM audit_log WHERE actor_id = 1 AND tbl IN ('wf_states', 'wf_rules')
				AND json_extract(after, '$.kind') = 'terms_change' AND json_extract(after, '$.schema') = ?`, store.SchemaVersion()).Scan(&added))
			if added != 2 {
				t.Fatalf("%d audit records of the additions, want 2", added)
			}
			doc := d.document(d.latest(store.TermsChangeKind, "submitted"))
			takeHold := func(by int64) error {
				return d.st.Write(d.ctx, func(tx *store.Tx) error {
					return tx.InsertTransition(d.ctx, store.Transition{DocID: doc.ID, Action: "hold", From: "submitted", To: "on_hold",
						ActorID: by, SignOff: true, Comment: "等客户回话"})
				})
			}
			if err := takeHold(doc.MakerID); err == nil || !strings.Contains(err.Error(), "maker") {
				t.Fatalf("the maker put their own terms change on hold: %v", err)
			}
			d.must(takeHold(d.all.ID))
			if got := d.document(doc.ID).Status; got != "on_hold" {
				t.Fatalf("terms change %d is %s after the new step", doc.ID, got)
			}
			d.checkWhole("after the new step")
			d.checkLists()
			d.checkNewOrder()
		})
	}
}
