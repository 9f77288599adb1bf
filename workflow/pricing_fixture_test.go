package workflow

import (
	"context"
	"errors"
	"testing"
	"time"

	"orderdesk/store"
)

// cst is the desk's time zone in these tests: China, UTC+8, so a day
// begins at 16:00 UTC the day before.
var cst = time.FixedZone("CST", 8*3600)

// pfix is the pricing fixture: the base fixture's desk plus purchasing,
// two sales reps, the warehouse, a small catalogue, a customer of each
// rep, and a clock the test moves.
type pfix struct {
	*fixture
	t                *testing.T
	ctx              context.Context
	buyer, rep, rep2 store.User
	wh, buyerClerk   store.User
	cust, cust2      int64 // customers of rep and rep2
	now              time.Time
}

func newPricing(t *testing.T) *pfix {
	t.Helper()
	return pricingFixture.get(t).clone(t)
}

var pricingFixture = built[*pfix]{name: "pricing", build: buildPricing}

func buildPricing(t *testing.T, path string) *pfix {
	t.Helper()
	f := buildFixture(t, path)
	p := &pfix{fixture: f, t: t, ctx: context.Background(), now: time.Date(2026, 11, 2, 1, 0, 0, 0, time.UTC)} // 09:00 in Shenyang
	f.st.Now = func() time.Time { p.now = p.now.Add(time.Second); return p.now }
	f.e.SetLocation(cst)
	sys, _ := f.e.SystemUser(p.ctx)
	mk := func(login string, roles ...Role) store.User {
		u, err := f.e.AddUser(p.ctx, sys, login, login, "", roles)
		if err != nil {
			t.Fatal(err)
		}
		return u
	}
	p.buyer = mk("sun", Purchasing)
	p.buyerClerk = mk("qian", Purchasing, Clerk)
	p.rep = mk("liu", SalesRep)
	p.rep2 = mk("zheng", SalesRep)
	p.wh = mk("wu", Warehouse)
	for _, in := range []ProductInput{
		{Grade: "Q235B", Name: "热轧钢板", Spec: "20×1500×6000", Unit: "t"},
		{Grade: "Q345B", Name: "热轧钢板", Spec: "20×1500×6000", Unit: "t"},
		{Grade: "45#", Name: "圆钢", Spec: "Φ50", Unit: "t"},
		{Grade: "304", Name: "不锈钢板", Spec: "2.0×1219×2438", Unit: "kg"},
		{Grade: "Q235B", Name: "焊接钢管", Spec: "48×3.5×6000", Unit: "pcs", UnitWeight: "23.045"},
	} {
		if _, err := f.e.Desk(f.clerk).SaveProduct(p.ctx, store.Product{}, in); err != nil {
			t.Fatal(err)
		}
	}
	p.cust = p.customer("沈阳重型机械有限公司", p.rep)
	p.cust2 = p.customer("大连造船厂", p.rep2)
	return p
}

func (p *pfix) customer(name string, rep store.User) int64 {
	p.t.Helper()
	id, _, err := p.e.Desk(p.clerk).CreateCustomer(p.ctx, CustomerInput{Name: name, PaymentTerms: store.TermsPrepaid, RepID: rep.ID})
	if err != nil {
		p.t.Fatal(err)
	}
	return id
}

// at moves the clock to t.
func (p *pfix) at(t time.Time) { p.now = t }

func (p *pfix) must(err error) {
	p.t.Helper()
	if err != nil {
		p.t.Fatal(err)
	}
}

// refused fails unless err is a refusal with code.
func refused(t *testing.T, err error, code Code) {
	t.Helper()
	if !errors.Is(err, &Refusal{Code: code}) {
		t.Fatalf("want refusal %s, got %v", code, err)
	}
}

// line is an inquiry line as typed.
func line(grade, name, spec, qty, unit string) LineInput {
	return LineInput{Grade: grade, Name: name, Spec: spec, Quantity: qty, Unit: unit}
}

// inquiry records an inquiry of cust by maker with lines.
func (p *pfix) inquiry(maker store.User, cust int64, lines ...LineInput) int64 {
	p.t.Helper()
	in, err := p.e.Desk(maker).NewInquiryInput(p.ctx, cust)
	p.must(err)
	in.Lines = lines
	id, _, err := p.e.Desk(maker).CreateInquiry(p.ctx, in)
	p.must(err)
	return id
}

// quote drafts the quote of a new inquiry with lines, prices them all
// (yuan per unit, in order) and returns the quote's id.
func (p *pfix) quote(maker store.User, cust int64, prices []string, lines ...LineInput) int64 {
	p.t.Helper()
	inq := p.inquiry(maker, cust, lines...)
	q, err := p.e.Desk(maker).CreateQuote(p.ctx, inq)
	p.must(err)
	p.price(maker, q, prices...)
	return q
}

// price sets the prices of a quote's lines in order ("" leaves one).
func (p *pfix) price(by store.User, q int64, prices ...string) {
	p.t.Helper()
	d := p.e.Desk(by)
	qd, err := d.Quote(p.ctx, q)
	p.must(err)
	in := InputFromQuote(*qd.Quote)
	for i, pr := range prices {
		if pr != "" {
			in.Lines[i].Price = pr
		}
	}
	_, err = d.UpdateQuote(p.ctx, q, qd.Version, in)
	p.must(err)
}

// sent takes a priced quote through submit, a supervisor's approval and
// sending.
func (p *pfix) sent(q int64, maker, boss store.User) {
	p.t.Helper()
	p.must(p.e.Desk(maker).SubmitQuote(p.ctx, q, 0))
	p.must(p.e.Desk(boss).Act(p.ctx, q, ActionApprove, ""))
	p.must(p.e.Desk(maker).Act(p.ctx, q, ActionMarkSent, ""))
}

func (p *pfix) status(doc int64) string {
	p.t.Helper()
	d, err := p.e.Desk(p.clerk).Document(p.ctx, doc)
	p.must(err)
	return d.Status
}

func (p *pfix) quoteDetail(u store.User, q int64) QuoteDetail {
	p.t.Helper()
	qd, err := p.e.Desk(u).Quote(p.ctx, q)
	p.must(err)
	return qd
}

// approvePrices has a supervisor sign off a price change proposed by
// maker with one line per price.
func (p *pfix) approvePrices(maker, boss store.User, lines ...PriceLineInput) int64 {
	p.t.Helper()
	id, _, err := p.e.Desk(maker).ProposePriceChange(p.ctx, PriceChangeInput{Reason: "月初调价", Lines: lines})
	p.must(err)
	p.must(p.e.Desk(boss).Act(p.ctx, id, ActionApprove, ""))
	return id
}
