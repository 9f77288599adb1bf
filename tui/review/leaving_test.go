package review_test

import (
	"regexp"
	"testing"

	tea "charm.land/bubbletea/v2"

	"orderdesk/tui"
	"orderdesk/tui/tuitest"
	"orderdesk/workflow"
)

// reviewing is user's app on the review inbox, the first task open, a
// pressed (the answer or the reply form).
func reviewing(t *testing.T, f *tuitest.Fixture, app *tui.App) *tui.App {
	t.Helper()
	tuitest.Press(app, tea.WindowSizeMsg{Width: 120, Height: 40})
	m := regexp.MustCompile(`(\d) Review`).FindStringSubmatch(tuitest.Text(app))
	if m == nil {
		t.Fatalf("no review tab:\n%s", tuitest.Text(app))
	}
	tuitest.Press(app, key(rune(m[1][0])), tuitest.Key("enter"), key('a'))
	return app
}

// The answer to a price request asks before esc drops what was typed,
// as every form does.
func TestPriceAnswerAsksBeforeDroppingWhatWasTyped(t *testing.T) {
	f := tuitest.New(t)
	_, _, buyer := priceRequest(t, f)
	open := func() *tui.App { return reviewing(t, f, f.App(buyer, "en")) }
	tuitest.AsksBeforeDropping(t, open, tuitest.Keys("4321.5"), "4321.5")
}

// The reply to a stock request asks before esc drops what was typed.
func TestStockReplyAsksBeforeDroppingWhatWasTyped(t *testing.T) {
	f := tuitest.New(t)
	buyer := f.AddUser("sun", "孙采购", workflow.Purchasing)
	d := f.Engine.Desk(f.Clerk)
	id := f.DraftOrder(f.PrepaidCustomer(), "沈阳", workflow.OrderLineInput{Grade: "45#", Name: "圆钢", Spec: "Φ50", Quantity: "12", Unit: "t", Price: "4500"})
	od, err := d.Order(f.Ctx, id)
	f.Must(err)
	_, err = d.RequestStock(f.Ctx, workflow.StockRequestInput{LineID: od.Order.Lines[0].ID, OnHand: "2", Usage: "每月约10吨"})
	f.Must(err)
	open := func() *tui.App { return reviewing(t, f, f.App(buyer, "en")) }
	tuitest.AsksBeforeDropping(t, open, append(tuitest.Keys("1"), tuitest.Key("tab"), tuitest.Key("tab"), tuitest.Key("tab"), key('Z'), key('q')), "Zq")
}

// Signing at this terminal asks before esc drops the login typed.
func TestSignAtDeskAsksBeforeDroppingWhatWasTyped(t *testing.T) {
	f := tuitest.New(t)
	pendingTerms(t, f, f.Clerk, "本溪特钢有限公司")
	open := func() *tui.App {
		app := f.App(f.Clerk, "en")
		tuitest.Press(app, tea.WindowSizeMsg{Width: 120, Height: 40}, key('9'), key('m'), tuitest.Key("enter"), key('s'))
		tuitest.MustShow(t, app, "Sign at this terminal")
		return app
	}
	tuitest.AsksBeforeDropping(t, open, tuitest.Keys("zhaoxyz"), "zhaoxyz")
}
