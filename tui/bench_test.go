package tui_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"orderdesk/store"
	"orderdesk/tui"
	"orderdesk/workflow"
	"orderdesk/workflow/demo"
)

// benchDB returns a database with n demo customers, built once and kept
// in the temporary directory (building 100,000 takes a while).
func benchDB(b *testing.B, n int) string {
	b.Helper()
	path := filepath.Join(os.TempDir(), fmt.Sprintf("orderdesk-tui-bench-%d-v%d.db", n, store.SchemaVersion()))
	if _, err := os.Stat(path); err == nil {
		return path
	}
	ctx := context.Background()
	tmp := path + ".building"
	os.Remove(tmp)
	st, err := store.Open(ctx, tmp)
	if err != nil {
		b.Fatal(err)
	}
	eng, err := workflow.New(ctx, st)
	if err != nil {
		b.Fatal(err)
	}
	opts := demo.DefaultOptions()
	opts.Customers, opts.Products = n, 300
	if _, err := demo.Generate(ctx, eng, opts); err != nil {
		b.Fatal(err)
	}
	st.Close()
	for _, suffix := range []string{"-wal", "-shm"} {
		os.Remove(tmp + suffix)
	}
	if err := os.Rename(tmp, path); err != nil {
		b.Fatal(err)
	}
	return path
}

// runner plays a program's part for a benchmark: it runs commands on
// goroutines and hands their messages back, so a tick that sleeps or a
// feed that blocks never holds the benchmark up.
type runner struct{ msgs chan tea.Msg }

func newRunner() *runner { return &runner{msgs: make(chan tea.Msg, 1024)} }

func (r *runner) run(cmd tea.Cmd) {
	if cmd == nil {
		return
	}
	go func() {
		msg := cmd()
		if batch, ok := msg.(tea.BatchMsg); ok {
			for _, c := range batch {
				r.run(c)
			}
			return
		}
		if msg != nil {
			r.msgs <- msg
		}
	}()
}

// until feeds messages to app until one of the type named want arrives
// and has been applied.
func (r *runner) until(b *testing.B, app *tui.App, want string) {
	timeout := time.After(5 * time.Second)
	for {
		select {
		case msg := <-r.msgs:
			_, cmd := app.Update(msg)
			r.run(cmd)
			if fmt.Sprintf("%T", msg) == want {
				return
			}
		case <-timeout:
			b.Fatalf("no %s arrived", want)
		}
	}
}

func openDesk(b *testing.B, path, login string) (*store.Store, *workflow.Engine, store.User) {
	ctx := context.Background()
	st, err := store.Open(ctx, path)
	if err != nil {
		b.Fatal(err)
	}
	eng, err := workflow.New(ctx, st)
	if err != nil {
		b.Fatal(err)
	}
	var u store.User
	if err := st.Read(ctx, func(tx *store.Tx) error {
		u, err = tx.UserByLogin(ctx, login)
		return err
	}); err != nil {
		b.Fatal(err)
	}
	return st, eng, u
}

const pageMsgType = "customers.pageMsg"

// BenchmarkColdStart opens a 100,000-customer database and builds the
// app up to its first full frame: the customer list drawn.
func BenchmarkColdStart(b *testing.B) {
	path := benchDB(b, 100000)
	b.ResetTimer()
	for b.Loop() {
		st, eng, u := openDesk(b, path, "wangli")
		app := tui.New(tui.Options{Desk: eng.Desk(u), Lang: "zh", DBPath: path, Theme: "dark"})
		r := newRunner()
		app.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
		r.run(app.Init())
		r.until(b, app, pageMsgType)
		if frame := app.Render(); !strings.Contains(frame, "C0") {
			b.Fatalf("the first frame has no customers:\n%s", frame)
		}
		app.Close()
		st.Close()
	}
}

// BenchmarkFilterKeystroke types into the customer filter over 100,000
// customers and times each key to the new screen: Update, the query, the
// Update with its answer, and the frame's View.
func BenchmarkFilterKeystroke(b *testing.B) {
	path := benchDB(b, 100000)
	st, eng, u := openDesk(b, path, "wangli")
	defer st.Close()
	app := tui.New(tui.Options{Desk: eng.Desk(u), Lang: "zh", DBPath: path, Theme: "dark"})
	defer app.Close()
	r := newRunner()
	app.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
	r.run(app.Init())
	r.until(b, app, pageMsgType)
	_, cmd := app.Update(tea.KeyPressMsg{Code: '/', Text: "/"})
	r.run(cmd)

	// What a clerk types: Chinese, a mnemonic, a phone fragment, each
	// taken back with backspace.
	var keys []tea.KeyPressMsg
	for _, word := range []string{"沈阳", "sygt", "0411", "重工机械", "q235"} {
		for _, ch := range word {
			keys = append(keys, tea.KeyPressMsg{Code: ch, Text: string(ch)})
		}
		for range []rune(word) {
			keys = append(keys, tea.KeyPressMsg{Code: tea.KeyBackspace})
		}
	}
	lat := make([]time.Duration, 0, b.N)
	runtime.GC()
	b.ResetTimer()
	i := 0
	for b.Loop() {
		start := time.Now()
		_, cmd := app.Update(keys[i%len(keys)])
		r.run(cmd)
		r.until(b, app, pageMsgType)
		_ = app.View()
		lat = append(lat, time.Since(start))
		i++
	}
	b.StopTimer()
	slices.Sort(lat)
	b.ReportMetric(float64(lat[len(lat)/2].Microseconds())/1000, "p50-ms")
	b.ReportMetric(float64(lat[len(lat)*99/100].Microseconds())/1000, "p99-ms")
}
