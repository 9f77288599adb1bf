package sshserver

import (
	tea "charm.land/bubbletea/v2"
	"context"
	"math/rand/v2"
	"net"
	"orderdesk/tui"
	"strings"
	"testing"
	"time"
)

func TestGarbageInputDoesNotHurtTheSessionOrOthers(t *testing.T) {
	o := startOffice(t, nil)
	other := o.signIn(t, "zhao", "赵主管")

	term := o.signIn(t, "wangli", "王丽")
	// A huge paste into the filter, then binary garbage.
	term.typeKeys("/")
	term.typeKeys("\x1b[200~" + strings.Repeat("沈阳钢铁", 25000) + "\x1b[201~")
	rng := rand.New(rand.NewPCG(1, 2))
	junk := make([]byte, 64<<10)
	for i := range junk {
		junk[i] = byte(rng.IntN(256))

	}
	term.typeKeys(string(junk))
	// Garbage may legitimately press q or enter on the way; the session
	// either still answers or ended cleanly, and the server goes on.
	if !leaveToReview(term, recoveryTime) {
		t.Fatalf("the session neither answered nor ended; it shows:\n%s", term.text())
	}
	o.signIn(t, "wangli", "王丽") // a fresh session still opens
	// And the other session too.
	other.typeKeys("0")
	other.wait(t, 5*time.Second, "助记码")
}

// recoveryTime is how long a session may take to work through the
// garbage and the keys after it: every key typed into a form's customer
// field asks the database, and keys typed meanwhile wait their turn.
const recoveryTime = 2 * time.Minute

// leaveToReview brings a session the garbage left anywhere back to the
// review inbox, as a person would: the garbage ends inside a string it
// began (an 8-bit DCS), which a string terminator closes; then esc leaves
// whatever is open, and at a form's question whether to drop what was
// typed, esc again drops it; with no form left, 9 shows the inbox. The
// keys wait behind the garbage, so a step is repeated until the screen
// shows it took. It reports whether the inbox showed (and stayed, the
// garbage worked through) or the session ended within d.
func leaveToReview(term *terminal, d time.Duration) bool {
	term.typeKeys("\x1b\\")
	before := ""
	for deadline := time.Now().Add(d); time.Now().Before(deadline); {
		select {
		case <-term.ended:
			return true
		case <-time.After(300 * time.Millisecond):
		}
		screen := term.text()
		inbox := strings.Contains(screen, "审核(") // 待我审核, or the garbage's m: 待他人审核
		switch {
		case inbox && screen == before:
			return true
		case inbox:
			before = screen
		case strings.Contains(screen, "放弃已录入的内容?"), strings.Contains(screen, "esc 取消"):
			term.typeKeys("\x1b")
		default:
			term.typeKeys("\x1b")
			term.typeKeys("9")
		}
	}
	return false
}

func TestConnectionFloodFromOneAddressIsRefused(t *testing.T) {
	o := startOffice(t, func(c *Config) { c.ConnPerSecond, c.ConnBurst = 10, 10 })
	refused := 0
	for range 100 {
		conn, err := net.DialTimeout("tcp", o.addr, time.Second)
		if err != nil {
			refused++
			continue
		}
		conn.SetReadDeadline(time.Now().Add(time.Second))
		buf := make([]byte, 64)
		if n, _ := conn.Read(buf); n == 0 {
			refused++ // closed before the server's greeting
		}
		conn.Close()
	}
	if refused < 80 {
		t.Fatalf("only %d of 100 rapid connections were refused", refused)
	}
	// A little later, the same address is welcome again.
	time.Sleep(300 * time.Millisecond)
	o.signIn(t, "wangli", "王丽")
}

func TestShutdownEndsSessions(t *testing.T) {
	o := startOffice(t, nil)
	term := o.signIn(t, "wangli", "王丽")
	if o.srv.Sessions() != 1 {
		t.Fatalf("sessions = %d", o.srv.Sessions())
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	go o.srv.Shutdown(ctx)
	select {
	case <-term.ended:
	case <-time.After(5 * time.Second):
		t.Fatal("the session outlived the server's shutdown")
	}
}

func TestMaxSessions(t *testing.T) {
	o := startOffice(t, func(c *Config) { c.MaxSessions = 1 })
	o.signIn(t, "wangli", "王丽") // the one session allowed
	second := o.open(t, "zhao", o.keys["zhao"])
	second.wait(t, 5*time.Second, "服务器已满") // in the office's language
}

// panicky is a model that panics on the key p, standing in for a bug.
type panicky struct{ tea.Model }

func (m panicky) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if k, ok := msg.(tea.KeyPressMsg); ok && k.String() == "p" {
		panic("a bug in one session")
	}
	next, cmd := m.Model.Update(msg)
	return panicky{next}, cmd
}

func TestAPanicEndsOnlyItsSession(t *testing.T) {
	o := startOffice(t, nil)
	build := o.srv.newModel
	o.srv.newModel = func(opts tui.Options) tea.Model { return panicky{build(opts)} }
	calm := o.signIn(t, "zhao", "赵主管")
	doomed := o.signIn(t, "wangli", "王丽")
	doomed.typeKeys("p")
	select {
	case <-doomed.ended:
	case <-time.After(5 * time.Second):
		t.Fatal("the panicking session did not end")
	}
	calm.typeKeys("9")
	calm.wait(t, 5*time.Second, "待我审核")
	o.signIn(t, "wangli", "王丽") // and the clerk signs in again
}
