package workflow

import (
	"slices"
	"testing"
)

// TestOrderAuditIsEveryRecordOfTheOrder: an order's audit records are
// those of its document, its row, its lines, its status changes, its
// number and its sign-back, newest first, and no other order's; the
// limit keeps the newest. The records wanted are found row by row, table
// by table, beside the one query the desk asks.
func TestOrderAuditIsEveryRecordOfTheOrder(t *testing.T) {
	o := newOrders(t)
	other := o.order(o.clerk, o.dalian)
	o.approved(other, o.clerk, o.boss)
	id := o.order(o.clerk, o.shenyang, plateLine, oline("Q345B", "热轧钢板", "12×2000×8000", "10", "t", "", "4380"))
	o.approved(id, o.clerk, o.boss)
	o.must(o.e.Desk(o.clerk).RecordSignBack(o.ctx, id, 0, "2026-11-02", "传真回传"))
	o.must(o.e.Desk(o.clerk).RecordSignBack(o.ctx, other, 0, "2026-11-02", ""))

	db := o.rawDB(t)
	ids := func(q string, args ...any) []int64 {
		t.Helper()
		rows, err := db.Query(q, args...)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		var out []int64
		for rows.Next() {
			var n int64
			if err := rows.Scan(&n); err != nil {
				t.Fatal(err)
			}
			out = append(out, n)
		}
		return out
	}
	var want []int64
	for tbl, q := range map[string]string{
		"documents":       `SELECT id FROM documents WHERE id = ?`,
		"orders":          `SELECT id FROM orders WHERE doc_id = ?`,
		"order_lines":     `SELECT id FROM order_lines WHERE doc_id = ?`,
		"transitions":     `SELECT id FROM transitions WHERE doc_id = ?`,
		"order_numbers":   `SELECT id FROM order_numbers WHERE order_doc_id = ?`,
		"order_signbacks": `SELECT id FROM order_signbacks WHERE order_doc_id = ?`,
	} {
		rows := ids(q, id)
		if len(rows) == 0 {
			t.Fatalf("the order has no %s rows: the test sees less than it should", tbl)
		}
		for _, row := range rows {
			want = append(want, ids(`SELECT id FROM audit_log WHERE tbl = ? AND row_id = ?`, tbl, row)...)
		}
	}
	slices.Sort(want)
	slices.Reverse(want)

	shown := func(limit int) []int64 {
		t.Helper()
		recs, err := o.e.Desk(o.clerk).OrderAudit(o.ctx, id, limit)
		o.must(err)
		out := make([]int64, len(recs))
		for i, r := range recs {
			out[i] = r.ID
		}
		return out
	}
	if got := shown(500); !slices.Equal(got, want) {
		t.Fatalf("the order's audit records:\n got %v\nwant %v", got, want)
	}
	if got := shown(3); !slices.Equal(got, want[:3]) {
		t.Fatalf("the newest three: %v, want %v", got, want[:3])
	}
}
