package sshserver

import (
	"context"
	"flag"
	"fmt"
	"io"
	"testing"
	"time"

	"orderdesk/store"
)

var (
	typeaheadKeys = flag.Int("typeahead.keys", 10000, "how many keys BenchmarkTypeAhead types")
	typeaheadRate = flag.Int("typeahead.rate", 30, "keys a second BenchmarkTypeAhead types")
)

// BenchmarkTypeAhead types through the real SSH server at a steady rate
// (30 keys a second: a fast clerk), never waiting for the screen:
// products entered in the form, each then looked up in the list's
// filter. Every key that is lost or lands in the wrong place shows in
// the products saved, which must be exactly what was typed. Run it with
//
//	go test -run '^$' -bench TypeAhead -benchtime 1x ./sshserver -typeahead.keys 10000
func BenchmarkTypeAhead(b *testing.B) {
	o := startOffice(b, nil)
	c := o.loadSession(b, "wangli", o.keys["wangli"])
	time.Sleep(time.Second) // the first screen
	gap := time.Second / time.Duration(max(*typeaheadRate, 1))
	typed, cycles := 0, 0
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
	press("0") // Products
	for typed < *typeaheadKeys {
		p := typedProduct(cycles)
		press("n")
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
	lost, misapplied := verifyTyped(b, o, cycles)
	b.ReportMetric(float64(typed), "keys")
	b.ReportMetric(float64(lost), "lost")
	b.ReportMetric(float64(misapplied), "misapplied")
	if lost+misapplied > 0 {
		b.Errorf("%d products lost, %d saved other than typed, of %d", lost, misapplied, cycles)
	}
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
