package workflow

import (
	"errors"
	"strings"
	"testing"

	"orderdesk/store"
	"orderdesk/store/storetest"
)

// A drafted return is edited with the checks of a new one, its own
// lines aside from what other returns hold; a refused edit writes
// nothing; a saved one is in the audit log; once submitted it is
// refused, by the desk and by the database.
func TestUpdateReturn(t *testing.T) {
	for _, c := range []struct {
		name string
		edit func(s *ifix, in *ReturnInput)
		// submitted before the edit
		submitted bool
		field     string
		code      FieldCode
		refused   Code
		wantQty   store.Milli // what the line holds after: the edit's, or still 4 t
	}{
		{name: "a quantity mistyped, typed again", edit: func(_ *ifix, in *ReturnInput) { in.Lines[0].Quantity = "2" }, wantQty: 2000},
		{name: "all that is left, its own lines aside", edit: func(_ *ifix, in *ReturnInput) { in.Lines[0].Quantity = "7" }, wantQty: 7000},
		{name: "more than is returnable", edit: func(_ *ifix, in *ReturnInput) { in.Lines[0].Quantity = "7.001" },
			field: FQuantity, code: OverReturnable, wantQty: 4000},
		{name: "a weight beyond the line's", edit: func(_ *ifix, in *ReturnInput) { in.Lines[0].Weight = "7.5" },
			field: FWeight, code: OverReturnable, wantQty: 4000},
		{name: "dated before the note left", edit: func(s *ifix, in *ReturnInput) {
			in.ReturnedOn = s.e.Now().AddDate(0, 0, -1).Format("2006-01-02")
		}, field: FReturnedOn, code: BeforeNoteLeft, wantQty: 4000},
		{name: "the reason wiped", edit: func(_ *ifix, in *ReturnInput) { in.Reason = " " }, field: FReason, code: Required, wantQty: 4000},
		{name: "another complaint named", edit: func(_ *ifix, in *ReturnInput) { in.Complaint = "TS2026-999999" },
			field: FComplaint, code: InvalidChoice, wantQty: 4000},
		{name: "nothing left on it", edit: func(_ *ifix, in *ReturnInput) { in.Lines[0].Quantity = "" }, field: FQuantity, code: Required, wantQty: 4000},
		{name: "once submitted", edit: func(_ *ifix, in *ReturnInput) { in.Lines[0].Quantity = "2" }, submitted: true, refused: NotEditable, wantQty: 4000},
	} {
		t.Run(c.name, func(t *testing.T) {
			s := newInvoicing(t)
			note := s.tenShipped()
			_, err := s.returned(s.clerk, note, "3", "") // another return holds 3 t of the 10
			s.must(err)
			id, err := s.returned(s.clerk, note, "4", "")
			s.must(err)
			clerk := s.e.Desk(s.clerk)
			if c.submitted {
				s.must(clerk.SubmitReturn(s.ctx, id, 0))
			}
			re, err := clerk.EditReturn(s.ctx, id)
			if c.submitted {
				refusal(t, err, NotEditable)
				re.Return, re.Input = s.goodsReturn(id).Return, ReturnInput{NoteID: note, ReturnedOn: s.e.todayString(), Reason: "表面锈蚀",
					Lines: []ReturnLineInput{{DeliveryLineID: s.goodsReturn(id).Return.Lines[0].DeliveryLineID}}}
			} else {
				s.must(err)
				if re.Input.Reason != "表面锈蚀" || re.Input.Lines[0].Quantity != "4" || re.Lines[0].OpenQty() != 7000 {
					t.Fatalf("the form starts from %+v, returnable %v", re.Input, re.Lines[0].OpenQty())
				}
			}
			in := re.Input
			c.edit(s, &in)
			err = clerk.UpdateReturn(s.ctx, re.Return, in)
			switch {
			case c.field != "":
				wantField(t, err, c.field, c.code)
			case c.refused != "":
				refusal(t, err, c.refused)
			default:
				s.must(err)
			}
			r := s.goodsReturn(id).Return
			if len(r.Lines) != 1 || r.Lines[0].Qty != c.wantQty || r.Total != store.Money(int64(c.wantQty)*400) {
				t.Fatalf("after the edit: %+v total %v", r.Lines, r.Total)
			}
			if c.field != "" || c.refused != "" {
				return
			}
			// The change is in the audit log, by the clerk, before and after
			// (a JSON field read as a number: PostgreSQL reads it as text).
			var audited int
			if err := storetest.Raw(t, s.st.Path()).QueryRow(`SELECT count(*) FROM audit_log WHERE tbl = 'goods_return_lines' AND op = 'update'
			      AND actor_id = ? AND CAST(json_extract(before, '$.qty') AS INTEGER) = 4000
			      AND CAST(json_extract(after, '$.qty') AS INTEGER) = ?`, s.clerk.ID, int64(c.wantQty)).Scan(&audited); err != nil || audited != 1 {
				t.Fatalf("audited %d (%v)", audited, err)
			}
			// Saved as edited, it goes on to be checked (its total agrees).
			s.must(clerk.SubmitReturn(s.ctx, id, 0))
			// A form typed over the version before the edit is stale.
			var conflict *store.ConflictError
			if err := clerk.UpdateReturn(s.ctx, re.Return, in); !errors.As(err, &conflict) {
				t.Fatalf("a stale edit: %v", err)
			}
		})
	}
}

// The database refuses a submitted return's edit written around the
// desk, header or line.
func TestDatabaseRefusesASubmittedReturnsEdit(t *testing.T) {
	s := newInvoicing(t)
	note := s.tenShipped()
	id, err := s.returned(s.clerk, note, "4", "")
	s.must(err)
	s.must(s.e.Desk(s.clerk).SubmitReturn(s.ctx, id, 0))
	db := storetest.Raw(t, s.st.Path())
	for _, q := range []string{
		`UPDATE goods_returns SET reason = '改了', updated_by = ? WHERE doc_id = ?`,
		`UPDATE goods_return_lines SET qty = 2000, weight = 2000, amount = 800000, updated_by = ? WHERE doc_id = ?`,
	} {
		_, err := db.Exec(q, s.clerk.ID, id)
		if err == nil || !strings.Contains(err.Error(), "orderdesk:not_editable") {
			t.Errorf("%s: %v", q, err)
		}
	}
}

// Whoever edited a return is a maker of it: they may not check it.
func TestReturnEditorCannotCheckIt(t *testing.T) {
	s := newInvoicing(t)
	note := s.tenShipped()
	id, err := s.returned(s.clerk, note, "4", "")
	s.must(err)
	boss := s.e.Desk(s.boss)
	re, err := boss.EditReturn(s.ctx, id)
	s.must(err)
	re.Input.Lines[0].Quantity = "3"
	s.must(boss.UpdateReturn(s.ctx, re.Return, re.Input))
	s.must(s.e.Desk(s.clerk).SubmitReturn(s.ctx, id, 0))
	refusal(t, boss.CheckReturn(s.ctx, id, 0), EditorCannotSignOff)
}

// tenShipped is a delivery note that left today with the whole of an
// order of 10 t of plate at 4,000.00 a tonne.
func (s *ifix) tenShipped() int64 {
	s.t.Helper()
	return s.ship(s.orderToday(s.monthly, oline("Q235B", "热轧钢板", "20×1500×6000", "10", "t", "", "4000")))
}
