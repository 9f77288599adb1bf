package sshserver

import (
	"context"
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"orderdesk/store"
	"orderdesk/tui/tuitest"
)

var (
	typeaheadKeys = flag.Int("typeahead.keys", 10000, "how many keys BenchmarkTypeAhead types")
	typeaheadRate = flag.Int("typeahead.rate", 30, "keys a second BenchmarkTypeAhead types")
)

// BenchmarkTypeAhead types through the real SSH server at a steady rate
// (30 keys a second: a fast clerk), never waiting for the screen: in
// turn a product entered in its form and looked up in the list's
// filter, and an order typed into the order form (the customer by
// 助记码, the header, a line) and saved. Every key that is lost or lands
// in the wrong place shows in the products and orders saved, which must
// be exactly what was typed. Run it with
//
//	go test -run '^$' -bench TypeAhead -benchtime 1x ./sshserver -typeahead.keys 10000
func BenchmarkTypeAhead(b *testing.B) {
	o := startOffice(b, nil)
	customer := o.f.PrepaidCustomer() // 沈阳北方重工, 助记码 SYBF…
	delivery := tuitest.DeliveryDate()
	c := loadSession(b, func() (*gossh.Client, error) { return o.dial("wangli", o.keys["wangli"]) })
	time.Sleep(time.Second) // the first screen
	gap := time.Second / time.Duration(max(*typeaheadRate, 1))
	typed, cycles, orders := 0, 0, 0
	press := func(keys ...string) {
		for _, k := range keys {
			if _, err := io.WriteString(c.in, k); err != nil {
				b.Fatal(err)
			}
			typed++
			time.Sleep(gap)
		}
	}
	runes := func(s string) []string {
		var out []string
		for _, r := range s {
			out = append(out, string(r))
		}
		return out
	}
	b.ResetTimer()
	for typed < *typeaheadKeys {
		if cycles%2 == 1 {
			press("5", "n") // Orders, a new order
			press(runes("sybf")...)
			press("\r", "\t") // the customer picked; the order date as it is
			press(runes(delivery)...)
			press(tabs(7)...) // the header as filled from the customer file
			press(runes("沈阳")...)
			press("\t", "\t") // the weighing basis as it is, to the first line
			for _, cell := range typedOrderLine(orders) {
				press(runes(cell)...)
				press("\t")
			}
			press("\x13", "\x1b") // save, back to the list
			orders++
			cycles++
			continue
		}
		p := typedProduct(cycles - orders)
		press("0", "n") // Products, a new product
		for _, field := range []string{p.Grade, p.Name, p.Spec} {
			press(runes(field)...)
			press("\t")
		}
		press("\t", "\t") // the unit (t) and the weight a piece: as they are
		press(runes(p.Mnemonic)...)
		press("\r") // enter on the last field saves
		press("/")
		press(runes(p.Grade)...)
		press("\r", "\x1b") // keep the filter, then clear it
		cycles++
	}
	b.StopTimer()
	lost, misapplied := verifyTyped(b, o, cycles-orders)
	lostOrders, wrongOrders := verifyOrders(b, o, customer, orders)
	lost, misapplied = lost+lostOrders, misapplied+wrongOrders
	b.ReportMetric(float64(typed), "keys")
	b.ReportMetric(float64(lost), "lost")
	b.ReportMetric(float64(misapplied), "misapplied")
	if lost+misapplied > 0 {
		b.Errorf("%d products or orders lost, %d saved other than typed, of %d", lost, misapplied, cycles)
	}
}

func tabs(n int) []string { return strings.Split(strings.Repeat("\t", n), "") }

// typedOrderLine is the line the n-th order cycle types, cell by cell:
// grade, name, spec, quantity (n+1 tonnes), unit, the weight and the
// basis as they are, the price.
func typedOrderLine(n int) []string {
	return []string{"Q235B", "热轧钢板", "20×1500×6000", strconv.Itoa(n + 1), "t", "", "", "4120"}
}

// verifyOrders waits for the last order saved, then checks that the
// customer has one order for each cycle with the line it typed.
func verifyOrders(b *testing.B, o *office, customer int64, cycles int) (lost, misapplied int) {
	desk := o.f.Engine.Desk(o.f.Clerk)
	var rows []store.OrderRow
	for deadline := time.Now().Add(30 * time.Second); ; {
		var err error
		rows, err = desk.Orders(context.Background(), store.OrderFilter{CustomerID: customer}, store.Page{Limit: cycles + 100})
		if err != nil {
			b.Fatal(err)
		}
		if len(rows) >= cycles || time.Now().After(deadline) {
			break
		}
		time.Sleep(100 * time.Millisecond)
	}
	seen := map[string]bool{}
	for _, r := range rows {
		od, err := desk.Order(context.Background(), r.ID)
		if err != nil {
			b.Fatal(err)
		}
		ls := od.Order.Lines
		if len(ls) != 1 || ls[0].Grade != "Q235B" || ls[0].Spec != "20×1500×6000" || ls[0].Price != 412000 ||
			od.Order.DeliveryDate != tuitest.DeliveryDate() || seen[ls[0].Qty.String()] {
			misapplied++
			b.Logf("order %s saved as %+v", od.Ref, ls)
			continue
		}
		seen[ls[0].Qty.String()] = true
	}
	for n := range cycles {
		if !seen[store.Milli(1000*(n+1)).String()] {
			lost++
		}
	}
	return lost, misapplied
}

// typedProduct is the product cycle n types.
func typedProduct(n int) store.Product {
	return store.Product{Grade: fmt.Sprintf("T%05d", n), Name: fmt.Sprintf("型材%d号", n),
		Spec: fmt.Sprintf("%d×1500×6000", 10+n%90), Mnemonic: fmt.Sprintf("M%05d", n)}
}

// verifyTyped waits for the last save, then compares every product with
// what was typed for it.
func verifyTyped(b *testing.B, o *office, cycles int) (lost, misapplied int) {
	desk := o.f.Engine.Desk(o.f.Clerk)
	var rows []store.Product
	for deadline := time.Now().Add(30 * time.Second); ; {
		var err error
		rows, err = desk.Products(context.Background(), store.Page{Limit: cycles + 100})
		if err != nil {
			b.Fatal(err)
		}
		if len(rows) >= cycles || time.Now().After(deadline) {
			break
		}
		time.Sleep(100 * time.Millisecond)
	}
	byGrade := map[string]store.Product{}
	for _, r := range rows {
		byGrade[r.Grade] = r
	}
	for n := range cycles {
		want := typedProduct(n)
		got, ok := byGrade[want.Grade]
		switch {
		case !ok:
			lost++
		case got.Name != want.Name || got.Spec != want.Spec || got.Mnemonic != want.Mnemonic || got.Unit != "t":
			misapplied++
			b.Logf("typed %+v, saved %+v", want, got)
		}
	}
	misapplied += max(len(rows)-cycles, 0) // saved and never typed
	return lost, misapplied
}
