package demo

import (
	"context"
	"time"

	"orderdesk/store"
	"orderdesk/workflow"
)

// credits writes up to n allowances (红字发票, no goods back) today
// against invoices issued and still open, taken in turn to finance's
// issue, left with finance, and left waiting for the check, so each place
// a credit shows has one. Credits of returned goods are drafted from the
// received returns (returns.go): a credit of goods is of goods that came
// back.
func (g *gen) credits(ctx context.Context, eng *workflow.Engine, t team, n int, sum *Summary) error {
	if n == 0 || len(t.clerks) == 0 {
		return nil
	}
	st := eng.Store()
	was := st.Now
	defer func() { st.Now = was }()
	when := g.at(0, 9)
	st.Now = func() time.Time { when = when.Add(time.Second); return when }
	clerk, boss, fin := eng.Desk(t.clerks[0]), eng.Desk(t.supervisor), eng.Desk(t.finance)
	open, err := fin.Invoices(ctx, store.InvoiceFilter{OpenOnly: true, ByDue: true, Limit: 5 * n})
	if err != nil {
		return err
	}
	for i := 0; i < n && i < len(open); i++ {
		in, b, err := clerk.NewCreditInput(ctx, open[len(open)-1-i].DocID)
		if err != nil {
			return err
		}
		in.Reason, in.Amount = pick(g, allowanceReasons), min(b.Left, store.Money(100000*(1+g.rng.IntN(20)))).Plain()
		id, err := clerk.CreateCredit(ctx, in)
		if err != nil {
			return err
		}
		sum.Credits++
		if err := clerk.SubmitCredit(ctx, id, 0); err != nil {
			return err
		}
		if i%3 == 2 {
			continue // waits for the check
		}
		if err := boss.CheckCredit(ctx, id, 0); err != nil {
			return err
		}
		if i%3 == 1 {
			continue // waits for finance
		}
		no := workflow.DigitalInvoiceNo(g.today.Format("2006-01-02"), id) // numbered as the demo's invoices: by day and document
		if err := fin.IssueCredit(ctx, id, 0, workflow.IssueInput{InvoiceNo: no}); err != nil {
			return err
		}
	}
	return nil
}

var allowanceReasons = []string{"表面锈蚀,协商折让", "交货延期,按合同折让", "尺寸偏差在允许范围内,客户要求让价"}
