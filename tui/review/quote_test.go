package review_test

import (
	"context"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"orderdesk/store"
	"orderdesk/tui/tuitest"
	"orderdesk/workflow"
)

// TestSupervisorReadsTheQuoteItSignsOff: a quote opened from the inbox
// shows its customer, terms, lines with prices and total, not only its
// number and history.
func TestSupervisorReadsTheQuoteItSignsOff(t *testing.T) {
	f := tuitest.New(t)
	ctx := context.Background()
	f.Store.Now = func() time.Time { return tuitest.Clock }
	d := f.Engine.Desk(f.Clerk)
	cust, _, err := d.CreateCustomer(ctx, workflow.CustomerInput{Name: "鞍山恒达重工机械有限公司", PaymentTerms: store.TermsPrepaid})
	if err != nil {
		t.Fatal(err)
	}
	in, err := d.NewInquiryInput(ctx, cust)
	if err != nil {
		t.Fatal(err)
	}
	in.Lines = []workflow.LineInput{{Grade: "Q235B", Name: "热轧钢板", Spec: "20×1500×6000", Quantity: "36.5", Unit: "t"}}
	inq, _, err := d.CreateInquiry(ctx, in)
	if err != nil {
		t.Fatal(err)
	}
	quote, err := d.CreateQuote(ctx, inq)
	if err != nil {
		t.Fatal(err)
	}
	q, err := d.Quote(ctx, quote)
	if err != nil {
		t.Fatal(err)
	}
	if err := d.PriceLine(ctx, quote, q.Version, q.Quote.Lines[0].ID, "4100"); err != nil {
		t.Fatal(err)
	}
	q, _ = d.Quote(ctx, quote)
	if err := d.SubmitQuote(ctx, quote, q.Version); err != nil {
		t.Fatal(err)
	}

	scr := tuitest.Run(t, f.App(f.Supervisor, "zh"))
	scr.Send(key('9'))
	scr.WaitText(t, "报价单", "鞍山恒达重工机械有限公司")
	scr.Send(tea.KeyPressMsg{Code: tea.KeyEnter})
	scr.WaitText(t, "鞍山恒达重工机械有限公司", "先款后货", "Q235B", "热轧钢板", "20×1500×6000", "36.5 吨", "4,100.00", "149,650.00", "合计", "¥149,650.00")
	scr.Quit(t)
}
