package sshserver

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"runtime"
	"slices"
	"sync"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"orderdesk/workflow"
)

var (
	loadFor      = flag.Duration("load", 10*time.Second, "how long BenchmarkOffice's sessions work")
	loadSessions = flag.Int("sessions", 50, "how many sessions BenchmarkOffice opens")
	loadSaves    = flag.Bool("saves", true, "whether BenchmarkOffice's sessions also save products")
	loadSaveGap  = flag.Int("save-every", 150, "keys a BenchmarkOffice session types between saves (150: one save in about 20 s)")
	loadTypists  = flag.Int("typists", 0, "how many of the sessions type (0: all)")
)

// loadClient is a bare SSH session: it types and times how long the
// screen takes to answer, without emulating a terminal.
type loadClient struct {
	conn  *gossh.Client
	in    io.Writer
	bytes chan int
}

// loadSession opens a session with a PTY on the server dial reaches.
func loadSession(b *testing.B, dial func() (*gossh.Client, error)) *loadClient {
	client, err := dial()
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { client.Close() })
	sess, err := client.NewSession()
	if err != nil {
		b.Fatal(err)
	}
	if err := sess.RequestPty("xterm-256color", 40, 120, gossh.TerminalModes{}); err != nil {
		b.Fatal(err)
	}
	in, _ := sess.StdinPipe()
	out, _ := sess.StdoutPipe()
	if err := sess.Shell(); err != nil {
		b.Fatal(err)
	}
	c := &loadClient{conn: client, in: in, bytes: make(chan int, 1024)}
	go func() {
		buf := make([]byte, 32<<10)
		for {
			n, err := out.Read(buf)
			if n > 0 {
				select {
				case c.bytes <- n:
				default:
				}
			}
			if err != nil {
				close(c.bytes)
				return
			}
		}
	}()
	return c
}

// send types s without waiting for an answer (a key that may change
// nothing, like esc on an empty filter).
func (c *loadClient) send(s string) error {
	_, err := io.WriteString(c.in, s)
	pause := 30 * time.Millisecond
	if s == "\x1b" {
		// A lone esc is told from the start of alt+key only by a pause:
		// esc then 9 sent at once reads as alt+9, at a terminal too.
		pause = 150 * time.Millisecond
	}
	time.Sleep(pause)
	return err
}

// drain forgets output already received.
func (c *loadClient) drain() {
	for {
		select {
		case _, open := <-c.bytes:
			if !open {
				return // the session ended: key reports it
			}
		default:
			return
		}
	}
}

// key types s and returns how long until the first bytes of the answer.
func (c *loadClient) key(s string) (time.Duration, error) {
	c.drain()
	start := time.Now()
	if _, err := io.WriteString(c.in, s); err != nil {
		return 0, err
	}
	select {
	case _, ok := <-c.bytes:
		if !ok {
			return 0, io.EOF
		}
		return time.Since(start), nil
	case <-time.After(2 * time.Second):
		return 0, fmt.Errorf("no answer to %q", s)
	}
}

// BenchmarkOffice runs 50 SSH sessions through the real server, each
// typing a filter at about eight keys a second and saving a product
// through the form every 150 keys (-save-every), and reports keystroke-to-screen latency at the
// client, the memory an idle session holds and what is still held once
// every session has left. Beside it, in the same run and first, the
// same sessions type the same keys into a trivial Bubble Tea v2 program
// over wish (bare_test.go): the floor, and the desk's ratios to it.
// Run it with
//
//	go test -run '^$' -bench Office -benchtime 1x ./sshserver -load 60s
//
// and with -postgres -servers 2 for two servers sharing one PostgreSQL
// database, the sessions dealt between them (office_postgres_test.go).
func BenchmarkOffice(b *testing.B) {
	sessions := *loadSessions
	offices := loadOffices(b, func(c *Config) { c.MaxSessions = sessions + 10 })
	o := offices[0]
	sys, _ := o.f.Engine.SystemUser(o.f.Ctx)
	desk := make([]func() (*gossh.Client, error), sessions)
	for i := range desk {
		login := fmt.Sprintf("clerk%02d", i)
		if _, err := o.f.Engine.AddUser(o.f.Ctx, sys, login, fmt.Sprintf("内勤%02d", i), "", []workflow.Role{workflow.Clerk}); err != nil {
			b.Fatal(err)
		}
		signer, line := newKey(b)
		if _, err := o.f.Engine.AddKey(o.f.Ctx, sys, login, line); err != nil {
			b.Fatal(err)
		}
		o.keys[login] = signer
		at := offices[i%len(offices)]
		desk[i] = func() (*gossh.Client, error) { return at.dial(login, signer) }
	}
	bareDial := serveBare(b)
	bare := make([]func() (*gossh.Client, error), sessions)
	for i := range bare {
		bare[i] = bareDial
	}

	b.ResetTimer()
	floor := officeLoad(b, bare, false)
	got := officeLoad(b, desk, *loadSaves)
	b.StopTimer()
	b.ReportMetric(got.pct(0.50), "p50-ms")
	b.ReportMetric(got.pct(0.99), "p99-ms")
	b.ReportMetric(float64(len(got.lat)), "keys")
	b.ReportMetric(float64(got.errs), "errors")
	b.ReportMetric(got.idleKiB, "KiB/idle-session")
	b.ReportMetric(got.heldMB, "MB-held-after-leave")
	b.ReportMetric(floor.pct(0.50), "bare-p50-ms")
	b.ReportMetric(floor.pct(0.99), "bare-p99-ms")
	b.ReportMetric(floor.idleKiB, "bare-KiB/idle-session")
	b.ReportMetric(floor.heldMB, "bare-MB-held-after-leave")
	if p := floor.pct(0.99); p > 0 {
		b.ReportMetric(got.pct(0.99)/p, "p99-x-bare")
	}
	b.ReportMetric(got.heldMB-floor.heldMB, "MB-held-over-bare")
	if floor.idleKiB > 0 {
		b.ReportMetric(got.idleKiB/floor.idleKiB, "idle-x-bare")
	}
}

// loadResult is what one server's sessions measured.
type loadResult struct {
	lat     []time.Duration // key to first bytes, sorted
	errs    int
	idleKiB float64 // the heap an idle session holds, each
	heldMB  float64 // the heap still held once every session has left
}

// pct is the p-th fraction of the latencies in milliseconds.
func (r loadResult) pct(p float64) float64 {
	if len(r.lat) == 0 {
		return 0
	}
	return float64(r.lat[int(p*float64(len(r.lat)-1))].Microseconds()) / 1000
}

// officeLoad opens a session by each of dials, lets every one draw its
// first screen, has them type for -load (and save a product now and
// then when saves), closes them and measures the heap at each step.
func officeLoad(b *testing.B, dials []func() (*gossh.Client, error), saves bool) loadResult {
	var r loadResult
	runtime.GC()
	var before, idle, left runtime.MemStats
	runtime.ReadMemStats(&before)
	clients := make([]*loadClient, len(dials))
	for i, dial := range dials {
		clients[i] = loadSession(b, dial)
	}
	time.Sleep(2 * time.Second) // every session draws its first screen
	runtime.GC()
	runtime.ReadMemStats(&idle)
	r.idleKiB = (float64(idle.HeapInuse) - float64(before.HeapInuse)) / float64(len(dials)) / 1024

	var mu sync.Mutex
	var wg sync.WaitGroup
	deadline := time.Now().Add(*loadFor)
	typists := clients
	if *loadTypists > 0 {
		typists = clients[:min(*loadTypists, len(clients))]
	}
	for i, c := range typists {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mine, fail := c.typeUntil(b, i, deadline, saves)
			mu.Lock()
			r.lat, r.errs = append(r.lat, mine...), r.errs+fail
			mu.Unlock()
		}()
	}
	wg.Wait()
	slices.Sort(r.lat)

	for _, c := range clients {
		c.conn.Close()
	}
	time.Sleep(2 * time.Second) // every program ends and lets go
	runtime.GC()
	runtime.ReadMemStats(&left)
	r.heldMB = (float64(left.HeapInuse) - float64(before.HeapInuse)) / (1 << 20)
	return r
}

// typeUntil types the load's keys into session i until deadline: a few
// letters into the products' filter, esc and the filter opened again
// every eight, and with saves a product saved every -save-every keys.
func (c *loadClient) typeUntil(b *testing.B, i int, deadline time.Time, saves bool) (lat []time.Duration, fail int) {
	reset := false
	// No q among them: typed outside the filter it would quit.
	letters := []string{"s", "钢", "d", "z", "4", "y", "板", "l"}
	for n := 0; time.Now().Before(deadline); n++ {
		if n%*loadSaveGap == *loadSaveGap-1 && saves {
			if err := c.saveProduct(i, n); err != nil {
				fail++
			}
			reset = true // back in the list: the filter needs opening again
			continue
		}
		if n%8 == 0 || reset {
			reset = false
			c.send("\x1b") // esc clears the filter
			c.send("0")    // products
			c.send("/")
		}
		d, err := c.key(letters[n%len(letters)])
		if errors.Is(err, io.EOF) {
			fail++
			break // the session is gone
		}
		if err != nil {
			b.Log(err)
			fail++
		} else {
			lat = append(lat, d)
		}
		time.Sleep(100 * time.Millisecond)
	}
	return lat, fail
}

// saveProduct enters a product through the form: n, the fields, enter.
func (c *loadClient) saveProduct(session, n int) error {
	c.send("\x1b")
	c.send("\x1b")
	c.send("0")
	steps := []string{"n", fmt.Sprintf("L%02d%03d", session, n), "\r", "负载测试板", "\r", "10×1500×6000", "\r", "\r", "\r", "\r"}
	for _, s := range steps {
		if _, err := c.key(s); err != nil {
			return err
		}
		time.Sleep(20 * time.Millisecond) // the form moves focus with a message
	}
	return nil
}
