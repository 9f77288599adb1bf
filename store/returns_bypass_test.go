package store_test

import (
	"errors"
	"fmt"
	"testing"

	"orderdesk/store"
	"orderdesk/workflow"
)

// TestDatabaseRefusesReturnsBypass writes around orderdesk and expects
// the triggers to refuse every way around a return's rules: more back
// than the note line billed, a day before the note left, a check or a
// receipt by its maker, a receipt by someone not in the warehouse or of
// a return not checked, records rewritten or deleted.
func TestDatabaseRefusesReturnsBypass(t *testing.T) {
	v := newEnv(t)
	p, wh := returnableNote(v)
	sys, _ := v.e.SystemUser(v.ctx)
	whClerk, err := v.e.AddUser(v.ctx, sys, "zhou", "周", "", []workflow.Role{workflow.Clerk, workflow.Warehouse})
	v.must(err)
	clerk, boss := v.e.Desk(v.clerk), v.e.Desk(v.boss)
	newReturn := func(d *workflow.Desk, qty string) int64 {
		t.Helper()
		in, _, err := d.NewReturnInput(v.ctx, p.released)
		v.must(err)
		in.Reason, in.Lines[0].Quantity = "锈蚀", qty
		id, err := d.CreateReturn(v.ctx, in)
		v.must(err)
		return id
	}
	draft := newReturn(clerk, "1")
	submitted := newReturn(clerk, "1")
	v.must(clerk.SubmitReturn(v.ctx, submitted, 0))
	checked := newReturn(clerk, "0.5")
	v.must(clerk.SubmitReturn(v.ctx, checked, 0))
	v.must(boss.CheckReturn(v.ctx, checked, 0))
	own := newReturn(v.e.Desk(whClerk), "0.5")
	v.must(v.e.Desk(whClerk).SubmitReturn(v.ctx, own, 0))
	v.must(boss.CheckReturn(v.ctx, own, 0))
	var e *workflow.Refusal
	if err := v.e.Desk(whClerk).ReceiveReturn(v.ctx, own, 0); !errors.As(err, &e) || e.Code != workflow.MakerCannotSignOff {
		t.Fatalf("the maker received their own return: %v", err)
	}
	received := newReturn(clerk, "0.5")
	v.must(clerk.SubmitReturn(v.ctx, received, 0))
	v.must(boss.CheckReturn(v.ctx, received, 0))
	v.must(wh.ReceiveReturn(v.ctx, received, 0))
	var draftLine int64
	v.must(v.st.Read(v.ctx, func(tx *store.Tx) error {
		r, err := tx.GoodsReturn(v.ctx, draft)
		draftLine = r.Lines[0].ID
		return err
	}))

	db := raw(t, v.path)
	tr := transitionSQL
	receipt := func(doc, by int64, on string) string {
		return fmt.Sprintf(`INSERT INTO goods_return_receipts(return_doc_id, received_on, received_by, created_at, updated_at, updated_by)
			VALUES (%d, %s, %d, %s, %s, %d)`, doc, on, by, nowSQL, nowSQL, by)
	}
	// 4 t left; 1 + 1 + 0.5 + 0.5 + 0.5 are out on returns: 0.5 t is left.
	wantRefused(t, db, returnTables, []bypass{
		{"a line grown past what the note billed", fmt.Sprintf(`UPDATE goods_return_lines SET qty = 1600, weight = 1600, amount = 659200,
			updated_by = %d WHERE id = %d`, v.clerk.ID, draftLine), "over_returned"},
		{"a line with a wrong amount", fmt.Sprintf(`UPDATE goods_return_lines SET amount = amount + 1, updated_by = %d WHERE id = %d`,
			v.clerk.ID, draftLine), "amount_mismatch"},
		{"dated before the note left", fmt.Sprintf(`UPDATE goods_returns SET returned_on = '2025-02-28', updated_by = %d WHERE doc_id = %d`,
			v.clerk.ID, draft), "before_note"},
		{"moved to another note", fmt.Sprintf(`UPDATE goods_returns SET note_doc_id = %d WHERE doc_id = %d`, p.held, draft), "fixed_field"},
		{"a line changed once submitted", fmt.Sprintf(`UPDATE goods_return_lines SET qty = 500, weight = 500, amount = 206000,
			updated_by = %d WHERE doc_id = %d`, v.clerk.ID, submitted), "not_editable"},
		{"checked by its maker", tr(submitted, "approve", "submitted", "checked", v.clerk.ID, 1, ""), "maker_cannot_sign"},
		{"checked without a sign-off", tr(submitted, "approve", "submitted", "checked", v.boss.ID, 0, ""), "no_such_transition"},
		{"received with no receipt", tr(checked, "receive", "checked", "received", p.wh.ID, 1, ""), "receipt_missing"},
		{"received by a clerk", receipt(checked, v.clerk2.ID, "date('now')"), "warehouse_only"},
		{"received before it was checked", receipt(submitted, p.wh.ID, "date('now')"), "stale_status"},
		{"received by its maker", receipt(own, whClerk.ID, "date('now')"), "maker_cannot_sign"},
		{"received on another day", receipt(checked, p.wh.ID, "'2025-01-01'"), "fixed_field"},
		{"a receipt rewritten", `UPDATE goods_return_receipts SET received_on = '2025-03-09'`, "append_only"},
		{"voided with no reason", tr(checked, "void", "checked", "void", v.clerk.ID, 0, " "), "comment_required"},
		{"a received return voided", tr(received, "void", "received", "void", v.clerk.ID, 0, "x"), "no_such_transition"},
		{"a return deleted", fmt.Sprintf(`DELETE FROM goods_returns WHERE doc_id = %d`, draft), "no_delete"},
		{"a return line deleted", fmt.Sprintf(`DELETE FROM goods_return_lines WHERE id = %d`, draftLine), "no_delete"},
	})
	// What the rules allow still works: the warehouse receives a checked
	// return today, and the draft takes the half tonne left.
	if _, err := db.Exec(receipt(checked, p.wh.ID, "date('now')")); err != nil {
		t.Fatalf("the warehouse's receipt was refused: %v", err)
	}
	if _, err := db.Exec(fmt.Sprintf(`UPDATE goods_return_lines SET qty = 1500, weight = 1500, amount = 618000, updated_by = %d WHERE id = %d`,
		v.clerk.ID, draftLine)); err != nil {
		t.Fatalf("a line within what is left was refused: %v", err)
	}
}

// returnTables summarise the return tables and the books they move.
var returnTables = docSummary(
	`SELECT group_concat(doc_id || note_doc_id || returned_on || total, ';') FROM goods_returns`,
	`SELECT group_concat(id || qty || weight || amount || removed, ';') FROM goods_return_lines`,
	`SELECT count(*) FROM goods_return_receipts`,
	`SELECT group_concat(customer_id || month || shipped, ';') FROM ledger_months`,
	`SELECT sum(shipped) || ':' || sum(shipped_kg) FROM stat_days`,
)
