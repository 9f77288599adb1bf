package workflow

import (
	"errors"
	"testing"
	"time"

	"orderdesk/store"
)

// parcel is a catalogue sent by SF to the rep's customer on 2026-11-02.
func (p *pfix) parcel() MaterialInput {
	return MaterialInput{CustomerID: p.cust, Contact: "王经理", What: "catalogue", Description: "2026年板材产品目录",
		SentOn: "2026-11-02", Via: "courier", Courier: "sf", Tracking: "SF1234567890123"}
}

func (p *pfix) send(by store.User, in MaterialInput) int64 {
	p.t.Helper()
	id, err := p.e.Desk(by).SendMaterial(p.ctx, in)
	p.must(err)
	return id
}

func (p *pfix) material(by store.User, id int64) store.MaterialSent {
	p.t.Helper()
	m, err := p.e.Desk(by).Material(p.ctx, id)
	p.must(err)
	return m
}

// Bad input is refused at its field with a code that says why, and
// nothing is entered: a tracking number that does not fit the courier or
// how it was sent, no recipient, a day not yet come, an invoice (mailed
// on the invoice), a contract without its order.
func TestMaterialRefusedAtItsField(t *testing.T) {
	p := newPricing(t)
	cases := []struct {
		name  string
		edit  func(*MaterialInput)
		field string
		code  FieldCode
		want  string
	}{
		{"no recipient", func(in *MaterialInput) { in.CustomerID = 0 }, FRecipient, Required, ""},
		{"nobody of that name", func(in *MaterialInput) { in.CustomerID, in.Recipient = 0, "不存在的公司" }, FRecipient, InvalidChoice, ""},
		{"sent tomorrow", func(in *MaterialInput) { in.SentOn = "2026-11-03" }, FSentOn, DateInFuture, ""},
		{"a number by hand", func(in *MaterialInput) { in.Via, in.Courier = "hand", "" }, FTracking, TrackingNotHere, ""},
		{"a number by e-mail", func(in *MaterialInput) { in.Via, in.Courier = "email", "" }, FTracking, TrackingNotHere, ""},
		{"a courier unnamed", func(in *MaterialInput) { in.Courier = "" }, FCourier, Required, ""},
		{"a courier without a number", func(in *MaterialInput) { in.Tracking = " " }, FTracking, Required, ""},
		{"too short for SF", func(in *MaterialInput) { in.Tracking = "SF12345" }, FTracking, TrackingLength, "12–15"},
		{"too long for EMS", func(in *MaterialInput) { in.Courier, in.Tracking = "ems", "EA1234567890CN" }, FTracking, TrackingLength, "13"},
		{"letters for ZTO", func(in *MaterialInput) { in.Courier, in.Tracking = "zto", "ZT1234567890" }, FTracking, TrackingDigits, ""},
		{"not letters and digits", func(in *MaterialInput) { in.Tracking = "SF1234/567890" }, FTracking, TrackingChars, ""},
		{"a post number too short", func(in *MaterialInput) { in.Via, in.Courier, in.Tracking = "post", "", "RR12" }, FTracking, TrackingLength, "8–30"},
		{"an invoice", func(in *MaterialInput) { in.What = "invoice" }, FMaterial, InvoiceMailedOnInvoice, ""},
		{"a contract without its order", func(in *MaterialInput) { in.What = "contract" }, FContractOrder, Required, ""},
		{"a contract of no order", func(in *MaterialInput) { in.What, in.Order = "contract", "LNSYNO.9999" }, FContractOrder, InvalidChoice, ""},
		{"sent no known way", func(in *MaterialInput) { in.Via = "pigeon" }, FVia, InvalidChoice, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			in := p.parcel()
			c.edit(&in)
			_, err := p.e.Desk(p.clerk).SendMaterial(p.ctx, in)
			fieldRefused(t, err, 0, c.field, c.code, c.want)
		})
	}
	if ms, _ := p.e.Desk(p.clerk).Materials(p.ctx, ""); len(ms) != 0 {
		t.Fatalf("refused forms entered %+v", ms)
	}
	// The same number typed loosely (full width, spaces, lower case)
	// fits; the post may go without a number, by hand without one.
	in := p.parcel()
	in.Tracking = "ｓｆ 1234 5678 90123"
	if m := p.material(p.clerk, p.send(p.clerk, in)); m.Tracking != "SF1234567890123" || m.Ref != "JC2026-000001" || m.Who != "沈阳重型机械有限公司" {
		t.Errorf("entered: %+v", m)
	}
	for _, via := range []string{"post", "hand", "email"} {
		in := p.parcel()
		in.Via, in.Courier, in.Tracking = via, "", ""
		p.send(p.clerk, in)
	}
}

// An entry is sent, then received with the day and who confirmed it
// (not before the day it left, not in the future), or voided with the
// reason by its sender or the desk; once received or voided it takes no
// second receipt, and a sales rep works only what they sent.
func TestMaterialStates(t *testing.T) {
	p := newPricing(t)
	p.at(time.Date(2026, 11, 5, 1, 0, 0, 0, time.UTC))
	rep, rep2, clerk := p.e.Desk(p.rep), p.e.Desk(p.rep2), p.e.Desk(p.clerk)
	id := p.send(p.rep, p.parcel())
	if m := p.material(p.rep, id); m.Status != MaterialSent || m.SenderID != p.rep.ID {
		t.Fatalf("entered: %+v", m)
	}
	if _, err := rep2.Material(p.ctx, id); err == nil {
		t.Error("another rep opened what the rep sent")
	}
	steps := []struct {
		name  string
		do    func() error
		field string
		code  FieldCode
	}{
		{"received before it left", func() error {
			return rep.ConfirmMaterialReceipt(p.ctx, id, 0, ArrivalInput{On: "2026-11-01", By: "王经理"})
		},
			FReceiptOn, ReceivedBeforeSent},
		{"received tomorrow", func() error {
			return rep.ConfirmMaterialReceipt(p.ctx, id, 0, ArrivalInput{On: "2026-11-06", By: "王经理"})
		},
			FReceiptOn, DateInFuture},
		{"received by nobody", func() error { return rep.ConfirmMaterialReceipt(p.ctx, id, 0, ArrivalInput{On: "2026-11-04"}) },
			FReceiptBy, Required},
	}
	for _, s := range steps {
		var fe FieldErrors
		if err := s.do(); !asField(err, &fe) || fe.For(s.field) == nil || fe.For(s.field).Code != s.code {
			t.Errorf("%s: %v", s.name, err)
		}
	}
	refused(t, rep2.ConfirmMaterialReceipt(p.ctx, id, 0, ArrivalInput{By: "王经理"}), NotYourMaterial)
	p.must(rep.ConfirmMaterialReceipt(p.ctx, id, 0, ArrivalInput{On: "2026-11-04", By: "王经理"}))
	if m := p.material(p.clerk, id); m.Status != MaterialReceived || m.ReceivedOn != "2026-11-04" || m.ReceivedBy != "王经理" {
		t.Fatalf("received: %+v", m)
	}
	refused(t, rep.ConfirmMaterialReceipt(p.ctx, id, 0, ArrivalInput{By: "李"}), MaterialClosed)

	// Voided: never without the reason, never by another rep.
	other := p.send(p.rep, p.parcel())
	var fe FieldErrors
	if err := clerk.VoidMaterial(p.ctx, other, 0, " "); !asField(err, &fe) || fe.For(FReason) == nil {
		t.Errorf("a void without a reason: %v", err)
	}
	refused(t, rep2.VoidMaterial(p.ctx, other, 0, "寄错了"), NotYourMaterial)
	p.must(clerk.VoidMaterial(p.ctx, other, 0, "地址写错,重寄"))
	if m := p.material(p.rep, other); m.Status != MaterialVoid || m.Reason != "地址写错,重寄" {
		t.Fatalf("voided: %+v", m)
	}
	refused(t, rep.ConfirmMaterialReceipt(p.ctx, other, 0, ArrivalInput{By: "王经理"}), MaterialClosed)
	if ms, _ := rep2.Materials(p.ctx, ""); len(ms) != 0 {
		t.Errorf("another rep lists what the rep sent: %+v", ms)
	}
	if ms, _ := clerk.Materials(p.ctx, MaterialVoid); len(ms) != 1 || ms[0].DocID != other {
		t.Errorf("the void ones: %+v", ms)
	}
}

// What is still unconfirmed more than N days after it left (7 unless
// configured) waits in its sender's inbox from day N+1, nobody else's,
// and leaves it once its receipt is confirmed.
func TestMaterialTaskComesOnDayNPlusOne(t *testing.T) {
	p := newPricing(t)
	id := p.send(p.rep, p.parcel()) // sent 2026-11-02
	p.send(p.clerk, p.parcel())
	tasks := func(u store.User) []MaterialTask {
		t.Helper()
		ts, err := p.e.Desk(u).MyMaterialTasks(p.ctx)
		p.must(err)
		return ts
	}
	for _, c := range []struct {
		day, days, rep int
	}{{8, 7, 0}, {9, 7, 0}, {10, 7, 1}, {5, 2, 1}, {4, 2, 0}} {
		p.must(p.e.SetMaterialDays(p.ctx, c.days))
		p.at(time.Date(2026, 11, c.day, 1, 0, 0, 0, time.UTC))
		if ts := tasks(p.rep); len(ts) != c.rep {
			t.Errorf("11-%02d, %d days: the rep's tasks %+v", c.day, c.days, ts)
		} else if c.rep == 1 && (ts[0].DocID != id || ts[0].Days != c.day-2) {
			t.Errorf("11-%02d: task %+v", c.day, ts[0])
		}
	}
	if ts := tasks(p.buyer); len(ts) != 0 {
		t.Errorf("purchasing's tasks: %+v", ts)
	}
	p.must(p.e.Desk(p.rep).ConfirmMaterialReceipt(p.ctx, id, 0, ArrivalInput{By: "王经理"}))
	if ts := tasks(p.rep); len(ts) != 0 {
		t.Errorf("confirmed and still a task: %+v", ts)
	}
	refused(t, p.e.SetMaterialDays(p.ctx, -1), InvalidSetting)
}

// A mailed invoice shows in the register from its mailing, not entered
// twice: its number, day and post number as the mailing holds them,
// linked to the invoice; its receipt is confirmed in the register and
// leaves the invoice as it was. A contract sent for signature links to
// its order by the order's number.
func TestMailedInvoiceAndContractInTheRegister(t *testing.T) {
	s := newInvoicing(t)
	order := s.signedOrder(s.monthly)
	s.ship(order)
	inv := s.issued(order, "26210000000000112233")
	clerk := s.e.Desk(s.clerk)
	s.must(clerk.MailInvoice(s.ctx, inv, 0, MailInput{Tracking: "1234567890123"}))
	ms, err := clerk.Materials(s.ctx, "")
	s.must(err)
	if len(ms) != 1 || ms[0].Entry || ms[0].What != "invoice" || ms[0].DocID != inv || ms[0].LinkID != inv ||
		ms[0].Ref != "26210000000000112233" || ms[0].Tracking != "1234567890123" || ms[0].Status != MaterialSent {
		t.Fatalf("the register: %+v", ms)
	}
	s.must(clerk.ConfirmMaterialReceipt(s.ctx, inv, 0, ArrivalInput{By: "王经理"}))
	if m, _ := clerk.Material(s.ctx, inv); m.Status != MaterialReceived || m.ReceivedBy != "王经理" {
		t.Errorf("the invoice's receipt: %+v", m)
	}
	if v := s.invoice(inv); v.Status != "mailed" {
		t.Errorf("the invoice moved: %s", v.Status)
	}
	refused(t, s.e.Desk(s.fin).VoidMaterial(s.ctx, inv, 0, "不算"), InvoiceVoidedOnInvoice)

	var no string
	s.must(s.e.Store().Read(s.ctx, func(tx *store.Tx) error { d, err := tx.Document(s.ctx, order); no = d.Ref; return err }))
	id, err := clerk.SendMaterial(s.ctx, MaterialInput{CustomerID: s.monthly, What: "contract", Order: no, Via: "courier", Courier: "sf",
		Tracking: "SF1234567890123"})
	s.must(err)
	if m, _ := clerk.Material(s.ctx, id); m.LinkID != order || m.LinkRef != no {
		t.Errorf("the contract's order: %+v (order %d %s)", m, order, no)
	}
	if _, err := clerk.SendMaterial(s.ctx, MaterialInput{CustomerID: s.shenyang, What: "contract", Order: no, Via: "hand"}); err == nil {
		t.Error("another customer's contract was entered")
	}
}

// asField reports whether err holds field errors, put in fe.
func asField(err error, fe *FieldErrors) bool { return errors.As(err, fe) }

// The customer file counts what went to the customer and how much of it
// waits for its receipt, void entries left out; a user who does not see
// the register sees no count.
func TestCustomerFileCountsMaterials(t *testing.T) {
	p := newPricing(t)
	p.send(p.clerk, p.parcel())
	received := p.send(p.clerk, p.parcel())
	p.must(p.e.Desk(p.clerk).ConfirmMaterialReceipt(p.ctx, received, 0, ArrivalInput{By: "王经理"}))
	p.must(p.e.Desk(p.clerk).VoidMaterial(p.ctx, p.send(p.clerk, p.parcel()), 0, "重复"))
	f, err := p.e.Desk(p.clerk).CustomerFile(p.ctx, p.cust)
	p.must(err)
	if f.Materials != (store.MaterialCounts{Sent: 2, Unconfirmed: 1}) {
		t.Errorf("the file's count: %+v", f.Materials)
	}
	f, err = p.e.Desk(p.buyer).CustomerFile(p.ctx, p.cust)
	p.must(err)
	if f.Materials != (store.MaterialCounts{}) {
		t.Errorf("purchasing's count: %+v", f.Materials)
	}
}

// What went to a lead follows it once it is converted into a customer:
// the new file counts it, and the register lists it under the
// customer's name (the name the file took, not the lead's) and by the
// customer; what went to another lead stays out.
func TestMaterialsFollowAConvertedLead(t *testing.T) {
	p := newPricing(t)
	lead := p.lead(p.rep, yingkou())
	other := yingkou()
	other.Name, other.Phone = "鞍山重工机械有限公司", "0412-5551234"
	toLead := func(id int64) MaterialInput {
		in := p.parcel()
		in.CustomerID, in.LeadID = 0, id
		return in
	}
	sent := p.send(p.rep, toLead(lead))
	p.send(p.rep, toLead(p.lead(p.rep, other)))
	in, err := p.e.Desk(p.rep).LeadCustomerInput(p.ctx, lead)
	p.must(err)
	in.Name = "营口新港机械有限公司"
	cust, _, err := p.e.Desk(p.rep).ConvertLeadToCustomer(p.ctx, lead, in)
	p.must(err)
	f, err := p.e.Desk(p.clerk).CustomerFile(p.ctx, cust)
	p.must(err)
	if f.Materials != (store.MaterialCounts{Sent: 1, Unconfirmed: 1}) {
		t.Errorf("the converted lead's file count: %+v", f.Materials)
	}
	if m := p.material(p.clerk, sent); m.CustomerID != cust || m.LeadID != lead || m.Who != in.Name {
		t.Errorf("the entry to the converted lead: %+v", m)
	}
	var ms []store.MaterialSent
	p.must(p.e.Store().Read(p.ctx, func(tx *store.Tx) error {
		ms, err = tx.Materials(p.ctx, store.MaterialFilter{CustomerID: cust})
		return err
	}))
	if len(ms) != 1 || ms[0].DocID != sent {
		t.Errorf("the register by the customer: %+v", ms)
	}
}
