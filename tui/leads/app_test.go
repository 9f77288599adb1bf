package leads_test

import (
	"testing"

	"orderdesk/tui/tuitest"
)

// A rep enters a lead at the real program's keys. The name of a customer
// on file is pointed out at the field as it is left, before any save; a
// save with that name and no way to reach it is refused at both fields
// with everything typed kept and nothing saved; put right, the lead
// saves, a call is logged with the next step, the stage moves on, and
// the lead is lost with the reason.
func TestRepEntersALeadAndFollowsItUp(t *testing.T) {
	d := newDesk(t)
	scr := d.RunOn(t, d.rep, "zh", "screen.leads")
	scr.WaitText(t, "没有线索")
	scr.Send(tuitest.Keys("n鞍山宏达钢构有限公司\t\t孙经理\t")...)
	scr.WaitText(t, "已有客户档案:鞍山宏达钢构有限公司 C000001")
	scr.Send(tuitest.Key("ctrl+s"))
	scr.WaitText(t, "电话、邮箱、QQ/微信至少填一项   ", "请先改正标出的字段", "孙经理", "鞍山宏达钢构有限公司")
	if n := len(d.leads(t, d.rep)); n != 0 {
		t.Fatalf("%d leads written from a refused form", n)
	}
	// The focus is at the first problem, the name: typed over, it saves.
	scr.Send(tuitest.Keys("营口新港机械制造有限公司\t\t\t0417-2881234\t\t\t\x1b[C\x1b[C\tQ235B、45#\t10×1500×6000\t30\t电话回访\t11-30")...)
	scr.Send(tuitest.Key("ctrl+s"))
	scr.WaitText(t, "线索已保存", "XS2026-000001", "营口新港机械制造有限公司", "展会", "2026-11-30  电话回访", "联系记录(0)")
	scr.Send(tuitest.Keys("v已接通,下周要报价\t\t发报价\t12-01\r")...)
	scr.WaitText(t, "联系已记录", "联系记录(1)", "已接通,下周要报价", "2026-12-01  发报价")
	scr.Send(tuitest.Keys("m")...)
	scr.WaitText(t, "XS2026-000001:已联系", "已联系")
	scr.Send(tuitest.Keys("w")...)
	scr.WaitText(t, "先建立客户档案再标记成交")
	scr.Send(tuitest.Keys("l")...)
	scr.WaitText(t, "营口新港机械制造有限公司 流失")
	scr.Send(tuitest.Keys("对方已有长期供应商\r")...)
	scr.WaitText(t, "XS2026-000001:未成交", "已流失", "流失原因", "对方已有长期供应商")
	scr.Send(tuitest.Keys("v")...)
	scr.WaitText(t, "线索已流失,不再跟进")
	scr.Quit(t)
	ls := d.leads(t, d.rep)
	if len(ls) != 1 || ls[0].Status != "lost" || len(ls[0].Contacts) != 0 {
		t.Fatalf("leads: %+v", ls)
	}
}

// An open lead becomes a customer file in one key (never from the list,
// where a stray key would make one), which opens on the Customers
// screen; back on the lead, another key makes its inquiry, which opens
// on the Inquiries screen; winning it is then allowed.
func TestLeadConvertsIntoACustomerAndAnInquiry(t *testing.T) {
	d := newDesk(t)
	if _, _, err := d.Engine.Desk(d.rep).CreateLead(d.Ctx, tuitestLead()); err != nil {
		t.Fatal(err)
	}
	scr := d.RunOn(t, d.rep, "zh", "screen.leads")
	scr.WaitText(t, "XS2026-000001")
	scr.Send(tuitest.Keys("c")...)
	scr.WaitText(t, "先按 enter 打开线索,再转换")
	scr.Send(tuitest.Keys("\ri")...)
	scr.WaitText(t, "先把线索转为客户档案,再建询价单")
	scr.Send(tuitest.Keys("c")...)
	scr.WaitText(t, "已建立客户档案", "营口新港机械制造有限公司", "0417-2881234", "刘洋")
	scr.Send(tuitestSwitch("screen.leads"))
	scr.WaitText(t, "客户档案     营口新港机械制造有限公司")
	scr.Send(tuitest.Keys("i")...)
	scr.WaitText(t, "已建立询价单", "XJ2026-000001", "Q235B", "45#", "30")
	scr.Send(tuitestSwitch("screen.leads"))
	scr.WaitText(t, "询价单       XJ2026-000001")
	scr.Send(tuitest.Keys("w")...)
	scr.WaitText(t, "XS2026-000001:成交", "已成交")
	scr.Quit(t)
}

// The desk edits a rep's lead: the form opens with what the lead holds
// and its owner kept; the change saves and the lead stays the rep's.
func TestDeskEditsARepsLead(t *testing.T) {
	d := newDesk(t)
	if _, _, err := d.Engine.Desk(d.rep).CreateLead(d.Ctx, tuitestLead()); err != nil {
		t.Fatal(err)
	}
	app := open(d.Fixture, d.Supervisor, "zh", 80, 24)
	tuitest.Press(app, tuitest.Keys("\re")...)
	mustShow(t, app, "修改线索 XS2026-000001", "‹ 刘洋 ›", "营口新港机械制造有限公司", "0417-2881234", "10×1500×6000")
	tuitest.Press(app, tuitest.Key("shift+tab"))
	tuitest.Press(app, tuitest.Keys("要现货")...)
	tuitest.Press(app, tuitest.Key("ctrl+s"))
	mustShow(t, app, "线索已保存", "要现货", "负责人       刘洋")
	if ls := d.leads(t, d.rep); len(ls) != 1 || ls[0].Notes != "要现货" {
		t.Fatalf("the rep's leads: %+v", ls)
	}
}
