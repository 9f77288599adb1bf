package store_test

import (
	"context"
	"errors"
	"testing"

	"github.com/jackc/pgx/v5/pgconn"

	"orderdesk/internal/pgcluster"
	"orderdesk/store"
	"orderdesk/workflow"
)

// An office keeps a hot standby beside its PostgreSQL primary. It follows
// every commit and answers reads, refusing writes; when the primary's
// machine dies, the standby promoted is the desk's database with all that
// was committed: the schema checks, the audit chain verifies with the
// same count, the sign-off is there, and the desk goes on writing.
func TestPromotedStandbyCarriesOn(t *testing.T) {
	ctx := context.Background()
	primary, err := pgcluster.Start(ctx)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { primary.Stop() })
	url, err := primary.CreateDatabase(ctx, "office")
	if err != nil {
		t.Fatal(err)
	}
	v := buildEnv(t, url)
	t.Cleanup(func() { v.st.Close() })
	v.act(v.boss, v.docID, "approve", "ok")
	before, err := v.st.VerifyAudit(ctx)
	if err != nil || before.BrokenAt != 0 {
		t.Fatalf("the primary's audit chain: %+v, %v", before, err)
	}

	standby, err := primary.StartStandby(ctx)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { standby.Stop() })
	if err := standby.CaughtUp(ctx, primary, "office"); err != nil {
		t.Fatal(err)
	}
	replica := connect(t, standby.URL("office", ""))
	var customers int
	if err := replica.QueryRow(ctx, "SELECT count(*) FROM customers").Scan(&customers); err != nil || customers != 1 {
		t.Errorf("the standby reads %d customers, %v; want 1", customers, err)
	}
	_, err = replica.Exec(ctx, "UPDATE customers SET name = 'x'")
	var pe *pgconn.PgError
	if !errors.As(err, &pe) || pe.Code != "25006" { // read_only_sql_transaction
		t.Errorf("a write on the standby: %v, want it refused as read-only", err)
	}
	replica.Close(ctx)

	primary.Kill()
	if err := standby.Promote(ctx); err != nil {
		t.Fatal(err)
	}
	st, err := store.OpenURL(ctx, standby.URL("office", ""))
	if err != nil {
		t.Fatalf("the promoted standby as the desk's database: %v", err)
	}
	t.Cleanup(func() { st.Close() })
	after, err := st.VerifyAudit(ctx)
	if err != nil || after.BrokenAt != 0 || after.Checked != before.Checked {
		t.Errorf("the audit chain after the promotion: %+v, %v; before: %+v", after, err, before)
	}
	e, err := workflow.New(ctx, st)
	if err != nil {
		t.Fatal(err)
	}
	d, err := e.Desk(v.boss).Document(ctx, v.docID)
	if err != nil || d.Status != "approved" {
		t.Errorf("the terms change on the promoted standby: %q, %v", d.Status, err)
	}
	if _, _, err := e.Desk(v.clerk).CreateCustomer(ctx, workflow.CustomerInput{Name: "大连港机有限公司", PaymentTerms: store.TermsPrepaid}); err != nil {
		t.Errorf("a new customer on the promoted standby: %v", err)
	}
}
