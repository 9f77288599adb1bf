package tuitest

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"orderdesk/store"
	"orderdesk/workflow"
)

// Sequence is one of the desk's common sequences, typed from the first
// screen of whoever types it: a burst of it must make what it makes
// typed slowly, through the program and through the SSH server.
type Sequence struct {
	Name    string
	Strokes []Stroke
	Want    string // what Made says once it is done
	// Setup readies the desk; it returns who types the sequence and
	// what it made so far, said in one line ("" for nothing yet).
	Setup func(f *Fixture) (typist store.User, made func(t testing.TB) string)
}

// Sequences are the desk's common sequences.
var Sequences = []Sequence{
	{Name: "repeat order", Strokes: RepeatOrderCall, Want: repeatOrderWant, Setup: func(f *Fixture) (store.User, func(testing.TB) string) {
		r := f.RepeatOrder()
		return f.Clerk, func(t testing.TB) string { return f.repeatOrderMade(t, r) }
	}},
	{Name: "inquiry of three lines", Strokes: inquiryCall, Want: inquiryWant, Setup: (*Fixture).inquiryDesk},
	{Name: "release from finance's list", Strokes: releaseCall, Want: releaseWant, Setup: (*Fixture).releaseDesk},
	{Name: "receipt", Strokes: receiptCall, Want: receiptWant, Setup: (*Fixture).receiptDesk},
}

// WaitMade waits up to d for made to say want, and returns what it
// says last.
func WaitMade(t testing.TB, made func(testing.TB) string, want string, d time.Duration) string {
	t.Helper()
	got := ""
	for deadline := time.Now().Add(d); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if got = made(t); got == want {
			break
		}
	}
	return got
}

// The phone rings: N from the customer list, the customer by 助记码,
// three lines as they are spoken, ctrl+s.
var inquiryCall = []Stroke{
	{"N", false}, {"sygt", true}, {"\r", false},
	{"Q235B\t热轧钢板\t10x1500x6000\t25\tt\t\t切边", true}, {"\r", false},
	{"45#\t圆钢\tΦ50\t8\t吨\t\t", true}, {"\r", false},
	{"304\t不锈钢板\t2.0x1219x2438\t500\tkg", true},
	{"\x13", false},
}

const inquiryWant = "沈阳钢铁有限公司 · Q235B 热轧钢板 10×1500×6000 25 t 切边 | 45# 圆钢 Φ50 8 t  | 304 不锈钢板 2.0×1219×2438 500 kg "

func (f *Fixture) inquiryDesk() (store.User, func(testing.TB) string) {
	_, _, err := f.Engine.Desk(f.Clerk).CreateCustomer(f.Ctx, workflow.CustomerInput{Name: "沈阳钢铁有限公司", City: "沈阳",
		Phone: "024-23456789", PaymentTerms: store.TermsPrepaid})
	f.Must(err)
	return f.Clerk, func(t testing.TB) string {
		d := f.Engine.Desk(f.Clerk)
		rows, err := d.Inquiries(f.Ctx, store.DocFilter{}, store.Page{Limit: 10})
		f.Must(err)
		if len(rows) == 0 {
			return ""
		}
		in, err := d.Inquiry(f.Ctx, rows[len(rows)-1].ID)
		f.Must(err)
		var lines []string
		for _, l := range in.Inquiry.Lines {
			lines = append(lines, fmt.Sprintf("%s %s %s %s %s %s", l.Grade, l.Name, l.Spec, l.Qty, l.Unit, l.Requirements))
		}
		return in.Customer + " · " + strings.Join(lines, " | ")
	}
}

// Finance releases the last note waiting for payment: the shipping
// screen, the last row, its payment form (the amount due filled in),
// ctrl+s.
var releaseCall = []Stroke{{"6", false}, {"G", false}, {"\r", false}, {"p", false}, {"\x13", false}}

const releaseWant = "approved paid 0.00 | released paid 20,600.00"

// releaseDesk has two notes of a prepaid customer waiting for payment:
// 10 t (41,200.00) and then 5 t (20,600.00).
func (f *Fixture) releaseDesk() (store.User, func(testing.TB) string) {
	cust := f.PrepaidCustomer()
	var notes []int64
	for _, qty := range []string{"10", "5"} {
		line := Plate()
		line.Quantity = qty
		notes = append(notes, f.SignedOffNote(f.SignedOrder(cust, "沈阳", line), shipToday))
	}
	return f.Finance, func(t testing.TB) string {
		var out []string
		for _, id := range notes {
			dd, err := f.Engine.Desk(f.Finance).Delivery(f.Ctx, id)
			f.Must(err)
			var paid store.Money
			for _, p := range dd.Payments {
				paid += p.Amount
			}
			out = append(out, dd.Status+" paid "+paid.String())
		}
		return strings.Join(out, " | ")
	}
}

// Finance records a receipt: the invoices screen, the receipts on
// account (three lists on), n, the customer, the amount, ctrl+s.
var receiptCall = []Stroke{
	{"7", false}, {"\x1b[C\x1b[C\x1b[C", false}, {"n", false},
	{"鞍山恒达重工机械有限公司", true}, {"\t", false}, {"5100.12", true}, {"\x13", false},
}

const receiptWant = "鞍山恒达重工机械有限公司 5,100.12 bank"

func (f *Fixture) receiptDesk() (store.User, func(testing.TB) string) {
	f.MonthlyCustomer("500000")
	return f.Finance, func(t testing.TB) string {
		rs, err := f.Engine.Desk(f.Finance).Receipts(f.Ctx, store.ReceiptFilter{Limit: 5})
		f.Must(err)
		var out []string
		for _, r := range rs {
			out = append(out, fmt.Sprintf("%s %s %s", r.Customer, r.Amount, r.Method))
		}
		return strings.Join(out, " | ")
	}
}

// shipToday dates a note to ship today.
func shipToday(in *workflow.DeliveryInput) { in.ShipOn = time.Now().Format("2006-01-02") }
