package store_test

import (
	"fmt"
	"testing"

	"orderdesk/workflow"
)

// The database refuses what the meeting workflow refuses, to a
// statement written around orderdesk: an action item with no owner or
// due day, an item added to or closed on closed minutes, a submit for
// sign-off or a close while an item is open, a close signed by who
// closed an item, rewriting or deleting the minutes.
func TestMeetingBypass(t *testing.T) {
	v := newEnv(t)
	minutes := func() int64 {
		id, err := v.e.Desk(v.clerk).CreateMeeting(v.ctx, workflow.MeetingInput{HeldOn: "2025-02-27", Place: "会议室",
			Attendees: "wang、zhao", Decisions: "月底前催款"})
		v.must(err)
		return id
	}
	item := func(doc int64) int64 {
		id, err := v.e.Desk(v.clerk).AddActionItem(v.ctx, doc, workflow.ActionItemInput{DecisionNo: 1, OwnerID: v.clerk2.ID,
			DueOn: "2025-03-05", What: "打电话催款"})
		v.must(err)
		return id
	}
	open := minutes()
	openItem := item(open)
	done := minutes()
	v.must(v.e.Desk(v.boss).CloseActionItem(v.ctx, item(done), "已催"))
	closed := minutes()
	closedItem := item(closed)
	v.must(v.e.Desk(v.clerk2).CloseActionItem(v.ctx, closedItem, "已收回"))
	v.must(v.e.Desk(v.boss).Act(v.ctx, closed, workflow.ActionApprove, ""))
	db := raw(t, v.path)
	action := func(doc, owner int64, due string) string {
		return fmt.Sprintf(`INSERT INTO meeting_actions(doc_id, decision_no, owner_id, due_on, what, created_at, updated_at, updated_by)
			VALUES (%d, 1, %s, %s, '催款', %s, %s, %d)`, doc, sqlOrNull(owner), due, nowSQL, nowSQL, v.clerk.ID)
	}
	doneSQL := func(item, by int64) string {
		return fmt.Sprintf(`INSERT INTO meeting_action_done(action_id, done, done_on, created_at, updated_at, updated_by)
			VALUES (%d, '已办', '2025-03-01', %s, %s, %d)`, item, nowSQL, nowSQL, by)
	}
	wantRefused(t, db, docSummary(`SELECT count(*) FROM meeting_actions`, `SELECT count(*) FROM meeting_action_done`,
		`SELECT group_concat(decision, ';') FROM meeting_decisions`, `SELECT count(*) FROM meeting_attendees`,
		`SELECT group_concat(held_on || place, ';') FROM meetings`), []bypass{
		{"an item added to closed minutes", action(closed, v.clerk2.ID, "'2025-03-05'"), "not_editable|stale_status"},
		{"an item closed on closed minutes", doneSQL(closedItem, v.clerk2.ID), "stale_status|duplicate"},
		{"an item closed by who does not own it", doneSQL(openItem, v.fin.ID), "not_your_action"},
		{"submitted with an item open", transitionSQL(open, workflow.ActionSubmit, "open", "done", v.clerk.ID, 0, ""), "actions_open"},
		{"closed with an item open", transitionSQL(open, workflow.ActionApprove, "open", "closed", v.boss.ID, 1, ""), "actions_open"},
		{"closed by who closed an item", transitionSQL(done, workflow.ActionApprove, "done", "closed", v.boss.ID, 1, ""), "closer_did_action"},
		{"closed by its maker", transitionSQL(done, workflow.ActionApprove, "done", "closed", v.clerk.ID, 1, ""), "maker_cannot_sign"},
		{"an item rewritten", `UPDATE meeting_actions SET what = '不催了'`, "append_only"},
		{"what was done rewritten", `UPDATE meeting_action_done SET done = '没办'`, "append_only"},
		{"a decision rewritten", `UPDATE meeting_decisions SET decision = '不催款'`, "append_only"},
		{"an attendee struck out", `UPDATE meeting_attendees SET user_id = 1`, "append_only"},
		{"closed minutes redated", fmt.Sprintf(`UPDATE meetings SET held_on = '2025-02-01' WHERE doc_id = %d`, closed), "not_editable|stale_status"},
		{"minutes deleted", fmt.Sprintf(`DELETE FROM meetings WHERE doc_id = %d`, open), "no_delete"},
		{"an item deleted", `DELETE FROM meeting_actions`, "no_delete"},
	})
	// An item with no owner or no due day is no action item: the table's
	// own constraints refuse it.
	for name, sql := range map[string]string{"no owner": action(open, 0, "'2025-03-05'"), "no due day": action(open, v.clerk2.ID, "''")} {
		if _, err := db.Exec(sql); err == nil {
			t.Errorf("an item with %s was written", name)
		}
	}
}

// sqlOrNull is id in SQL, or NULL for 0.
func sqlOrNull(id int64) string {
	if id == 0 {
		return "NULL"
	}
	return fmt.Sprint(id)
}
