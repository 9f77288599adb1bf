package visits_test

import (
	"testing"

	"orderdesk/tui/tuitest"
	"orderdesk/workflow"
)

// A rep plans a visit from the customer's file with B: whom is the
// customer shown, the open complaint on the file starts the open
// matters. A day gone and a time that is none are refused at their
// fields with what was typed kept and nothing saved; put right, the
// visit is planned; its review before the day is refused.
func TestRepPlansAVisitFromTheCustomerFile(t *testing.T) {
	d := newDesk(t)
	scr := d.RunOn(t, d.rep, "zh", "screen.customers")
	scr.WaitText(t, "鞍山宏达钢构有限公司")
	scr.Send(tuitest.Keys("\r")...)
	scr.WaitText(t, "0412-5551234")
	scr.Send(tuitest.Keys("B")...)
	scr.WaitText(t, "安排拜访(访前计划)", "鞍山宏达钢构有限公司", "2026-11-27")
	scr.Send(backspaces(10)...)
	scr.Send(tuitest.Keys("2026-11-20\t25:00\t客户办公室")...)
	scr.Send(tuitest.Key("ctrl+s"))
	scr.WaitText(t, "拜访不能安排在过去的日期", "时间格式:时:分,如 9:30", "2026-11-20", "25:00", "客户办公室")
	if n := len(d.visits(t, d.rep)); n != 0 {
		t.Fatalf("%d visits written from a refused form", n)
	}
	// The focus is at the first problem, the day.
	scr.Send(backspaces(10)...)
	scr.Send(tuitest.Keys("2026-11-27\t")...)
	scr.Send(backspaces(5)...)
	scr.Send(tuitest.Keys("9:30\t\t\t问价格\t价格表")...)
	scr.WaitText(t, "访前准备", "投诉 TS2026-000001")
	scr.Send(tuitest.Key("ctrl+s"))
	scr.WaitText(t, "拜访已安排", "BF2026-000001", "周五 11-27 09:30", "客户办公室", "问价格", "投诉 TS2026-000001")
	scr.Send(tuitest.Keys("r\t已谈妥")...)
	scr.Send(tuitest.Key("ctrl+s"))
	scr.WaitText(t, "拜访日期还没到,不能做访后分析", "已谈妥")
	scr.Quit(t)
	vs := d.visits(t, d.rep)
	if len(vs) != 1 || vs[0].Status != "planned" || vs[0].At != "09:30" || vs[0].Review != nil {
		t.Fatalf("visits: %+v", vs)
	}
}

// A visit not reviewed a day after it happened waits in its owner's
// Review inbox, not on its day; enter opens it on the Visits screen,
// where its review takes it out of the inbox.
func TestVisitWaitsInTheInboxFromTheDayAfter(t *testing.T) {
	d := newDesk(t)
	d.at("2026-11-26")
	_, err := d.Engine.Desk(d.rep).PlanVisit(d.Ctx, tuitestVisit(d.cust))
	d.Must(err)
	d.at("2026-11-27")
	scr := d.RunOn(t, d.rep, "zh", "screen.review")
	scr.WaitText(t, "待审")
	if got := scr.Text(); contains(got, "待做访后分析") {
		t.Fatalf("on its day the visit is already a task:\n%s", got)
	}
	scr.Quit(t)
	d.at("2026-11-28")
	scr = d.RunOn(t, d.rep, "zh", "screen.review")
	scr.WaitText(t, "待做访后分析(1)", "BF2026-000001", "鞍山宏达钢构有限公司")
	scr.Send(tuitest.Keys("\r")...)
	scr.WaitText(t, "拜访 BF2026-000001", "问价格")
	scr.Send(tuitest.Keys("r\x1b[C\x1b[C\t只见到采购员\t总经理出差\t先约时间\t再访\t12-03")...)
	scr.Send(tuitest.Key("ctrl+s"))
	scr.WaitText(t, "访后分析已保存", "未达成", "只见到采购员", "总经理出差")
	scr.Send(tuitest.Keys("9")...)
	scr.WaitGone(t, "待做访后分析")
	scr.Quit(t)
}

// B on a lead plans a visit to that lead.
func TestVisitToALeadFromTheLeadsScreen(t *testing.T) {
	d := newDesk(t)
	if _, _, err := d.Engine.Desk(d.rep).CreateLead(d.Ctx, workflow.LeadInput{Name: "营口新港机械制造有限公司", Phone: "0417-2881234",
		Source: "exhibition"}); err != nil {
		t.Fatal(err)
	}
	scr := d.RunOn(t, d.rep, "zh", "screen.leads")
	scr.WaitText(t, "XS2026-000001")
	scr.Send(tuitest.Keys("B")...)
	scr.WaitText(t, "安排拜访(访前计划)", "营口新港机械制造有限公司", "2026-11-27")
	scr.Send(tuitest.Key("ctrl+s"))
	scr.WaitText(t, "拜访已安排", "BF2026-000001", "(线索,拜访人 刘洋)")
	scr.Quit(t)
	if vs := d.visits(t, d.rep); len(vs) != 1 || vs[0].LeadID == 0 || vs[0].Who != "营口新港机械制造有限公司" {
		t.Fatalf("visits: %+v", vs)
	}
}

// A plan started on the Visits screen names its customer by typing:
// leaving the field starts the open matters from that customer's file,
// another customer typed instead replaces them, and the plan saved
// keeps them.
func TestTypedCustomerStartsTheOpenMatters(t *testing.T) {
	d := newDesk(t)
	clerk := d.Engine.Desk(d.Clerk)
	_, _, err := clerk.CreateCustomer(d.Ctx, workflow.CustomerInput{Name: "营口港务集团有限公司", ShortName: "营口港务",
		Phone: "0417-6661234", PaymentTerms: "prepaid", RepID: d.rep.ID})
	d.Must(err)
	scr := d.RunOn(t, d.rep, "zh", "screen.visits")
	scr.WaitText(t, "拜访")
	scr.Send(tuitest.Keys("n")...)
	scr.WaitText(t, "安排拜访")
	scr.Send(tuitest.Keys("营口港务\t\t\t\t\t\t\t")...)
	scr.WaitText(t, "访前准备")
	if got := scr.Text(); contains(got, "TS2026-000001") {
		t.Fatalf("a customer with nothing open was given another's matters:\n%s", got)
	}
	scr.Send(tuitest.Key("shift+tab"), tuitest.Key("shift+tab"), tuitest.Key("shift+tab"), tuitest.Key("shift+tab"),
		tuitest.Key("shift+tab"), tuitest.Key("shift+tab"), tuitest.Key("shift+tab"))
	scr.Send(backspaces(4)...)
	scr.Send(tuitest.Keys("宏达钢构\t\t09:30\t客户办公室\t\t问价格\t价格表\t")...)
	scr.WaitText(t, "投诉 TS2026-000001")
	scr.Send(tuitest.Key("ctrl+s"))
	scr.WaitText(t, "拜访已安排", "BF2026-000001")
	scr.Quit(t)
	vs := d.visits(t, d.rep)
	if len(vs) != 1 || !contains(vs[0].OpenMatters, "TS2026-000001") || vs[0].CustomerID != d.cust {
		t.Fatalf("the plan saved without the file's open matters: %+v", vs)
	}
}

// Saved at once from the customer field, as one burst, a plan still gets
// the open matters of the customer typed: the save waits for them.
func TestSavedFromTheCustomerFieldTheMattersStillCome(t *testing.T) {
	d := newDesk(t)
	scr := d.RunOn(t, d.rep, "zh", "screen.visits")
	scr.WaitText(t, "拜访")
	scr.Send(append(tuitest.Keys("n宏达钢构"), tuitest.Key("ctrl+s"))...)
	scr.WaitText(t, "拜访已安排")
	scr.Quit(t)
	vs := d.visits(t, d.rep)
	if len(vs) != 1 || !contains(vs[0].OpenMatters, "TS2026-000001") {
		t.Fatalf("the plan saved without the file's open matters: %+v", vs)
	}
}
