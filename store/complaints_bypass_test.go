package store_test

import (
	"fmt"
	"testing"

	"orderdesk/store"
	"orderdesk/workflow"
)

// The database refuses what the complaint workflow refuses, to a
// statement written around orderdesk: resolving with no resolution,
// closing by the maker or the resolver, rewriting the log.
func TestComplaintBypass(t *testing.T) {
	v := newEnv(t)
	record := func() int64 {
		id, err := v.e.Desk(v.clerk).RecordComplaint(v.ctx, workflow.ComplaintInput{CustomerID: v.custID, Type: "billing", Words: "发票金额不对"})
		v.must(err)
		return id
	}
	open := record()
	resolved := record()
	v.must(v.e.Desk(v.clerk2).ResolveComplaint(v.ctx, resolved, 0, workflow.ResolutionInput{Resolution: "explained"}))
	closed := record()
	v.must(v.e.Desk(v.fin).ResolveComplaint(v.ctx, closed, 0, workflow.ResolutionInput{Resolution: "credit"}))
	v.must(v.e.Desk(v.boss).Act(v.ctx, closed, workflow.ActionApprove, ""))
	v.must(v.e.Desk(v.fin).RecordComplaintAction(v.ctx, open, "查账"))
	db := raw(t, v.path)
	resolution := func(doc, by int64) string {
		return fmt.Sprintf(`INSERT INTO complaint_resolutions(complaint_doc_id, resolution, note, resolved_by, created_at, updated_at, updated_by)
			VALUES (%d, 'explained', '', %d, %s, %s, %d)`, doc, by, nowSQL, nowSQL, by)
	}
	wantRefused(t, db, docSummary(`SELECT count(*) FROM complaint_resolutions`, `SELECT count(*) FROM complaint_actions`,
		`SELECT group_concat(action, ';') FROM complaint_actions`, `SELECT count(*) FROM follow_ups`), []bypass{
		{"resolved with no resolution", transitionSQL(open, workflow.ActionResolve, "in_hand", "resolved", v.clerk2.ID, 0, ""), "resolution_missing"},
		{"closed by its resolver", transitionSQL(resolved, workflow.ActionApprove, "resolved", "closed", v.clerk2.ID, 1, ""), "resolver_cannot_close"},
		{"closed by its maker", transitionSQL(resolved, workflow.ActionApprove, "resolved", "closed", v.clerk.ID, 1, ""), "maker_cannot_sign"},
		{"closed without a sign-off", transitionSQL(resolved, workflow.ActionApprove, "resolved", "closed", v.boss.ID, 0, ""), "no_such_transition"},
		{"a resolution of a closed complaint", resolution(closed, v.fin.ID), "stale_status"},
		{"an action rewritten", `UPDATE complaint_actions SET action = '没查'`, "append_only"},
		{"a resolution rewritten", `UPDATE complaint_resolutions SET resolution = 'credit'`, "append_only"},
		{"a complaint deleted", fmt.Sprintf(`DELETE FROM complaints WHERE doc_id = %d`, open), "no_delete"},
		{"a follow-up of an open complaint", fmt.Sprintf(`INSERT INTO follow_ups(customer_id, source, source_doc_id, satisfied, remark, called_on, created_at, updated_at, updated_by)
			VALUES (%d, 'complaint', %d, 1, '', '2025-03-01', %s, %s, %d)`, v.custID, open, nowSQL, nowSQL, v.clerk.ID), "stale_status"},
	})
	if got := v.e.Kind(store.ComplaintKind); got == nil {
		t.Fatal("the complaint kind is not declared")
	}
}
