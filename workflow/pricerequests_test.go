package workflow

import (
	"testing"

	"orderdesk/store"
)

// TestPriceRequestFlow: a line without a price goes to purchasing, waits
// in both inboxes, and purchasing's answer fills the line.
func TestPriceRequestFlow(t *testing.T) {
	p := newPricing(t)
	clerk, buyer := p.e.Desk(p.clerk), p.e.Desk(p.buyer)
	q := p.quote(p.clerk, p.cust, nil, line("Q390C", "热轧钢板", "20×1500×6000", "12.5", "t"), line("45#", "圆钢", "Φ50", "2", "t"))
	qd := p.quoteDetail(p.clerk, q)
	l1 := qd.Quote.Lines[0]
	req, err := clerk.RequestQuoteLinePrice(p.ctx, l1.ID, "客户急要")
	p.must(err)
	_, err = clerk.RequestQuoteLinePrice(p.ctx, l1.ID, "")
	refused(t, err, RequestOpen)

	// Waiting on both sides.
	toAnswer, err := buyer.PriceRequestsToAnswer(p.ctx)
	p.must(err)
	if len(toAnswer) != 1 || toAnswer[0].ID != req || toAnswer[0].Grade != "Q390C" || toAnswer[0].Qty != 12500 || toAnswer[0].Customer != "沈阳重型机械有限公司" {
		t.Fatalf("to answer %+v", toAnswer)
	}
	waiting, err := clerk.PriceRequestsWaiting(p.ctx)
	p.must(err)
	if len(waiting) != 1 || waiting[0].ID != req {
		t.Fatalf("waiting %+v", waiting)
	}
	inbox, _ := buyer.Inbox(p.ctx)
	if len(inbox) != 1 || inbox[0].ID != req || inbox[0].Actions[0] != ActionAnswer {
		t.Fatalf("purchasing's inbox %+v", inbox)
	}
	mine, _ := clerk.WaitingOnOthers(p.ctx)
	if len(mine) != 1 || mine[0].ID != req {
		t.Fatalf("the clerk's waiting list %+v", mine)
	}
	if _, err := clerk.PriceRequestsToAnswer(p.ctx); err == nil {
		t.Fatal("a clerk got purchasing's list")
	}

	// Only purchasing answers, with a price.
	refused(t, clerk.AnswerPriceRequest(p.ctx, req, 0, "5200", ""), PurchasingOnly)
	refused(t, p.e.Desk(p.boss).AnswerPriceRequest(p.ctx, req, 0, "5200", ""), PurchasingOnly)
	refused(t, buyer.Act(p.ctx, req, ActionAnswer, ""), AnswerMissing) // no price, no answer
	for _, tc := range []struct {
		price string
		code  FieldCode
	}{{"", Required}, {"5200.123", TooManyPlaces}, {"五千", NotANumber}, {"0", NotPositive}} {
		if fe := fieldErrs(t, buyer.AnswerPriceRequest(p.ctx, req, 0, tc.price, "")).For(FPrice); fe == nil || fe.Code != tc.code {
			t.Errorf("answer %q: %v", tc.price, fe)
		}
	}
	p.must(buyer.AnswerPriceRequest(p.ctx, req, 0, "5,200.50", "鞍钢现货"))
	refused(t, buyer.AnswerPriceRequest(p.ctx, req, 0, "5300", ""), NoSuchTransition)

	l := p.quoteDetail(p.clerk, q).Quote.Lines[0]
	if !l.Priced || l.Price != 520050 || l.Amount != 6500625 || l.Source != store.SourceRequest {
		t.Fatalf("line after the answer: %+v", l)
	}
	dd, _ := clerk.Document(p.ctx, req)
	if dd.Status != "answered" || dd.PriceRequest.Price != 520050 || dd.PriceRequest.AnswerNote != "鞍钢现货" || dd.PriceRequest.AnsweredBy != "sun" {
		t.Fatalf("request %s %+v", dd.Status, dd.PriceRequest)
	}
	if rows, _ := buyer.PriceRequestsToAnswer(p.ctx); len(rows) != 0 {
		t.Fatalf("still to answer: %+v", rows)
	}
	if rows, _ := clerk.PriceRequestsWaiting(p.ctx); len(rows) != 0 {
		t.Fatalf("still waiting: %+v", rows)
	}
	// A priced line needs no request.
	_, err = clerk.RequestQuoteLinePrice(p.ctx, l.ID, "")
	refused(t, err, AlreadyPriced)
	if reqs := p.quoteDetail(p.clerk, q).Requests; len(reqs) != 1 || reqs[0].ID != req {
		t.Fatalf("quote's requests %+v", reqs)
	}
}

// TestPriceRequestFromInquiry: asked before the quote is drafted, the
// answer prices the quote's line when it is.
func TestPriceRequestFromInquiry(t *testing.T) {
	p := newPricing(t)
	inq := p.inquiry(p.clerk, p.cust, line("Q390C", "热轧钢板", "20×1500×6000", "3", "t"))
	det, _ := p.e.Desk(p.clerk).Inquiry(p.ctx, inq)
	req, err := p.e.Desk(p.rep).RequestInquiryLinePrice(p.ctx, det.Inquiry.Lines[0].ID, "")
	p.must(err)
	// A draft quote copied from the line is filled when the answer comes…
	q, err := p.e.Desk(p.clerk).CreateQuote(p.ctx, inq)
	p.must(err)
	if l := p.quoteDetail(p.clerk, q).Quote.Lines[0]; l.Priced {
		t.Fatalf("priced before the answer: %+v", l)
	}
	p.must(p.e.Desk(p.buyer).AnswerPriceRequest(p.ctx, req, 0, "5100", ""))
	if l := p.quoteDetail(p.clerk, q).Quote.Lines[0]; l.Price != 510000 || l.Source != store.SourceRequest {
		t.Fatalf("not filled: %+v", l)
	}
	if det, _ := p.e.Desk(p.clerk).Inquiry(p.ctx, inq); len(det.Requests) != 1 || det.Requests[0].Price != 510000 {
		t.Fatalf("inquiry's requests %+v", det.Requests)
	}
	// …and a quote drafted later takes it too.
	p.must(p.e.Desk(p.clerk).Act(p.ctx, q, ActionWithdraw, ""))
	q2, err := p.e.Desk(p.clerk).CreateQuote(p.ctx, inq)
	p.must(err)
	if l := p.quoteDetail(p.clerk, q2).Quote.Lines[0]; l.Price != 510000 || l.Source != store.SourceRequest {
		t.Fatalf("the later quote: %+v", l)
	}
}

// TestPriceRequestTwoPeople: someone holding both the desk's and
// purchasing's roles cannot answer their own request; the maker may
// withdraw it.
func TestPriceRequestTwoPeople(t *testing.T) {
	p := newPricing(t)
	q := p.quote(p.buyerClerk, p.cust, nil, line("Q390C", "热轧钢板", "20×1500×6000", "3", "t"))
	l := p.quoteDetail(p.buyerClerk, q).Quote.Lines[0]
	req, err := p.e.Desk(p.buyerClerk).RequestQuoteLinePrice(p.ctx, l.ID, "")
	p.must(err)
	refused(t, p.e.Desk(p.buyerClerk).AnswerPriceRequest(p.ctx, req, 0, "5100", ""), MakerCannotSignOff)
	if rows, _ := p.e.Desk(p.buyerClerk).PriceRequestsToAnswer(p.ctx); len(rows) != 0 {
		t.Fatalf("own request offered to answer: %+v", rows)
	}
	refused(t, p.e.Desk(p.buyer).Act(p.ctx, req, ActionWithdraw, ""), RoleNotAllowed)
	p.must(p.e.Desk(p.buyerClerk).Act(p.ctx, req, ActionWithdraw, ""))
	refused(t, p.e.Desk(p.buyer).AnswerPriceRequest(p.ctx, req, 0, "5100", ""), NoSuchTransition)
	// A request for a quote under review (or done) is refused: its lines
	// are all priced and frozen.
	q2 := p.quote(p.clerk, p.cust, []string{"4100"}, line("Q235B", "热轧钢板", "20×1500×6000", "3", "t"))
	p.must(p.e.Desk(p.clerk).SubmitQuote(p.ctx, q2, 0))
	_, err = p.e.Desk(p.clerk).RequestQuoteLinePrice(p.ctx, p.quoteDetail(p.clerk, q2).Quote.Lines[0].ID, "")
	refused(t, err, AlreadyPriced)
}

// TestFlaggedLines: purchasing sees the open inquiries' lines whose
// grade/spec the catalogue does not know.
func TestFlaggedLines(t *testing.T) {
	p := newPricing(t)
	inq := p.inquiry(p.clerk, p.cust, line("Q235B", "热轧钢板", "20×1500×6000", "3", "t"), line("Q390C", "热轧钢板", "20×1500×6000", "1", "t"))
	lines, err := p.e.Desk(p.buyer).FlaggedLines(p.ctx)
	p.must(err)
	if len(lines) != 1 || lines[0].Grade != "Q390C" || lines[0].DocID != inq || lines[0].LineNo != 2 {
		t.Fatalf("flagged %+v", lines)
	}
	p.must(p.e.Desk(p.clerk).Act(p.ctx, inq, ActionLose, "客户取消"))
	if lines, _ := p.e.Desk(p.buyer).FlaggedLines(p.ctx); len(lines) != 0 {
		t.Fatalf("a closed inquiry's lines still flagged: %+v", lines)
	}
}

// TestUpdateInquiry: lines changed, added and taken out; the taken-out
// row stays; a stale form and a quoted inquiry are refused.
func TestUpdateInquiry(t *testing.T) {
	p := newPricing(t)
	d := p.e.Desk(p.clerk)
	inq := p.inquiry(p.clerk, p.cust, line("Q235B", "热轧钢板", "20×1500×6000", "3", "t"), line("45#", "圆钢", "Φ50", "1", "t"))
	det, _ := d.Inquiry(p.ctx, inq)
	in := InputFromInquiry(*det.Inquiry)
	in.Lines[0].Quantity = "4.5"
	in.Lines = append(in.Lines[:1], line("304", "不锈钢板", "2.0×1219×2438", "800", "公斤"))
	_, err := d.UpdateInquiry(p.ctx, inq, det.Version, in)
	p.must(err)
	_, err = d.UpdateInquiry(p.ctx, inq, det.Version, in)
	refused(t, err, StaleStatus)
	det2, _ := d.Inquiry(p.ctx, inq)
	ls := det2.Inquiry.Lines
	if len(ls) != 2 || ls[0].Qty != 4500 || ls[0].LineNo != 1 || ls[1].Grade != "304" || ls[1].LineNo != 3 || ls[1].Unit != "kg" {
		t.Fatalf("lines %+v", ls)
	}
	var all []store.InquiryLine
	p.must(p.st.Read(p.ctx, func(tx *store.Tx) (err error) { all, err = tx.InquiryLines(p.ctx, inq, true); return err }))
	if len(all) != 3 || !all[1].Removed {
		t.Fatalf("the removed line is gone: %+v", all)
	}
	// Once quoted, the inquiry is what the quote answered.
	q, err := d.CreateQuote(p.ctx, inq)
	p.must(err)
	p.price(p.clerk, q, "4100", "28.5")
	p.sent(q, p.clerk, p.boss)
	det3, _ := d.Inquiry(p.ctx, inq)
	_, err = d.UpdateInquiry(p.ctx, inq, det3.Version, InputFromInquiry(*det3.Inquiry))
	refused(t, err, NotEditable)
}

// TestPricingFeed: other sessions hear of every pricing change with its
// kind, including the documents that followed (the inquiry of a quote,
// the quote a price answer filled, the price list an approval changed).
func TestPricingFeed(t *testing.T) {
	p := newPricing(t)
	ch, stop := p.e.Feed().Subscribe()
	defer stop()
	drain := func() map[string]int {
		got := map[string]int{}
		for {
			select {
			case c := <-ch:
				got[c.Kind]++
			default:
				return got
			}
		}
	}
	inq := p.inquiry(p.clerk, p.cust, line("Q390C", "热轧钢板", "20×1500×6000", "3", "t"))
	if got := drain(); got[store.InquiryKind] != 1 {
		t.Fatalf("inquiry: %v", got)
	}
	q, err := p.e.Desk(p.clerk).CreateQuote(p.ctx, inq)
	p.must(err)
	if got := drain(); got[store.QuoteKind] != 1 || got[store.InquiryKind] != 1 {
		t.Fatalf("quote drafted: %v", got)
	}
	req, err := p.e.Desk(p.clerk).RequestQuoteLinePrice(p.ctx, p.quoteDetail(p.clerk, q).Quote.Lines[0].ID, "")
	p.must(err)
	drain()
	p.must(p.e.Desk(p.buyer).AnswerPriceRequest(p.ctx, req, 0, "5000", ""))
	if got := drain(); got[store.PriceRequestKind] != 1 || got[store.QuoteKind] != 1 || got[store.InquiryKind] != 1 {
		t.Fatalf("answered: %v", got)
	}
	p.sent(q, p.clerk, p.boss)
	if got := drain(); got[store.QuoteKind] != 3 || got[store.InquiryKind] != 1 {
		t.Fatalf("submitted, approved, sent: %v", got)
	}
	p.approvePrices(p.clerk, p.boss, plate("4000", "11-03", ""))
	if got := drain(); got[store.PriceChangeKind] != 2 || got[PriceListKind] != 1 {
		t.Fatalf("price change: %v", got)
	}
	_, err = p.e.Desk(p.buyer).RecordMarketPrice(p.ctx, MarketPriceInput{Source: "wuxi", Grade: "Q235B", Price: "3990"})
	p.must(err)
	if got := drain(); got[MarketPriceKind] != 1 {
		t.Fatalf("market price: %v", got)
	}
}
