package shipping_test

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"orderdesk/store"
	"orderdesk/tui"
	"orderdesk/tui/common"
	"orderdesk/tui/tuitest/benchkit"
	"orderdesk/workflow"
	"orderdesk/workflow/demo"
)

// benchNotes is how many delivery notes the shipping benchmarks' database
// holds (the issue asks for 200,000; smaller for a quick look).
var benchNotes = flag.Int("shipping.notes", 200000, "delivery notes in the shipping benchmarks' database")

// shipGenVersion changes whenever the generator writes something
// different, so a cached database is rebuilt.
const shipGenVersion = 1

// shipBenchToday is the day the benchmark database is dated to.
var shipBenchToday = time.Date(2026, 11, 2, 9, 0, 0, 0, time.UTC)

// shipBenchDB returns a database with n delivery notes over two years for
// 2,000 customers, built with the demo's volume generator through the
// desk's rules, once, and kept in the temp folder keyed by size, schema
// and generator version.
func shipBenchDB(b *testing.B, n int) string {
	opts := demo.DefaultOptions()
	opts.Customers, opts.Products, opts.Inquiries, opts.Orders, opts.Shipments, opts.ShipmentVolume = 2000, 200, 0, 0, 0, n
	opts.Pending, opts.SentBack, opts.Today = 0, 0, shipBenchToday
	return benchkit.DemoDB(b, fmt.Sprintf("orderdesk-shipping-bench-%d-v%d-g%d.db", n, store.SchemaVersion(), shipGenVersion), opts, time.UTC)
}

// copyDB copies a cached database for a benchmark that writes.
func copyDB(b *testing.B, path string) string {
	b.Helper()
	src, err := os.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	defer src.Close()
	dst := filepath.Join(b.TempDir(), "ship.db")
	out, err := os.Create(dst)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := io.Copy(out, src); err != nil {
		b.Fatal(err)
	}
	if err := out.Close(); err != nil {
		b.Fatal(err)
	}
	return dst
}

// openDesk opens the benchmark database as login, on the generator's
// time zone.
func openDesk(b *testing.B, path, login string) (*store.Store, *workflow.Engine, store.User) {
	st, eng, u := benchkit.OpenAs(b, path, login)
	eng.SetLocation(time.UTC)
	return st, eng, u
}

// shippingApp opens the shipping screen of login over the benchmark
// database, its first list drawn.
func shippingApp(b *testing.B, path, login string) (*tui.App, *benchkit.Loop, func()) {
	st, eng, u := openDesk(b, path, login)
	app := tui.New(tui.Options{Desk: eng.Desk(u), Lang: "zh", DBPath: path, Theme: "dark", Now: func() time.Time { return shipBenchToday }})
	r := benchkit.NewLoop()
	app.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
	r.Run(app.Init())
	r.Send(app, common.SwitchScreenMsg{Screen: "screen.shipping"})
	r.Until(b, app, "PageMsg[orderdesk/store.OrderRow]")
	return app, r, func() { app.Close(); st.Close() }
}

// BenchmarkShippingSwitchList moves through the shipping screen's lists
// over 200,000 notes and times each key to the new screen: Update, the
// list's query, the Update with its answer, and the frame's View.
func BenchmarkShippingSwitchList(b *testing.B) {
	path := shipBenchDB(b, *benchNotes)
	app, r, done := shippingApp(b, path, "wangli")
	defer done()
	benchkit.Time(b, func(int) { r.Frame(b, app, tea.KeyPressMsg{Code: tea.KeyRight}, "PageMsg") }, nil)
}

// BenchmarkShippingFilter types into the filter of a list — delivered
// (the longest), in transit, and the orders waiting for a note — a
// customer's name, a note number, a carrier, a vehicle, each taken back
// with backspace, and times each key to the new screen.
func BenchmarkShippingFilter(b *testing.B) {
	path := shipBenchDB(b, *benchNotes)
	for _, list := range []struct {
		name string
		tab  int
	}{{"delivered", 7}, {"in_transit", 6}, {"to_draft", 0}} {
		b.Run(list.name, func(b *testing.B) {
			app, r, done := shippingApp(b, path, "wangli")
			defer done()
			for range list.tab {
				r.Send(app, tea.KeyPressMsg{Code: tea.KeyRight})
				r.Until(b, app, "PageMsg")
			}
			r.Send(app, tea.KeyPressMsg{Code: '/', Text: "/"})
			keys := benchkit.TypedAndErased("沈阳", "fh2025-00012", "顺达", "辽a1", "重工机械", "lnsyno")
			benchkit.Time(b, func(i int) { r.Frame(b, app, keys[i%len(keys)], "PageMsg") }, nil)
		})
	}
}
