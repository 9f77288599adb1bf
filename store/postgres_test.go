package store_test

import (
	"testing"

	"orderdesk/store"
	"orderdesk/store/storetest"
)

// TestTheDeskWorksOnPostgreSQL runs the env's making (the workflow's
// rules, users, a customer whose terms wait for review) and a sign-off on
// a PostgreSQL database, then verifies its audit chain.
func TestTheDeskWorksOnPostgreSQL(t *testing.T) {
	v := buildEnv(t, storetest.Postgres(t))
	defer v.st.Close()
	if err := v.e.Desk(v.clerk).Act(v.ctx, v.docID, "approve", ""); err == nil {
		t.Error("the maker approved their own terms change")
	}
	v.act(v.boss, v.docID, "approve", "ok")
	if d := v.doc(v.docID); d.Status != "approved" {
		t.Errorf("terms change %s after the supervisor's approval", d.Status)
	}
	if c := v.customer(v.custID); c.PaymentTerms != store.TermsMonthly {
		t.Errorf("customer terms %s after the approval", c.PaymentTerms)
	}
	res, err := v.st.VerifyAudit(v.ctx)
	if err != nil || res.BrokenAt != 0 || res.Checked == 0 {
		t.Errorf("audit chain: %+v, %v", res, err)
	}
}

// TestRulesHoldOnPostgreSQL runs raw-SQL attacks, written once in
// SQLite's dialect and carried over as a script would write them, against
// a PostgreSQL database: the same rules refuse them there.
func TestRulesHoldOnPostgreSQL(t *testing.T) {
	for _, c := range []struct {
		name string
		test func(*testing.T)
	}{
		{"two-person rule, frozen rules, append-only", TestDatabaseRefusesBypass},
		{"inactive users", TestInactiveUserRefusedByDatabase},
		{"audit records of legitimate actions", TestAuditRowsForLegitimateActions},
		{"complaints", TestComplaintBypass},
		{"materials sent", TestMaterialBypass},
		{"meetings", TestMeetingBypass},
		{"credit invoices", TestDatabaseRefusesCreditBypass},
		{"shipping and the payment gate", TestDatabaseRefusesShippingBypass},
		{"orders, contracts and gapless numbers", TestDatabaseRefusesOrderBypass},
		{"pricing", TestDatabaseRefusesPricingBypass},
		{"invoicing", TestDatabaseRefusesInvoicingBypass},
		{"returns", TestDatabaseRefusesReturnsBypass},
		{"visits", TestVisitBypass},
	} {
		t.Run(c.name, func(t *testing.T) {
			onPostgres(t)
			c.test(t)
		})
	}
}
