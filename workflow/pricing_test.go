package workflow

import (
	"fmt"
	"sort"
	"testing"
	"time"

	"orderdesk/store"
)

func plate(price, from, to string) PriceLineInput {
	return PriceLineInput{Grade: "Q235B", Name: "热轧钢板", Spec: "20×1500×6000", Unit: "t", Price: price, ValidFrom: from, ValidTo: to}
}

// TestPriceChangeRules: the price list changes only through a price
// change a supervisor signs off who neither made nor edited it.
func TestPriceChangeRules(t *testing.T) {
	type who func(*pfix) store.User
	clerk := func(p *pfix) store.User { return p.clerk }
	buyer := func(p *pfix) store.User { return p.buyer }
	boss := func(p *pfix) store.User { return p.boss }
	admin := func(p *pfix) store.User { return p.adminBoss }
	tests := []struct {
		name    string
		maker   who
		editor  who // edits the change before the sign-off
		actor   who
		action  string
		comment string
		want    Code
		listed  bool // the price is in the list afterwards
	}{
		{"supervisor approves a clerk's change", clerk, nil, boss, ActionApprove, "", "", true},
		{"supervisor approves purchasing's change", buyer, nil, admin, ActionApprove, "", "", true},
		{"maker cannot approve own change", admin, nil, admin, ActionApprove, "", MakerCannotSignOff, false},
		{"clerk lacks the role", clerk, nil, func(p *pfix) store.User { return p.clerk2 }, ActionApprove, "", RoleNotAllowed, false},
		{"purchasing lacks the role", clerk, nil, buyer, ActionApprove, "", RoleNotAllowed, false},
		{"editor since the last sign-off cannot approve", clerk, boss, boss, ActionApprove, "", EditorCannotSignOff, false},
		{"another supervisor approves after that edit", clerk, boss, admin, ActionApprove, "", "", true},
		{"send back needs a comment", clerk, nil, boss, ActionSendBack, "", CommentRequired, false},
		{"sent back is not listed", clerk, nil, boss, ActionSendBack, "无锡市场已跌", "", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel() // its own copy of the fixture
			p := newPricing(t)
			id, warn, err := p.e.Desk(tc.maker(p)).ProposePriceChange(p.ctx, PriceChangeInput{Reason: "十一月调价",
				Lines: []PriceLineInput{plate("4,120", "11-03", "")}})
			p.must(err)
			if len(warn) != 0 {
				t.Fatalf("warnings %v", warn)
			}
			if tc.editor != nil {
				dd, _ := p.e.Desk(p.clerk).Document(p.ctx, id)
				in := InputFromPriceChange(dd.Summary, dd.PriceChange)
				in.Lines[0].Price = "4150"
				_, err := p.e.Desk(tc.editor(p)).UpdatePriceChange(p.ctx, id, dd.Version, in)
				p.must(err)
			}
			err = p.e.Desk(tc.actor(p)).Act(p.ctx, id, tc.action, tc.comment)
			if tc.want != "" {
				refused(t, err, tc.want)
			} else {
				p.must(err)
			}
			p.at(time.Date(2026, 11, 3, 1, 0, 0, 0, time.UTC))
			rows, err := p.e.Desk(p.clerk).PriceList(p.ctx, "", store.Page{})
			p.must(err)
			if tc.listed != (len(rows) == 1) {
				t.Fatalf("price list %+v", rows)
			}
		})
	}
}

// TestPriceListValidity: the price valid on a day is the latest started
// on or before it and not ended; the history keeps every price.
func TestPriceListValidity(t *testing.T) {
	p := newPricing(t)
	p.approvePrices(p.clerk, p.boss, plate("4000", "2026-11-02", ""))
	p.approvePrices(p.clerk, p.boss, plate("4100", "2026-11-10", ""))
	p.approvePrices(p.buyer, p.boss, plate("3900", "2026-11-20", "2026-11-25")) // a week's promotion
	p.approvePrices(p.clerk, p.boss, plate("4150", "2026-11-10", ""))           // a correction: same start, later approval wins
	p.approvePrices(p.clerk, p.boss, PriceLineInput{Grade: "45#", Name: "圆钢", Spec: "Φ50", Unit: "t", Price: "4650", ValidFrom: "2026-11-02"})
	d := p.e.Desk(p.clerk)
	for _, tc := range []struct {
		day  string
		want store.Money
	}{
		{"2026-11-01", 0},
		{"2026-11-02", 400000},
		{"2026-11-09", 400000},
		{"2026-11-10", 415000},
		{"2026-11-19", 415000},
		{"2026-11-20", 390000},
		{"2026-11-25", 390000},
		{"2026-11-26", 415000}, // the promotion is over
	} {
		var got store.Money
		err := p.st.Read(p.ctx, func(tx *store.Tx) error {
			lp, ok, err := tx.ListPriceOn(p.ctx, "Q235B", "热轧钢板", "20×1500×6000", tc.day)
			if ok {
				got = lp.Price
			}
			return err
		})
		p.must(err)
		if got != tc.want {
			t.Errorf("%s: %d, want %d", tc.day, got, tc.want)
		}
		rows, err := d.PriceList(p.ctx, tc.day, store.Page{})
		p.must(err)
		var listed []string
		for _, r := range rows {
			listed = append(listed, fmt.Sprintf("%s:%d", r.Grade, r.Price))
		}
		sort.Strings(listed)
		var want []string
		if tc.want != 0 { // both start on 11-02
			want = append(want, "45#:465000")
			want = append(want, fmt.Sprintf("Q235B:%d", tc.want))
		}
		if fmt.Sprint(listed) != fmt.Sprint(want) {
			t.Errorf("%s: list %v, want %v", tc.day, listed, want)
		}
	}
	hist, err := d.PriceListHistory(p.ctx, "q235b", "20x1500x6000")
	p.must(err)
	if len(hist) != 4 || hist[0].Price != 390000 || hist[3].Price != 400000 || hist[0].ChangeRef == "" {
		t.Fatalf("history %+v", hist)
	}
}

func TestPriceChangeInput(t *testing.T) {
	p := newPricing(t)
	d := p.e.Desk(p.clerk)
	tests := []struct {
		name  string
		line  PriceLineInput
		field string
		code  FieldCode
		warn  bool
	}{
		{"valid", plate("4120", "2026-11-02", "2026-12-31"), "", "", false},
		{"unknown product is flagged", PriceLineInput{Grade: "Q390C", Name: "热轧钢板", Spec: "20×1500×6000", Unit: "t", Price: "5000", ValidFrom: "11-05"}, "", "", true},
		{"no price", plate("", "2026-11-02", ""), FPrice, Required, false},
		{"price to the tenth of a fen", plate("4120.001", "2026-11-02", ""), FPrice, TooManyPlaces, false},
		{"price in words", plate("四千", "2026-11-02", ""), FPrice, NotANumber, false},
		{"started yesterday", plate("4120", "2026-11-01", ""), FValidFrom, DateInPast, false},
		{"no start", plate("4120", "", ""), FValidFrom, Required, false},
		{"malformed start", plate("4120", "2026-11-31", ""), FValidFrom, InvalidDate, false},
		{"ends before it starts", plate("4120", "2026-11-20", "2026-11-10"), FValidTo, DateOrder, false},
		{"bad unit", PriceLineInput{Grade: "Q235B", Spec: "20×1500×6000", Unit: "斤", Price: "1", ValidFrom: "11-05"}, FUnit, InvalidChoice, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, warn, err := d.ProposePriceChange(p.ctx, PriceChangeInput{Reason: "调价", Lines: []PriceLineInput{plate("4000", "11-02", ""), tc.line}})
			if tc.code != "" {
				if fe := fieldErrs(t, err).ForLine(2, tc.field); fe == nil || fe.Code != tc.code {
					t.Fatalf("want line 2 %s %s, got %v", tc.field, tc.code, err)
				}
				return
			}
			p.must(err)
			if tc.warn != (len(warn) == 1 && warn[0].Line == 2 && warn[0].Code == UnknownProduct) {
				t.Fatalf("warnings %v", warn)
			}
		})
	}
	_, _, err := d.ProposePriceChange(p.ctx, PriceChangeInput{Lines: []PriceLineInput{plate("4000", "11-02", "")}})
	if fe := fieldErrs(t, err).For(FReason); fe == nil || fe.Code != Required {
		t.Fatalf("a change without a reason: %v", err)
	}
	_, _, err = p.e.Desk(p.rep).ProposePriceChange(p.ctx, PriceChangeInput{Reason: "x", Lines: []PriceLineInput{plate("1", "11-02", "")}})
	refused(t, err, RoleNotAllowed)
}

func TestMarketPrices(t *testing.T) {
	p := newPricing(t)
	d := p.e.Desk(p.buyer)
	record := func(src, spec, price, on string) {
		t.Helper()
		_, err := d.RecordMarketPrice(p.ctx, MarketPriceInput{Source: src, Grade: "Q235B", Name: "热轧钢板", Spec: spec, Price: price, On: on})
		p.must(err)
	}
	record("沈阳市场", "20×1500×6000", "4080", "2026-10-30")
	record("shenyang", "20×1500×6000", "4060", "2026-11-01")
	record("沈阳", "20×1500×6000", "4070", "2026-11-01") // a correction the same day: the later one counts
	record("shenyang", "20×1500×6000", "4000", "2026-10-31")
	record("本地经销商", "20×1500×6000", "4150", "11-02")
	record("无锡市场", "16×1500×6000", "3990", "2026-11-02") // another spec only
	rows, err := p.e.Desk(p.clerk).LatestMarketPrices(p.ctx, "Q235B", "热轧钢板", "20x1500x6000")
	p.must(err)
	var got []string
	for _, m := range rows {
		got = append(got, fmt.Sprintf("%s:%s:%s:%v", m.Source, m.Price.Plain(), m.On, m.ByName))
	}
	if want := "[local:4150.00:2026-11-02:false shenyang:4070.00:2026-11-01:false wuxi:3990.00:2026-11-02:true]"; fmt.Sprint(got) != want {
		t.Fatalf("latest %v, want %s", got, want)
	}
	hist, err := d.MarketPriceHistory(p.ctx, "shenyang", "Q235B", "20×1500×6000", 10)
	p.must(err)
	if len(hist) != 4 || hist[0].Price != 407000 || hist[3].On != "2026-10-30" || hist[0].By != "sun" {
		t.Fatalf("history %+v", hist)
	}
	for _, tc := range []struct {
		in    MarketPriceInput
		field string
		code  FieldCode
	}{
		{MarketPriceInput{Source: "上海", Grade: "Q235B", Price: "1"}, FSource, InvalidChoice},
		{MarketPriceInput{Source: "wuxi", Grade: "Q235B", Price: "1", On: "2026-11-03"}, FOn, DateInFuture},
		{MarketPriceInput{Source: "wuxi", Grade: "Q235B", Price: "1", On: "11/31"}, FOn, InvalidDate},
		{MarketPriceInput{Source: "wuxi", Grade: "Q235B", Price: "4,0.5.0"}, FPrice, NotANumber},
		{MarketPriceInput{Source: "wuxi", Grade: "Q235B", Price: "4050.505"}, FPrice, TooManyPlaces},
		{MarketPriceInput{Source: "wuxi", Grade: "Q235B"}, FPrice, Required},
		{MarketPriceInput{Source: "wuxi", Price: "1"}, FGrade, Required},
	} {
		_, err := d.RecordMarketPrice(p.ctx, tc.in)
		if fe := fieldErrs(t, err).For(tc.field); fe == nil || fe.Code != tc.code {
			t.Errorf("%+v: want %s %s, got %v", tc.in, tc.field, tc.code, err)
		}
	}
	_, err = p.e.Desk(p.rep).RecordMarketPrice(p.ctx, MarketPriceInput{Source: "wuxi", Grade: "Q235B", Price: "1"})
	refused(t, err, RoleNotAllowed)
}

// TestPriceContext: what the pricing screen shows beside a line.
func TestPriceContext(t *testing.T) {
	p := newPricing(t)
	d := p.e.Desk(p.clerk)
	p.approvePrices(p.clerk, p.boss, plate("4000", "2026-11-02", ""), plate("4300", "2026-12-01", ""))
	for _, m := range []MarketPriceInput{
		{Source: "local", Grade: "Q235B", Name: "热轧钢板", Spec: "20×1500×6000", Price: "4110", On: "2026-11-01"},
		{Source: "wuxi", Grade: "Q235B", Name: "热轧钢板", Spec: "20×1500×6000", Price: "3980", On: "2026-10-28"},
	} {
		_, err := d.RecordMarketPrice(p.ctx, m)
		p.must(err)
	}
	ctxOf := func(u store.User, cust int64) PriceContext {
		t.Helper()
		pc, err := p.e.Desk(u).PriceContext(p.ctx, cust, "q235b", "热轧钢板", "20x1500x6000")
		p.must(err)
		return pc
	}
	pc := ctxOf(p.clerk, p.cust)
	if pc.List == nil || pc.List.Price != 400000 || pc.LastQuoted != nil || pc.LastSold != nil || len(pc.Market) != 2 || pc.Day != "2026-11-02" {
		t.Fatalf("before any quote: %+v", pc)
	}
	plateLine := line("Q235B", "热轧钢板", "20×1500×6000", "10", "t")
	// Quoted and won at 4,050; quoted later at 4,080 and lost; a draft at
	// 3,000 and another customer's quote at 3,500 do not count.
	won := p.quote(p.clerk, p.cust, []string{"4050"}, plateLine)
	if l := p.quoteDetail(p.clerk, won).Quote.Lines[0]; l.Source != store.SourceManual {
		t.Fatalf("%+v", l)
	}
	p.sent(won, p.clerk, p.boss)
	p.must(d.Act(p.ctx, won, ActionWin, ""))
	lost := p.quote(p.clerk, p.cust, []string{"4080"}, plateLine)
	p.sent(lost, p.clerk, p.boss)
	p.must(d.Act(p.ctx, lost, ActionLose, "贵了"))
	p.quote(p.clerk, p.cust, []string{"3000"}, plateLine)
	other := p.quote(p.clerk, p.cust2, []string{"3500"}, plateLine)
	p.sent(other, p.clerk, p.boss)
	p.must(d.Act(p.ctx, other, ActionWin, ""))

	pc = ctxOf(p.clerk, p.cust)
	if pc.LastQuoted == nil || pc.LastQuoted.Price != 408000 || pc.LastQuoted.QuoteDocID != lost || pc.LastQuoted.Ref == "" {
		t.Fatalf("last quoted %+v", pc.LastQuoted)
	}
	if pc.LastSold == nil || pc.LastSold.Price != 405000 || pc.LastSold.QuoteDocID != won {
		t.Fatalf("last sold %+v", pc.LastSold)
	}
	// A new quote's line is priced from the list, and its context is the
	// same through the line.
	q := p.quote(p.clerk, p.cust, nil, plateLine)
	qd := p.quoteDetail(p.clerk, q)
	if l := qd.Quote.Lines[0]; l.Price != 400000 || l.Source != store.SourceList {
		t.Fatalf("prefilled %+v", l)
	}
	lc, err := d.LinePriceContext(p.ctx, qd.Quote.Lines[0].ID)
	p.must(err)
	if lc.LastQuoted.Price != 408000 || lc.List.Price != 400000 || len(lc.Market) != 2 {
		t.Fatalf("line context %+v", lc)
	}
	// December: the new list price.
	p.at(time.Date(2026, 11, 30, 16, 0, 0, 0, time.UTC))
	if pc := ctxOf(p.clerk, p.cust); pc.List.Price != 430000 || pc.Day != "2026-12-01" {
		t.Fatalf("in December: %+v", pc.List)
	}
	// Another rep sees the list and the market, not this customer's prices.
	if pc := ctxOf(p.rep2, p.cust); !pc.CustomerHidden || pc.LastQuoted != nil || pc.LastSold != nil || pc.List == nil {
		t.Fatalf("another rep: %+v", pc)
	}
	if pc := ctxOf(p.rep, p.cust); pc.CustomerHidden || pc.LastSold == nil {
		t.Fatalf("the customer's rep: %+v", pc)
	}
	if _, err := p.e.Desk(p.wh).PriceContext(p.ctx, p.cust, "Q235B", "", "20×1500×6000"); err == nil {
		t.Fatal("the warehouse saw prices")
	}
}

// TestPricingVisibility: the warehouse sees no prices; a sales rep sees
// only their own customers' and may not price another's.
func TestPricingVisibility(t *testing.T) {
	p := newPricing(t)
	q := p.quote(p.clerk, p.cust, []string{"4120"}, line("Q235B", "热轧钢板", "20×1500×6000", "10", "t"))
	for _, tc := range []struct {
		who    store.User
		hidden bool
	}{
		{p.clerk2, false}, {p.boss, false}, {p.rep, false}, {p.rep2, true}, {p.wh, true}, {p.buyer, true},
	} {
		qd := p.quoteDetail(tc.who, q)
		if qd.MoneyHidden != tc.hidden || (tc.hidden && (qd.Total != 0 || qd.Quote.Lines[0].Price != 0 || qd.Quote.Lines[0].Amount != 0)) ||
			(!tc.hidden && qd.Total != 4120000) {
			t.Errorf("%s: hidden %v total %d", tc.who.Login, qd.MoneyHidden, qd.Total)
		}
		rows, err := p.e.Desk(tc.who).Quotes(p.ctx, store.DocFilter{}, store.Page{})
		p.must(err)
		if rows[0].MoneyHidden != tc.hidden || (tc.hidden && rows[0].Total != 0) {
			t.Errorf("%s: listed %+v", tc.who.Login, rows[0])
		}
	}
	if _, err := p.e.Desk(p.wh).PriceList(p.ctx, "", store.Page{}); err == nil {
		t.Error("the warehouse saw the price list")
	}
	if _, err := p.e.Desk(p.buyer).PriceList(p.ctx, "", store.Page{}); err != nil {
		t.Errorf("purchasing: %v", err)
	}
	// rep2 may not take an inquiry for, quote or price rep's customer.
	in, _ := p.e.Desk(p.rep2).NewInquiryInput(p.ctx, p.cust)
	in.Lines = []LineInput{line("Q235B", "热轧钢板", "20×1500×6000", "1", "t")}
	_, _, err := p.e.Desk(p.rep2).CreateInquiry(p.ctx, in)
	refused(t, err, NotYourCustomer)
	inq := p.inquiry(p.rep, p.cust, line("Q235B", "热轧钢板", "20×1500×6000", "1", "t"))
	_, err = p.e.Desk(p.rep2).CreateQuote(p.ctx, inq)
	refused(t, err, NotYourCustomer)
	qd := p.quoteDetail(p.clerk, q)
	refused(t, p.e.Desk(p.rep2).PriceLine(p.ctx, q, qd.Version, qd.Quote.Lines[0].ID, "1"), NotYourCustomer)
	p.must(p.e.Desk(p.rep).PriceLine(p.ctx, q, qd.Version, qd.Quote.Lines[0].ID, "4100"))
	// A quote waits in the supervisor's inbox, not a clerk's.
	p.must(p.e.Desk(p.clerk).SubmitQuote(p.ctx, q, 0))
	for _, tc := range []struct {
		who  store.User
		want int
	}{{p.boss, 1}, {p.adminBoss, 1}, {p.clerk2, 0}, {p.buyer, 0}} {
		items, err := p.e.Desk(tc.who).Inbox(p.ctx)
		p.must(err)
		n := 0
		for _, it := range items {
			if it.Kind == store.QuoteKind {
				n++
			}
		}
		if n != tc.want {
			t.Errorf("%s's inbox holds %d quotes, want %d", tc.who.Login, n, tc.want)
		}
	}
}
