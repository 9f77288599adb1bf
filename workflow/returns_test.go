package workflow

import (
	"errors"
	"testing"

	"orderdesk/store"
)

// returned drafts a return by maker of qty (weight "" : pro rata) of the
// note's first line, dated today.
func (s *ifix) returned(maker store.User, note int64, qty, weight string) (int64, error) {
	s.t.Helper()
	return s.returnedOf(maker, note, 0, qty, weight)
}

// returnedOf is returned of the note's line-th line (from 0).
func (s *ifix) returnedOf(maker store.User, note int64, line int, qty, weight string) (int64, error) {
	s.t.Helper()
	in, _, err := s.e.Desk(maker).NewReturnInput(s.ctx, note)
	s.must(err)
	in.Reason, in.Lines[line].Quantity, in.Lines[line].Weight = "表面锈蚀", qty, weight
	return s.e.Desk(maker).CreateReturn(s.ctx, in)
}

// receivedReturn takes a return of qty of note's first line through its
// check and the warehouse's receipt.
func (s *ifix) receivedReturn(note int64, qty string) int64 {
	s.t.Helper()
	return s.receivedReturnOf(note, 0, qty)
}

// receivedReturnOf is receivedReturn of the note's line-th line.
func (s *ifix) receivedReturnOf(note int64, line int, qty string) int64 {
	s.t.Helper()
	id, err := s.returnedOf(s.clerk, note, line, qty, "")
	s.must(err)
	s.must(s.e.Desk(s.clerk).SubmitReturn(s.ctx, id, 0))
	s.must(s.e.Desk(s.boss).CheckReturn(s.ctx, id, 0))
	s.must(s.e.Desk(s.wh).ReceiveReturn(s.ctx, id, 0))
	return id
}

func (s *ifix) goodsReturn(id int64) ReturnDetail {
	s.t.Helper()
	rd, err := s.e.Desk(s.boss).Return(s.ctx, id)
	s.must(err)
	return rd
}

func TestReturnLife(t *testing.T) {
	s := newInvoicing(t)
	order := s.orderToday(s.monthly, oline("Q235B", "热轧钢板", "20×1500×6000", "10", "t", "", "4000"))
	note := s.ship(order)
	if st := s.detail(s.boss, order).Order.Status; st != "shipped" {
		t.Fatalf("order %s before the return", st)
	}
	before, statBefore := s.monthNow(), s.statNow()
	id, err := s.returned(s.clerk, note, "4", "")
	s.must(err)
	rd := s.goodsReturn(id)
	if rd.Status != ReturnDraft || rd.Return.Total != store.Money(1600000) || rd.Return.Lines[0].Weight != store.Milli(4000) {
		t.Fatalf("draft %s total %v lines %+v", rd.Status, rd.Return.Total, rd.Return.Lines)
	}
	s.must(s.e.Desk(s.clerk).SubmitReturn(s.ctx, id, 0))
	// The maker never checks their own return, whatever roles they hold.
	refusal(t, s.e.Desk(s.clerk).CheckReturn(s.ctx, id, 0), MakerCannotSignOff)
	refusal(t, s.e.Desk(s.boss).ReceiveReturn(s.ctx, id, 0), WarehouseOnly)
	s.must(s.e.Desk(s.boss).CheckReturn(s.ctx, id, 0))
	// Received only through the receipt, by the warehouse.
	refusal(t, s.e.Desk(s.wh).Act(s.ctx, id, ActionReceive, ""), ReceiptMissing)
	s.must(s.e.Desk(s.wh).ReceiveReturn(s.ctx, id, 0))
	rd = s.goodsReturn(id)
	if rd.Status != ReturnReceived || rd.Return.Receipt == nil || rd.Return.Receipt.ByID != s.wh.ID {
		t.Fatalf("received: %s %+v", rd.Status, rd.Return.Receipt)
	}
	// The order is open again for what came back; the books went down by it.
	od := s.detail(s.boss, order)
	if od.Order.Status != "partly_shipped" {
		t.Fatalf("order %s after the return", od.Order.Status)
	}
	open, err := s.openLines(order)
	s.must(err)
	if open[0].Open() != store.Milli(4000) || open[0].Shipped != store.Milli(6000) {
		t.Fatalf("open %v shipped %v", open[0].Open(), open[0].Shipped)
	}
	after := s.monthNow()
	if d := rowOf(before, s.monthly).Shipped - rowOf(after, s.monthly).Shipped; d != rd.Return.Total {
		t.Fatalf("the month's shipped went down by %v, the return is %v", d, rd.Return.Total)
	}
	statAfter := s.statNow()
	s.statLedger(statAfter)
	if d := statBefore.Shipped.Amount - statAfter.Shipped.Amount; d != rd.Return.Total ||
		statBefore.Shipped.Tonnes-statAfter.Shipped.Tonnes != store.Milli(4000) {
		t.Fatalf("statistics shipped %+v before, %+v after", statBefore.Shipped, statAfter.Shipped)
	}
	rv, err := s.e.Desk(s.fin).Receivable(s.ctx, s.monthly)
	s.must(err)
	if rv.Shipped != store.Money(4000000-1600000) {
		t.Fatalf("exposure shipped %v", rv.Shipped)
	}
	waiting := func() bool {
		rows, err := s.e.Desk(s.clerk).OrdersToShip(s.ctx, store.Page{Limit: 50})
		s.must(err)
		for _, r := range rows {
			if r.ID == order {
				return true
			}
		}
		return false
	}
	if !waiting() {
		t.Fatal("the order is not waiting for a note for what came back")
	}
	// An exchange: a new note for the same goods on the same order.
	in, err := s.e.Desk(s.clerk).ExchangeInput(s.ctx, id)
	s.must(err)
	if len(in.Lines) != 1 || in.Lines[0].Quantity != "4" || in.OrderID != order {
		t.Fatalf("exchange input %+v", in)
	}
	in.ShipOn = s.e.todayString()
	ex, err := s.e.Desk(s.clerk).CreateDelivery(s.ctx, in)
	s.must(err)
	if n := s.note(s.boss, ex).Note; n.Lines[0].Qty != store.Milli(4000) || n.OrderID != order {
		t.Fatalf("exchange note %+v", n.Lines)
	}
	if waiting() {
		t.Fatal("the order still waits for a note once the exchange took what came back")
	}
	// Nothing more than the note left with can come back.
	_, err = s.returned(s.clerk, note, "6.001", "")
	wantField(t, err, FQuantity, OverReturnable)
	_, err = s.returned(s.clerk, note, "6", "")
	s.must(err)
	_, err = s.returned(s.clerk, note, "0.5", "")
	wantField(t, err, FQuantity, OverReturnable)
}

func TestReturnRefusals(t *testing.T) {
	s := newInvoicing(t)
	order := s.orderToday(s.monthly, oline("Q235B", "热轧钢板", "20×1500×6000", "10", "t", "", "4000"))
	draftNote, err := s.draft(s.clerk, order, "2")
	s.must(err)
	_, _, err = s.e.Desk(s.clerk).NewReturnInput(s.ctx, draftNote)
	refusal(t, err, NoteNotShipped)
	_, err = s.e.Desk(s.clerk).CreateReturn(s.ctx, ReturnInput{NoteID: draftNote, Reason: "x", ReturnedOn: s.e.todayString(),
		Lines: []ReturnLineInput{{DeliveryLineID: s.note(s.boss, draftNote).Note.Lines[0].ID, Quantity: "1"}}})
	refusal(t, err, NoteNotShipped)
	s.must(s.e.Desk(s.clerk).VoidDelivery(s.ctx, draftNote, 0, "重开"))
	note := s.ship(order, "5")
	// Dated before the note left: refused at the field, with the day it left.
	in, _, err := s.e.Desk(s.clerk).NewReturnInput(s.ctx, note)
	s.must(err)
	in.Reason, in.Lines[0].Quantity = "规格不符", "1"
	in.ReturnedOn = s.e.Now().AddDate(0, 0, -1).Format("2006-01-02")
	_, err = s.e.Desk(s.clerk).CreateReturn(s.ctx, in)
	if fe := wantField(t, err, FReturnedOn, BeforeNoteLeft); fe.Want != s.e.todayString() {
		t.Fatalf("want the day it left, got %q", fe.Want)
	}
	// No reason, no weight beyond what is returnable.
	in.ReturnedOn, in.Reason = s.e.todayString(), ""
	_, err = s.e.Desk(s.clerk).CreateReturn(s.ctx, in)
	wantField(t, err, FReason, Required)
	in.Reason, in.Lines[0].Weight = "规格不符", "5.1"
	_, err = s.e.Desk(s.clerk).CreateReturn(s.ctx, in)
	wantField(t, err, FWeight, OverReturnable)
	// A void return holds nothing; a voided one needs a reason.
	id, err := s.returned(s.clerk, note, "5", "")
	s.must(err)
	wantField(t, s.e.Desk(s.clerk).VoidReturn(s.ctx, id, 0, ""), FReason, Required)
	s.must(s.e.Desk(s.clerk).VoidReturn(s.ctx, id, 0, "客户不退了"))
	s.receivedReturn(note, "5")
	// Received is final: no void after the books followed it.
	_, err = s.returned(s.clerk, note, "0.001", "")
	wantField(t, err, FQuantity, OverReturnable)
}

// wantField fails unless err holds a field error of field with code.
func wantField(t *testing.T, err error, field string, code FieldCode) *FieldError {
	t.Helper()
	var fes FieldErrors
	if errors.As(err, &fes) {
		for _, fe := range fes {
			if fe.Field == field && fe.Code == code {
				return fe
			}
		}
	}
	t.Fatalf("want %s %s, got %v", field, code, err)
	return nil
}

func (s *ifix) openLines(order int64) (open []store.OpenLine, err error) {
	err = s.st.Read(s.ctx, func(tx *store.Tx) error {
		open, err = tx.OpenLines(s.ctx, order)
		return err
	})
	return open, err
}

// A return names the complaint that led to it (its number or the end of
// it), and the complaint shows the return among what it led to.
func TestReturnLinksItsComplaint(t *testing.T) {
	s := newInvoicing(t)
	order := s.orderToday(s.monthly, oline("Q235B", "热轧钢板", "20×1500×6000", "10", "t", "", "4000"))
	note := s.ship(order)
	c, err := s.e.Desk(s.clerk).RecordComplaint(s.ctx, ComplaintInput{CustomerID: s.monthly, Type: "quality", Words: "锈蚀",
		Concerns: s.note(s.boss, note).Note.Ref})
	s.must(err)
	cv, err := s.e.Desk(s.boss).Complaint(s.ctx, c)
	s.must(err)
	in, _, err := s.e.Desk(s.clerk).NewReturnInput(s.ctx, note)
	s.must(err)
	in.Reason, in.Lines[0].Quantity, in.Complaint = "锈蚀", "1", "999999"
	_, err = s.e.Desk(s.clerk).CreateReturn(s.ctx, in)
	wantField(t, err, FComplaint, InvalidChoice)
	in.Complaint = cv.Ref[len(cv.Ref)-4:]
	id, err := s.e.Desk(s.clerk).CreateReturn(s.ctx, in)
	s.must(err)
	if rd := s.goodsReturn(id); rd.Return.ComplaintRef != cv.Ref {
		t.Fatalf("the return names %q, want %q", rd.Return.ComplaintRef, cv.Ref)
	}
	cv, err = s.e.Desk(s.boss).Complaint(s.ctx, c)
	s.must(err)
	if len(cv.LedTo) != 1 || cv.LedTo[0].DocID != id || cv.LedTo[0].Kind != store.ReturnKind {
		t.Fatalf("the complaint led to %+v", cv.LedTo)
	}
}
