package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"testing"
	"time"

	"github.com/creack/pty"

	"orderdesk/store"
	"orderdesk/store/storetest"
	"orderdesk/tui/tuitest/benchkit"
	"orderdesk/workflow/demo"
)

// BenchmarkProcessStart starts the desk as a person does, the built
// program in a terminal (a pseudo-terminal of 120×40), on 100,000
// customers (10,000 with ORDERDESK_BENCH_SMALL=1), and times it from the
// start of the process to the first frame that shows a customer. The
// terminal answers nothing, as a plain one over SSH may not: nothing the
// desk draws waits for an answer.
func BenchmarkProcessStart(b *testing.B) {
	n := 100_000
	if os.Getenv("ORDERDESK_BENCH_SMALL") != "" {
		n = 10_000
	}
	opts := demo.DefaultOptions()
	opts.Customers, opts.Products = n, 300
	// The same database as the screens' benchmarks (tui/bench_test.go).
	cached := benchkit.DemoDB(b, fmt.Sprintf("orderdesk-tui-bench-%d-v%d.db", n, store.SchemaVersion()), opts, nil)
	dir := b.TempDir()
	db := filepath.Join(dir, "desk.db")
	storetest.CopyFile(b, cached, db, 0o600)
	bin := filepath.Join(dir, "orderdesk")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		b.Fatalf("go build: %v\n%s", err, out)
	}
	me, err := user.Current()
	if err != nil {
		b.Skip("no operating-system user to start the desk as:", err)
	}
	if out, err := exec.Command(bin, "--db", db, "user", "os-user", "wangli", me.Username).CombinedOutput(); err != nil {
		b.Fatalf("user os-user: %v\n%s", err, out)
	}
	var took []time.Duration
	for b.Loop() {
		took = append(took, firstFrame(b, bin, db))
	}
	benchkit.Report(b, took)
}

// firstFrame starts the desk and waits for a customer's code on screen.
func firstFrame(b *testing.B, bin, db string) time.Duration {
	cmd := exec.Command(bin, "--db", db)
	cmd.Dir = filepath.Dir(db) // no config.yaml of the caller's
	cmd.Env = append(os.Environ(), "TERM=xterm-256color", "TMUX=", "COLORTERM=truecolor")
	start := time.Now()
	tty, err := pty.StartWithSize(cmd, &pty.Winsize{Rows: 40, Cols: 120})
	if err != nil {
		b.Fatal(err)
	}
	defer func() {
		cmd.Process.Kill()
		cmd.Wait()
		tty.Close()
	}()
	seen := make(chan time.Duration, 1)
	go func() {
		var all []byte
		buf := make([]byte, 64<<10)
		for {
			n, err := tty.Read(buf)
			all = append(all, buf[:n]...)
			if bytes.Contains(all, []byte("C000001")) {
				seen <- time.Since(start)
				return
			}
			if err != nil {
				close(seen)
				return
			}
		}
	}()
	select {
	case d, ok := <-seen:
		if !ok {
			b.Fatal("the desk ended before its first frame")
		}
		return d
	case <-time.After(10 * time.Second):
		b.Fatal("no first frame within 10 s")
	}
	return 0
}
