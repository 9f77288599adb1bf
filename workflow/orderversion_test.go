package workflow

import (
	"errors"
	"testing"

	"orderdesk/store"
	"orderdesk/store/storetest"
)

// TestOrderSavesMoveTheVersionOnce: a save moves an order's version by
// one however many rows it writes (inside an edit window), and not at all
// when nothing changed; the version read before a save is stale after it,
// and whoever saved is an editor who may not sign the round.
func TestOrderSavesMoveTheVersionOnce(t *testing.T) {
	o := newOrders(t)
	id := o.order(o.clerk, o.shenyang, plateLine,
		oline("Q345B", "热轧钢板", "16×2000×8000", "12.5", "t", "", "4380"),
		oline("Q235B", "开平板", "10×1500×6000", "8.2", "t", "", "4050"))
	if v := o.detail(o.clerk, id).Order.Version; v != 2 {
		t.Fatalf("a new order of three lines at version %d, want 2 (made, then its window closed)", v)
	}
	for _, tc := range []struct {
		name  string
		by    store.User
		edit  func(in *OrderInput)
		moves int64
	}{
		{"nothing changed", o.clerk, func(in *OrderInput) {}, 0},
		{"the notes alone", o.clerk, func(in *OrderInput) { in.Notes = "分两批发" }, 1},
		{"one line's price", o.clerk, func(in *OrderInput) { in.Lines[0].Price = "4130" }, 1},
		{"the notes and every price", o.boss, func(in *OrderInput) {
			in.Notes = "价格已确认"
			for i := range in.Lines {
				in.Lines[i].Price = "4200"
			}
		}, 1},
		{"a line added and one taken out", o.clerk, func(in *OrderInput) {
			in.Lines = append(in.Lines[1:], oline("Q235B", "热轧钢板", "12×1800×8000", "5", "t", "", "4100"))
		}, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			before := *o.detail(tc.by, id).Order
			in := InputFromOrder(before)
			tc.edit(&in)
			if _, err := o.e.Desk(tc.by).UpdateOrder(o.ctx, before, in); err != nil {
				t.Fatal(err)
			}
			after := *o.detail(tc.by, id).Order
			if got := after.Version - before.Version; got != tc.moves {
				t.Fatalf("the version moved %d, want %d", got, tc.moves)
			}
			if after.Total != store.OrderTotal(after.Lines) || len(after.Lines) != len(in.Lines) {
				t.Fatalf("saved %d lines totalling %d, lines add up to %d", len(after.Lines), after.Total, store.OrderTotal(after.Lines))
			}
			if tc.moves == 0 {
				return
			}
			in.Notes = "过期的版本"
			_, err := o.e.Desk(tc.by).UpdateOrder(o.ctx, before, in)
			var ce *store.ConflictError
			if !errors.As(err, &ce) {
				t.Fatalf("a save over the version read before: %v", err)
			}
		})
	}
	o.must(o.e.Desk(o.clerk).SubmitOrder(o.ctx, id, 0))
	refused(t, o.e.Desk(o.boss).Act(o.ctx, id, ActionApprove, ""), EditorCannotSignOff)
}

// TestWindowLeftOpenRefusesSaves: a window a script opened and left open
// holds the order: the desk's save of several rows and its sign-off are
// refused by name, nothing is written, and once the window is closed
// (moving the version) both go through.
func TestWindowLeftOpenRefusesSaves(t *testing.T) {
	o := newOrders(t)
	id := o.order(o.clerk, o.shenyang, plateLine, oline("Q345B", "热轧钢板", "16×2000×8000", "12.5", "t", "", "4380"))
	before := *o.detail(o.clerk, id).Order
	raw := storetest.Raw(t, o.st.Path())
	if _, err := raw.Exec(`UPDATE documents SET edit_open = ?, updated_by = ? WHERE id = ?`, o.clerk2.ID, o.clerk2.ID, id); err != nil {
		t.Fatal(err)
	}
	in := InputFromOrder(before)
	for i := range in.Lines {
		in.Lines[i].Price = "4500"
	}
	_, err := o.e.Desk(o.clerk).UpdateOrder(o.ctx, *o.detail(o.clerk, id).Order, in)
	refused(t, err, EditWindow)
	if after := *o.detail(o.clerk, id).Order; after.Total != before.Total {
		t.Fatalf("a refused save changed the total %d → %d", before.Total, after.Total)
	}
	refused(t, o.e.Desk(o.clerk).SubmitOrder(o.ctx, id, 0), EditWindow)
	if _, err := raw.Exec(`UPDATE documents SET edit_open = NULL, version = version + 1, updated_by = ? WHERE id = ?`, o.clerk2.ID, id); err != nil {
		t.Fatal(err)
	}
	_, err = o.e.Desk(o.clerk).UpdateOrder(o.ctx, *o.detail(o.clerk, id).Order, in)
	o.must(err)
	o.must(o.e.Desk(o.clerk).SubmitOrder(o.ctx, id, 0))
}
