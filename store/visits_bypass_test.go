package store_test

import (
	"fmt"
	"testing"

	"orderdesk/workflow"
)

// The database refuses what the visit workflow refuses, to a statement
// written around orderdesk: a visit reviewed with no review or by
// another than its owner, cancelled with no reason, a review rewritten,
// a reviewed visit's plan changed, a visit moved to another customer or
// deleted.
func TestVisitBypass(t *testing.T) {
	v := newEnv(t)
	plan := func() int64 {
		id, err := v.e.Desk(v.clerk).PlanVisit(v.ctx, workflow.VisitInput{CustomerID: v.custID, On: "2025-03-01", Goal: "volume", Place: "客户办公室"})
		v.must(err)
		return id
	}
	planned := plan()
	reviewed := plan()
	v.must(v.e.Desk(v.clerk).ReviewVisit(v.ctx, reviewed, 0, workflow.VisitReviewInput{Reached: "yes", Achieved: "订了 50 吨"}))
	db := raw(t, v.path)
	review := func(doc, by int64) string {
		return fmt.Sprintf(`INSERT INTO visit_reviews(doc_id, reached, achieved, created_at, updated_at, updated_by)
			VALUES (%d, 'yes', '谈妥', %s, %s, %d)`, doc, nowSQL, nowSQL, by)
	}
	wantRefused(t, db, docSummary(`SELECT group_concat(doc_id || place || customer_id, ';') FROM visits`,
		`SELECT group_concat(doc_id || reached || achieved, ';') FROM visit_reviews`), []bypass{
		{"reviewed with no review", transitionSQL(planned, workflow.ActionReviewVisit, "planned", "reviewed", v.clerk.ID, 0, ""), "visit_not_reviewed"},
		{"reviewed by another than its owner", transitionSQL(planned, workflow.ActionReviewVisit, "planned", "reviewed", v.clerk2.ID, 0, ""), "not_your_visit"},
		{"a review written by another", review(planned, v.clerk2.ID), "not_your_visit"},
		{"a review with the goal unsaid", fmt.Sprintf(`INSERT INTO visit_reviews(doc_id, reached, achieved, created_at, updated_at, updated_by)
			VALUES (%d, '', '谈妥', %s, %s, %d)`, planned, nowSQL, nowSQL, v.clerk.ID), "invalid_choice"},
		{"a second review", review(reviewed, v.clerk.ID), "duplicate"},
		{"cancelled with no reason", transitionSQL(planned, workflow.ActionCancelVisit, "planned", "cancelled", v.clerk.ID, 0, ""), "comment_required"},
		{"a review rewritten", `UPDATE visit_reviews SET achieved = '没谈成'`, "not_editable"},
		{"a reviewed visit's plan changed", fmt.Sprintf(`UPDATE visits SET place = '饭店' WHERE doc_id = %d`, reviewed), "not_editable"},
		{"moved to another customer", fmt.Sprintf(`UPDATE visits SET customer_id = NULL, lead_doc_id = %d WHERE doc_id = %d`, reviewed, planned), "fixed_field"},
		{"a visit deleted", fmt.Sprintf(`DELETE FROM visits WHERE doc_id = %d`, planned), "no_delete"},
	})
}
