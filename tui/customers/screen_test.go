package customers_test

import (
	"bytes"
	"io"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/teatest/v2"
	"github.com/charmbracelet/x/vt"

	"orderdesk/tui"
)

// screen is what a person would see: the program's output played into a
// terminal emulator (the renderer redraws only what changed, so the raw
// stream would miss text). It is tuitest.Screen without the emulator's
// Close, which races with its Read under -race (vt v0.1.0): the reader
// goroutine is simply left blocked when the test ends.
type screen struct {
	emu *vt.Emulator
	tm  *teatest.TestModel
}

func run(t *testing.T, app *tui.App) *screen {
	t.Helper()
	tm := teatest.NewTestModel(t, app, teatest.WithInitialTermSize(120, 40))
	emu := vt.NewEmulator(120, 40)
	go io.Copy(io.Discard, emu) // answers to terminal queries: nobody asks
	t.Cleanup(app.Close)
	return &screen{emu: emu, tm: tm}
}

func (s *screen) Send(msgs ...tea.Msg) {
	for _, m := range msgs {
		s.tm.Send(m)
	}
}

func (s *screen) Type(text string) { s.tm.Type(text) }

// Text is the screen now, one line per row.
func (s *screen) Text() string { return ansi.Strip(s.emu.Render()) }

func (s *screen) WaitText(t *testing.T, texts ...string) {
	t.Helper()
	s.wait(t, func(screen string) bool {
		for _, x := range texts {
			if !strings.Contains(screen, x) {
				return false
			}
		}
		return true
	}, "never showed %q", texts)
}

func (s *screen) WaitGone(t *testing.T, text string) {
	t.Helper()
	s.wait(t, func(screen string) bool { return !strings.Contains(screen, text) }, "still shows %q", text)
}

func (s *screen) wait(t *testing.T, ok func(string) bool, format string, arg any) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	buf := make([]byte, 64<<10)
	for {
		n, _ := s.tm.Output().Read(buf)
		if n > 0 {
			// Without a TTY the program writes bare line feeds; a terminal
			// with ONLCR would return the carriage too.
			b := bytes.ReplaceAll(bytes.ReplaceAll(buf[:n], []byte("\r\n"), []byte("\n")), []byte("\n"), []byte("\r\n"))
			s.emu.Write(b)
		}
		if ok(s.Text()) {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("screen "+format+"; it shows:\n%s", arg, s.Text())
		}
		if n == 0 {
			time.Sleep(15 * time.Millisecond)
		}
	}
}

// Quit presses ctrl+c and waits for the program to end.
func (s *screen) Quit(t *testing.T) {
	t.Helper()
	s.tm.Send(tea.KeyPressMsg{Code: 'c', Mod: tea.ModCtrl})
	s.tm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))
}
