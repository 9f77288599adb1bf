package store_test

import (
	"fmt"
	"testing"

	"orderdesk/workflow"
)

// The database refuses what the register refuses, to a statement
// written around orderdesk: an entry edited or deleted (a void one
// above all), a receipt before the day it left, dated ahead or of a
// void entry, received with no receipt, voided with no reason or by
// who may not. (A number given with what went by hand is refused by the
// table's own CHECK.)
func TestMaterialBypass(t *testing.T) {
	v := newEnv(t)
	send := func() int64 {
		id, err := v.e.Desk(v.clerk).SendMaterial(v.ctx, workflow.MaterialInput{CustomerID: v.custID, What: "sample", Description: "Q235B 样板",
			Via: "courier", Courier: "sf", Tracking: "SF1234567890123"})
		v.must(err)
		return id
	}
	sent := send()
	void := send()
	v.must(v.e.Desk(v.clerk).VoidMaterial(v.ctx, void, 0, "寄错了"))
	db := raw(t, v.path)
	receipt := func(doc int64, day string) string {
		return fmt.Sprintf(`INSERT INTO material_receipts(sent_doc_id, received_on, received_by, created_at, updated_at, updated_by)
			VALUES (%d, '%s', '王经理', %s, %s, %d)`, doc, day, nowSQL, nowSQL, v.clerk.ID)
	}
	wantRefused(t, db, docSummary(`SELECT group_concat(doc_id || what || sent_on || via || tracking, ';') FROM materials`,
		`SELECT count(*) FROM material_receipts`), []bypass{
		{"a void entry edited", fmt.Sprintf(`UPDATE materials SET tracking = 'SF999999999999' WHERE doc_id = %d`, void), "append_only|not_editable"},
		{"a void entry deleted", fmt.Sprintf(`DELETE FROM materials WHERE doc_id = %d`, void), "no_delete"},
		{"a void entry's document brought back", fmt.Sprintf(`UPDATE documents SET status = 'sent' WHERE id = %d`, void), "status_without_transition"},
		{"an entry redated", fmt.Sprintf(`UPDATE materials SET sent_on = '2025-02-01' WHERE doc_id = %d`, sent), "append_only"},
		{"an entry deleted", `DELETE FROM materials`, "no_delete"},
		{"a receipt of a void entry", receipt(void, "2025-03-01"), "stale_status"},
		{"a receipt before it left", receipt(sent, "2025-02-27"), "received_before_sent"},
		{"a receipt dated ahead", receipt(sent, "2099-01-01"), "date_in_future"},
		{"received with no receipt", transitionSQL(sent, workflow.ActionConfirmReceipt, "sent", "received", v.clerk.ID, 0, ""), "receipt_unconfirmed"},
		{"voided with no reason", transitionSQL(sent, workflow.ActionVoid, "sent", "void", v.clerk.ID, 0, ""), "comment_required"},
		{"voided by finance", transitionSQL(sent, workflow.ActionVoid, "sent", "void", v.fin.ID, 0, "不要了"), "not_your_material|not_allowed|role"},
	})
	v.must(v.e.Desk(v.clerk).ConfirmMaterialReceipt(v.ctx, sent, 0, workflow.ArrivalInput{By: "王经理"}))
	wantRefused(t, db, docSummary(`SELECT group_concat(received_on || received_by, ';') FROM material_receipts`), []bypass{
		{"a receipt rewritten", `UPDATE material_receipts SET received_by = '没人'`, "append_only"},
		{"a receipt deleted", `DELETE FROM material_receipts`, "no_delete"},
		{"a second receipt", receipt(sent, "2025-03-01"), "stale_status|duplicate"},
	})
}
