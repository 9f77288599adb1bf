package store_test

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"orderdesk/store"
	"orderdesk/store/pgschema"
	"orderdesk/store/storetest"
	"orderdesk/workflow"
)

// returnStep is how far a return of the returned-figure tests is taken.
type returnStep int

const (
	returnDraft returnStep = iota
	returnChecked
	returnReceived
	returnVoided
)

// The returned figure is the sum of the return notes the warehouse
// received, whatever else is drafted, checked or void beside them, by
// customer and by goods; shipped still goes down by the same.
func TestReturnedFigureIsTheReturnsReceived(t *testing.T) {
	type back struct {
		qty  string
		step returnStep
	}
	for _, c := range []struct {
		name    string
		returns []back
	}{
		{"nothing back", nil},
		{"one received", []back{{"0.5", returnReceived}}},
		{"received beside drafted and checked", []back{{"1", returnDraft}, {"0.5", returnReceived}, {"0.5", returnChecked}}},
		{"two received and one void", []back{{"1", returnReceived}, {"0.5", returnVoided}, {"1.5", returnReceived}}},
	} {
		t.Run(c.name, func(t *testing.T) {
			v := newEnv(t)
			p, wh := returnableNote(v)
			clerk, boss := v.e.Desk(v.clerk), v.e.Desk(v.boss)
			day := v.clock.Format("2006-01-02")
			span := store.StatSpan{From: day, To: v.clock.AddDate(0, 0, 1).Format("2006-01-02")}
			before := statTotal(v, store.StatScope{Dim: store.StatAll}, span)
			var want store.StatFigure
			for _, b := range c.returns {
				in, _, err := clerk.NewReturnInput(v.ctx, p.released)
				v.must(err)
				in.Reason, in.Lines[0].Quantity = "锈蚀", b.qty
				id, err := clerk.CreateReturn(v.ctx, in)
				v.must(err)
				if b.step == returnDraft {
					continue
				}
				v.must(clerk.SubmitReturn(v.ctx, id, 0))
				v.must(boss.CheckReturn(v.ctx, id, 0))
				switch b.step {
				case returnVoided:
					v.must(boss.VoidReturn(v.ctx, id, 0, "客户又留下了"))
				case returnReceived:
					v.must(wh.ReceiveReturn(v.ctx, id, 0))
					v.must(v.st.Read(v.ctx, func(tx *store.Tx) error {
						r, err := tx.GoodsReturn(v.ctx, id)
						for _, l := range r.Lines {
							want = want.Add(store.StatFigure{Tonnes: l.Weight, Amount: l.Amount})
						}
						return err
					}))
				}
			}
			for _, scope := range []store.StatScope{{Dim: store.StatAll}, {Dim: store.StatCustomer}, {Dim: store.StatItem}, {Dim: store.StatRep}} {
				got := statTotal(v, scope, span)
				if got.Returned != want {
					t.Errorf("by %s: returned %+v, the returns received hold %+v", scope.Dim, got.Returned, want)
				}
				wantShipped := store.StatFigure{Tonnes: before.Shipped.Tonnes - want.Tonnes, Amount: before.Shipped.Amount - want.Amount}
				if got.Shipped != wantShipped {
					t.Errorf("by %s: shipped %+v, want %+v (released less what came back)", scope.Dim, got.Shipped, wantShipped)
				}
			}
			// The same by the month, the quarter and the year (the roll-ups).
			for _, s := range []store.StatSpan{{From: day[:8] + "01", To: "2025-04-01"}, {From: "2025-01-01", To: "2025-04-01"}, {From: "2025-01-01", To: "2026-01-01"}} {
				if got := statTotal(v, store.StatScope{Dim: store.StatItem}, s).Returned; got != want {
					t.Errorf("%s–%s by goods: returned %+v, want %+v", s.From, s.To, got, want)
				}
			}
		})
	}
}

// An upgraded database agrees: the migration that adds the returned
// figure fills it from the returns received before it ran, roll-ups
// and all, as the triggers keep it after.
func TestReturnedFigureFilledOnUpgrade(t *testing.T) {
	v := newEnv(t)
	p, wh := returnableNote(v)
	clerk, boss := v.e.Desk(v.clerk), v.e.Desk(v.boss)
	for _, qty := range []string{"1", "0.5"} {
		in, _, err := clerk.NewReturnInput(v.ctx, p.released)
		v.must(err)
		in.Reason, in.Lines[0].Quantity = "锈蚀", qty
		id, err := clerk.CreateReturn(v.ctx, in)
		v.must(err)
		v.must(clerk.SubmitReturn(v.ctx, id, 0))
		v.must(boss.CheckReturn(v.ctx, id, 0))
		v.must(wh.ReceiveReturn(v.ctx, id, 0))
	}
	kept := raw(t, v.path)
	want := returnedContents(t, kept)
	if len(want) == 0 {
		t.Fatal("nothing returned to fill")
	}
	if store.IsPostgresURL(v.path) {
		// PostgreSQL: the desk refuses the older schema, naming the
		// command, and the owner's setup upgrades it.
		v.st.Close()
		storetest.RollBackTo(t, kept, store.MigrationVersion("returned_figures")-1)
		if _, err := store.OpenURL(v.ctx, v.path); !errors.Is(err, store.ErrSchemaOld) || !strings.Contains(err.Error(), "orderdesk db setup") {
			t.Fatalf("the desk opened an older schema: %v, want ErrSchemaOld naming the command", err)
		}
		execAll(t, kept, pgschema.Native(`CREATE ROLE returned_desk LOGIN`))
		if err := store.SetupPostgres(v.ctx, v.path, "returned_desk"); err != nil {
			t.Fatalf("the owner's setup of an older schema: %v", err)
		}
		if got := returnedContents(t, raw(t, v.path)); !slices.Equal(got, want) {
			t.Errorf("filled on upgrade:\n%v\nkept by the triggers:\n%v", got, want)
		}
		again, err := store.OpenURL(v.ctx, v.path)
		if err != nil {
			t.Fatal(err)
		}
		defer again.Close()
		if left, err := again.CheckSchema(v.ctx); err != nil || len(left) != 0 {
			t.Fatalf("the upgraded schema differs from a new one's: %v %v", left, err)
		}
		return
	}
	copyPath := filepath.Join(t.TempDir(), "upgraded.db")
	if _, err := kept.Exec(`VACUUM INTO ?`, copyPath); err != nil {
		t.Fatal(err)
	}
	db := raw(t, copyPath)
	storetest.RollBackTo(t, db, store.MigrationVersion("returned_figures")-1)
	db.Close()
	again, err := store.Open(context.Background(), copyPath)
	if err != nil {
		t.Fatal(err)
	}
	again.Close()
	if got := returnedContents(t, raw(t, copyPath)); !slices.Equal(got, want) {
		t.Errorf("filled on upgrade:\n%v\nkept by the triggers:\n%v", got, want)
	}
}

// returnableNote is a note released, loaded (4 t) and left today, which
// goods may come back on, and a warehouse desk to receive them.
func returnableNote(v *env) (shipDocs, *workflow.Desk) {
	v.t.Helper()
	p := v.shipping()
	wh, clerk := v.e.Desk(p.wh), v.e.Desk(v.clerk)
	dd, err := wh.Delivery(v.ctx, p.released)
	v.must(err)
	v.must(wh.Load(v.ctx, p.released, 0, []workflow.LoadInput{{LineID: p.releasedLine, Qty: "4", Weight: dd.Note.Lines[0].Weight.String()}}))
	day := v.clock.Format("2006-01-02")
	v.must(clerk.Dispatch(v.ctx, p.released, 0, workflow.DispatchInput{Carrier: "顺达", Vehicle: "辽A1", ShippedAt: day + " 10:00",
		ExpectedOn: day, SignedBy: "李", SignedOn: day}))
	return p, wh
}

// statTotal is every figure of scope over span, its rows added up.
func statTotal(v *env, scope store.StatScope, span store.StatSpan) (f store.StatFigures) {
	v.t.Helper()
	v.must(v.st.Read(v.ctx, func(tx *store.Tx) error {
		rows, err := tx.StatRows(v.ctx, scope, []store.StatSpan{span}, false)
		for _, r := range rows {
			f = f.Add(r.Figures[0])
		}
		return err
	}))
	return f
}

// returnedContents are the returned columns of stat_days and every
// roll-up, row by row (rows of none left out).
func returnedContents(t *testing.T, db *sql.DB) []string {
	t.Helper()
	var out []string
	for _, q := range []string{
		`SELECT 'day', day, customer_id, item_id, returned_kg, returned FROM stat_days`,
		`SELECT 'customer month', month, customer_id, 0, returned_kg, returned FROM stat_customer_months`,
		`SELECT 'goods month', month, 0, item_id, returned_kg, returned FROM stat_item_months`,
		`SELECT 'rep goods month', month, rep_id, item_id, returned_kg, returned FROM stat_rep_item_months`,
		`SELECT 'month', month, customer_id, item_id, returned_kg, returned FROM stat_months`,
		`SELECT 'quarter', quarter, customer_id, 0, returned_kg, returned FROM stat_customer_quarters`,
		`SELECT 'customer year', year, customer_id, 0, returned_kg, returned FROM stat_customer_years`,
		`SELECT 'goods year', year, 0, item_id, returned_kg, returned FROM stat_item_years`,
	} {
		rows, err := db.Query(q + ` WHERE returned_kg <> 0 OR returned <> 0`)
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			var what, at string
			var key, item, kg, amount int64
			if err := rows.Scan(&what, &at, &key, &item, &kg, &amount); err != nil {
				t.Fatal(err)
			}
			out = append(out, fmt.Sprintf("%s %s %d %d %d %d", what, at, key, item, kg, amount))
		}
		rows.Close()
	}
	slices.Sort(out)
	return out
}
