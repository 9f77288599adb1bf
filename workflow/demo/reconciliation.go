package demo

import (
	"context"
	"errors"
	"time"

	"orderdesk/store"
	"orderdesk/workflow"
)

// reconciliations closes the two months before today's as the desk
// would: the clerk starts each month, notes a difference against
// finance's books in the latest, sends it; finance signs it off on the
// first working morning after. Statements go to four customers of the
// latest month: one confirmed, one disputed, one received, one waiting.
// Then, as of today, one invoice at each rung of the collections ladder
// is dealt with (the rep reminded, an unpaid report, an overdue letter)
// and the others are left as tasks. Everything goes through the desk's
// rules, at the store's clock set to the day it happens.
func (g *gen) reconciliations(ctx context.Context, eng *workflow.Engine, t team, sum *Summary) error {
	if len(t.clerks) == 0 {
		return nil
	}
	st := eng.Store()
	saved := st.Now
	defer func() { st.Now = saved }()
	at := func(tm time.Time) {
		if tm.After(g.today) { // never later than the demo's today
			tm = g.today
		}
		st.Now = func() time.Time { return tm }
	}
	clerk, fin := eng.Desk(t.clerks[0]), eng.Desk(t.finance)
	first := time.Date(g.today.Year(), g.today.Month(), 1, 0, 0, 0, 0, time.UTC)
	for back := 2; back >= 1; back-- {
		month := first.AddDate(0, -back, 0)
		m := month.Format("2006-01")
		closeDay := month.AddDate(0, 1, 0) // the first of the next month
		at(closeDay.Add(2 * time.Hour))
		v, err := clerk.MonthReconciliation(ctx, m)
		if err != nil {
			return err
		}
		if len(v.Rows) == 0 || v.Doc != nil {
			continue
		}
		if _, err := clerk.StartReconciliation(ctx, m); err != nil {
			return err
		}
		if back == 1 {
			r := v.Rows[0]
			if _, err := clerk.AddDifference(ctx, m, workflow.DifferenceInput{CustomerID: r.CustomerID, Field: "received",
				Finance: (r.Received + 50000).Plain(), Note: "客户承兑汇票月底到账,财务当月入账,内勤次月记账"}); err != nil {
				return err
			}
		}
		if err := clerk.SubmitReconciliation(ctx, m); err != nil {
			return err
		}
		at(closeDay.Add(5 * time.Hour))
		v, err = fin.MonthReconciliation(ctx, m)
		if err != nil {
			return err
		}
		if err := fin.SignOffMonth(ctx, m, v.Doc.Version); err != nil {
			return err
		}
		sum.MonthsSignedOff++
		if back != 1 {
			continue
		}
		at(closeDay.Add(26 * time.Hour))
		replies := [][]workflow.ReplyInput{
			{{Kind: store.ReplyReceived}, {Kind: store.ReplyConfirmed}},
			{{Kind: store.ReplyReceived}, {Kind: store.ReplyDisputed, Disputed: "1000", Note: "我方11月28日电汇1,000元未列入"}},
			{{Kind: store.ReplyReceived}},
			nil,
		}
		for i, r := range v.Rows {
			if i == len(replies) {
				break
			}
			s, err := clerk.IssueStatement(ctx, r.CustomerID, m)
			if err != nil {
				return err
			}
			sum.Statements++
			for _, in := range replies[i] {
				if err := clerk.RecordStatementReply(ctx, s.ID, in); err != nil {
					return err
				}
			}
		}
	}
	return g.collections(ctx, eng, t, at)
}

// collections deals with the first open invoice of each rung as of
// today; the rest stay in the desk's and the reps' task lists.
func (g *gen) collections(ctx context.Context, eng *workflow.Engine, t team, at func(time.Time)) error {
	at(g.today)
	clerk := eng.Desk(t.clerks[0])
	c, err := clerk.Collections(ctx, "")
	if err != nil {
		return err
	}
	done := map[workflow.Task]bool{}
	for _, x := range c.Items {
		if x.Task == workflow.TaskNone || done[x.Task] {
			continue
		}
		done[x.Task] = true
		switch x.Task {
		case workflow.TaskRemind:
			err = clerk.RemindRep(ctx, x.InvoiceID, "电话提醒")
		case workflow.TaskReport:
			rep := eng.Desk(t.supervisor)
			for _, r := range t.reps {
				if r.ID == x.RepID {
					rep = eng.Desk(r)
				}
			}
			_, err = rep.FileUnpaidReport(ctx, x.InvoiceID, workflow.UnpaidInput{Reason: "客户资金周转紧张,月底前付款",
				Promised: g.today.AddDate(0, 0, 10).Format("2006-01-02"), Action: "每周电话跟进,月底上门"})
		case workflow.TaskLetter:
			_, err = clerk.SendOverdueLetter(ctx, x.CustomerID, "")
		}
		var r *workflow.Refusal
		if errors.As(err, &r) {
			err = nil // a rung the desk may not act on now: leave it as a task
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// lateInvoices writes n orders of the late-paying monthly customers over
// the last five months, shipped, invoiced and paid late (invoicedOrder),
// so the collections ladder has invoices on every rung without the two
// years of InvoiceVolume.
func (g *gen) lateInvoices(ctx context.Context, eng *workflow.Engine, t team, ids []int64, n int, sum *Summary) error {
	if n == 0 {
		return nil
	}
	var late []int64
	var products []store.Product
	err := eng.Store().Read(ctx, func(tx *store.Tx) error {
		for _, id := range ids {
			if !latePayer(id) {
				continue
			}
			c, err := tx.Customer(ctx, id)
			if err != nil {
				return err
			}
			if c.PaymentTerms == store.TermsMonthly {
				late = append(late, id)
			}
		}
		var err error
		products, err = allProducts(ctx, tx)
		return err
	})
	if err != nil || len(late) == 0 || len(products) == 0 {
		return err
	}
	return eng.Store().Write(ctx, func(tx *store.Tx) error {
		// A database that held invoices before this run gets no more:
		// invoice numbers restart with each run's count.
		rows, err := tx.InvoiceRows(ctx, store.InvoiceFilter{Limit: 5000})
		if err != nil || len(rows) > sum.Invoices {
			return err
		}
		for k := 0; k < n; k++ {
			start := g.today.AddDate(0, 0, -150+120*k/max(n, 1))
			if err := g.invoicedOrder(ctx, eng, tx, t, late, products, start, sum); err != nil {
				return err
			}
		}
		return nil
	})
}
