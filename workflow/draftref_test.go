package workflow

import "testing"

// TestDraftRefNeverReissued: a provisional reference given out once
// (DD2026-000001, told to the customer on the phone) never names another
// order, even after its own draft was signed off and took its number.
func TestDraftRefNeverReissued(t *testing.T) {
	o := newOrders(t)
	first := o.order(o.clerk, o.shenyang)
	if ref := o.detail(o.clerk, first).Ref; ref != "DD2026-000001" {
		t.Fatalf("first draft %q", ref)
	}
	o.approved(first, o.clerk, o.boss)
	o.must(o.e.Desk(o.clerk).RecordSignBack(o.ctx, first, 0, "2026-11-02", ""))
	if ref := o.detail(o.clerk, first).Ref; ref != "LNSYNO.0001" {
		t.Fatalf("signed back, its ref is %q", ref)
	}
	second := o.order(o.clerk, o.shenyang)
	if ref := o.detail(o.clerk, second).Ref; ref != "DD2026-000002" {
		t.Fatalf("second draft %q: DD2026-000001 was the first's", ref)
	}
	// A draft still stands (DD2026-000002) while a later one is signed
	// off and moves on: the next is DD2026-000004, not DD2026-000003.
	third := o.order(o.clerk, o.shenyang)
	o.approved(third, o.clerk, o.boss)
	o.must(o.e.Desk(o.clerk).RecordSignBack(o.ctx, third, 0, "2026-11-02", ""))
	if ref := o.detail(o.clerk, o.order(o.clerk, o.shenyang)).Ref; ref != "DD2026-000004" {
		t.Fatalf("fourth draft %q", ref)
	}
}
