package pricing_test

import (
	"context"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"orderdesk/tui"
	"orderdesk/tui/common"
	"orderdesk/tui/tuitest"
	"orderdesk/workflow"
)

// TestTeaQuoteDetailGolden keeps the quote detail's layout: Chinese and
// Latin names of every width in aligned columns, exact money, a line
// waiting for purchasing, one not in the catalogue, and the price
// context of the line under the cursor. Regenerate with
// go test ./tui/pricing -run DetailGolden -update.
func TestTeaQuoteDetailGolden(t *testing.T) {
	s := newStory(t)
	ctx := context.Background()
	d := s.Engine.Desk(s.maker)
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	id, _, err := d.ProposePriceChange(ctx, workflow.PriceChangeInput{Reason: "月初调价", Lines: []workflow.PriceLineInput{
		{Grade: "Q235B", Name: "热轧钢板", Spec: "20×1500×6000", Unit: "t", Price: "3800", ValidFrom: "2026-11-26"},
	}})
	must(err)
	must(s.Engine.Desk(s.Supervisor).Act(ctx, id, workflow.ActionApprove, ""))
	for _, m := range []workflow.MarketPriceInput{
		{Source: "本地", Grade: "Q235B", Name: "热轧钢板", Spec: "20×1500×6000", Price: "3760", On: "2026-11-25"},
		{Source: "沈阳", Grade: "Q235B", Name: "热轧钢板", Spec: "20×1500×6000", Price: "3790.5", On: "2026-11-24"},
		{Source: "无锡", Grade: "Q235B", Name: "热轧钢板", Spec: "20×1500×6000", Price: "3725", On: "2026-11-20"},
	} {
		_, err := d.RecordMarketPrice(ctx, m)
		must(err)
	}
	quote := func(lines ...workflow.LineInput) int64 {
		in, err := d.NewInquiryInput(ctx, s.cust)
		must(err)
		in.Lines = lines
		inq, _, err := d.CreateInquiry(ctx, in)
		must(err)
		q, err := d.CreateQuote(ctx, inq)
		must(err)
		return q
	}
	old := quote(workflow.LineInput{Grade: "Q235B", Name: "热轧钢板", Spec: "20×1500×6000", Quantity: "10", Unit: "t"})
	qd, err := d.Quote(ctx, old)
	must(err)
	must(d.PriceLine(ctx, old, qd.Version, qd.Quote.Lines[0].ID, "3900"))
	must(d.SubmitQuote(ctx, old, 0))
	must(s.Engine.Desk(s.Supervisor).Act(ctx, old, workflow.ActionApprove, ""))
	must(d.Act(ctx, old, workflow.ActionMarkSent, ""))
	must(d.Act(ctx, old, workflow.ActionWin, ""))

	q := quote(
		workflow.LineInput{Grade: "Q235B", Name: "热轧钢板", Spec: "20×1500×6000", Quantity: "25.5", Unit: "t"},
		workflow.LineInput{Grade: "Q345R", Name: "容器板Boiler", Spec: "16×2200×8000", Quantity: "12.345", Unit: "t"},
		workflow.LineInput{Grade: "45#", Name: "圆钢", Spec: "Φ50", Quantity: "3.2", Unit: "t"},
		workflow.LineInput{Grade: "304", Name: "不锈钢板", Spec: "2.0×1219×2438", Quantity: "850", Unit: "kg"},
	)
	qd, err = d.Quote(ctx, q)
	must(err)
	must(d.PriceLine(ctx, q, qd.Version, qd.Quote.Lines[2].ID, "4120.5"))
	_, err = d.RequestQuoteLinePrice(ctx, qd.Quote.Lines[1].ID, "")
	must(err)

	scr := tuitest.Run(t, s.App(s.maker, "zh"))
	scr.Send(common.OpenMsg{Screen: "screen.pricing", DocID: q})
	scr.WaitText(t, "▸   4 304", "目录外 待采购答复")
	scr.Send(key('k'))
	scr.WaitText(t, "▸   3 45#")
	scr.Send(key('k'))
	scr.WaitText(t, "▸   2 Q345R", "单价申请", "DJ2026-000001 待答复")
	scr.Send(key('k'))
	scr.WaitText(t, "价格参考 · 第1行", "无锡市场", "¥3,725.00/吨")
	scr.Quit(t)
	app := scr.TM().FinalModel(t, teatest.WithFinalTimeout(3*time.Second)).(*tui.App)
	teatest.RequireEqualOutput(t, []byte(ansi.Strip(app.Render())))
}
