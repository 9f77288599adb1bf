package demo

import (
	"context"
	"fmt"
	"hash/fnv"
	"strconv"
	"strings"

	"orderdesk/store"
	"orderdesk/workflow"
)

// mnemonicMax is the length at which workflow.Mnemonic stops.
const mnemonicMax = 20

// prospect is one generated customer before it is written: the form as a
// clerk would fill it, who owns it, and what they buy (for visit notes).
type prospect struct {
	in    workflow.CustomerInput
	buys  []string
	after bool // an after-sales customer
}

// companyName makes a full legal name and a short name, avoiding names
// already given where it can (a few retries; past that, duplicates are
// as real as anything else in a customer file).
func (g *gen) companyName(c city, tr trade) (name, short, mnemonic string) {
	var brand, suffix string
	for try := 0; try < 8; try++ {
		first, second := pick(g, brandChars), pick(g, brandChars)
		for second == first {
			second = pick(g, brandChars)
		}
		brand, suffix = first+second, pick(g, suffixes)
		short = c.name + brand
		name = short + tr.word + suffix
		if !g.names[name] {
			break
		}
	}
	g.names[name] = true
	return name, short, g.mnemonic(c.name, brand, tr.word, suffix)
}

// mnemonic is workflow.Mnemonic of the parts joined, built from each
// part's: the 助记码 takes one letter per character, so it splits at any
// character boundary, and pinyin lookups are a tenth of the time a
// 100,000-customer database takes.
func (g *gen) mnemonic(parts ...string) string {
	var out string
	for _, p := range parts {
		m, ok := g.initials[p]
		if !ok {
			m = workflow.Mnemonic(p)
			g.initials[p] = m
		}
		out += m
	}
	if len(out) > mnemonicMax {
		out = out[:mnemonicMax]
	}
	return out
}

func (g *gen) digits(n int) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		b.WriteByte(byte('0' + g.rng.IntN(10)))
	}
	return b.String()
}

// landline is a number in the city's area: 024-2xxxxxxx, 0412-5xxxxxx.
func (g *gen) landline(c city) string {
	return c.area + "-" + strconv.Itoa(2+g.rng.IntN(7)) + g.digits(c.digits-1)
}

func (g *gen) mobile() string { return pick(g, mobilePrefixes) + g.digits(8) }

func (g *gen) person() string {
	if g.chance(40) {
		return pick(g, surnames) + pick(g, titles)
	}
	return pick(g, surnames) + pick(g, givenNames)
}

// prospect makes one customer file; monthly says whether it asks for
// monthly terms.
func (g *gen) prospect(reps []store.User, monthly bool) prospect {
	c := pick(g, cities)
	tr := pick(g, trades)
	name, short, mnemonic := g.companyName(c, tr)
	p := prospect{after: g.chance(5)}
	fams := []int{pick(g, tr.families)}
	if second := pick(g, tr.families); second != fams[0] && g.chance(60) {
		fams = append(fams, second)
	}
	for _, f := range fams {
		p.buys = append(p.buys, g.sample(f))
	}
	produces := pick(g, tr.produces)
	if other := pick(g, tr.produces); other != produces {
		produces += "、" + other
	}
	supplier := pick(g, suppliers)
	if other := pick(g, suppliers); other != supplier && g.chance(50) {
		supplier += "、" + other
	}
	in := workflow.CustomerInput{
		Name: name, ShortName: short, Mnemonic: mnemonic, Province: "辽宁", City: c.name,
		Address:  pick(g, c.districts) + pick(g, streets) + strconv.Itoa(1+g.rng.IntN(300)) + "号",
		Contact:  g.person(),
		Produces: produces, UsualGrades: strings.Join(p.buys, "; "), Suppliers: supplier,
		Category: "sales", RepID: pick(g, reps).ID,
		PaymentTerms: store.TermsPrepaid, TermsDays: "0",
	}
	if p.after {
		in.Category = "after_sales"
	}
	in.Weighing = usualWeighing(p.buys)
	in.Source = sourceOf(name)
	if g.chance(60) {
		in.Phone = g.landline(c)
	} else {
		in.Phone = g.mobile()
	}
	if g.chance(40) {
		in.Fax = g.landline(c)
	}
	if g.chance(15) {
		in.Email = strconv.Itoa(10000000+g.rng.IntN(900000000)) + "@qq.com"
	}
	if monthly {
		in.PaymentTerms = store.TermsMonthly
		in.TermsDays = "30"
		if g.chance(30) {
			in.TermsDays = "60"
		}
		in.CreditLimit = strconv.FormatInt(pick(g, creditSteps), 10)
		in.TermsWhy = pick(g, termsReasons)
	}
	p.in = in
	return p
}

// customers writes opts.Customers customer files in batches. Monthly ones
// get their terms through a terms change made by the clerk who filed the
// customer and approved by a supervisor or finance, in the same
// transaction; the database's triggers check that sign-off like any
// other. It returns the customers' ids in order.
func (g *gen) customers(ctx context.Context, st *store.Store, t team, opts Options, sum *Summary) ([]int64, error) {
	ids := make([]int64, 0, opts.Customers)
	for start := 0; start < opts.Customers; start += batchSize {
		n := min(batchSize, opts.Customers-start)
		batch := make([]prospect, n)
		for i := range batch {
			batch[i] = g.prospect(t.reps, g.chance(opts.MonthlyPercent))
		}
		var written []int64
		var monthly, visits int
		err := st.Write(ctx, func(tx *store.Tx) error {
			written, monthly, visits = written[:0], 0, 0
			for i, p := range batch {
				clerk := t.clerks[(start+i)%len(t.clerks)]
				id, isMonthly, err := createCustomer(ctx, tx, clerk, g.approver(t), p.in)
				if err != nil {
					return err
				}
				written = append(written, id)
				if isMonthly {
					monthly++
				}
				n, err := g.visits(ctx, tx, t, clerk, id, p, opts.VisitPercent)
				if err != nil {
					return err
				}
				visits += n
			}
			return nil
		})
		if err != nil {
			return ids, err
		}
		ids = append(ids, written...)
		sum.Customers += len(written)
		sum.Monthly += monthly
		sum.Visits += visits
		if opts.Progress != nil {
			opts.Progress(sum.Customers, opts.Customers)
		}
	}
	return ids, nil
}

// approver is who signs off a terms change: mostly the supervisor,
// sometimes finance (both may).
func (g *gen) approver(t team) store.User {
	if g.chance(25) {
		return t.finance
	}
	return t.supervisor
}

// createCustomer validates in like the customer form and writes it; terms
// other than prepaid become a terms change that approver signs off.
func createCustomer(ctx context.Context, tx *store.Tx, clerk, approver store.User, in workflow.CustomerInput) (int64, bool, error) {
	c, tc, errs := in.Validate()
	if len(errs) > 0 {
		return 0, false, fmt.Errorf("demo customer %s: %w", in.Name, errs)
	}
	id, _, err := tx.CreateCustomer(ctx, clerk.ID, c)
	if err != nil || tc.NewTerms == store.TermsPrepaid {
		return id, false, err
	}
	tc.CustomerID = id
	doc, err := tx.CreateTermsChange(ctx, clerk.ID, workflow.TermsChange.Initial(), tc, c.Name)
	if err != nil {
		return id, false, err
	}
	return id, true, approve(ctx, tx, approver, doc)
}

// approve signs off a terms change inside tx, with the engine's check;
// the database's triggers then check it again and apply the terms to the
// customer.
func approve(ctx context.Context, tx *store.Tx, approver store.User, docID int64) error {
	doc, err := tx.Document(ctx, docID)
	if err != nil {
		return err
	}
	// The clerk made the document a moment ago in this transaction: the
	// approver cannot have edited it (the trigger checks that anyway).
	tr, err := workflow.Check(workflow.TermsChange, doc, approver, workflow.ActionApprove, "", false)
	if err != nil {
		return err
	}
	return tx.InsertTransition(ctx, store.Transition{
		DocID: docID, Action: tr.Action, From: doc.Status, To: tr.To, ActorID: approver.ID, SignOff: tr.SignOff,
	})
}

// visits records one to three visits, calls or after-sales contacts for
// a share of customers: visits by the owning rep, calls by the clerk.
func (g *gen) visits(ctx context.Context, tx *store.Tx, t team, clerk store.User, id int64, p prospect, percent int) (int, error) {
	if !g.chance(percent) {
		return 0, nil
	}
	n := 1 + g.rng.IntN(3)
	for i := 0; i < n; i++ {
		note := pick(g, visitNotes)
		if p.after && g.chance(50) {
			note = visitNotes[len(visitNotes)-1-g.rng.IntN(2)]
		}
		text := note.text
		if strings.Contains(text, "%s") {
			text = fmt.Sprintf(text, pick(g, p.buys))
		}
		by := clerk.ID
		if note.kind == "visit" {
			by = p.in.RepID
		}
		on := g.today.AddDate(0, 0, -1-g.rng.IntN(365)).Format("2006-01-02")
		if _, err := tx.AddVisit(ctx, by, store.Visit{CustomerID: id, On: on, Kind: note.kind, Notes: text}); err != nil {
			return i, err
		}
	}
	return n, nil
}

// usualWeighing is how a customer buying these usually settles: long
// products (rebar, rounds, angles, H-beams) by theoretical weight (理计),
// anything else by the desk's default (磅计).
func usualWeighing(buys []string) string {
	for _, b := range buys {
		for _, long := range []string{"螺纹钢", "圆钢", "角钢", "H型钢"} {
			if strings.Contains(b, long) {
				return store.WeighingTheoretical
			}
		}
	}
	return ""
}

// sourceOf is where a demo customer came from, read off its name rather
// than drawn, so that the rest of the demo is drawn as before: most from
// a referral, a call or a fair, a few from elsewhere.
func sourceOf(name string) string {
	h := fnv.New32a()
	h.Write([]byte(name))
	weighted := []string{"referral", "referral", "phone", "phone", "exhibition", "exhibition", "website", "investment", "email", "im", workflow.SourceOther}
	return weighted[h.Sum32()%uint32(len(weighted))]
}
