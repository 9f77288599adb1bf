package store_test

import (
	"encoding/json"
	"fmt"
	"testing"

	"orderdesk/store"
	"orderdesk/workflow"
)

// TestDatabaseRefusesBypass writes around orderdesk, through a second raw
// connection as a script or the sqlite3 shell would, and expects the
// triggers to refuse every way around the two-person rule, the frozen
// rules and the append-only tables.
func TestDatabaseRefusesBypass(t *testing.T) {
	v := newEnv(t)
	_, adminDoc := v.customerWithTerms(v.admin, "鞍钢股份有限公司")
	_, editDoc := v.customerWithTerms(v.clerk, "本溪钢铁公司")
	_, editDoc2 := v.customerWithTerms(v.clerk, "抚顺特钢")
	approvedCust, approvedDoc := v.customerWithTerms(v.clerk, "大连重工")
	v.act(v.boss, approvedDoc, workflow.ActionApprove, "")
	db := raw(t, v.path)

	approveTr := scalar[int64](t, db, `SELECT id FROM transitions WHERE doc_id = ?`, approvedDoc)
	editorRow := scalar[int64](t, db, `SELECT min(id) FROM document_editors`)
	otherCode := scalar[string](t, db, `SELECT code FROM customers WHERE id = ?`, approvedCust)
	// A bare document header with no content, as a script could make.
	bareDoc := scalar[int64](t, db, `INSERT INTO documents(kind, status, maker_id, status_since, created_at, updated_at, updated_by)
		VALUES ('terms_change', 'submitted', ?, `+nowSQL+`, `+nowSQL+`, `+nowSQL+`, ?) RETURNING id`, v.clerk.ID, v.clerk.ID)
	// Edits by the supervisor, once to the header and once to the content:
	// either makes them an editor of the round.
	for _, q := range []string{
		fmt.Sprintf(`UPDATE documents SET summary = 'edited', version = version + 1, updated_by = %d, updated_at = %s WHERE id = %d`, v.boss.ID, nowSQL, editDoc),
		fmt.Sprintf(`UPDATE terms_changes SET new_credit = 1, updated_by = %d, updated_at = %s WHERE doc_id = %d`, v.boss.ID, nowSQL, editDoc2),
	} {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}

	tr := func(doc int64, action, from, to string, actor int64, signoff int) string {
		return transitionSQL(doc, action, from, to, actor, signoff, "x")
	}
	tests := []struct {
		name, sql, code string
	}{
		{"status without a transition", fmt.Sprintf(`UPDATE documents SET status = 'approved' WHERE id = %d`, v.docID), "status_without_transition"},
		{"maker signs off", tr(adminDoc, "approve", "submitted", "approved", v.admin.ID, 1), "maker_cannot_sign"},
		{"sign-off rule taken without sign-off", tr(v.docID, "approve", "submitted", "approved", v.boss.ID, 0), "no_such_transition"},
		{"invented transition", tr(v.docID, "approve", "submitted", "withdrawn", v.boss.ID, 1), "no_such_transition"},
		{"from a status the document is not in", tr(v.docID, "resubmit", "sent_back", "submitted", v.clerk.ID, 0), "stale_status"},
		{"user without the rule's role", tr(v.docID, "approve", "submitted", "approved", v.clerk2.ID, 1), "role_not_allowed"},
		{"editor of the header signs off", tr(editDoc, "approve", "submitted", "approved", v.boss.ID, 1), "editor_cannot_sign"},
		{"editor of the content signs off", tr(editDoc2, "approve", "submitted", "approved", v.boss.ID, 1), "editor_cannot_sign"},
		{"credit limit without a terms change", fmt.Sprintf(`UPDATE customers SET credit_limit = 100000000 WHERE id = %d`, v.custID), "terms_need_signoff"},
		{"terms pointed at an unapproved change", fmt.Sprintf(`UPDATE customers SET payment_terms = 'monthly', terms_days = 30, credit_limit = 50000000, terms_doc_id = %d WHERE id = %d`, v.docID, v.custID), "terms_need_signoff"},
		{"new customer with monthly terms", fmt.Sprintf(`INSERT INTO customers(code, name, payment_terms, terms_days, created_at, updated_at, updated_by)
			VALUES ('X1', 'x', 'monthly', 30, %s, %s, %d)`, nowSQL, nowSQL, v.clerk.ID), "terms_need_signoff"},
		{"delete a customer", fmt.Sprintf(`DELETE FROM customers WHERE id = %d`, v.custID), "no_delete"},
		{"delete a document", fmt.Sprintf(`DELETE FROM documents WHERE id = %d`, approvedDoc), "no_delete"},
		{"delete transitions", `DELETE FROM transitions`, "no_delete"},
		{"delete terms content", `DELETE FROM terms_changes`, "no_delete"},
		{"delete users", fmt.Sprintf(`DELETE FROM users WHERE id = %d`, v.clerk.ID), "no_delete"},
		{"delete the audit log", `DELETE FROM audit_log`, "append_only"},
		{"delete editor records", `DELETE FROM document_editors`, "append_only"},
		{"rewrite a transition", `UPDATE transitions SET actor_id = 1`, "append_only"},
		{"rewrite an editor record", `UPDATE document_editors SET user_id = 1`, "append_only"},
		{"alter a sealed audit record", `UPDATE audit_log SET after = '{}' WHERE id = (SELECT min(id) FROM audit_log)`, "append_only"},
		{"alter a rule", `UPDATE wf_rules SET signoff = 0`, "rules_frozen"},
		{"delete a rule", `DELETE FROM wf_rules`, "rules_frozen"},
		{"alter a state", `UPDATE wf_states SET editable = 1`, "rules_frozen"},
		{"delete a state", `DELETE FROM wf_states`, "rules_frozen"},
		{"change the maker", fmt.Sprintf(`UPDATE documents SET maker_id = %d WHERE id = %d`, v.boss.ID, v.docID), "fixed_field"},
		{"change the kind", fmt.Sprintf(`UPDATE documents SET kind = 'x' WHERE id = %d`, v.docID), "fixed_field|not_editable"},
		{"edit an approved header", fmt.Sprintf(`UPDATE documents SET summary = 'x' WHERE id = %d`, approvedDoc), "not_editable"},
		{"edit approved content", fmt.Sprintf(`UPDATE terms_changes SET new_credit = 1 WHERE doc_id = %d`, approvedDoc), "not_editable"},
		{"add content to an approved document", fmt.Sprintf(`INSERT INTO terms_changes(doc_id, customer_id, old_terms, old_days, old_credit, new_terms, new_days, new_credit, created_at, updated_at, updated_by)
			VALUES (%d, %d, 'prepaid', 0, 0, 'monthly', 90, 1, %s, %s, %d)`, approvedDoc, v.custID, nowSQL, nowSQL, v.clerk.ID), "not_editable|duplicate"},
		{"document created past its initial status", fmt.Sprintf(`INSERT INTO documents(kind, status, maker_id, status_since, created_at, updated_at, updated_by)
			VALUES ('terms_change', 'approved', %d, %s, %s, %s, %d)`, v.clerk.ID, nowSQL, nowSQL, nowSQL, v.clerk.ID), "not_initial_state"},

		// Ways around the refusals above that SQLite's conflict handling
		// opens: REPLACE deletes the row it displaces without firing
		// delete triggers, so each of these would silently delete a row.
		{"replace a rule with one that needs no sign-off", `INSERT OR REPLACE INTO wf_rules(kind, action, from_status, to_status, signoff, roles)
			VALUES ('terms_change', 'approve', 'submitted', 'approved', 0, ',clerk,')`, "rules_frozen"},
		{"add a rule to a kind in use", `INSERT INTO wf_rules(kind, action, from_status, to_status, signoff, roles)
			VALUES ('terms_change', 'sneak', 'submitted', 'approved', 0, ',clerk,')`, "rules_frozen"},
		{"replace a state", `INSERT OR REPLACE INTO wf_states(kind, status, initial, editable) VALUES ('terms_change', 'approved', 0, 1)`, "rules_frozen"},
		{"replace a customer", fmt.Sprintf(`INSERT OR REPLACE INTO customers(id, code, name, created_at, updated_at, updated_by)
			VALUES (%d, 'Z1', 'x', %s, %s, %d)`, approvedCust, nowSQL, nowSQL, v.clerk.ID), "duplicate"},
		{"take another customer's code", fmt.Sprintf(`UPDATE OR REPLACE customers SET code = '%s' WHERE id = %d`, otherCode, v.custID), "duplicate"},
		{"renumber a customer", fmt.Sprintf(`UPDATE customers SET id = 9999 WHERE id = %d`, v.custID), "fixed_field"},
		{"replace an approved document", fmt.Sprintf(`INSERT OR REPLACE INTO documents(id, kind, status, maker_id, status_since, created_at, updated_at, updated_by)
			VALUES (%d, 'terms_change', 'submitted', %d, %s, %s, %s, %d)`, approvedDoc, v.boss.ID, nowSQL, nowSQL, nowSQL, v.boss.ID), "duplicate"},
		{"renumber a document", fmt.Sprintf(`UPDATE documents SET id = 9999 WHERE id = %d`, v.docID), "fixed_field"},
		{"move approved content to another document", fmt.Sprintf(`UPDATE terms_changes SET doc_id = %d, new_credit = 1 WHERE doc_id = %d`, bareDoc, approvedDoc), "fixed_field"},
		{"replace a sign-off", fmt.Sprintf(`INSERT OR REPLACE INTO transitions(id, doc_id, action, from_status, to_status, actor_id, signoff, comment, at)
			VALUES (%d, %d, 'send_back', 'submitted', 'sent_back', %d, 1, 'x', %s)`, approveTr, v.docID, v.boss.ID, nowSQL), "duplicate"},
		{"replace an editor record", fmt.Sprintf(`INSERT OR REPLACE INTO document_editors(id, doc_id, user_id, signoffs_before, at)
			VALUES (%d, %d, 1, 0, %s)`, editorRow, editDoc, nowSQL), "duplicate"},
		{"replace an audit record", fmt.Sprintf(`INSERT OR REPLACE INTO audit_log(id, tbl, row_id, op) VALUES ((SELECT max(id) FROM audit_log WHERE hash IS NOT NULL), 'customers', %d, 'insert')`, v.custID), "duplicate"},
		{"take another user's login", fmt.Sprintf(`UPDATE OR REPLACE users SET login = 'zhao' WHERE id = %d`, v.clerk.ID), "duplicate"},
	}
	wantRefused(t, db, protectedTables, tests)
	if c := v.customer(approvedCust); c.PaymentTerms != store.TermsMonthly || c.CreditLimit != 50000000 {
		t.Fatalf("approved terms were lost: %+v", c)
	}

	// The same connection can still do what the rules allow: a supervisor
	// who did not edit signs off, and the approved terms reach the customer.
	if _, err := db.Exec(tr(v.docID, "approve", "submitted", "approved", v.boss.ID, 1)); err != nil {
		t.Fatalf("a valid sign-off was refused: %v", err)
	}
	if c := v.customer(v.custID); c.PaymentTerms != store.TermsMonthly || c.TermsDays != 30 || c.CreditLimit != 50000000 {
		t.Fatalf("terms not applied by a raw approval: %+v", c)
	}
}

// protectedTables summarise every protected table so a test can tell that a
// refused statement left no trace.
var protectedTables = summary{
	`SELECT group_concat(id || code || payment_terms || terms_days || credit_limit || voided || version, ';') FROM customers`,
	`SELECT group_concat(id || status || maker_id || version || summary, ';') FROM documents`,
	`SELECT group_concat(id || doc_id || action || actor_id || signoff, ';') FROM transitions`,
	`SELECT group_concat(id || doc_id || user_id || signoffs_before, ';') FROM document_editors`,
	`SELECT count(*) || ':' || max(id) || ':' || group_concat(coalesce(hash, '-'), '') FROM audit_log`,
	`SELECT group_concat(kind || action || from_status || to_status || signoff || roles, ';') FROM wf_rules`,
	`SELECT group_concat(kind || status || initial || editable, ';') FROM wf_states`,
	`SELECT group_concat(id || login || roles || active, ';') FROM users`,
	`SELECT group_concat(doc_id || customer_id || new_terms || new_credit, ';') FROM terms_changes`,
}

// TestInactiveUserRefusedByDatabase: a user switched off since their
// session started still holds a Desk with Active=true; the database
// checks the live record.
func TestInactiveUserRefusedByDatabase(t *testing.T) {
	v := newEnv(t)
	stale := v.boss
	sys, _ := v.e.SystemUser(v.ctx)
	if err := v.st.Write(v.ctx, func(tx *store.Tx) error { return tx.SetActive(v.ctx, sys.ID, v.boss.ID, false) }); err != nil {
		t.Fatal(err)
	}
	err := v.st.Write(v.ctx, func(tx *store.Tx) error {
		return tx.InsertTransition(v.ctx, store.Transition{DocID: v.docID, Action: "approve", From: "submitted", To: "approved", ActorID: stale.ID, SignOff: true})
	})
	wantRule(t, err, "role_not_allowed")
	if d := v.doc(v.docID); d.Status != "submitted" {
		t.Fatalf("status %s after a refused sign-off", d.Status)
	}
}

// TestAuditRowsForLegitimateActions: every change the desk makes leaves
// audit records naming who, with JSON images before and after.
func TestAuditRowsForLegitimateActions(t *testing.T) {
	v := newEnv(t)
	desk := v.e.Desk(v.clerk)
	orig := v.customer(v.custID)
	in := workflow.InputFromCustomer(orig)
	in.Name, in.PaymentTerms, in.TermsDays, in.CreditLimit = "沈阳钢铁集团有限公司", store.TermsPrepaid, "0", "0"
	// The terms are still prepaid on the customer while the change waits,
	// so this is a name edit only.
	if _, err := desk.UpdateCustomer(v.ctx, orig, in); err != nil {
		t.Fatal(err)
	}
	v.act(v.fin, v.docID, workflow.ActionApprove, "")

	type rec struct {
		actor         int64
		op            string
		before, after map[string]any
	}
	load := func(tbl string, row int64) []rec {
		t.Helper()
		var out []rec
		err := v.st.Read(v.ctx, func(tx *store.Tx) error {
			hist, err := tx.History(v.ctx, tbl, row, 100)
			if err != nil {
				return err
			}
			for i := len(hist) - 1; i >= 0; i-- { // oldest first
				h := hist[i]
				r := rec{actor: h.ActorID, op: h.Op}
				if h.Before != "" {
					if err := json.Unmarshal([]byte(h.Before), &r.before); err != nil {
						return fmt.Errorf("before of #%d: %v", h.ID, err)
					}
				}
				if err := json.Unmarshal([]byte(h.After), &r.after); err != nil {
					return fmt.Errorf("after of #%d: %v", h.ID, err)
				}
				if h.Hash == "" {
					return fmt.Errorf("record #%d unsealed", h.ID)
				}
				out = append(out, r)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		return out
	}

	cust := load("customers", v.custID)
	if len(cust) != 3 {
		t.Fatalf("customer has %d audit records, want 3 (insert, edit, terms)", len(cust))
	}
	if c := cust[0]; c.op != "insert" || c.actor != v.clerk.ID || c.before != nil || c.after["name"] != "沈阳钢铁有限公司" {
		t.Fatalf("insert record: %+v", c)
	}
	if _, leaked := cust[0].after["search"]; leaked {
		t.Fatal("derived search column in the audit image")
	}
	if c := cust[1]; c.op != "update" || c.actor != v.clerk.ID || c.before["name"] != "沈阳钢铁有限公司" || c.after["name"] != "沈阳钢铁集团有限公司" {
		t.Fatalf("edit record: %+v", c)
	}
	if c := cust[2]; c.op != "update" || c.actor != v.fin.ID || c.before["credit_limit"] != float64(0) ||
		c.after["credit_limit"] != float64(50000000) || c.after["payment_terms"] != "monthly" {
		t.Fatalf("terms record: %+v", c)
	}

	doc := load("documents", v.docID)
	last := doc[len(doc)-1]
	if last.actor != v.fin.ID || last.before["status"] != "submitted" || last.after["status"] != "approved" {
		t.Fatalf("document status record: %+v", last)
	}
	var trID int64
	v.st.Read(v.ctx, func(tx *store.Tx) error {
		trs, err := tx.Transitions(v.ctx, v.docID)
		if len(trs) == 1 {
			trID = trs[0].ID
		}
		return err
	})
	trs := load("transitions", trID)
	if len(trs) != 1 || trs[0].actor != v.fin.ID || trs[0].after["action"] != "approve" || trs[0].after["signoff"] != float64(1) {
		t.Fatalf("transition record: %+v", trs)
	}

	// A passphrase hash is a secret: it must not be copied into a log
	// that can never be purged.
	sys, _ := v.e.SystemUser(v.ctx)
	if err := v.st.Write(v.ctx, func(tx *store.Tx) error {
		return tx.SetPassphraseHash(v.ctx, sys.ID, v.clerk.ID, "$argon2id$secret")
	}); err != nil {
		t.Fatal(err)
	}
	users := load("users", v.clerk.ID)
	for _, u := range users {
		if _, ok := u.after["passphrase_hash"]; ok {
			t.Fatalf("passphrase hash copied into the audit log: %+v", u.after)
		}
	}
	if last := users[len(users)-1]; last.actor != sys.ID || last.op != "update" {
		t.Fatalf("passphrase change not attributed: %+v", last)
	}
}
