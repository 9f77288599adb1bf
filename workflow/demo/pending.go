package demo

import (
	"context"
	"strconv"

	"orderdesk/store"
	"orderdesk/workflow"
)

// sendBackComment is what finance writes when it sends a request back.
const sendBackComment = "请补充近三个月回款记录后重新提交"

// pendingTerms leaves work in the review inbox: clerks ask, through the
// desk exactly as at the screen, for monthly terms for prepaid customers
// or more credit for monthly ones. opts.Pending stay waiting; opts.SentBack
// more are sent back by finance with a comment.
func (g *gen) pendingTerms(ctx context.Context, eng *workflow.Engine, t team, ids []int64, opts Options, sum *Summary) error {
	want := min(opts.Pending+opts.SentBack, len(ids))
	seen := map[int64]bool{}
	for i := 0; i < want; i++ {
		id := ids[g.rng.IntN(len(ids))]
		for seen[id] {
			id = ids[g.rng.IntN(len(ids))]
		}
		seen[id] = true
		clerk := t.clerks[i%len(t.clerks)]
		doc, err := g.requestTerms(ctx, eng.Desk(clerk), id)
		if err != nil {
			return err
		}
		if i >= opts.Pending {
			if err := eng.Desk(t.finance).Act(ctx, doc, workflow.ActionSendBack, sendBackComment); err != nil {
				return err
			}
			sum.SentBack++
			continue
		}
		sum.Pending++
	}
	return nil
}

// requestTerms asks for monthly terms (prepaid customer) or the next
// credit step (monthly customer) and returns the terms change's id.
func (g *gen) requestTerms(ctx context.Context, d *workflow.Desk, id int64) (int64, error) {
	f, err := d.CustomerFile(ctx, id)
	if err != nil {
		return 0, err
	}
	in := workflow.InputFromCustomer(f.Customer)
	if f.PaymentTerms == store.TermsPrepaid {
		in.PaymentTerms, in.TermsDays = store.TermsMonthly, "30"
		in.CreditLimit = strconv.FormatInt(pick(g, creditSteps[:4]), 10)
		in.TermsWhy = termsReasons[g.rng.IntN(2)]
	} else {
		in.CreditLimit = nextCredit(f.CreditLimit)
		in.TermsWhy = termsReasons[2]
	}
	return d.UpdateCustomer(ctx, f.Customer, in)
}

// nextCredit is the next step above a credit limit, in yuan.
func nextCredit(now store.Money) string {
	for _, step := range creditSteps {
		if store.Money(step*100) > now {
			return strconv.FormatInt(step, 10)
		}
	}
	return strconv.FormatInt(int64(now)/100*2, 10)
}
