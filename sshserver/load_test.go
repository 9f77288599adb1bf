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
	in    io.Writer
	bytes chan int
}

func (o *office) loadSession(b *testing.B, login string, signer gossh.Signer) *loadClient {
	client, err := o.dial(login, signer)
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
	c := &loadClient{in: in, bytes: make(chan int, 1024)}
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
// client and the memory an idle session holds. Run it with
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
	logins := make([]string, sessions)
	for i := range logins {
		logins[i] = fmt.Sprintf("clerk%02d", i)
		if _, err := o.f.Engine.AddUser(o.f.Ctx, sys, logins[i], fmt.Sprintf("内勤%02d", i), "", []workflow.Role{workflow.Clerk}); err != nil {
			b.Fatal(err)
		}
		signer, line := newKey(b)
		if _, err := o.f.Engine.AddKey(o.f.Ctx, sys, logins[i], line); err != nil {
			b.Fatal(err)
		}
		o.keys[logins[i]] = signer
	}

	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	clients := make([]*loadClient, sessions)
	for i, l := range logins {
		clients[i] = offices[i%len(offices)].loadSession(b, l, o.keys[l])
	}
	time.Sleep(2 * time.Second) // every session draws its first screen
	runtime.GC()
	runtime.ReadMemStats(&after)
	perSession := float64(after.HeapInuse-before.HeapInuse) / float64(sessions) / 1024

	var mu sync.Mutex
	var lat []time.Duration
	errs := 0
	var wg sync.WaitGroup
	b.ResetTimer()
	deadline := time.Now().Add(*loadFor)
	typists := clients
	if *loadTypists > 0 {
		typists = clients[:min(*loadTypists, len(clients))]
	}
	for i, c := range typists {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var mine []time.Duration
			fail, reset := 0, false
			// No q among them: typed outside the filter it would quit.
			letters := []string{"s", "钢", "d", "z", "4", "y", "板", "l"}
			for n := 0; time.Now().Before(deadline); n++ {
				if n%*loadSaveGap == *loadSaveGap-1 && *loadSaves {
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
					mine = append(mine, d)
				}
				time.Sleep(100 * time.Millisecond)
			}
			mu.Lock()
			lat, errs = append(lat, mine...), errs+fail
			mu.Unlock()
		}()
	}
	wg.Wait()
	b.StopTimer()
	slices.Sort(lat)
	pct := func(p float64) float64 {
		if len(lat) == 0 {
			return 0
		}
		return float64(lat[int(p*float64(len(lat)-1))].Microseconds()) / 1000
	}
	b.ReportMetric(pct(0.50), "p50-ms")
	b.ReportMetric(pct(0.99), "p99-ms")
	b.ReportMetric(float64(len(lat)), "keys")
	b.ReportMetric(float64(errs), "errors")
	b.ReportMetric(perSession, "KiB/idle-session")
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
