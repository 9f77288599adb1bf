package shipping_test

import (
	"context"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"orderdesk/store"
	"orderdesk/tui/tuitest"
	"orderdesk/workflow"
)

// dispatchedNote ships a monthly customer's order of four lines in one
// note, loaded and handed to the carrier: a long detail. It returns the
// note's reference.
func dispatchedNote(t *testing.T, f *tuitest.Fixture) string {
	t.Helper()
	wh := f.AddUser("wu", "吴仓管", workflow.Warehouse)
	var lines []workflow.OrderLineInput
	for _, spec := range []string{"20×1500×6000", "8×1500×6000", "120×2200×10000", "6×1500×6000"} {
		line := tuitest.Plate()
		line.Spec = spec
		lines = append(lines, line)
	}
	order := f.SignedOrder(f.MonthlyCustomer("5000000"), "鞍山", lines...)
	return f.Dispatched(order, wh, workflow.DispatchInput{Carrier: "鞍山顺达物流有限公司", Vehicle: "辽C12345", Driver: "王师傅 13904001234",
		SignedBy: "李签收"}).Ref
}

// TestTeaDetailScrollsAt80x24: at 80×24 a dispatched note's detail wraps
// its carrier line (the signer stays readable) and scrolls to its history
// instead of losing them off the edges.
func TestTeaDetailScrollsAt80x24(t *testing.T) {
	f := tuitest.New(t)
	ref := dispatchedNote(t, f)
	scr := shippingScreen(t, f, f.Clerk)
	scr.Send(tea.WindowSizeMsg{Width: 80, Height: 24})
	scr.WaitText(t, "To draft")
	for range 6 {
		scr.Send(right)
	}
	scr.WaitText(t, ref)
	scr.Send(enter)
	scr.WaitText(t, "Delivery note "+ref, "in transit", "李签收", "104,442.00")
	rows := 0
	for _, line := range strings.Split(scr.Text(), "\n") {
		if strings.Contains(line, "热轧钢板") && strings.Contains(line, "104,442.00") && strings.Contains(line, "25.35 / 25.35") {
			rows++
		}
	}
	if rows != 4 {
		t.Fatalf("want each line with its amount and what was loaded on one row, %d are:\n%s", rows, scr.Text())
	}
	scr.Send(key('G'))
	scr.WaitText(t, "handed to the carrier")
	scr.Send(key('g'))
	scr.WaitText(t, "Delivery note "+ref)
	scr.Quit(t)
}

// TestTeaOrderLinesAligned: the order's lines under a note stand in
// columns whatever the item's width, each figure under a heading that
// says what it is (ordered, on notes, shipped, open), in both languages.
func TestTeaOrderLinesAligned(t *testing.T) {
	f := tuitest.New(t)
	ref := dispatchedNote(t, f)
	for _, c := range []struct {
		lang, list, title, lines string
		heads                    [4]string
	}{
		{"en", "To draft", "Delivery note ", "Order lines", [4]string{"Ordered", "On notes", "Shipped", "Open"}},
		{"zh", "待开单", "发货单 ", "订单各行", [4]string{"订货", "已开单", "已发", "未开单"}},
	} {
		scr := tuitest.Run(t, f.App(f.Clerk, c.lang))
		scr.Send(key('6'))
		scr.WaitText(t, c.list)
		for range 6 {
			scr.Send(right)
		}
		scr.WaitText(t, ref)
		scr.Send(enter)
		scr.WaitText(t, c.title+ref, c.lines)
		text := scr.Text()
		rows := strings.Split(text[strings.Index(text, c.lines):], "\n")
		header := rows[1]
		var ends [4]int
		for i, h := range c.heads {
			at := strings.Index(header, " "+h+" ")
			if at < 0 {
				t.Fatalf("%s: no heading %q over the order's lines:\n%s", c.lang, h, text)
			}
			ends[i] = ansi.StringWidth(header[:at+1+len(h)])
		}
		lines := 0
		for _, line := range rows[2:] {
			if !strings.Contains(line, "热轧钢板") {
				continue
			}
			lines++
			for i, want := range []string{"25.35", "25.35", "25.35", "0"} {
				if got := strings.TrimSpace(ansi.Cut(line, ends[i]-8, ends[i])); got != want {
					t.Fatalf("%s: under %q stands %q, want %q:\n%s", c.lang, c.heads[i], got, want, text)
				}
			}
		}
		if lines != 4 {
			t.Fatalf("%s: want the order's 4 lines, found %d:\n%s", c.lang, lines, text)
		}
		scr.Quit(t)
	}
}

// TestTeaLoadFormHeadersWhole: the warehouse's loading form shows its
// column titles whole in Chinese (实装重量(吨) was cut to 实装重量(…).
func TestTeaLoadFormHeadersWhole(t *testing.T) {
	f := tuitest.New(t)
	number := signedOrder(t, f)
	ctx := context.Background()
	wh := f.AddUser("wu", "吴仓管", workflow.Warehouse)
	clerk := f.Engine.Desk(f.Clerk)
	ods, err := clerk.Orders(ctx, store.OrderFilter{}, store.Page{Query: number, Limit: 5})
	if err != nil || len(ods) != 1 {
		t.Fatalf("order %s: %v %d", number, err, len(ods))
	}
	din, _, err := clerk.NewDeliveryInput(ctx, ods[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	note, err := clerk.CreateDelivery(ctx, din)
	if err != nil {
		t.Fatal(err)
	}
	for _, step := range []func() error{
		func() error { return clerk.SubmitDelivery(ctx, note, 0) },
		func() error { return f.Engine.Desk(f.Supervisor).Act(ctx, note, workflow.ActionApprove, "") },
		func() error {
			return f.Engine.Desk(f.Finance).ConfirmPayment(ctx, workflow.PaymentInput{NoteID: note, Amount: "104442", ReceivedOn: time.Now().Format("2006-01-02")})
		},
	} {
		if err := step(); err != nil {
			t.Fatal(err)
		}
	}
	scr := f.RunOn(t, wh, "zh", "screen.shipping")
	scr.WaitText(t, "第 1–1 条") // the warehouse starts at the released notes
	scr.Send(enter)
	scr.WaitText(t, "l 装车")
	scr.Send(key('l'))
	scr.WaitText(t, "装车登记", "实装数量", "实装重量(吨)")
	scr.Quit(t)
}

// TestTeaRolesStartAtTheirList: finance opens Shipping at the notes
// waiting for payment, the warehouse at the released notes, the desk at
// the orders to draft.
func TestTeaRolesStartAtTheirList(t *testing.T) {
	f := tuitest.New(t)
	wh := f.AddUser("wu", "吴仓管", workflow.Warehouse)
	for _, c := range []struct {
		u    store.User
		head string
	}{{f.Clerk, "Lines"}, {f.Finance, "Made by"}, {wh, "Made by"}} {
		scr := shippingScreen(t, f, c.u)
		scr.WaitText(t, "To draft", c.head)
		scr.Quit(t)
	}
}

// TestTeaNotesListTermsAndNarrow: a notes list names the terms whole in
// English (monthly, not month…) and at 80 columns keeps the amount and
// the age on screen.
func TestTeaNotesListTermsAndNarrow(t *testing.T) {
	f := tuitest.New(t)
	ref := dispatchedNote(t, f)
	scr := shippingScreen(t, f, f.Clerk)
	scr.WaitText(t, "To draft")
	for range 6 {
		scr.Send(right)
	}
	scr.WaitText(t, ref, "monthly ", "417,768.00")
	scr.Send(tea.WindowSizeMsg{Width: 80, Height: 24})
	scr.WaitGone(t, "Reconciliation") // the tab bar has redrawn at 80
	scr.WaitRow(t, ref, "417,768.00", "王丽")
	for _, line := range strings.Split(scr.Text(), "\n") {
		if strings.Contains(line, ref) && ansi.StringWidth(strings.TrimRight(line, " ")) > 80 {
			t.Fatalf("at 80 columns the note's row runs past the edge:\n%s", line)
		}
	}
	scr.Quit(t)
}
