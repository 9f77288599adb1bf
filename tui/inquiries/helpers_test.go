package inquiries

import (
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"orderdesk/store"
	"orderdesk/tui/common"
	"orderdesk/tui/tuitest/screenrig"
	"orderdesk/workflow"
)

// clock is the time screen tests run at.
var clock = screenrig.At

// rig is the inquiries screen over a fresh database, driven the way the
// root drives it; what it asks other screens to open is kept in opened.
type rig struct {
	screenrig.Rig
	t                         *testing.T
	clerk, boss, buyer, other store.User
	c                         *common.Common
	s                         *Screen
	storeClock                *screenrig.Clock
	opened                    []common.OpenMsg
}

func newRig(t *testing.T) *rig {
	t.Helper()
	storeClock := screenrig.NewClock(clock, 0)
	// A focused input's blink timer never settles: sends wait a moment
	// and typed runes less; what waits on the database is checked with
	// MustShow or LastStatus, which wait longer.
	r := &rig{Rig: screenrig.NewRig(t, storeClock.Now, 4096, 60*time.Millisecond), t: t, storeClock: storeClock}
	r.TypeWait = 20 * time.Millisecond
	r.Catch = func(msg tea.Msg) bool {
		open, ok := msg.(common.OpenMsg)
		if ok {
			r.opened = append(r.opened, open)
		}
		return ok
	}
	r.clerk = r.AddUser("wangli", "王丽", workflow.Clerk)
	r.other = r.AddUser("liqiang", "李强", workflow.Clerk)
	r.boss = r.AddUser("zhao", "赵主管", workflow.Supervisor)
	r.buyer = r.AddUser("sun", "孙采购", workflow.Purchasing)
	return r
}

// at moves the store's clock (what CreatedAt records); the screen's
// clock stays at clock.
func (r *rig) at(t time.Time) { r.storeClock.Set(t) }

// open (re)builds the screen for user u and loads its first page.
func (r *rig) open(u store.User, lang string, height int) {
	r.c, r.s = screenrig.OpenAs(r.Rig, u, lang, screenrig.Fixed(clock), New, height)
}

// customers adds three customers (one on approved monthly terms) and two
// catalogue products; it returns their ids.
func (r *rig) customers() (shenyang, anshan, dalian int64) {
	r.t.Helper()
	d := r.Engine.Desk(r.clerk)
	mk := func(in workflow.CustomerInput) int64 {
		id, termsDoc, err := d.CreateCustomer(r.Ctx, in)
		if err != nil {
			r.t.Fatal(err)
		}
		if termsDoc != 0 {
			if err := r.Engine.Desk(r.boss).Act(r.Ctx, termsDoc, workflow.ActionApprove, ""); err != nil {
				r.t.Fatal(err)
			}
		}
		return id
	}
	shenyang = mk(workflow.CustomerInput{Name: "沈阳钢铁有限公司", ShortName: "沈钢", City: "沈阳", Phone: "024-23456789",
		Contact: "张经理", PaymentTerms: store.TermsMonthly, TermsDays: "30", CreditLimit: "500000", TermsWhy: "老客户"})
	anshan = mk(workflow.CustomerInput{Name: "鞍山宏达钢材贸易有限公司", ShortName: "鞍山宏达", City: "鞍山", Phone: "0412-5551234",
		PaymentTerms: store.TermsPrepaid})
	dalian = mk(workflow.CustomerInput{Name: "Dalian Harbour Machinery Co.", ShortName: "DHM", City: "大连", Phone: "0411-8888",
		PaymentTerms: store.TermsPrepaid})
	for _, p := range []workflow.ProductInput{
		{Grade: "Q235B", Name: "热轧钢板", Spec: "10×1500×6000", Unit: "t"},
		{Grade: "45#", Name: "圆钢", Spec: "Φ50", Unit: "t"},
	} {
		if _, err := d.SaveProduct(r.Ctx, store.Product{}, p); err != nil {
			r.t.Fatal(err)
		}
	}
	return
}

// inquiry records an inquiry for customer with lines of grade, name,
// spec and quantity (tonnes).
func (r *rig) inquiry(customer int64, lines ...[4]string) int64 {
	r.t.Helper()
	in := workflow.InquiryInput{CustomerID: customer}
	for _, l := range lines {
		in.Lines = append(in.Lines, workflow.LineInput{Grade: l[0], Name: l[1], Spec: l[2], Quantity: l[3], Unit: "t"})
	}
	id, _, err := r.Engine.Desk(r.clerk).CreateInquiry(r.Ctx, in)
	if err != nil {
		r.t.Fatal(err)
	}
	return id
}

// opens waits up to 10 s for the screen to have asked for n documents
// to open on other screens.
func (r *rig) opens(n int) {
	r.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for len(r.opened) < n && time.Now().Before(deadline) {
		r.Settle(50 * time.Millisecond)
	}
}

// count is how many open inquiries the database holds.
func (r *rig) count() int {
	r.t.Helper()
	rows, err := r.Engine.Desk(r.clerk).OpenInquiries(r.Ctx, store.Page{Limit: 500})
	if err != nil {
		r.t.Fatal(err)
	}
	return len(rows)
}

// changed is the feed's word that an inquiry changed.
func changed(id int64) common.ChangedMsg {
	return common.ChangedMsg{Change: workflow.Change{Kind: store.InquiryKind, ID: id}}
}

// commonNew is what the root sends on N.
func commonNew() common.NewMsg { return common.NewMsg{Screen: "screen.inquiries"} }

// newForm is a clerk's new inquiry form in lang over the three
// customers, nothing typed yet.
func newForm(t *testing.T, lang string) *rig {
	t.Helper()
	r := newRig(t)
	r.customers()
	r.open(r.clerk, lang, 30)
	r.Press("n")
	return r
}

// newShenyangForm is a clerk's new inquiry form in lang for 沈钢, its
// monthly terms on screen.
func newShenyangForm(t *testing.T, lang string) *rig {
	t.Helper()
	r := newForm(t, lang)
	r.Type("sygt\r")
	r.MustShow(map[string]string{"zh": "月结", "en": "monthly"}[lang])
	return r
}
