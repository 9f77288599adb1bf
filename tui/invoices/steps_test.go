package invoices_test

import (
	"context"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"orderdesk/store"
	"orderdesk/tui/tuitest"
)

// draftRequest is the desk and the clerk's screen on the invoice
// request just saved, as drafted, from the shipped order.
func draftRequest(t *testing.T) (*tuitest.Fixture, *tuitest.Screen) {
	t.Helper()
	f := tuitest.New(t)
	number := shippedOrder(t, f)
	scr := invoicesScreen(t, f, f.Clerk)
	scr.WaitText(t, "To invoice", number)
	scr.Send(key('n'))
	scr.WaitText(t, "Invoice request", "25.35t")
	scr.Send(ctrlS)
	return f, scr
}

// TestTeaMailOnDraftRefused: `m` on a draft request says the step is not
// possible now instead of opening a mailing form whose save is refused;
// the detail stays.
func TestTeaMailOnDraftRefused(t *testing.T) {
	_, scr := draftRequest(t)
	scr.WaitText(t, "Invoice KP", "draft")
	scr.Send(key('m'))
	scr.WaitText(t, "not possible in the document's current status")
	if strings.Contains(scr.Text(), "Mailing of") {
		t.Fatalf("a mailing form opened on a draft:\n%s", scr.Text())
	}
	scr.Send(key('i'))
	scr.WaitText(t, "Invoice KP", "draft")
	if strings.Contains(scr.Text(), "Issue KP") {
		t.Fatalf("the issue form opened for a clerk on a draft:\n%s", scr.Text())
	}
	scr.Quit(t)
}

// TestTeaDetailOffersOnlyOpenSteps: the help line of a request lists the
// steps the workflow would take from this user now: the maker of a draft
// is offered submit and edit, not check or mailing; the supervisor of the
// submitted request is offered check and send back, not submit.
func TestTeaDetailOffersOnlyOpenSteps(t *testing.T) {
	f, scr := draftRequest(t)
	scr.WaitText(t, "Invoice KP", "draft", "s submit for check")
	for _, no := range []string{"a check", "m record mailing", "b send back"} {
		if strings.Contains(scr.Text(), no) {
			t.Errorf("a draft's maker is offered %q:\n%s", no, scr.Text())
		}
	}
	scr.Send(key('s'))
	scr.WaitText(t, "waiting for check")
	scr.Quit(t)

	scr = invoicesScreen(t, f, f.Supervisor)
	scr.WaitText(t, "To invoice")
	scr.Send(right, right)
	scr.WaitText(t, "rows 1–1")
	scr.Send(enter)
	scr.WaitText(t, "waiting for check", "a check")
	for _, no := range []string{"s submit for check", "m record mailing"} {
		if strings.Contains(scr.Text(), no) {
			t.Errorf("the checker is offered %q:\n%s", no, scr.Text())
		}
	}
	scr.Quit(t)
}

// TestTeaListHelpFollowsList: the receipts list says n records a receipt
// and enter allocates it; n is offered as a new request only on the
// orders to invoice.
func TestTeaListHelpFollowsList(t *testing.T) {
	f := tuitest.New(t)
	scr := invoicesScreen(t, f, f.Finance)
	scr.WaitText(t, "To issue")
	if strings.Contains(scr.Text(), "new invoice request") {
		t.Errorf("the to-issue list offers a new request:\n%s", scr.Text())
	}
	scr.Send(right, right, right)
	scr.WaitText(t, "On account", "n record receipt", "enter allocate")
	if strings.Contains(scr.Text(), "new invoice request") {
		t.Errorf("the receipts list offers a new request:\n%s", scr.Text())
	}
	scr.Quit(t)
}

// TestTeaReceiptMethodInChinese: the receipt form offers the method by
// its name (银行转账, not the code bank) and takes a name typed (承兑汇票)
// as well as a code.
func TestTeaReceiptMethodInChinese(t *testing.T) {
	f := tuitest.New(t)
	shippedOrder(t, f)
	scr := receiptForm(t, f, "zh")
	scr.WaitText(t, "付款方式", "银行转账")
	scr.Type("1000")
	scr.Send(tab, tab, ctrlU)
	scr.Type("承兑汇票")
	scr.Send(ctrlS)
	scr.WaitText(t, "没有可核销的发票", "承兑汇票", "1,000.00")
	scr.Quit(t)
	rs, err := f.Engine.Desk(f.Finance).Receipts(context.Background(), store.ReceiptFilter{Limit: 5})
	if err != nil || len(rs) != 1 || rs[0].Method != store.MethodBill {
		t.Fatalf("the receipt's method: %v %+v", err, rs)
	}
}

// TestTeaNarrowWindowKeepsMoney: at 80×24 an issued invoice's lines and
// the open invoices list keep their amounts, days late and the invoice
// number whole; the item, the customer's name, the issue day and the
// order number give way.
func TestTeaNarrowWindowKeepsMoney(t *testing.T) {
	f := tuitest.New(t)
	number := shippedOrder(t, f)
	checkedInvoice(t, f)
	scr := invoicesScreen(t, f, f.Finance)
	scr.Send(tea.WindowSizeMsg{Width: 80, Height: 24})
	scr.WaitText(t, "To issue", number)
	scr.Send(enter)
	scr.WaitText(t, "waiting for finance", "104,442.00", "4,120.00")
	scr.Send(key('i'))
	scr.WaitText(t, "Issue KP")
	scr.Type("26210000000012345678")
	scr.Send(ctrlS)
	scr.WaitText(t, "Invoice 26210000000012345678")
	scr.Send(tuitest.Key("esc"), right, right)
	scr.WaitText(t, "Late", "26210000000012345678", "104,442.00")
	scr.Quit(t)
}

// checkedInvoice raises, submits and checks the invoice request of the
// one order shipped.
func checkedInvoice(t *testing.T, f *tuitest.Fixture) {
	t.Helper()
	ctx := context.Background()
	clerk := f.Engine.Desk(f.Clerk)
	toInv, err := clerk.OrdersToInvoice(ctx, store.Page{Limit: 5})
	if err != nil || len(toInv) != 1 {
		t.Fatalf("orders to invoice: %v %d", err, len(toInv))
	}
	in, _, err := clerk.NewInvoiceInput(ctx, toInv[0].OrderID)
	if err != nil {
		t.Fatal(err)
	}
	id, err := clerk.CreateInvoice(ctx, in)
	if err != nil {
		t.Fatal(err)
	}
	if err := clerk.SubmitInvoice(ctx, id, 0); err != nil {
		t.Fatal(err)
	}
	if err := f.Engine.Desk(f.Supervisor).CheckInvoice(ctx, id, 0); err != nil {
		t.Fatal(err)
	}
}

// TestTeaInvoiceDetailScrolls: in a short window an issued invoice's
// detail scrolls to its issue line instead of losing it off the bottom.
func TestTeaInvoiceDetailScrolls(t *testing.T) {
	f := tuitest.New(t)
	number := shippedOrder(t, f)
	checkedInvoice(t, f)
	scr := invoicesScreen(t, f, f.Finance)
	scr.WaitText(t, "To issue", number)
	scr.Send(enter)
	scr.WaitText(t, "waiting for finance")
	scr.Send(key('i'))
	scr.WaitText(t, "Issue KP")
	scr.Type("26210000000012345678")
	scr.Send(ctrlS)
	scr.WaitText(t, "Invoice 26210000000012345678")
	scr.Send(tea.WindowSizeMsg{Width: 80, Height: 9})
	scr.WaitGone(t, "Invoice 26210000000012345678")
	scr.Send(key('G'))
	scr.WaitText(t, "Invoice 26210000000012345678")
	scr.Quit(t)
}
