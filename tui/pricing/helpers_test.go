package pricing

import (
	"fmt"
	"testing"
	"time"

	"orderdesk/store"
	"orderdesk/tui/common"
	"orderdesk/tui/tuitest/screenrig"
	"orderdesk/workflow"
)

// clock is when the test data is made; the screen looks at it two hours
// later, so ages read "2h" whatever the machine's date.
var clock = time.Date(2026, 11, 26, 1, 30, 0, 0, time.UTC)

func screenNow() time.Time { return clock.Add(2 * time.Hour) }

// rig is the Pricing screen over a fresh database, driven the way the
// root drives it; the change feed arrives as common.ChangedMsg, as the
// root forwards it.
type rig struct {
	screenrig.Rig
	t                       *testing.T
	clerk, boss, buyer, rep store.User
	cust, other             int64 // customers: the rep's, and one of nobody's
	c                       *common.Common
	s                       *Screen
	storeClock              *screenrig.Clock // a second further at each reading
}

func newRig(t *testing.T) *rig {
	t.Helper()
	storeClock := screenrig.NewClock(clock, time.Second)
	r := &rig{Rig: screenrig.NewRig(t, storeClock.Now, 4096, 300*time.Millisecond), t: t, storeClock: storeClock}
	r.Engine.SetLocation(time.UTC)
	r.clerk = r.AddUser("wangli", "王丽", workflow.Clerk)
	r.boss = r.AddUser("zhao", "赵主管", workflow.Supervisor)
	r.buyer = r.AddUser("sun", "孙采购", workflow.Purchasing)
	r.rep = r.AddUser("liu", "刘销售", workflow.SalesRep)
	desk := r.Engine.Desk(r.clerk)
	for _, in := range []workflow.ProductInput{
		{Grade: "Q235B", Name: "热轧钢板", Spec: "20×1500×6000", Unit: "t"},
		{Grade: "Q345B", Name: "热轧钢板", Spec: "20×1500×6000", Unit: "t"},
		{Grade: "45#", Name: "圆钢", Spec: "Φ50", Unit: "t"},
		{Grade: "20#", Name: "无缝钢管", Spec: "219×8", Unit: "t"},
		{Grade: "304", Name: "不锈钢板", Spec: "2.0×1219×2438", Unit: "kg"},
	} {
		if _, err := desk.SaveProduct(r.Ctx, store.Product{}, in); err != nil {
			t.Fatal(err)
		}
	}
	r.cust = r.customer("鞍山恒达重工机械有限公司", r.rep.ID)
	r.other = r.customer("大连造船厂", 0)
	// The change feed, as the root forwards it.
	ch, stop := r.Engine.Feed().Subscribe()
	t.Cleanup(stop)
	go func() {
		for c := range ch {
			r.Cmds.Inbox <- common.ChangedMsg{Change: c}
		}
	}()
	return r
}

// at sets the store's clock.
func (r *rig) at(t time.Time) { r.storeClock.Set(t) }

func (r *rig) customer(name string, rep int64) int64 {
	r.t.Helper()
	id, _, err := r.Engine.Desk(r.clerk).CreateCustomer(r.Ctx, workflow.CustomerInput{Name: name, PaymentTerms: store.TermsPrepaid, RepID: rep})
	if err != nil {
		r.t.Fatal(err)
	}
	return id
}

func line(grade, name, spec, qty, unit string) workflow.LineInput {
	return workflow.LineInput{Grade: grade, Name: name, Spec: spec, Quantity: qty, Unit: unit}
}

// quote drafts, as the clerk, the quote of a new inquiry of cust.
func (r *rig) quote(cust int64, lines ...workflow.LineInput) int64 {
	r.t.Helper()
	d := r.Engine.Desk(r.clerk)
	in, err := d.NewInquiryInput(r.Ctx, cust)
	r.Must(err)
	in.Lines = lines
	inq, _, err := d.CreateInquiry(r.Ctx, in)
	r.Must(err)
	q, err := d.CreateQuote(r.Ctx, inq)
	r.Must(err)
	return q
}

// priceAll prices a quote's lines in order through the Desk.
func (r *rig) priceAll(q int64, prices ...string) {
	r.t.Helper()
	d := r.Engine.Desk(r.clerk)
	for i, p := range prices {
		qd, err := d.Quote(r.Ctx, q)
		r.Must(err)
		r.Must(d.PriceLine(r.Ctx, q, qd.Version, qd.Quote.Lines[i].ID, p))
	}
}

// sent takes a priced quote through submit, approval and sending.
func (r *rig) sent(q int64) {
	r.t.Helper()
	r.Must(r.Engine.Desk(r.clerk).SubmitQuote(r.Ctx, q, 0))
	r.Must(r.Engine.Desk(r.boss).Act(r.Ctx, q, workflow.ActionApprove, ""))
	r.Must(r.Engine.Desk(r.clerk).Act(r.Ctx, q, workflow.ActionMarkSent, ""))
}

func (r *rig) detail(q int64) workflow.QuoteDetail {
	r.t.Helper()
	qd, err := r.Engine.Desk(r.clerk).Quote(r.Ctx, q)
	r.Must(err)
	return qd
}

// open (re)builds the screen for user u.
func (r *rig) open(u store.User, lang string) {
	r.c = r.SessionOf(u, lang, screenNow)
	r.c.FollowUpDays = workflow.DefaultFollowUpDays
	r.s = screenrig.Open(r.Driver, r.c, New, 37)
}

// show opens quote q as the Inquiries screen does, and waits until it
// and its first line's price context are on screen.
func (r *rig) show(q int64) {
	r.t.Helper()
	r.Send(common.OpenMsg{Screen: ScreenKey, DocID: q})
	r.WaitFor(func() bool {
		return r.s.d.loaded && r.s.d.id == q && (r.s.d.pc != nil || r.s.d.pcErr != nil || len(r.s.lines()) == 0)
	}, func() string { return fmt.Sprintf("quote %d never opened", q) })
}

// showAs opens u's screen in lang on quote q.
func (r *rig) showAs(u store.User, lang string, q int64) {
	r.t.Helper()
	r.open(u, lang)
	r.show(q)
}

// submittedQuote is pricedQuote submitted for the supervisor's sign-off.
func (r *rig) submittedQuote() int64 {
	r.t.Helper()
	q := r.pricedQuote()
	r.Must(r.Engine.Desk(r.clerk).SubmitQuote(r.Ctx, q, 0))
	return q
}

// sentQuote is pricedQuote signed off and sent to the customer.
func (r *rig) sentQuote() int64 {
	r.t.Helper()
	q := r.pricedQuote()
	r.sent(q)
	return q
}

// pricedQuote is a draft quote for the rep's customer of threeLines,
// every line priced.
func (r *rig) pricedQuote() int64 {
	r.t.Helper()
	q := r.quote(r.cust, threeLines()...)
	r.priceAll(q, "3850", "4100", "30")
	return q
}
