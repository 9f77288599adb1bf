package orders

import (
	"context"
	"fmt"
	"testing"
	"time"

	"orderdesk/store"
	"orderdesk/tui/common"
	"orderdesk/tui/tuitest/screenrig"
	"orderdesk/workflow"
)

// clock is the time screen tests run at (10:00 in Shenyang).
var clock = time.Date(2026, 11, 26, 2, 0, 0, 0, time.UTC)

// rig is the orders screen over a fresh database, driven the way the
// root drives it.
type rig struct {
	*screenrig.Driver
	t                            *testing.T
	ctx                          context.Context
	st                           *store.Store
	eng                          *workflow.Engine
	clerk, clerk2, boss, planner store.User
	buyer                        store.User
	shenyang, dalian, bare       int64
	c                            *common.Common
	s                            *Screen
	must                         func(error) // fails the test on an error
}

func newRig(t *testing.T) *rig {
	t.Helper()
	d := screenrig.OpenDesk(t, screenrig.NewClock(clock, time.Millisecond).Now)
	d.Engine.SetLocation(time.FixedZone("CST", 8*3600))
	r := &rig{t: t, ctx: d.Ctx, st: d.Store, eng: d.Engine, must: d.Must}
	r.Driver = r.newDriver()
	r.clerk = d.AddUser("wangli", "王丽", workflow.Clerk)
	r.clerk2 = d.AddUser("liqiang", "李强", workflow.Clerk)
	r.boss = d.AddUser("zhao", "赵主管", workflow.Supervisor)
	r.planner = d.AddUser("zhou", "周计划", workflow.Planning)
	r.buyer = d.AddUser("sun", "孙采购", workflow.Purchasing)
	mk := func(name, mnemonic, city, address string) int64 {
		id, _, err := d.Engine.Desk(r.clerk).CreateCustomer(d.Ctx, workflow.CustomerInput{Name: name, Mnemonic: mnemonic, Province: "辽宁",
			City: city, Address: address, Contact: "张经理", Phone: "024-23456789", PaymentTerms: store.TermsPrepaid})
		r.must(err)
		return id
	}
	r.shenyang = mk("沈阳北方重工集团有限公司", "SYBF", "沈阳", "沈阳市铁西区北二路18号")
	r.dalian = mk("大连船舶配套有限公司", "DLCB", "大连", "大连市甘井子区红旗路6号")
	r.bare = mk("营口无地址贸易公司", "YKWD", "营口", "")
	return r
}

// newDriver settles each key briefly; a command run (the first page)
// and the status line wait longer.
func (r *rig) newDriver() *screenrig.Driver {
	d := screenrig.NewDriver(r.t, 1024, 30*time.Millisecond)
	d.RunWait, d.StatusWait = 2*time.Second, 10*time.Second
	return d
}

// open builds the screen for user u.
func (r *rig) open(u store.User, lang string) {
	r.c = screenrig.Session(r.ctx, r.eng.Desk(u), lang, func() time.Time { return clock })
	r.c.Company, r.c.PrintDir = "沈阳恒信钢铁贸易有限公司", r.t.TempDir()
	r.s = New(r.c)
	r.Screen = r.s
	r.s.SetSize(120, 40)
	r.Run(r.s.Init())
}

var plate = workflow.OrderLineInput{Grade: "Q235B", Name: "热轧钢板", Spec: "20×1500×6000", Quantity: "25.35", Unit: "t", Price: "4120"}

// order enters a draft for cust by u with lines (a plate if none).
func (r *rig) order(u store.User, cust int64, lines ...workflow.OrderLineInput) int64 {
	r.t.Helper()
	d := r.eng.Desk(u)
	in, err := d.NewOrderInput(r.ctx, cust)
	r.must(err)
	if len(lines) == 0 {
		lines = []workflow.OrderLineInput{plate}
	}
	in.DeliveryDate, in.SigningPlace, in.Lines = "2026-12-10", "沈阳", lines
	id, _, err := d.CreateOrder(r.ctx, in)
	r.must(err)
	return id
}

// approved submits and signs an order off.
func (r *rig) approved(id int64) {
	r.t.Helper()
	r.must(r.eng.Desk(r.clerk).SubmitOrder(r.ctx, id, 0))
	r.must(r.eng.Desk(r.boss).Act(r.ctx, id, workflow.ActionApprove, ""))
}

// wonQuote takes an inquiry of cust through a quote to won.
func (r *rig) wonQuote(cust int64) int64 {
	r.t.Helper()
	d := r.eng.Desk(r.clerk)
	inq, err := d.NewInquiryInput(r.ctx, cust)
	r.must(err)
	inq.Lines = []workflow.LineInput{{Grade: "Q345B", Name: "热轧钢板", Spec: "16×2000×8000", Quantity: "30", Unit: "t", WantedOn: "2026-12-20"}}
	iid, _, err := d.CreateInquiry(r.ctx, inq)
	r.must(err)
	q, err := d.CreateQuote(r.ctx, iid)
	r.must(err)
	qd, err := d.Quote(r.ctx, q)
	r.must(err)
	in := workflow.InputFromQuote(*qd.Quote)
	in.Lines[0].Price = "4380"
	_, err = d.UpdateQuote(r.ctx, q, qd.Version, in)
	r.must(err)
	r.must(d.SubmitQuote(r.ctx, q, 0))
	r.must(r.eng.Desk(r.boss).Act(r.ctx, q, workflow.ActionApprove, ""))
	r.must(d.Act(r.ctx, q, workflow.ActionMarkSent, ""))
	r.must(d.Act(r.ctx, q, workflow.ActionWin, ""))
	return q
}

// clearField empties the focused input.
func (r *rig) clearField() {
	for range 60 {
		r.Deliver(screenrig.Key("backspace"))
	}
	r.Settle(100 * time.Millisecond)
}

// another is a second session's orders screen over the same database.
func (r *rig) another(u store.User) *rig {
	r2 := &rig{t: r.t, ctx: r.ctx, st: r.st, eng: r.eng, must: r.must, clerk: r.clerk, clerk2: r.clerk2, boss: r.boss, planner: r.planner,
		buyer: r.buyer, shenyang: r.shenyang, dalian: r.dalian, bare: r.bare}
	r2.Driver = r2.newDriver()
	r2.open(u, "zh")
	return r2
}

// fieldText is what the screen says for a field code.
func (r *rig) fieldText(code workflow.FieldCode) string {
	return common.FieldText(r.c.Cat, &workflow.FieldError{Code: code})
}

// orders counts the orders in the database.
func (r *rig) orders() int {
	r.t.Helper()
	rows, err := r.eng.Desk(r.clerk).Orders(r.ctx, store.OrderFilter{WithRevised: true}, store.Page{Limit: 500})
	r.must(err)
	return len(rows)
}

// tabs presses tab n times.
func (r *rig) tabs(n int) {
	for range n {
		r.Press("tab")
	}
}

// waitMode waits up to 10 s for the screen to be in mode m.
func (r *rig) waitMode(m mode) {
	r.t.Helper()
	r.WaitFor(func() bool { return r.s.mode == m },
		func() string { return fmt.Sprintf("screen in mode %d, want %d", r.s.mode, m) })
}

func openMsg(id int64) common.OpenMsg { return common.OpenMsg{Screen: "screen.orders", DocID: id} }

// waitDetail waits up to 10 s for the detail of order id to be loaded.
func (r *rig) waitDetail(id int64) {
	r.t.Helper()
	r.WaitFor(func() bool { return r.s.detail != nil && r.s.detail.ID == id && r.s.mode == modeDetail },
		func() string { return fmt.Sprintf("order %d not shown", id) })
}
