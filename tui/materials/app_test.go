package materials_test

import (
	"testing"

	tea "charm.land/bubbletea/v2"

	"orderdesk/tui/common"
	"orderdesk/tui/tuitest"
	"orderdesk/workflow"
)

// right picks the next option of a choice.
const right = "\x1b[C"

// The clerk enters a catalogue sent by courier at the real program's
// keys: no courier named is refused at the courier, everything typed
// kept, nothing saved; a number too short for SF is refused at the
// number; put right, it saves. Its receipt dated before the day it left
// is refused at the day, typed text kept; put right, it is received.
func TestClerkEntersWhatWasSentAndConfirmsItsReceipt(t *testing.T) {
	d := newDesk(t)
	scr := d.RunOn(t, d.Clerk, "zh", "screen.materials")
	scr.WaitText(t, "没有寄出资料")
	scr.Send(tuitest.Keys("n" + anshan + "\t张经理\t" + right + "\t2026年产品目录两本\t\t\t\t\tSF12345")...)
	scr.Send(tuitest.Key("ctrl+s"))
	scr.WaitText(t, "快递要选快递公司", "请先改正标出的字段", "SF12345", "2026年产品目录两本", "产品目录")
	if ms := d.rows(t, d.Clerk); len(ms) != 0 {
		t.Fatalf("entered from a refused form: %+v", ms)
	}
	// The focus is at the courier: → picks 顺丰; the number is next.
	scr.Send(tuitest.Keys(right)...)
	scr.Send(tuitest.Key("ctrl+s"))
	scr.WaitText(t, "单号长度应为 12–15 位", "SF12345")
	scr.Send(tuitest.Keys("sf1234567890123")...)
	scr.Send(tuitest.Key("ctrl+s"))
	scr.WaitText(t, "寄出资料已登记", "寄出资料 JC2026-000001", "SF1234567890123", "顺丰", "产品目录", "未确认签收,已寄出 0 天")
	scr.Send(tuitest.Keys("c")...)
	scr.WaitText(t, "JC2026-000001 确认签收", "张经理")
	// The day opens selected: what is typed replaces today's.
	scr.Send(tuitest.Keys("2026-11-20")...)
	scr.Send(tuitest.Key("ctrl+s"))
	scr.WaitText(t, "签收日期不能早于寄出日期 2026-11-26", "2026-11-20")
	scr.Send(tuitest.Key("ctrl+u"))
	scr.Send(tuitest.Keys("11-26")...)
	scr.Send(tuitest.Key("ctrl+s"))
	scr.WaitText(t, "已确认签收", "2026-11-26 已签收,签收人 张经理")
	scr.Quit(t)
	if ms := d.rows(t, d.Clerk); len(ms) != 1 || ms[0].Status != workflow.MaterialReceived || ms[0].Tracking != "SF1234567890123" {
		t.Fatalf("the register: %+v", ms)
	}
}

// A number given with what went by hand is refused at the number; with
// no recipient, at the recipient: the rest typed stays.
func TestNumberByHandAndNoRecipientRefusedAtTheirFields(t *testing.T) {
	d := newDesk(t)
	scr := d.RunOn(t, d.Clerk, "en", "screen.materials")
	scr.WaitText(t, "nothing sent")
	scr.Send(tuitest.Keys("n\tMr Zhang\t\tsample plates\t\t\t" + right + right + "\t\tSF1234567890123")...)
	scr.Send(tuitest.Key("ctrl+s"))
	scr.WaitText(t, "whom was it sent to?", "nothing sent by hand or e-mail has a tracking number", "sample plates", "Mr Zhang")
	if ms := d.rows(t, d.Clerk); len(ms) != 0 {
		t.Fatalf("entered from a refused form: %+v", ms)
	}
}

// What the rep sent and nobody confirmed for more than a week waits in
// the rep's Review inbox (not what left two days ago, nobody else's);
// enter opens it on this screen, where c confirms its receipt and it
// leaves the inbox. The list filters by state with /.
func TestOverdueWaitsInReviewUntilConfirmed(t *testing.T) {
	d := newDesk(t)
	late := d.send(t, d.rep, "2026-11-10", "SF1234567890123")
	fresh := d.send(t, d.rep, "2026-11-24", "SF9876543210987")
	scr := d.RunOn(t, d.rep, "zh", "screen.review")
	scr.WaitText(t, "待确认签收(1)", late.Ref, "2026-11-10")
	if got := scr.Text(); contains(got, fresh.Ref) {
		t.Fatalf("what left two days ago is in the inbox:\n%s", got)
	}
	scr.Send(tuitest.Keys("\r")...)
	scr.WaitText(t, "寄出资料 "+late.Ref, "逾期未签收", "已寄出 16 天")
	scr.Send(tuitest.Keys("c")...)
	scr.WaitText(t, "确认签收")
	scr.Send(tuitest.Key("ctrl+s"))
	scr.WaitText(t, "已确认签收", "2026-11-26 已签收,签收人 张经理")
	scr.Send(common.SwitchScreenMsg{Screen: "screen.review"})
	scr.WaitGone(t, "待确认签收")
	scr.Send(common.SwitchScreenMsg{Screen: "screen.materials"})
	scr.Send(tuitest.Key("esc"))
	scr.Send(tuitest.Keys("/待签收\r")...)
	scr.WaitText(t, "筛选: 待签收", "共 1 件")
	scr.WaitRow(t, fresh.Ref, "待签收")
	if got := scr.Text(); contains(got, late.Ref) {
		t.Fatalf("a received row under 待签收:\n%s", got)
	}
	scr.Quit(t)
	boss := d.OpenOn(d.Supervisor, "zh", "screen.review", 80, 24)
	if got := tuitest.Text(boss); contains(got, "待确认签收") {
		t.Fatalf("the rep's parcel in the supervisor's inbox:\n%s", got)
	}
}

// The whole entry, its save and its receipt typed at once end on the
// same screen as typed a key at a time: the keys after ctrl+s wait for
// the save, so c opens the receipt of the entry just saved.
func TestBurstEndsWhereSlowTypingDoes(t *testing.T) {
	keys := []tea.Msg{}
	keys = append(keys, tuitest.Keys("n"+anshan+"\t张经理\t\t45#圆钢试样两段\t\t\t"+right+right+"\t")...)
	keys = append(keys, tuitest.Key("ctrl+s"), tuitest.Char('c'), tuitest.Key("ctrl+s"))
	slow, fast := newDesk(t), newDesk(t)
	app := fast.OpenOn(fast.Clerk, "zh", "screen.materials", 120, 40)
	tuitest.SameAtOnce(t, slow.OpenOn(slow.Clerk, "zh", "screen.materials", 120, 40), keys, app, keys)
	tuitest.MustShow(t, app, "寄出资料 JC2026-000001", "专人送达", "已签收,签收人 张经理")
}

// The customer file says how much went to the customer and how much of
// it waits for its receipt.
func TestCustomerFileCountsWhatWentToIt(t *testing.T) {
	d := newDesk(t)
	d.send(t, d.Clerk, "2026-11-20", "SF1234567890123")
	scr := d.RunOn(t, d.Clerk, "zh", "screen.customers")
	scr.WaitText(t, anshan)
	scr.Send(tuitest.Keys("\r")...)
	scr.WaitText(t, "寄出资料 1 件,待签收 1 件")
	scr.Quit(t)
}

// A parcel sent yesterday has waited one day, not "1 days".
func TestADayWaitedReadsAsOneDay(t *testing.T) {
	d := newDesk(t)
	m := d.send(t, d.rep, "2026-11-25", "SF1234567890123")
	scr := d.RunOn(t, d.rep, "en", "screen.materials")
	scr.WaitRow(t, m.Ref)
	scr.Send(tuitest.Keys("\r")...)
	scr.WaitText(t, "sent 1 day ago")
	scr.Quit(t)
}

// o on a contract sent for signature opens its order on the Orders
// screen; on a catalogue, which belongs to nothing, it says so.
func TestContractOpensItsOrder(t *testing.T) {
	d := newDesk(t)
	cust := d.PrepaidCustomer() // with an address to ship to
	order := d.DraftOrder(cust, "沈阳", tuitest.Plate())
	desk := d.Engine.Desk(d.Clerk)
	d.Must(desk.SubmitOrder(d.Ctx, order, 0))
	d.Must(d.Engine.Desk(d.Supervisor).Act(d.Ctx, order, workflow.ActionApprove, "")) // the contract goes for signature
	number := d.OrderNumber(order)
	_, err := desk.SendMaterial(d.Ctx, workflow.MaterialInput{CustomerID: cust, Contact: "张经理", What: "contract",
		Order: number, SentOn: "2026-11-25", Via: "courier", Courier: "sf", Tracking: "SF1234567890123"})
	d.Must(err)
	catalogue := d.send(t, d.Clerk, "2026-11-24", "SF9876543210987")
	scr := d.RunOn(t, d.Clerk, "zh", "screen.materials")
	scr.WaitText(t, catalogue.Ref)
	scr.Send(tuitest.Keys("/" + catalogue.Ref + "\r\ro")...)
	scr.WaitText(t, "这条记录没有关联的合同或发票")
	scr.Send(tuitest.Key("esc"), tuitest.Key("esc"))
	scr.Send(tuitest.Keys("/合同\r\r")...)
	scr.WaitText(t, "合同", number)
	scr.Send(tuitest.Keys("o")...)
	scr.WaitText(t, "订单 "+number)
	scr.Quit(t)
}
