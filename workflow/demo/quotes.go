package demo

import (
	"context"
	"sort"
	"time"

	"orderdesk/store"
	"orderdesk/workflow"
)

// fate is where a demo inquiry ends up.
type fate int

const (
	fateNew       fate = iota // not answered yet: its age shows
	fateQuoting               // a draft quote, maybe waiting for purchasing
	fateSubmitted             // waiting for the supervisor's sign-off
	fateSent                  // waiting for the customer
	fateWon
	fateLost
	fateExpired
	fateRevisedSent // the customer's feedback led to a second version, sent
	fateRevisedWon
)

// fateShares are the percentages of each fate, in order.
var fateShares = []int{15, 10, 10, 25, 15, 12, 5, 4, 4}

func (g *gen) fate() fate {
	n := g.rng.IntN(100)
	for i, share := range fateShares {
		if n < share {
			return fate(i)
		}
		n -= share
	}
	return fateSent
}

// lostReasons are what the desk writes when a quote is lost.
var lostReasons = []string{"客户选择本地经销商,价格低约2%", "交期无法满足", "客户项目推迟", "付款方式谈不拢", "客户改用其他规格"}

// unknownGrades are grades a customer asks for that the catalogue lacks:
// their lines are flagged and priced by purchasing.
var unknownGrades = []string{"Q390C", "Q460D", "NM400", "SS400"}

// inquiries writes opts.Inquiries inquiries over the last thirty days,
// each taken as far along its fate as the time since allows, through the
// engine's checks like the desk itself.
func (g *gen) inquiries(ctx context.Context, eng *workflow.Engine, tx *store.Tx, t team, customers []int64, products []store.Product,
	list map[int64]store.Money, opts Options, sum *Summary) error {
	if len(customers) == 0 || len(products) == 0 {
		return nil
	}
	starts := make([]time.Time, opts.Inquiries)
	for i := range starts {
		starts[i] = g.at(g.rng.IntN(30), 8+g.rng.Float64()*9)
	}
	sort.Slice(starts, func(i, j int) bool { return starts[i].Before(starts[j]) })
	for i, start := range starts {
		clerk := t.clerks[i%len(t.clerks)]
		if err := g.inquiry(ctx, eng, tx, t, clerk, pick(g, customers), products, list, start, sum); err != nil {
			return err
		}
	}
	return nil
}

func (g *gen) inquiry(ctx context.Context, eng *workflow.Engine, tx *store.Tx, t team, clerk store.User, customer int64,
	products []store.Product, list map[int64]store.Money, start time.Time, sum *Summary) error {
	now := g.today
	c, err := tx.Customer(ctx, customer)
	if err != nil {
		return err
	}
	in := store.Inquiry{CustomerID: customer, PaymentTerms: c.PaymentTerms, TermsDays: c.TermsDays, Contact: c.Contact}
	for n := 1 + g.rng.IntN(4); n > 0; n-- {
		in.Lines = append(in.Lines, g.inquiryLine(products, start))
	}
	tx.Now = start
	inqID, _, err := tx.CreateInquiry(ctx, clerk.ID, workflow.Inquiry.Initial(), in)
	if err != nil {
		return err
	}
	sum.Inquiries++
	f := g.fate()
	// Each step comes some hours after the last; a step that would come
	// after now does not happen yet.
	step := start
	next := func(hours float64) bool {
		step = step.Add(time.Duration(hours * float64(time.Hour)))
		tx.Now = step
		return step.Before(now)
	}
	if f == fateNew || !next(1) {
		return nil
	}
	lines, err := tx.InquiryLines(ctx, inqID, false)
	if err != nil {
		return err
	}
	// Unknown products go to purchasing, who answers within hours
	// (except for some quotes still being drafted).
	answered := map[int64]store.Money{}
	for _, l := range lines {
		if !l.Unknown {
			continue
		}
		req, _, err := tx.CreatePriceRequest(ctx, clerk.ID, workflow.PriceRequest.Initial(), store.PriceRequest{CustomerID: customer,
			InquiryLineID: l.ID, Grade: l.Grade, Name: l.Name, Spec: l.Spec, Qty: l.Qty, Unit: l.Unit, Note: "目录外规格,请采购报价"})
		if err != nil {
			return err
		}
		sum.PriceRequests++
		if f == fateQuoting && g.chance(50) {
			continue
		}
		price := store.Money((5200 + g.rng.IntN(800)) / 10 * 1000)
		if err := tx.AnswerPriceRequest(ctx, t.purchasing.ID, req, price, "现货,三天可到"); err != nil {
			return err
		}
		if err := eng.ApplyIn(ctx, tx, t.purchasing, req, workflow.ActionAnswer, ""); err != nil {
			return err
		}
		answered[l.ID] = price
	}
	if !next(2) {
		return nil
	}
	q := store.Quote{InquiryID: inqID, CustomerID: customer, PaymentTerms: in.PaymentTerms, TermsDays: in.TermsDays,
		ValidityDays: workflow.DefaultValidityDays}
	for _, l := range lines {
		ql := store.QuoteLine{InquiryLineID: l.ID, Grade: l.Grade, Name: l.Name, Spec: l.Spec, Qty: l.Qty, Unit: l.Unit,
			WantedOn: l.WantedOn, Requirements: l.Requirements, ProductID: l.ProductID, Unknown: l.Unknown}
		if p, ok := answered[l.ID]; ok {
			ql.SetPrice(p, true, store.SourceRequest)
		} else if p, ok := list[l.ProductID]; ok {
			ql.SetPrice(g.jiggle(p, 2, l.Unit), true, store.SourceManual)
		}
		q.Lines = append(q.Lines, ql)
	}
	quoteID, _, err := tx.CreateQuote(ctx, clerk.ID, workflow.Quote.Initial(), q)
	if err != nil {
		return err
	}
	sum.Quotes++
	if err := eng.StartQuoteIn(ctx, tx, clerk, inqID); err != nil {
		return err
	}
	if f == fateQuoting || !next(2) {
		return nil
	}
	send := func(id int64) (bool, error) {
		if err := eng.ApplyIn(ctx, tx, clerk, id, workflow.ActionSubmit, ""); err != nil {
			return false, err
		}
		if f == fateSubmitted || !next(2) {
			return false, nil
		}
		if err := eng.ApplyIn(ctx, tx, t.supervisor, id, workflow.ActionApprove, ""); err != nil {
			return false, err
		}
		if !next(1) {
			return false, nil
		}
		return true, eng.ApplyIn(ctx, tx, clerk, id, workflow.ActionMarkSent, "")
	}
	if ok, err := send(quoteID); !ok || err != nil || f == fateSent {
		return err
	}
	if !next(24 + g.rng.Float64()*72) {
		return nil
	}
	if f == fateRevisedSent || f == fateRevisedWon {
		if err := eng.ApplyIn(ctx, tx, clerk, quoteID, workflow.ActionRevise, ""); err != nil {
			return err
		}
		if quoteID, err = tx.QuoteRevisedBy(ctx, quoteID); err != nil {
			return err
		}
		sum.Revisions++
		rev, err := tx.Quote(ctx, quoteID)
		if err != nil {
			return err
		}
		for _, l := range rev.Lines {
			l.SetPrice(l.Price*985/1000/10*10, true, store.SourceManual) // 1.5% off, to the ten fen
			if err := tx.UpdateQuoteLine(ctx, clerk.ID, l); err != nil {
				return err
			}
		}
		if ok, err := send(quoteID); !ok || err != nil || f == fateRevisedSent {
			return err
		}
		if !next(24 + g.rng.Float64()*48) {
			return nil
		}
	}
	switch f {
	case fateWon, fateRevisedWon:
		sum.Won++
		return eng.ApplyIn(ctx, tx, clerk, quoteID, workflow.ActionWin, "")
	case fateLost:
		sum.Lost++
		return eng.ApplyIn(ctx, tx, clerk, quoteID, workflow.ActionLose, pick(g, lostReasons))
	case fateExpired:
		return eng.ApplyIn(ctx, tx, clerk, quoteID, workflow.ActionExpire, "")
	}
	return nil
}

// inquiryLine is one line a customer asks for: a catalogue product, or
// now and then a grade the desk does not stock.
func (g *gen) inquiryLine(products []store.Product, start time.Time) store.InquiryLine {
	p := pick(g, products)
	l := store.InquiryLine{Grade: p.Grade, Name: p.Name, Spec: p.Spec, Unit: p.Unit, ProductID: p.ID,
		WantedOn: start.AddDate(0, 0, 7+g.rng.IntN(24)).Format("2006-01-02")}
	switch p.Unit {
	case "kg":
		l.Qty = store.Milli((100 + g.rng.IntN(1900)) * 1000)
	case "pcs":
		l.Qty = store.Milli((10 + g.rng.IntN(490)) * 1000)
	default:
		l.Qty = store.Milli(1000 + g.rng.IntN(59000)) // 1 to 60 t, to the kilogram
	}
	if g.chance(6) {
		l.Grade, l.Name, l.Spec, l.Unit, l.ProductID, l.Unknown = pick(g, unknownGrades), "热轧钢板", "20×2000×8000", "t", 0, true
		l.Qty = store.Milli(1000 + g.rng.IntN(30000))
	}
	if g.chance(15) {
		l.Requirements = pick(g, []string{"需附材质书", "定尺切割", "表面无锈", "分两批交货"})
	}
	return l
}

// pricing writes the price list, market prices and the inquiries with
// their quotes in one transaction, each record at its simulated moment.
func (g *gen) pricing(ctx context.Context, eng *workflow.Engine, t team, customers []int64, opts Options, sum *Summary) error {
	return eng.Store().Write(ctx, func(tx *store.Tx) error {
		products, err := allProducts(ctx, tx)
		if err != nil || len(products) == 0 {
			return err
		}
		days := max(opts.MarketDays, 30)
		list, err := g.priceList(ctx, eng, tx, t, products, days, sum)
		if err != nil {
			return err
		}
		if err := g.marketPrices(ctx, tx, t, products, list, opts.MarketDays, sum); err != nil {
			return err
		}
		return g.inquiries(ctx, eng, tx, t, customers, products, list, opts, sum)
	})
}
