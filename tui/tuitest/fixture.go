// Package tuitest builds what screen tests need: a temporary database
// with users in every role, and the app of one of them.
package tuitest

import (
	"bytes"
	tea "charm.land/bubbletea/v2"
	"context"
	"fmt"
	"github.com/charmbracelet/x/vt"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"orderdesk/store"
	"orderdesk/tui"
	"orderdesk/tui/common"
	"orderdesk/tui/tuitest/screenrig"
	"orderdesk/workflow"
)

// Clock is the fixed time screen tests run at.
var Clock = screenrig.At

// Fixture is a fresh database with a clerk, a supervisor and a finance user.
type Fixture struct {
	Ctx                        context.Context
	Path                       string
	Store                      *store.Store
	Engine                     *workflow.Engine
	Clerk, Supervisor, Finance store.User
	desk                       *screenrig.Desk
}

// New opens a temporary database and adds the users.
func New(t testing.TB) *Fixture {
	t.Helper()
	d := screenrig.OpenDesk(t, nil)
	f := &Fixture{Ctx: d.Ctx, Path: d.Path, Store: d.Store, Engine: d.Engine, desk: d}
	f.Clerk = d.AddUser(clerkLogin, "王丽", workflow.Clerk)
	f.Supervisor = d.AddUser(supervisorLogin, "赵主管", workflow.Supervisor, workflow.Clerk)
	f.Finance = d.AddUser(financeLogin, "陈会计", workflow.Finance)
	return f
}

// The logins of the users New adds.
const clerkLogin, supervisorLogin, financeLogin = "wangli", "zhao", "chen"

// copyOf is a fixture on a copy of the closed database at src, which
// New made (and then more): its users are New's, read back.
func copyOf(t testing.TB, src string, now func() time.Time) *Fixture {
	t.Helper()
	d := screenrig.OpenCopy(t, src, now)
	f := &Fixture{Ctx: d.Ctx, Path: d.Path, Store: d.Store, Engine: d.Engine, desk: d}
	d.Must(d.Store.Read(d.Ctx, func(tx *store.Tx) (err error) {
		if f.Clerk, err = tx.UserByLogin(d.Ctx, clerkLogin); err != nil {
			return err
		}
		if f.Supervisor, err = tx.UserByLogin(d.Ctx, supervisorLogin); err != nil {
			return err
		}
		f.Finance, err = tx.UserByLogin(d.Ctx, financeLogin)
		return err
	}))
	return f
}

// NewAtClock is New with the store's clock stopped at Clock, the app's
// time, so what a test saves is dated the day the screens show.
func NewAtClock(t testing.TB) *Fixture {
	t.Helper()
	f := New(t)
	f.Store.Now = screenrig.Fixed(Clock)
	return f
}

// App builds the app of user u in lang ("zh" or "en") at the fixed clock.
func (f *Fixture) App(u store.User, lang string) *tui.App {
	return tui.New(tui.Options{Desk: f.Engine.Desk(u), Lang: lang, DBPath: "desk.db", Theme: "dark", Now: screenrig.Fixed(Clock)})
}

// Screen is what a person would see: the program's output played into a
// terminal emulator. The renderer only redraws what changed, so reading
// the raw stream would miss text; the emulator's screen does not.
type Screen struct {
	emu *vt.Emulator
	tm  *teatest.TestModel
}

// Run starts app under teatest with a fixed 120×40 window and returns its
// screen.
func Run(t testing.TB, app *tui.App) *Screen {
	t.Helper()
	tm := teatest.NewTestModel(t, app, teatest.WithInitialTermSize(120, 40))
	emu := vt.NewEmulator(120, 40)
	go io.Copy(io.Discard, emu) // answers to terminal queries: nobody asks
	// The emulator is not closed: Close races with the reader above.
	t.Cleanup(app.Close)
	return &Screen{emu: emu, tm: tm}
}

// TM is the underlying test model.
func (s *Screen) TM() *teatest.TestModel { return s.tm }

// Send sends messages (keys) to the program.
func (s *Screen) Send(msgs ...tea.Msg) {
	for _, m := range msgs {
		s.tm.Send(m)
	}
}

// Type types text as key presses.
func (s *Screen) Type(text string) { s.tm.Type(text) }

// Retype clears the field with the focus (ctrl+u) and types text into it.
func (s *Screen) Retype(text string) {
	s.Send(Key("ctrl+u"))
	s.Type(text)
}

// Text is the screen's text now, one line per row.
func (s *Screen) Text() string { return ansi.Strip(s.emu.Render()) }

// WaitText waits until the screen shows every one of texts.
func (s *Screen) WaitText(t testing.TB, texts ...string) {
	t.Helper()
	s.waitFor(t, func(screen string) bool { return containsAll(screen, texts) }, func(screen string) string {
		return fmt.Sprintf("screen never showed %q; it shows:\n%s", texts, screen)
	})
}

// WaitGone waits until the screen no longer shows text.
func (s *Screen) WaitGone(t testing.TB, text string) {
	t.Helper()
	s.waitFor(t, func(screen string) bool { return !strings.Contains(screen, text) }, func(screen string) string {
		return fmt.Sprintf("screen still shows %q:\n%s", text, screen)
	})
}

// WaitUntil waits until ok holds for the screen's text; what says in
// the failure what was awaited.
func (s *Screen) WaitUntil(t testing.TB, what string, ok func(screen string) bool) {
	t.Helper()
	s.waitFor(t, ok, func(screen string) string {
		return fmt.Sprintf("screen never showed %s; it shows:\n%s", what, screen)
	})
}

// WaitRow waits until the row that shows key also shows every one of
// texts. A frame may reach the emulator in pieces, so a row is checked
// as it settles rather than once after some other text has changed.
func (s *Screen) WaitRow(t testing.TB, key string, texts ...string) {
	t.Helper()
	rowOK := func(screen string) bool {
		for _, line := range strings.Split(screen, "\n") {
			if strings.Contains(line, key) && containsAll(line, texts) {
				return true
			}
		}
		return false
	}
	s.waitFor(t, rowOK, func(screen string) string {
		return fmt.Sprintf("no row shows %q with %q; the screen shows:\n%s", key, texts, screen)
	})
}

// waitFor plays the program's output into the emulator until ok holds
// for the screen, failing with what wrong says after 5 s.
func (s *Screen) waitFor(t testing.TB, ok func(screen string) bool, wrong func(screen string) string) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	buf := make([]byte, 64<<10)
	for {
		n, _ := s.tm.Output().Read(buf)
		if n > 0 {
			s.feed(buf[:n])
		}
		screen := s.Text()
		if ok(screen) {
			return
		}
		if time.Now().After(deadline) {
			t.Fatal(wrong(screen))
		}
		if n == 0 {
			time.Sleep(15 * time.Millisecond)
		}
	}
}

// Quit presses ctrl+c and waits for the program to end.
func (s *Screen) Quit(t testing.TB) {
	t.Helper()
	// The first ctrl+c may only cancel what is being typed.
	for range 3 {
		s.tm.Send(tea.KeyPressMsg{Code: 'c', Mod: tea.ModCtrl})
	}
	s.tm.WaitFinished(t, teatest.WithFinalTimeout(3*time.Second))
}

// feed plays output into the emulator as a terminal with ONLCR would:
// without a TTY the program writes bare line feeds.
func (s *Screen) feed(b []byte) {
	s.emu.Write(bytes.ReplaceAll(bytes.ReplaceAll(b, []byte("\r\n"), []byte("\n")), []byte("\n"), []byte("\r\n")))
}

func containsAll(s string, texts []string) bool {
	for _, t := range texts {
		if !strings.Contains(s, t) {
			return false
		}
	}
	return true
}

// RunOn starts the app of user u in lang, as Run does, and switches it
// to screen (a key such as "screen.shipping").
func (f *Fixture) RunOn(t testing.TB, u store.User, lang, screen string) *Screen {
	t.Helper()
	scr := Run(t, f.App(u, lang))
	scr.Send(common.SwitchScreenMsg{Screen: screen})
	return scr
}
