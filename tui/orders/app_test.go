package orders_test

import (
	"regexp"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"orderdesk/store"
	"orderdesk/tui/tuitest"
	"orderdesk/workflow"
)

// The orders screen in the running app (teatest v2): keys typed into
// the program, the screen read back from a terminal emulator.

var keyOf = tuitest.Char

var enter, ctrlS = tuitest.Key("enter"), tuitest.Key("ctrl+s")

// tab presses the digit the tab bar shows before a screen's name.
func tab(t *testing.T, s *tuitest.Screen, name string) tea.KeyPressMsg {
	t.Helper()
	s.WaitText(t, name)
	m := regexp.MustCompile(`(\d) ` + name).FindStringSubmatch(s.Text())
	if m == nil {
		t.Fatalf("no tab %q:\n%s", name, s.Text())
	}
	return keyOf(rune(m[1][0]))
}

type desk struct {
	*tuitest.Fixture
	shenyang int64
	today    time.Time
}

func newDesk(t *testing.T) *desk {
	f := tuitest.New(t)
	d := &desk{Fixture: f, today: time.Now()}
	id, _, err := f.Engine.Desk(f.Clerk).CreateCustomer(f.Ctx, workflow.CustomerInput{Name: "沈阳北方重工集团有限公司", Mnemonic: "SYBF",
		Province: "辽宁", City: "沈阳", Address: "沈阳市铁西区北二路18号", Contact: "张经理", Phone: "024-23456789", PaymentTerms: store.TermsPrepaid})
	if err != nil {
		t.Fatal(err)
	}
	d.shenyang = id
	return d
}

func (d *desk) must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func (d *desk) day(days int) string { return d.today.AddDate(0, 0, days).Format("2006-01-02") }

// TestTeaOrderFromWonQuote: a won quote becomes an order with w; the
// contract check asks for the place of signing at its field; submitted,
// its maker (a supervisor who also works the desk) cannot sign it off
// in Review; another supervisor signs it off in a session of their own,
// which numbers it LNSYNO.0001 on the maker's screen; the customer's
// sign-back is recorded.
func TestTeaOrderFromWonQuote(t *testing.T) {
	d := newDesk(t)
	ctx, clerk := d.Ctx, d.Engine.Desk(d.Clerk)
	inq, err := clerk.NewInquiryInput(ctx, d.shenyang)
	d.must(t, err)
	inq.Lines = []workflow.LineInput{{Grade: "Q345B", Name: "热轧钢板", Spec: "16×2000×8000", Quantity: "30", Unit: "t", WantedOn: d.day(20)}}
	iid, _, err := clerk.CreateInquiry(ctx, inq)
	d.must(t, err)
	q, err := clerk.CreateQuote(ctx, iid)
	d.must(t, err)
	qd, err := clerk.Quote(ctx, q)
	d.must(t, err)
	in := workflow.InputFromQuote(*qd.Quote)
	in.Lines[0].Price = "4380"
	_, err = clerk.UpdateQuote(ctx, q, qd.Version, in)
	d.must(t, err)
	d.must(t, clerk.SubmitQuote(ctx, q, 0))
	d.must(t, d.Engine.Desk(d.Supervisor).Act(ctx, q, workflow.ActionApprove, ""))
	d.must(t, clerk.Act(ctx, q, workflow.ActionMarkSent, ""))
	d.must(t, clerk.Act(ctx, q, workflow.ActionWin, ""))

	sys, err := d.Engine.SystemUser(ctx)
	d.must(t, err)
	other, err := d.Engine.AddUser(ctx, sys, "qian", "钱经理", "", []workflow.Role{workflow.Supervisor})
	d.must(t, err)

	s := tuitest.Run(t, d.App(d.Supervisor, "zh"))
	s.WaitText(t, "客户")
	s.Send(tab(t, s, "订单"))
	s.WaitText(t, "/ 搜索单号")
	s.Send(keyOf('w'))
	s.WaitText(t, "成交未下单的报价", qd.Ref)
	s.Send(enter)
	s.WaitText(t, "修改订单", "Q345B", "4380.00")
	s.Send(ctrlS) // no place of signing yet: the check says so at the field
	s.WaitText(t, "合同校验未通过", "必填")
	s.Type("沈阳")
	s.Send(ctrlS)
	s.WaitText(t, "(临时号)", "¥131,400.00", "壹拾叁万壹仟肆佰元整", d.day(20))
	s.Send(keyOf('s'))
	s.WaitText(t, "已提交审核", "待审核")

	// The maker cannot sign their own contract. (esc first: digits typed
	// on a document never switch screens.)
	s.Send(tea.KeyPressMsg{Code: tea.KeyEscape}, tab(t, s, "待审"))
	s.WaitText(t, "待我审核")
	s.Send(keyOf('m'))
	s.WaitText(t, "我制作、待他人审核", "DD")
	s.Send(enter)
	s.WaitText(t, "销售订单", "沈阳北方重工集团有限公司", "131,400.00")
	s.Send(keyOf('a')) // refused at once, before a comment is typed for nothing
	s.WaitText(t, "这是您制作的单据,须由他人审核")

	// Another supervisor signs it off in a session of their own.
	boss := tuitest.Run(t, d.App(other, "zh"))
	boss.WaitText(t, "客户")
	boss.Send(tab(t, s, "待审"))
	boss.WaitText(t, "销售订单", "赵主管")
	boss.Send(enter)
	boss.WaitText(t, "壹拾叁万壹仟肆佰元整")
	boss.Send(keyOf('a'))
	boss.WaitText(t, "通过意见")
	boss.Send(enter)
	boss.WaitText(t, "已审核通过")

	// On the maker's screen the order now has its number.
	s.Send(tea.KeyPressMsg{Code: tea.KeyEscape})
	s.Send(tab(t, s, "订单"))
	s.WaitText(t, "LNSYNO.0001", "合同已审核")
	s.Send(enter)
	s.WaitText(t, "销售订单 LNSYNO.0001", "钱经理")
	s.Send(keyOf('r'))
	s.WaitText(t, "记录客户回传 LNSYNO.0001")
	for range 10 { // the screen's clock is the fixture's; the desk's is today
		s.Send(tea.KeyPressMsg{Code: tea.KeyBackspace})
	}
	s.Type(d.day(0))
	s.Send(ctrlS)
	s.WaitText(t, "已记录客户回传", "客户已回传", "回传日期")
	s.Quit(t)
	boss.Quit(t)
}

// TestTeaCopyEarlierOrder: "same as last time, 30 tonnes": c on an
// earlier order, 30, and the form opens on the copy; saved and
// submitted.
func TestTeaCopyEarlierOrder(t *testing.T) {
	d := newDesk(t)
	ctx, clerk := d.Ctx, d.Engine.Desk(d.Clerk)
	in, err := clerk.NewOrderInput(ctx, d.shenyang)
	d.must(t, err)
	in.DeliveryDate, in.SigningPlace = d.day(14), "沈阳"
	in.Lines = []workflow.OrderLineInput{{Grade: "Q235B", Name: "热轧钢板", Spec: "20×1500×6000", Quantity: "25.35", Unit: "t", Price: "4120"}}
	id, _, err := clerk.CreateOrder(ctx, in)
	d.must(t, err)
	d.must(t, clerk.SubmitOrder(ctx, id, 0))
	d.must(t, d.Engine.Desk(d.Supervisor).Act(ctx, id, workflow.ActionApprove, ""))

	s := tuitest.Run(t, d.App(d.Clerk, "zh"))
	s.WaitText(t, "客户")
	s.Send(tab(t, s, "订单"))
	s.WaitText(t, "LNSYNO.0001")
	s.Send(keyOf('c'))
	s.WaitText(t, "复制订单 LNSYNO.0001")
	s.Type("30")
	s.Send(ctrlS)
	s.WaitText(t, "修改订单", "Q235B")
	s.Send(ctrlS)
	s.WaitText(t, "(临时号)", "¥123,600.00", "草稿", d.day(14))
	s.Send(keyOf('s'))
	s.WaitText(t, "已提交审核", "待审核")
	s.Quit(t)
}
