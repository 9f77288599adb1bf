package demo

import (
	"context"
	"errors"
	"time"

	"orderdesk/store"
	"orderdesk/workflow"
)

// goodsBackReasons are why goods come back.
var goodsBackReasons = []string{"表面锈蚀,客户拒收", "规格发错,要 20 厚的", "运输途中压弯", "多发了,拉回"}

// returnStep is how far a demo return got.
type returnStep int

const (
	returnDrafted   returnStep = iota // typed, not yet submitted
	returnSubmitted                   // waiting for the second person's check
	returnChecked                     // waiting for the warehouse
	returnReceived                    // the goods are back; the books followed
	returnExchanged                   // received, and the exchange's note drafted
	returnVoided                      // voided with the reason
	returnSteps
)

// returns records n returns (退货单) against notes that left, the day
// after each left, in every state, through the workflow as the desk
// would: a clerk drafts, the supervisor checks, the warehouse receives;
// a note someone complained about is returned first, linked to the
// complaint.
func (g *gen) returns(ctx context.Context, eng *workflow.Engine, t team, n int, sum *Summary) error {
	if n == 0 || len(t.clerks) == 0 {
		return nil
	}
	boss := eng.Desk(t.supervisor)
	left, err := boss.Deliveries(ctx, []string{"in_transit", "delivered"}, store.Page{Limit: 200})
	if err != nil {
		return err
	}
	complained := map[string]string{} // note ref → complaint ref
	cs, err := boss.Complaints(ctx, workflow.ComplaintQuery{Limit: 500})
	if err != nil {
		return err
	}
	for _, c := range cs {
		if c.ConcernsKind == store.DeliveryNoteKind {
			complained[c.ConcernsRef] = c.Ref
		}
	}
	// Notes someone complained about first.
	var notes []store.DeliveryRow
	for _, first := range []bool{true, false} {
		for _, r := range left {
			if _, ok := complained[r.Ref]; ok == first {
				notes = append(notes, r)
			}
		}
	}
	st := eng.Store()
	was := st.Now
	defer func() { st.Now = was }()
	var when time.Time
	st.Now = func() time.Time { when = when.Add(time.Second); return when }
	clerk := eng.Desk(t.clerks[0])
	for i := 0; i < n && i < len(notes); i++ {
		r := notes[i]
		dd, err := boss.Delivery(ctx, r.ID)
		if err != nil || dd.Note.Dispatch == nil {
			return err
		}
		leftAt, err := time.ParseInLocation("2006-01-02 15:04", dd.Note.Dispatch.ShippedAt, g.today.Location())
		if err != nil {
			return err
		}
		// The day after it left, but in this month: the months before
		// are signed off, and a return moves the month it is received in.
		month := time.Date(g.today.Year(), g.today.Month(), 1, 0, 0, 0, 0, g.today.Location())
		when = latest(leftAt.Add(24*time.Hour), month.Add(9*time.Hour))
		if when.After(g.today) {
			when = latest(g.today.Add(-time.Minute), leftAt, month)
		}
		in, lines, err := clerk.NewReturnInput(ctx, r.ID)
		if err != nil {
			return err
		}
		if len(lines) == 0 || lines[0].OpenQty() <= 0 {
			continue
		}
		in.Reason, in.Complaint = goodsBackReasons[i%len(goodsBackReasons)], complained[r.Ref]
		in.Lines[0].Quantity = min(lines[0].OpenQty(), store.Milli(1000)).String()
		id, err := clerk.CreateReturn(ctx, in)
		if err != nil {
			return err
		}
		sum.Returns++
		if err := g.workReturn(ctx, eng, t, id, returnStep(i%int(returnSteps)), sum); err != nil {
			return err
		}
	}
	return nil
}

// workReturn takes a drafted return as far as step; goods received back
// that were invoiced get their credits drafted, waiting to be submitted.
func (g *gen) workReturn(ctx context.Context, eng *workflow.Engine, t team, id int64, step returnStep, sum *Summary) error {
	clerk, boss, wh := eng.Desk(t.clerks[0]), eng.Desk(t.supervisor), eng.Desk(t.warehouse)
	if step == returnDrafted {
		return nil
	}
	if step == returnVoided {
		return clerk.VoidReturn(ctx, id, 0, "客户决定不退了")
	}
	if err := clerk.SubmitReturn(ctx, id, 0); err != nil || step == returnSubmitted {
		return err
	}
	if err := boss.CheckReturn(ctx, id, 0); err != nil || step == returnChecked {
		return err
	}
	if err := wh.ReceiveReturn(ctx, id, 0); err != nil {
		return err
	}
	credits, err := clerk.DraftReturnCredit(ctx, id)
	// Not invoiced, or its invoice's money already credited by an
	// allowance (what day the demo runs decides which invoices those
	// are): nothing to credit for the goods.
	var over workflow.FieldErrors
	if err != nil && !errors.Is(err, &workflow.Refusal{Code: workflow.NotInvoiced}) && !errors.As(err, &over) {
		return err
	}
	sum.Credits += len(credits)
	if step == returnReceived {
		return nil
	}
	in, err := clerk.ExchangeInput(ctx, id)
	if err != nil {
		return err
	}
	_, err = clerk.CreateDelivery(ctx, in)
	return err
}

// latest is the latest of ts.
func latest(ts ...time.Time) time.Time {
	out := ts[0]
	for _, t := range ts[1:] {
		if t.After(out) {
			out = t
		}
	}
	return out
}
