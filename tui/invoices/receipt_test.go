package invoices_test

import (
	"context"
	"testing"

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
	for _, c := range []struct{ lang, list, open, places, saved string }{
		{"zh", "待财务开票", "未核销", "最多2位小数", "没有可核销的发票"},
		{"en", "To issue", "On account", "at most 2 decimals", "no open invoice"},
	} {
		scr := tuitest.Run(t, f.App(f.Finance, c.lang))
		scr.Send(common.SwitchScreenMsg{Screen: "screen.invoices"})
		scr.WaitText(t, c.list)
		scr.Send(right, right, right)
		scr.WaitText(t, c.open)
		scr.Send(key('n'))
		scr.Type("鞍山恒达重工机械有限公司")
		scr.Send(tab)
		scr.Type("5100.123")
		scr.Send(tab, ctrlS) // saved from the date
		scr.WaitText(t, c.places)
		scr.Send(ctrlU)
		scr.Type("5100.12")
		scr.Send(ctrlS)
		scr.WaitText(t, c.saved, "5,100.12")
		scr.Quit(t)
	}
	rs, err := f.Engine.Desk(f.Finance).Receipts(context.Background(), store.ReceiptFilter{Limit: 5})
	if err != nil || len(rs) != 2 || rs[0].Amount != 510012 || rs[1].Amount != 510012 {
		t.Fatalf("the receipts: %v %+v", err, rs)
	}
}
