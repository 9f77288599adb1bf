package products_test

import (
	"context"
	"testing"

	"orderdesk/store"
	"orderdesk/tui/products"
	"orderdesk/tui/tuitest"
)

// A product typed in one burst, every key handed to the screen before
// any is drawn or any command runs, lands field by field as meant.
func TestProductTypedInOneBurst(t *testing.T) {
	f := tuitest.New(t)
	s := products.New(f.Common(f.Clerk, "zh"))
	s.SetSize(120, 40)
	tuitest.Settle(t, s, s.Init())
	// grade, name, spec, unit (吨 → 千克 → 件), weight per piece, a
	// blank mnemonic (derived), then enter on the last field saves.
	tuitest.Burst(t, s, tuitest.Keys("n45#\r圆钢\tΦ50\r  \r12.5\t\r")...)

	rows, err := f.Engine.Desk(f.Clerk).Products(context.Background(), store.Page{})
	if err != nil || len(rows) != 1 {
		t.Fatalf("want one product, got %+v %v", rows, err)
	}
	p := rows[0]
	if p.Grade != "45#" || p.Name != "圆钢" || p.Spec != "Φ50" || p.Unit != "pcs" || p.UnitWeight.String() != "12.5" || p.Mnemonic != "YG" {
		t.Fatalf("saved %+v", p)
	}
}
