package invoices_test

import (
	"context"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"orderdesk/store"
	"orderdesk/tui/common"
	"orderdesk/tui/tuitest"
)

// TestTeaReceiptRefusedAtItsField: a receipt of 5100.123 is refused with
// the decimals the amount takes, and the focus goes to the amount
// (finance saved from the date), so what is typed next fixes it.
func TestTeaReceiptRefusedAtItsField(t *testing.T) {
	f := tuitest.New(t)
	shippedOrder(t, f)
	for _, c := range []struct{ lang, places, saved, method string }{
		{"zh", "最多2位小数", "没有可核销的发票", "银行转账"},
		{"en", "at most 2 decimals", "no open invoice", "bank transfer"}, // whole in the list at 120 columns
	} {
		scr := receiptForm(t, f, c.lang)
		scr.Type("5100.123")
		scr.Send(tab, ctrlS) // saved from the date
		scr.WaitText(t, c.places)
		scr.Retype("5100.12")
		scr.Send(ctrlS)
		scr.WaitText(t, c.saved, "5,100.12", c.method)
		scr.Quit(t)
	}
	rs, err := f.Engine.Desk(f.Finance).Receipts(context.Background(), store.ReceiptFilter{Limit: 5})
	if err != nil || len(rs) != 2 || rs[0].Amount != 510012 || rs[1].Amount != 510012 {
		t.Fatalf("the receipts: %v %+v", err, rs)
	}
}

// TestTeaPasteCutIsSaid: a payer pasted longer than the field takes is
// cut to its hundred characters and the field says so; the receipt saves
// with what stayed.
func TestTeaPasteCutIsSaid(t *testing.T) {
	f := tuitest.New(t)
	shippedOrder(t, f)
	scr := receiptForm(t, f, "zh")
	scr.Type("1000")
	scr.Send(tab, tab, tab, ctrlU) // to the payer
	scr.Send(tea.PasteMsg{Content: strings.Repeat("鞍山恒达", 30)})
	scr.WaitText(t, "粘贴内容超过 100 字,已截断")
	scr.Send(ctrlS)
	scr.WaitText(t, "没有可核销的发票")
	scr.Quit(t)
	rs, err := f.Engine.Desk(f.Finance).Receipts(context.Background(), store.ReceiptFilter{Limit: 5})
	if err != nil || len(rs) != 1 || rs[0].Payer != strings.Repeat("鞍山恒达", 25) {
		t.Fatalf("the receipt's payer: %v %+v", err, rs)
	}
}

// receiptForm opens finance's receipt form in lang from the receipts on
// account, the customer of shippedOrder typed and the focus on the amount.
func receiptForm(t *testing.T, f *tuitest.Fixture, lang string) *tuitest.Screen {
	t.Helper()
	list, onAccount := "待财务开票", "未核销"
	if lang == "en" {
		list, onAccount = "To issue", "On account"
	}
	scr := tuitest.Run(t, f.App(f.Finance, lang))
	scr.Send(common.SwitchScreenMsg{Screen: "screen.invoices"})
	scr.WaitText(t, list)
	scr.Send(right, right, right)
	scr.WaitText(t, onAccount)
	scr.Send(key('n'))
	scr.Type("鞍山恒达重工机械有限公司")
	scr.Send(tab)
	return scr
}

// TestTeaReceiptForAnOrderNotTheCustomers: an order number the customer
// has none of is refused at the order field in words that say so (it is
// typed, not chosen from options), and the receipt saves once it is
// cleared.
func TestTeaReceiptForAnOrderNotTheCustomers(t *testing.T) {
	f := tuitest.New(t)
	shippedOrder(t, f)
	for _, c := range []struct{ lang, problem, saved string }{
		{"zh", "该客户没有这个订单号", "没有可核销的发票"},
		{"en", "this customer has no order of that number", "no open invoice"},
	} {
		scr := receiptForm(t, f, c.lang)
		scr.Type("800")
		scr.Send(tab, tab, tab, tab, tab) // to the order
		scr.Type("SO2026-999999")
		scr.Send(ctrlS)
		scr.WaitText(t, c.problem, "SO2026-999999")
		scr.Send(ctrlU, ctrlS)
		scr.WaitText(t, c.saved)
		scr.Quit(t)
	}
}
