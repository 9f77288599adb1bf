package workflow

import (
	"fmt"
	"testing"
	"time"

	"orderdesk/store"
)

// TestQuoteRounding: each line's amount is price × quantity rounded half
// away from zero to the fen; the total is the sum of the rounded amounts,
// never rounded again. The database agrees line by line.
func TestQuoteRounding(t *testing.T) {
	tests := []struct {
		name    string
		prices  []string // yuan per unit
		qtys    []string
		amounts []store.Money // fen
		total   store.Money
	}{
		{"per-tonne price × weight to the kilogram", []string{"3456.78"}, []string{"1.235"}, []store.Money{426912}, 426912}, // 4269.1233 → 4269.12
		{"exactly half a fen rounds up", []string{"0.01"}, []string{"0.5"}, []store.Money{1}, 1},                            // 0.005 → 0.01
		{"just under half a fen rounds down", []string{"0.01"}, []string{"0.499"}, []store.Money{0}, 0},
		{"2.5 fen is 3, not banker's 2", []string{"0.05"}, []string{"0.5"}, []store.Money{3}, 3},
		{"the total adds rounded lines", []string{"0.01", "0.01", "0.01"}, []string{"0.5", "0.5", "0.5"}, []store.Money{1, 1, 1}, 3}, // 1.5 fen unrounded
		{"rounding down adds up too", []string{"4120.33", "4120.33"}, []string{"1.001", "2.001"}, []store.Money{412445, 824478}, 1236923},
		{"whole tonnes", []string{"4120", "3980.50"}, []string{"25.35", "10"}, []store.Money{10444200, 3980500}, 14424700},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel() // its own copy of the fixture
			p := newPricing(t)
			var lines []LineInput
			for _, q := range tc.qtys {
				lines = append(lines, line("Q235B", "热轧钢板", "20×1500×6000", q, "t"))
			}
			q := p.quote(p.clerk, p.cust, tc.prices, lines...)
			qd := p.quoteDetail(p.clerk, q)
			var sum store.Money
			for i, l := range qd.Quote.Lines {
				if l.Amount != tc.amounts[i] || !l.Priced {
					t.Errorf("line %d: amount %d, want %d", i+1, l.Amount, tc.amounts[i])
				}
				if l.Amount != l.Price.Mul(l.Qty) {
					t.Errorf("line %d: amount %d is not Money.Mul", i+1, l.Amount)
				}
				sum += l.Amount
			}
			if qd.Total != tc.total || sum != tc.total {
				t.Errorf("total %d (lines add to %d), want %d", qd.Total, sum, tc.total)
			}
			rows, _ := p.e.Desk(p.clerk).Quotes(p.ctx, store.DocFilter{}, store.Page{})
			if len(rows) != 1 || rows[0].Total != tc.total {
				t.Errorf("listed total %v, want %d", rows, tc.total)
			}
		})
	}
}

// TestQuotePriceInput: a price with more than two decimals, letters,
// zero or a negative sign is refused at its line.
func TestQuotePriceInput(t *testing.T) {
	p := newPricing(t)
	q := p.quote(p.clerk, p.cust, nil, line("Q235B", "热轧钢板", "20×1500×6000", "5", "t"), line("45#", "圆钢", "Φ50", "2", "t"))
	for _, tc := range []struct {
		price string
		code  FieldCode
	}{
		{"4120.555", TooManyPlaces},
		{"4120元", NotANumber},
		{"abc", NotANumber},
		{"0", NotPositive},
		{"-4120", Negative},
		{"10000000.01", TooLarge},
	} {
		qd := p.quoteDetail(p.clerk, q)
		in := InputFromQuote(*qd.Quote)
		in.Lines[1].Price = tc.price
		_, err := p.e.Desk(p.clerk).UpdateQuote(p.ctx, q, qd.Version, in)
		if fe := fieldErrs(t, err).ForLine(2, FPrice); fe == nil || fe.Code != tc.code {
			t.Errorf("price %q: want %s at line 2, got %v", tc.price, tc.code, err)
		}
		if err := p.e.Desk(p.clerk).PriceLine(p.ctx, q, qd.Version, qd.Quote.Lines[1].ID, tc.price); fieldErrs(t, err).ForLine(2, FPrice) == nil {
			t.Errorf("PriceLine(%q): %v", tc.price, err)
		}
	}
	qd := p.quoteDetail(p.clerk, q)
	p.must(p.e.Desk(p.clerk).PriceLine(p.ctx, q, qd.Version, qd.Quote.Lines[1].ID, "¥4,350.5"))
	if l := p.quoteDetail(p.clerk, q).Quote.Lines[1]; l.Price != 435050 || l.Amount != 870100 || l.Source != store.SourceManual {
		t.Fatalf("%+v", l)
	}
	// A stale form is refused.
	refused(t, p.e.Desk(p.clerk).PriceLine(p.ctx, q, qd.Version, qd.Quote.Lines[0].ID, "1"), StaleStatus)
}

// TestQuoteRules: who may do what to a quote, table-driven like the
// terms change's rules.
func TestQuoteRules(t *testing.T) {
	type step func(p *pfix, q int64)
	act := func(who func(*pfix) store.User, action, comment string) step {
		return func(p *pfix, q int64) {
			p.t.Helper()
			p.must(p.e.Desk(who(p)).Act(p.ctx, q, action, comment))
		}
	}
	submit := func(p *pfix, q int64) { p.t.Helper(); p.must(p.e.Desk(p.maker(q)).SubmitQuote(p.ctx, q, 0)) }
	editBy := func(who func(*pfix) store.User) step {
		return func(p *pfix, q int64) { p.t.Helper(); p.price(who(p), q, "4100") }
	}
	clerk := func(p *pfix) store.User { return p.clerk }
	clerk2 := func(p *pfix) store.User { return p.clerk2 }
	boss := func(p *pfix) store.User { return p.boss }
	admin := func(p *pfix) store.User { return p.adminBoss }
	rep := func(p *pfix) store.User { return p.rep }
	tests := []struct {
		name    string
		maker   func(*pfix) store.User
		steps   []step
		actor   func(*pfix) store.User
		action  string
		comment string
		want    Code
		status  string
	}{
		{"clerk lacks the role to sign", clerk, []step{submit}, clerk2, ActionApprove, "", RoleNotAllowed, "submitted"},
		{"maker cannot sign own quote", admin, []step{submit}, admin, ActionApprove, "", MakerCannotSignOff, "submitted"},
		{"maker cannot send back own quote", admin, []step{submit}, admin, ActionSendBack, "x", MakerCannotSignOff, "submitted"},
		{"editor since the last sign-off cannot sign", clerk, []step{editBy(admin), submit}, admin, ActionApprove, "", EditorCannotSignOff, "submitted"},
		{"another supervisor signs after that edit", clerk, []step{editBy(admin), submit}, boss, ActionApprove, "", "", "approved"},
		{"finance is not a quote reviewer", clerk, []step{submit}, func(p *pfix) store.User { return p.buyer }, ActionApprove, "", RoleNotAllowed, "submitted"},
		{"supervisor approves", clerk, []step{submit}, boss, ActionApprove, "", "", "approved"},
		{"send back needs a comment", clerk, []step{submit}, boss, ActionSendBack, " ", CommentRequired, "submitted"},
		{"send back with a comment", clerk, []step{submit}, boss, ActionSendBack, "价格偏低", "", "sent_back"},
		{"cannot send before approval", clerk, []step{submit}, clerk, ActionMarkSent, "", NoSuchTransition, "submitted"},
		{"a draft cannot be approved", clerk, nil, boss, ActionApprove, "", NoSuchTransition, "draft"},
		{"only the maker submits", clerk, nil, clerk2, ActionSubmit, "", MakerOnly, "draft"},
		{"sent after approval", clerk, []step{submit, act(boss, ActionApprove, "")}, clerk2, ActionMarkSent, "", "", "sent"},
		{"lost needs the reason", clerk, []step{submit, act(boss, ActionApprove, ""), act(clerk, ActionMarkSent, "")}, clerk, ActionLose, "", CommentRequired, "sent"},
		{"lost with the reason", clerk, []step{submit, act(boss, ActionApprove, ""), act(clerk, ActionMarkSent, "")}, rep, ActionLose, "客户选了本地经销商", "", "lost"},
		{"won", clerk, []step{submit, act(boss, ActionApprove, ""), act(clerk, ActionMarkSent, "")}, clerk, ActionWin, "", "", "won"},
		{"a won quote is not revised", clerk, []step{submit, act(boss, ActionApprove, ""), act(clerk, ActionMarkSent, ""), act(clerk, ActionWin, "")}, clerk, ActionRevise, "", QuoteWon, "won"},
		{"a draft is not revised", clerk, nil, clerk, ActionRevise, "", NotRevisable, "draft"},
		{"a lost quote is not revised", clerk, []step{submit, act(boss, ActionApprove, ""), act(clerk, ActionMarkSent, ""), act(clerk, ActionLose, "贵")}, clerk, ActionRevise, "", NotRevisable, "lost"},
		{"expired", clerk, []step{submit, act(boss, ActionApprove, ""), act(clerk, ActionMarkSent, "")}, clerk, ActionExpire, "", "", "expired"},
		{"withdrawn by its maker", clerk, []step{submit}, clerk, ActionWithdraw, "", "", "withdrawn"},
		{"the warehouse takes nothing", clerk, []step{submit, act(boss, ActionApprove, "")}, func(p *pfix) store.User { return p.wh }, ActionMarkSent, "", RoleNotAllowed, "approved"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel() // its own copy of the fixture
			p := newPricing(t)
			q := p.quote(tc.maker(p), p.cust, []string{"4120"}, line("Q235B", "热轧钢板", "20×1500×6000", "5", "t"))
			for _, s := range tc.steps {
				s(p, q)
			}
			err := p.e.Desk(tc.actor(p)).Act(p.ctx, q, tc.action, tc.comment)
			if tc.want == "" && err != nil {
				t.Fatalf("want success, got %v", err)
			}
			if tc.want != "" {
				refused(t, err, tc.want)
			}
			if got := p.status(q); got != tc.status {
				t.Fatalf("status %s, want %s", got, tc.status)
			}
		})
	}
}

// maker is the maker of a document.
func (p *pfix) maker(doc int64) store.User {
	p.t.Helper()
	d, err := p.e.Desk(p.clerk).Document(p.ctx, doc)
	p.must(err)
	for _, u := range []store.User{p.clerk, p.clerk2, p.boss, p.adminBoss, p.rep, p.rep2, p.buyer, p.buyerClerk} {
		if u.ID == d.MakerID {
			return u
		}
	}
	p.t.Fatalf("maker %d unknown", d.MakerID)
	return store.User{}
}

// TestSubmitUnpricedRefusedNamingLines: the desk refuses a quote with
// lines not priced, naming each; the database refuses it as well.
func TestSubmitUnpricedRefusedNamingLines(t *testing.T) {
	p := newPricing(t)
	q := p.quote(p.clerk, p.cust, []string{"4120", "", "8.5", ""},
		line("Q235B", "热轧钢板", "20×1500×6000", "5", "t"), line("Q390C", "热轧钢板", "20×1500×6000", "1", "t"),
		line("304", "不锈钢板", "2.0×1219×2438", "800", "kg"), line("45#", "圆钢", "Φ50", "3", "t"))
	err := p.e.Desk(p.clerk).SubmitQuote(p.ctx, q, 0)
	fe := fieldErrs(t, err)
	if got := fmt.Sprint(fe.Lines()); got != "[2 4]" || fe.ForLine(2, FPrice).Code != Unpriced {
		t.Fatalf("refusal names lines %s: %v", got, err)
	}
	if p.status(q) != "draft" {
		t.Fatal("submitted anyway")
	}
	// Around the desk, the database says the same.
	err = p.st.Write(p.ctx, func(tx *store.Tx) error {
		return tx.InsertTransition(p.ctx, store.Transition{DocID: q, Action: ActionSubmit, From: "draft", To: "submitted", ActorID: p.clerk.ID})
	})
	if !isCode(refusalFromStore(err, ""), UnpricedLines) {
		t.Fatalf("database: %v", err)
	}
	p.price(p.clerk, q, "", "4300", "", "4650")
	p.must(p.e.Desk(p.clerk).SubmitQuote(p.ctx, q, 0))
	// A quote whose lines were all removed is refused too.
	q2 := p.quote(p.clerk, p.cust, []string{"4120"}, line("Q235B", "热轧钢板", "20×1500×6000", "5", "t"))
	qd := p.quoteDetail(p.clerk, q2)
	in := InputFromQuote(*qd.Quote)
	in.Lines = nil
	if _, err := p.e.Desk(p.clerk).UpdateQuote(p.ctx, q2, qd.Version, in); fieldErrs(t, err).For(FLines) == nil {
		t.Fatalf("a quote saved without lines: %v", err)
	}
}

func isCode(err error, code Code) bool {
	r, ok := err.(*Refusal)
	return ok && r.Code == code
}

// TestRevisionGoesThroughReviewAgain: a revision is a new version in
// draft, every earlier version kept as it was; it needs its own sign-off,
// by someone who neither made nor edited it, and its inquiry follows.
func TestRevisionGoesThroughReviewAgain(t *testing.T) {
	p := newPricing(t)
	q1 := p.quote(p.clerk, p.cust, []string{"4120"}, line("Q235B", "热轧钢板", "20×1500×6000", "10", "t"))
	inq := p.quoteDetail(p.clerk, q1).Quote.InquiryID
	p.sent(q1, p.clerk, p.boss)
	if got := p.status(inq); got != "quoted" {
		t.Fatalf("inquiry %s after sending", got)
	}
	sentQ1 := p.quoteDetail(p.clerk, q1)

	// The customer asks for a better price: clerk2 revises.
	q2, err := p.e.Desk(p.clerk2).ReviseQuote(p.ctx, q1, sentQ1.Version)
	p.must(err)
	if p.status(q1) != "revised" || p.status(q2) != "draft" || p.status(inq) != "quoting" {
		t.Fatalf("after revising: q1 %s, q2 %s, inquiry %s", p.status(q1), p.status(q2), p.status(inq))
	}
	r2 := p.quoteDetail(p.clerk2, q2)
	if r2.Quote.Revision != 2 || r2.Quote.RevisesID != q1 || r2.Quote.QuoteNo != sentQ1.Quote.QuoteNo || r2.Ref != sentQ1.Ref+"/2" ||
		r2.MakerID != p.clerk2.ID || r2.Quote.Lines[0].Price != 412000 || r2.Quote.Lines[0].Source != store.SourceCopy {
		t.Fatalf("revision: %+v ref %s", r2.Quote, r2.Ref)
	}
	// A version is revised once.
	refused(t, p.e.Desk(p.clerk).Act(p.ctx, q1, ActionRevise, ""), NotRevisable)

	p.price(p.clerk2, q2, "4050")
	// The supervisor who approved version 1 may approve version 2; the
	// reviser may not, even holding the role.
	p.must(p.e.Desk(p.clerk2).SubmitQuote(p.ctx, q2, 0))
	refused(t, p.e.Desk(p.clerk2).Act(p.ctx, q2, ActionApprove, ""), RoleNotAllowed)
	p.must(p.e.Desk(p.boss).Act(p.ctx, q2, ActionApprove, ""))
	p.must(p.e.Desk(p.clerk2).Act(p.ctx, q2, ActionMarkSent, ""))

	// Every version kept, as it was.
	vs := p.quoteDetail(p.clerk, q2).Versions
	if len(vs) != 2 || vs[0].ID != q1 || vs[0].Status != "revised" || vs[0].Total != 4120000 || vs[1].ID != q2 || vs[1].Total != 4050000 {
		t.Fatalf("versions %+v", vs)
	}
	if l := p.quoteDetail(p.clerk, q1).Quote.Lines[0]; l.Price != 412000 {
		t.Fatalf("version 1 changed: %+v", l)
	}
	// Editing the revised version is refused, here and by the database.
	in := InputFromQuote(*p.quoteDetail(p.clerk, q1).Quote)
	in.Lines[0].Price = "1"
	_, err = p.e.Desk(p.clerk).UpdateQuote(p.ctx, q1, 0, in)
	refused(t, err, NotEditable)

	// Revision 2 won: the inquiry is won; revising it is refused.
	p.must(p.e.Desk(p.clerk).Act(p.ctx, q2, ActionWin, ""))
	if p.status(inq) != "won" {
		t.Fatalf("inquiry %s after the win", p.status(inq))
	}
	_, err = p.e.Desk(p.clerk).ReviseQuote(p.ctx, q2, 0)
	refused(t, err, QuoteWon)
	// …and by the database, whatever the path.
	err = p.st.Write(p.ctx, func(tx *store.Tx) error {
		q, err := tx.Quote(p.ctx, q2)
		if err != nil {
			return err
		}
		q.RevisesID, q.Revision = q2, 3
		_, _, err = tx.CreateQuote(p.ctx, p.clerk.ID, "draft", q)
		return err
	})
	if !isCode(refusalFromStore(err, ""), QuoteWon) {
		t.Fatalf("database let a won quote be revised: %v", err)
	}
}

// TestInquiryFollowsItsQuote walks an inquiry through its quote's life.
func TestInquiryFollowsItsQuote(t *testing.T) {
	p := newPricing(t)
	d := p.e.Desk(p.clerk)
	inq := p.inquiry(p.clerk, p.cust, line("Q235B", "热轧钢板", "20×1500×6000", "10", "t"))
	if p.status(inq) != "new" {
		t.Fatal(p.status(inq))
	}
	// Inquiry steps that follow the quote are not offered or taken by hand.
	dd, _ := d.Document(p.ctx, inq)
	var offered []string
	for _, a := range dd.Actions {
		offered = append(offered, a.Action)
	}
	if fmt.Sprint(offered) != "[lose expire]" {
		t.Fatalf("offered %v", offered)
	}
	refused(t, d.Act(p.ctx, inq, ActionStartQuote, ""), NotAllowed)

	q, err := d.CreateQuote(p.ctx, inq)
	p.must(err)
	if p.status(inq) != "quoting" {
		t.Fatal(p.status(inq))
	}
	_, err = d.CreateQuote(p.ctx, inq)
	refused(t, err, QuoteExists)
	p.price(p.clerk, q, "4120")
	p.must(d.SubmitQuote(p.ctx, q, 0))
	p.must(p.e.Desk(p.boss).Act(p.ctx, q, ActionSendBack, "运费未计"))
	p.must(d.SubmitQuote(p.ctx, q, 0)) // resubmits
	p.must(p.e.Desk(p.boss).Act(p.ctx, q, ActionApprove, ""))
	if p.status(inq) != "quoting" {
		t.Fatalf("inquiry moved on approval: %s", p.status(inq))
	}
	p.must(d.Act(p.ctx, q, ActionMarkSent, ""))
	if p.status(inq) != "quoted" {
		t.Fatal(p.status(inq))
	}
	p.must(d.Act(p.ctx, q, ActionLose, "交期太长"))
	det, err := d.Inquiry(p.ctx, inq)
	p.must(err)
	last := det.Transitions[len(det.Transitions)-1]
	if det.Status != "lost" || last.Action != ActionLose || last.Comment != "交期太长" || last.ActorID != p.clerk.ID {
		t.Fatalf("inquiry lost: %s %+v", det.Status, last)
	}
	_, err = d.CreateQuote(p.ctx, inq)
	refused(t, err, InquiryClosed)

	// An inquiry closed by hand stays closed when its quote moves later.
	inq2 := p.inquiry(p.clerk, p.cust, line("45#", "圆钢", "Φ50", "2", "t"))
	q2, err := d.CreateQuote(p.ctx, inq2)
	p.must(err)
	p.price(p.clerk, q2, "4650")
	p.must(d.SubmitQuote(p.ctx, q2, 0))
	p.must(p.e.Desk(p.boss).Act(p.ctx, q2, ActionApprove, ""))
	p.must(d.Act(p.ctx, inq2, ActionExpire, ""))
	p.must(d.Act(p.ctx, q2, ActionMarkSent, ""))
	if p.status(inq2) != "expired" || p.status(q2) != "sent" {
		t.Fatalf("inquiry %s quote %s", p.status(inq2), p.status(q2))
	}

	// The list of open inquiries shows the age.
	p.inquiry(p.clerk, p.cust2, line("Q235B", "热轧钢板", "20×1500×6000", "1", "t"))
	rows, err := d.OpenInquiries(p.ctx, store.Page{})
	p.must(err)
	if len(rows) != 1 || rows[0].Customer != "大连造船厂" || rows[0].Lines != 1 || rows[0].CreatedAt.IsZero() {
		t.Fatalf("open inquiries %+v", rows)
	}
	rows, _ = d.Inquiries(p.ctx, store.DocFilter{}, store.Page{Query: "大连"})
	if len(rows) != 1 {
		t.Fatalf("filter: %+v", rows)
	}
}

// TestFollowUpAtDayBoundaries: a quote sent and unanswered for more than
// N days is flagged, counting calendar days in the desk's time zone.
func TestFollowUpAtDayBoundaries(t *testing.T) {
	p := newPricing(t)
	// Sent at 23:50 on 11-02 in Shenyang (15:50 UTC).
	sentAt := time.Date(2026, 11, 2, 15, 50, 0, 0, time.UTC)
	q := p.quote(p.clerk, p.cust, []string{"4120"}, line("Q235B", "热轧钢板", "20×1500×6000", "10", "t"))
	p.must(p.e.Desk(p.clerk).SubmitQuote(p.ctx, q, 0))
	p.must(p.e.Desk(p.boss).Act(p.ctx, q, ActionApprove, ""))
	p.at(sentAt.Add(-time.Second))
	p.must(p.e.Desk(p.clerk).Act(p.ctx, q, ActionMarkSent, ""))
	// One sent ten minutes later, on 11-03 in Shenyang.
	q2 := p.quote(p.clerk, p.cust2, []string{"4120"}, line("Q235B", "热轧钢板", "20×1500×6000", "10", "t"))
	p.must(p.e.Desk(p.clerk).SubmitQuote(p.ctx, q2, 0))
	p.must(p.e.Desk(p.boss).Act(p.ctx, q2, ActionApprove, ""))
	p.at(sentAt.Add(10*time.Minute - time.Second))
	p.must(p.e.Desk(p.clerk).Act(p.ctx, q2, ActionMarkSent, ""))

	local := func(day string, hh, mm int) time.Time {
		d, _ := time.ParseInLocation("2006-01-02", day, cst)
		return d.Add(time.Duration(hh)*time.Hour + time.Duration(mm)*time.Minute)
	}
	tests := []struct {
		name string
		asOf time.Time
		days int
		want string // flagged quotes, longest waiting first
	}{
		{"same day", local("2026-11-02", 23, 59), 0, "[]"},
		{"0 days: the next morning flags the 11-02 one", local("2026-11-03", 0, 0), 0, "[q1]"},
		{"3 days, 3 days later: not yet", local("2026-11-05", 23, 59), 3, "[]"},
		{"3 days, 4 days later at midnight", local("2026-11-06", 0, 0), 3, "[q1]"},
		{"3 days, a day on: both", local("2026-11-07", 0, 1), 3, "[q1 q2]"},
		{"as of a UTC time late on 11-05: 11-06 in Shenyang", time.Date(2026, 11, 5, 16, 0, 0, 0, time.UTC), 3, "[q1]"},
		{"as of a UTC time just before", time.Date(2026, 11, 5, 15, 59, 0, 0, time.UTC), 3, "[]"},
		{"7 days", local("2026-11-10", 12, 0), 7, "[q1]"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rows, err := p.e.Desk(p.clerk).QuotesToFollowUp(p.ctx, tc.asOf, tc.days)
			p.must(err)
			var got []string
			for _, r := range rows {
				name := map[int64]string{q: "q1", q2: "q2"}[r.ID]
				got = append(got, name)
				if name == "q1" && r.SentOn != "2026-11-02" || name == "q2" && r.SentOn != "2026-11-03" {
					t.Errorf("%s sent on %s", name, r.SentOn)
				}
				if r.DaysWaiting <= tc.days {
					t.Errorf("%s flagged after %d days with %d allowed", name, r.DaysWaiting, tc.days)
				}
			}
			if fmt.Sprint(got) != tc.want && !(tc.want == "[]" && got == nil) {
				t.Fatalf("flagged %v, want %s", got, tc.want)
			}
		})
	}
	rows, _ := p.e.Desk(p.clerk).QuotesToFollowUp(p.ctx, local("2026-11-10", 0, 0), 1)
	if len(rows) != 2 || rows[0].ValidUntil != "2026-11-09" || !rows[0].PastValidity || rows[1].ValidUntil != "2026-11-10" || rows[1].PastValidity {
		t.Fatalf("validity: %+v", rows)
	}
	// Answered quotes leave the list.
	p.must(p.e.Desk(p.clerk).Act(p.ctx, q, ActionWin, ""))
	if rows, _ := p.e.Desk(p.clerk).QuotesToFollowUp(p.ctx, local("2026-11-30", 0, 0), 3); len(rows) != 1 || rows[0].ID != q2 {
		t.Fatalf("after the win: %+v", rows)
	}
}
