package sshserver

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"io"
	"net"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/vt"
	gossh "golang.org/x/crypto/ssh"

	"orderdesk/store"
	"orderdesk/tui/tuitest"
)

// office is a running server over a fixture database, with a key for
// each fixture user.
type office struct {
	f    *tuitest.Fixture
	srv  *Server
	addr string
	keys map[string]gossh.Signer // by login
}

func newKey(t testing.TB) (gossh.Signer, string) {
	t.Helper()
	pub, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	signer, err := gossh.NewSignerFromKey(priv)
	if err != nil {
		t.Fatal(err)
	}
	sshPub, _ := gossh.NewPublicKey(pub)
	return signer, string(gossh.MarshalAuthorizedKey(sshPub))
}

func startOffice(t testing.TB, tweak func(*Config)) *office {
	t.Helper()
	f := tuitest.New(t)
	o := &office{f: f, keys: map[string]gossh.Signer{}}
	sys, _ := f.Engine.SystemUser(f.Ctx)
	for _, u := range []store.User{f.Clerk, f.Supervisor, f.Finance} {
		signer, line := newKey(t)
		if _, err := f.Engine.AddKey(f.Ctx, sys, u.Login, line); err != nil {
			t.Fatal(err)
		}
		o.keys[u.Login] = signer
	}
	o.serve(t, tweak)
	return o
}

// serve starts a server for o's engine on a loopback port of its own,
// stopped when t ends.
func (o *office) serve(t testing.TB, tweak func(*Config)) {
	t.Helper()
	cfg := Config{
		Listen: "127.0.0.1:0", HostKeyPath: filepath.Join(t.TempDir(), "host_ed25519"), Engine: o.f.Engine,
		DBPath: "desk.db", Theme: "dark", Lang: "zh", IdleTimeout: time.Minute, ConnPerSecond: 1000, ConnBurst: 1000,
	}
	if tweak != nil {
		tweak(&cfg)
	}
	srv, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	o.srv, o.addr = srv, serveLoopback(t, srv)
}

// serveLoopback serves srv on a loopback port of its own until tb ends,
// and returns the address.
func serveLoopback(tb testing.TB, srv interface {
	Serve(net.Listener) error
	Shutdown(context.Context) error
}) string {
	tb.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		tb.Fatal(err)
	}
	go srv.Serve(ln)
	tb.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
		defer cancel()
		srv.Shutdown(ctx)
	})
	return ln.Addr().String()
}

func (o *office) dial(login string, signer gossh.Signer) (*gossh.Client, error) {
	return gossh.Dial("tcp", o.addr, &gossh.ClientConfig{
		User:            login,
		Auth:            []gossh.AuthMethod{gossh.PublicKeys(signer)},
		HostKeyCallback: gossh.InsecureIgnoreHostKey(),
		Timeout:         5 * time.Second,
	})
}

// terminal is a client session with a PTY whose output plays into a
// terminal emulator, so tests read what a person would see.
type terminal struct {
	conn  *gossh.Client
	sess  *gossh.Session
	in    io.WriteCloser
	emu   *vt.SafeEmulator
	mu    sync.Mutex
	ended chan struct{}
	raw   bytes.Buffer
}

func (o *office) open(t *testing.T, login string, signer gossh.Signer) *terminal {
	t.Helper()
	client, err := o.dial(login, signer)
	if err != nil {
		t.Fatalf("dial as %s: %v", login, err)
	}
	t.Cleanup(func() { client.Close() })
	sess, err := client.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	if err := sess.RequestPty("xterm-256color", 40, 120, gossh.TerminalModes{}); err != nil {
		t.Fatal(err)
	}
	in, _ := sess.StdinPipe()
	stdout, _ := sess.StdoutPipe()
	stderr, _ := sess.StderrPipe()
	out := io.MultiReader(stdout, stderr) // refusals come on stderr, after the screen
	term := &terminal{conn: client, sess: sess, in: in, emu: vt.NewSafeEmulator(120, 40), ended: make(chan struct{})}
	go io.Copy(io.Discard, term.emu)
	if err := sess.Shell(); err != nil {
		t.Fatal(err)
	}
	go func() {
		defer close(term.ended)
		buf := make([]byte, 32<<10)
		for {
			n, err := out.Read(buf)
			if n > 0 {
				term.mu.Lock()
				term.raw.Write(buf[:n])
				term.mu.Unlock()
				term.emu.Write(bytes.ReplaceAll(bytes.ReplaceAll(buf[:n], []byte("\r\n"), []byte("\n")), []byte("\n"), []byte("\r\n")))
			}
			if err != nil {
				return
			}
		}
	}()
	return term
}

func (term *terminal) text() string { return ansi.Strip(term.emu.Render()) }

func (term *terminal) typeKeys(s string) { io.WriteString(term.in, s) }

// wait waits up to d for the screen to show every text.
func (term *terminal) wait(t *testing.T, d time.Duration, texts ...string) {
	t.Helper()
	deadline := time.Now().Add(d)
	for {
		screen := term.text()
		ok := true
		for _, s := range texts {
			ok = ok && strings.Contains(screen, s)
		}
		if ok {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("screen never showed %q; it shows:\n%s", texts, screen)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func pageAll() store.Page { return store.Page{Limit: 100} }
