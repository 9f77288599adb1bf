package tui_test

import (
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"orderdesk/store"
	"orderdesk/tui"
	"orderdesk/tui/tuitest"
	"orderdesk/workflow"
)

// The specs a steel desk writes that are longest, on lines beside a long
// Chinese name: at 80 columns each must show whole, on one line.
var longSpecs = []string{"10×1500×6000", "12×1800×12000"}

// longItem is a line whose grade, name and spec together run past the
// 30 cells a delivery note's item column starts with.
var longItem = workflow.OrderLineInput{Grade: "Q355NH", Name: "耐候热轧钢板", Spec: "12×1800×12000", Quantity: "12.5", Unit: "t", Price: "5120"}

const longItemText = "Q355NH 耐候热轧钢板 12×1800×12000"

// TestSpecWholeAt80 opens the documents of the shipping, pricing, orders
// and review screens at 80×24 and fails if a spec is cut, a date is
// broken or a line runs past the window.
func TestSpecWholeAt80(t *testing.T) {
	f := tuitest.New(t)
	seedLongSpecs(t, f)
	for _, tc := range []struct {
		name string
		keys []tea.Msg
		want []string // beside the specs
	}{
		{"order", keys("5", "enter"), nil},
		{"quote", keys("3", "enter"), nil},
		{"review", keys("9", "enter"), nil},
		{"note to draft", keys("6", "enter"), []string{longItemText}},
		{"delivery note", keys("6", "]", "enter"), []string{longItemText}},
		{"price list", keys("4"), []string{"2026-11-26"}},
		{"market prices", keys("4", "m"), []string{"2026-11-25"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			app := f.App(f.Supervisor, "zh")
			tuitest.Press(app, tea.WindowSizeMsg{Width: 80, Height: 24})
			tuitest.Press(app, tc.keys...)
			assertWholeAt80(t, app, append(append([]string(nil), longSpecs...), tc.want...)...)
		})
	}
}

func keys(names ...string) []tea.Msg {
	out := make([]tea.Msg, len(names))
	for i, n := range names {
		out[i] = tuitest.Key(n)
	}
	return out
}

// assertWholeAt80 fails unless each of whole stands on one line of the
// frame, no line is wider than 80 cells, and no line ends in a date cut
// in the middle.
func assertWholeAt80(t *testing.T, app *tui.App, whole ...string) {
	t.Helper()
	got := screenText(app)
	for _, w := range whole {
		if !strings.Contains(got, w) {
			t.Errorf("%q cut or missing at 80×24:\n%s", w, got)
		}
		// Whole in one table is not enough: no table may cut it, alone
		// ("10×1…") or after its name ("热轧钢板 1…").
		for _, cell := range []string{w, "热轧钢板 " + w} {
			r := []rune(cell)
			for i := len(r) - len([]rune(w)) + 1; i < len(r); i++ {
				if cut := string(r[:i]) + "…"; i >= 3 && strings.Contains(got, cut) {
					t.Errorf("%q cut to %q at 80×24:\n%s", w, cut, got)
					break
				}
			}
		}
	}
	for n, line := range strings.Split(got, "\n") {
		if w := ansi.StringWidth(line); w > 80 {
			t.Errorf("line %d is %d cells: %q", n+1, w, line)
		}
		if strings.HasSuffix(strings.TrimSpace(line), "2026-") {
			t.Errorf("line %d breaks a date: %q", n+1, line)
		}
	}
}

// seedLongSpecs makes a customer with a long name and, on lines of the
// long specs: an inquiry quoted as a draft, an order waiting for sign-off
// a signed order with a delivery note drafted and one with none yet,
// a price list and market prices.
func seedLongSpecs(t *testing.T, f *tuitest.Fixture) {
	t.Helper()
	clerk := f.Engine.Desk(f.Clerk)
	cust, _, err := clerk.CreateCustomer(f.Ctx, workflow.CustomerInput{Name: "鞍山恒达重工机械制造股份有限公司", ShortName: "恒达重工", City: "鞍山",
		Address: "鞍山市铁东区胜利南路1号", Contact: "李经理", Phone: "0412-5551234", PaymentTerms: store.TermsPrepaid})
	f.Must(err)
	var lines []workflow.OrderLineInput
	var asked []workflow.LineInput
	for _, spec := range longSpecs {
		lines = append(lines, workflow.OrderLineInput{Grade: "Q235B", Name: "热轧钢板", Spec: spec, Quantity: "1234.567", Unit: "t", Price: "4380"})
		asked = append(asked, workflow.LineInput{Grade: "Q235B", Name: "热轧钢板", Spec: spec, Quantity: "30", Unit: "t", WantedOn: "2026-12-10"})
	}
	lines = append(lines, longItem)
	inq, _, err := clerk.CreateInquiry(f.Ctx, workflow.InquiryInput{CustomerID: cust, Lines: asked})
	f.Must(err)
	_, err = clerk.CreateQuote(f.Ctx, inq)
	f.Must(err)
	order := f.SignedOrder(cust, "沈阳", lines...)
	din, _, err := clerk.NewDeliveryInput(f.Ctx, order)
	f.Must(err)
	din.ShipOn = tuitest.DeliveryDate()
	_, err = clerk.CreateDelivery(f.Ctx, din)
	f.Must(err)
	f.Must(clerk.SubmitOrder(f.Ctx, f.DraftOrder(cust, "沈阳", lines...), 0))
	f.SignedOrder(cust, "沈阳", lines...) // a note to draft
	// The price list and the market prices, at the screens' clock.
	f.Store.Now = func() time.Time { return tuitest.Clock }
	var prices []workflow.PriceLineInput
	for _, spec := range longSpecs {
		prices = append(prices, workflow.PriceLineInput{Grade: "Q235B", Name: "热轧钢板", Spec: spec, Unit: "t", Price: "4380", ValidFrom: "2026-11-26"})
		_, err := clerk.RecordMarketPrice(f.Ctx, workflow.MarketPriceInput{Source: "沈阳", Grade: "Q235B", Name: "热轧钢板", Spec: spec, Price: "4310", On: "2026-11-25"})
		f.Must(err)
	}
	change, _, err := clerk.ProposePriceChange(f.Ctx, workflow.PriceChangeInput{Reason: "月初调价", Lines: prices})
	f.Must(err)
	f.Must(f.Engine.Desk(f.Supervisor).Act(f.Ctx, change, workflow.ActionApprove, ""))
}
