package store_test

import (
	"fmt"
	"testing"

	"orderdesk/store"
	"orderdesk/workflow"
)

// TestEditWindowRefusals: a save's edit window (migration 0033) lets its
// editor's rows skip the version move, so every way of misusing it from
// a raw connection is refused: opened for someone else, handed to
// another editor, closed without moving the version, made open for
// someone other than the maker, or held open across a status change.
func TestEditWindowRefusals(t *testing.T) {
	v := newEnv(t)
	_, other := v.customerWithTerms(v.clerk, "本溪钢铁公司")
	_, open := v.customerWithTerms(v.clerk, "抚顺特钢")
	db := raw(t, v.path)
	execAll(t, db, fmt.Sprintf(`UPDATE documents SET edit_open = %d, updated_by = %d, updated_at = %s WHERE id = %d`,
		v.clerk.ID, v.clerk.ID, nowSQL, open))

	wantRefused(t, db, protectedTables, []bypass{
		{"opened for someone else", fmt.Sprintf(`UPDATE documents SET edit_open = %d, updated_by = %d WHERE id = %d`,
			v.boss.ID, v.clerk.ID, other), "edit_window"},
		{"handed to another editor", fmt.Sprintf(`UPDATE documents SET edit_open = %d, updated_by = %d WHERE id = %d`,
			v.boss.ID, v.boss.ID, open), "edit_window"},
		{"closed without moving the version", fmt.Sprintf(`UPDATE documents SET edit_open = NULL WHERE id = %d`, open), "edit_window"},
		{"signed off while open", transitionSQL(open, "approve", "submitted", "approved", v.boss.ID, 1, "x"), "edit_window"},
		{"made open for someone other than its maker", fmt.Sprintf(`INSERT INTO documents(kind, status, maker_id, status_since, created_at, updated_at, updated_by, edit_open)
			VALUES ('terms_change', 'submitted', %d, %s, %s, %s, %d, %d)`, v.clerk.ID, nowSQL, nowSQL, nowSQL, v.clerk.ID, v.boss.ID), "edit_window"},
	})
}

// TestEditWindowKeepsTheTwoPersonRule: content written inside a window
// moves the version once, when the window closes, and whoever opened it
// is an editor of the round who may not sign; a row written inside it by
// anyone else moves the version at once and makes them an editor too.
func TestEditWindowKeepsTheTwoPersonRule(t *testing.T) {
	v := newEnv(t)
	_, doc := v.customerWithTerms(v.clerk, "鞍钢股份有限公司")
	db := raw(t, v.path)
	version := func() int64 {
		return scalar[int64](t, db, fmt.Sprintf(`SELECT version FROM documents WHERE id = %d`, doc))
	}
	editContent := func(by int64, credit int) {
		execAll(t, db, fmt.Sprintf(`UPDATE terms_changes SET new_credit = %d, updated_by = %d, updated_at = %s WHERE doc_id = %d`,
			credit, by, nowSQL, doc))
	}
	start := version()
	execAll(t, db, fmt.Sprintf(`UPDATE documents SET edit_open = %d, updated_by = %d, updated_at = %s WHERE id = %d`,
		v.boss.ID, v.boss.ID, nowSQL, doc))
	editContent(v.boss.ID, 1)
	editContent(v.boss.ID, 2)
	if got := version(); got != start {
		t.Fatalf("the window's editor moved the version %d → %d before closing it", start, got)
	}
	editContent(v.fin.ID, 3)
	if got := version(); got != start+1 {
		t.Fatalf("a row written by another inside the window: version %d, want %d", got, start+1)
	}
	execAll(t, db, fmt.Sprintf(`UPDATE documents SET edit_open = NULL, version = version + 1, updated_by = %d, updated_at = %s WHERE id = %d`,
		v.boss.ID, nowSQL, doc))
	if got := version(); got != start+2 {
		t.Fatalf("after closing: version %d, want %d", got, start+2)
	}
	for _, who := range []struct {
		name string
		id   int64
	}{{"the window's editor", v.boss.ID}, {"another who wrote inside it", v.fin.ID}} {
		_, err := db.Exec(transitionSQL(doc, "approve", "submitted", "approved", who.id, 1, "x"))
		if err == nil {
			t.Fatalf("%s signed off", who.name)
		}
		wantCode(t, err, "editor_cannot_sign")
	}
	v.act(v.admin, doc, workflow.ActionApprove, "")
}

// TestTransactionsCloseTheirWindows: a document made with content in one
// transaction has its window closed by the time it commits, the version
// moved once; a transition in the same transaction closes it first (the
// database refuses one while it is open); a window opened by OpenEdit
// closes with the transaction too. No write leaves a window open.
func TestTransactionsCloseTheirWindows(t *testing.T) {
	v := newEnv(t)
	var made, signed int64
	err := v.st.Write(v.ctx, func(tx *store.Tx) (err error) {
		tc := store.TermsChange{CustomerID: v.custID, NewTerms: store.TermsMonthly, NewDays: 60, NewCredit: 30000000}
		if made, err = tx.CreateTermsChange(v.ctx, v.clerk.ID, "submitted", tc, "账期60天"); err != nil {
			return err
		}
		if signed, err = tx.CreateTermsChange(v.ctx, v.clerk2.ID, "submitted", tc, "账期60天"); err != nil {
			return err
		}
		return tx.InsertTransition(v.ctx, store.Transition{DocID: signed, Action: workflow.ActionSendBack, From: "submitted", To: "sent_back",
			ActorID: v.boss.ID, SignOff: true, Comment: "先别改"})
	})
	if err != nil {
		t.Fatal(err)
	}
	if d := v.doc(made); d.Version != 2 {
		t.Errorf("a document made with its content: version %d, want 2 (made, window closed)", d.Version)
	}
	if d := v.doc(signed); d.Status != "sent_back" {
		t.Errorf("the document signed in the transaction that made it: %s", d.Status)
	}
	err = v.st.Write(v.ctx, func(tx *store.Tx) error { return tx.OpenEdit(v.ctx, v.clerk.ID, made) })
	if err != nil {
		t.Fatal(err)
	}
	if d := v.doc(made); d.Version != 3 {
		t.Errorf("a window opened and left to the transaction: version %d, want 3", d.Version)
	}
	db := raw(t, v.path)
	if n := scalar[int64](t, db, `SELECT count(*) FROM documents WHERE edit_open IS NOT NULL`); n != 0 {
		t.Fatalf("%d windows left open", n)
	}
}
