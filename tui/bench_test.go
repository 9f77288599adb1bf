package tui_test

import (
	"fmt"
	"os"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"orderdesk/store"
	"orderdesk/tui"
	"orderdesk/tui/tuitest/benchkit"
	"orderdesk/workflow/demo"
)

// benchDB returns a database with n demo customers, built once and kept
// in the temporary directory (building 100,000 takes a while).
func benchDB(b *testing.B, n int) string {
	opts := demo.DefaultOptions()
	opts.Customers, opts.Products = n, 300
	return benchkit.DemoDB(b, fmt.Sprintf("orderdesk-tui-bench-%d-v%d.db", n, store.SchemaVersion()), opts, nil)
}

// pageMsgType names the customer list's page as it arrives.
const pageMsgType = "PageMsg[orderdesk/store.CustomerRow]"

// benchCustomers is how many customers the list benchmarks open:
// 100,000, or 10,000 with ORDERDESK_BENCH_SMALL=1 (make bench-quick).
func benchCustomers() int {
	if os.Getenv("ORDERDESK_BENCH_SMALL") != "" {
		return 10_000
	}
	return 100_000
}

// BenchmarkColdStart opens a 100,000-customer database and builds the
// app up to its first full frame: the customer list drawn. Closing the
// app and the store is left out of the time: nobody waits for it (it
// waits for the statements still being prepared and hands the
// connections' memory back, which costs as much as the start itself).
func BenchmarkColdStart(b *testing.B) {
	path := benchDB(b, benchCustomers())
	b.ResetTimer()
	for b.Loop() {
		st, eng, u := benchkit.OpenAs(b, path, "wangli")
		app := tui.New(tui.Options{Desk: eng.Desk(u), Lang: "zh", DBPath: path, Theme: "dark"})
		r := benchkit.NewLoop()
		app.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
		r.Run(app.Init())
		r.Until(b, app, pageMsgType)
		if frame := app.Render(); !strings.Contains(frame, "C0") {
			b.Fatalf("the first frame has no customers:\n%s", frame)
		}
		b.StopTimer()
		app.Close()
		st.Close()
		b.StartTimer()
	}
}

// BenchmarkFilterKeystroke types into the customer filter over 100,000
// customers and times each key to the new screen: Update, the query, the
// Update with its answer, and the frame's View.
func BenchmarkFilterKeystroke(b *testing.B) {
	path := benchDB(b, benchCustomers())
	st, eng, u := benchkit.OpenAs(b, path, "wangli")
	defer st.Close()
	app := tui.New(tui.Options{Desk: eng.Desk(u), Lang: "zh", DBPath: path, Theme: "dark"})
	defer app.Close()
	r := benchkit.NewLoop()
	app.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
	r.Run(app.Init())
	r.Until(b, app, pageMsgType)
	r.Send(app, tea.KeyPressMsg{Code: '/', Text: "/"})

	// What a clerk types: Chinese, a mnemonic, a phone fragment, each
	// taken back with backspace.
	keys := benchkit.TypedAndErased("沈阳", "sygt", "0411", "重工机械", "q235")
	benchkit.Time(b, func(i int) { r.Frame(b, app, keys[i%len(keys)], pageMsgType) }, nil)
}
