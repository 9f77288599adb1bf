package tui_test

import (
	"charm.land/bubbles/v2/key"
	"github.com/charmbracelet/x/ansi"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"orderdesk/tui"
	"orderdesk/tui/common"
	"orderdesk/tui/tuitest"
	"orderdesk/workflow"
)

// slowList is a screen whose list arrives late: "r" reloads it (an
// awaited answer), "j" moves the cursor, "o" opens the row under it and
// "p" panics (a bug).
type slowList struct {
	c         *common.Common
	rows      []string
	cursor    int
	opened    []string
	reloading bool // a change's reload is on its way
}

type rowsMsg []string

func (s *slowList) Init() tea.Cmd { return nil }
func (s *slowList) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case rowsMsg:
		s.rows, s.cursor, s.reloading = msg, 0, false
	case common.ChangedMsg:
		// Another desk changed the list: read it again, as every screen
		// does, without asking for keys to wait.
		s.reloading = true
		return s, func() tea.Msg {
			time.Sleep(300 * time.Millisecond)
			return rowsMsg{"丁", "戊", "己"}
		}
	case tea.KeyPressMsg:
		switch msg.String() {
		case "r":
			return s, s.c.Await(func() tea.Msg {
				time.Sleep(30 * time.Millisecond)
				return rowsMsg{"甲", "乙", "丙"}
			})
		case "j":
			s.cursor = min(s.cursor+1, max(len(s.rows)-1, 0))
		case "o":
			if s.cursor < len(s.rows) {
				s.opened = append(s.opened, s.rows[s.cursor])
			} else {
				s.opened = append(s.opened, "nothing")
			}
		case "p":
			panic("a bug in the screen")
		case "c":
			return s, s.c.Await(func() tea.Msg { panic("a bug in a command") })
		}
	}
	return s, nil
}
func (s *slowList) View() string {
	v := "rows: " + strings.Join(s.rows, "") + " opened: " + strings.Join(s.opened, ",")
	if s.reloading {
		v += " reloading"
	}
	return v
}
func (s *slowList) SetSize(int, int)          {}
func (s *slowList) Title() string             { return "slow" }
func (s *slowList) ShortHelp() []key.Binding  { return nil }
func (s *slowList) FullHelp() [][]key.Binding { return nil }
func (s *slowList) Capturing() bool           { return false }

func slowApp(t *testing.T) (*tui.App, *slowList) {
	f := tuitest.New(t)
	a := f.App(f.Clerk, "en")
	s := tui.SetFirstScreen(a, func(c *common.Common) common.Screen { return &slowList{c: c} })
	return a, s.(*slowList)
}

// Keys typed while the list loads act on the loaded list, in order: the
// burst "r j j o" opens the third row, as typed slowly it would.
func TestKeysTypedAheadWaitForTheAnswer(t *testing.T) {
	a, s := slowApp(t)
	screen := tuitest.Run(t, a)
	screen.Type("rjjo")
	screen.WaitText(t, "opened: 丙")
	if len(s.opened) != 1 || s.opened[0] != "丙" {
		t.Fatalf("the burst opened %q, want the third row", s.opened)
	}
	// A second burst reloads (cursor back to the top) and opens at once.
	screen.Type("ro")
	screen.WaitText(t, "opened: 丙,甲")
}

// A screen's panic starts it afresh with a message; the session goes on.
func TestAPanickingScreenStartsAfresh(t *testing.T) {
	a, _ := slowApp(t)
	a.Update(tea.WindowSizeMsg{Width: 100, Height: 20})
	_, cmd := a.Update(tea.KeyPressMsg{Code: 'p', Text: "p"})
	for _, m := range drain(cmd) {
		a.Update(m)
	}
	got := a.Render()
	if !strings.Contains(got, "a bug in the screen") {
		t.Fatalf("the panic was not reported:\n%s", got)
	}
	a.Update(tea.KeyPressMsg{Code: 'o', Text: "o"})
	if !strings.Contains(a.Render(), "opened: nothing") {
		t.Fatalf("the new screen does not take keys:\n%s", a.Render())
	}
}

// A command's panic starts the screen that waits for its answer afresh,
// with a message, and the session goes on.
func TestAPanickingCommandStartsTheScreenAfresh(t *testing.T) {
	a, _ := slowApp(t)
	a.Update(tea.WindowSizeMsg{Width: 100, Height: 20})
	a.Update(tea.KeyPressMsg{Code: 'o', Text: "o"})
	_, cmd := a.Update(tea.KeyPressMsg{Code: 'c', Text: "c"})
	for _, m := range drain(cmd) {
		_, cmd = a.Update(m)
		for _, m := range drain(cmd) {
			a.Update(m)
		}
	}
	got := a.Render()
	if !strings.Contains(got, "a bug in a command") || strings.Contains(got, "opened: nothing") {
		t.Fatalf("the screen was not started afresh with a message:\n%s", got)
	}
	a.Update(tea.KeyPressMsg{Code: 'o', Text: "o"})
	if !strings.Contains(a.Render(), "opened: nothing") {
		t.Fatalf("the new screen does not take keys:\n%s", a.Render())
	}
}

// A command's panic comes back as a message.
func TestAPanickingCommandIsAMessage(t *testing.T) {
	msg := tui.Safe(func() tea.Msg { panic("boom") })()
	if p, ok := msg.(common.PanicMsg); !ok || p.Error() != "boom" {
		t.Fatalf("got %#v", msg)
	}
}

// drain runs a command and its batches synchronously (no ticks here).
func drain(cmd tea.Cmd) []tea.Msg {
	if cmd == nil {
		return nil
	}
	msg := cmd()
	if b, ok := msg.(tea.BatchMsg); ok {
		var out []tea.Msg
		for _, c := range b {
			out = append(out, drain(c)...)
		}
		return out
	}
	return []tea.Msg{msg}
}

// In a burst esc and the next key come in one read, which a terminal
// reads as alt+key: the desk takes them as the two keys typed.
func TestEscThenAKeyInOneReadIsTwoKeys(t *testing.T) {
	a, s := slowApp(t)
	// alt+o: esc, then o (opens "nothing": no rows loaded).
	tuitest.Press(a, tea.KeyPressMsg{Code: 'o', Mod: tea.ModAlt})
	if len(s.opened) != 1 || s.opened[0] != "nothing" {
		t.Fatalf("alt+o did not reach the screen as o: %q", s.opened)
	}
	// alt+shift+g is esc then G.
	var got []string
	tui.SetFirstScreen(a, func(c *common.Common) common.Screen { return &keyLog{got: &got} })
	tuitest.Press(a, tea.KeyPressMsg{Code: 'g', ShiftedCode: 'G', Mod: tea.ModAlt | tea.ModShift})
	if strings.Join(got, " ") != "esc G" {
		t.Fatalf("alt+shift+g arrived as %q, want esc then G", got)
	}
}

// keyLog records the keys it receives.
type keyLog struct{ got *[]string }

func (k *keyLog) Init() tea.Cmd { return nil }
func (k *keyLog) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	if m, ok := msg.(tea.KeyPressMsg); ok {
		s := m.Text
		if s == "" {
			s = m.String()
		}
		*k.got = append(*k.got, s)
	}
	return k, nil
}
func (k *keyLog) View() string             { return "" }
func (k *keyLog) SetSize(int, int)         {}
func (k *keyLog) Title() string            { return "keys" }
func (k *keyLog) ShortHelp() []key.Binding { return nil }

func (k *keyLog) FullHelp() [][]key.Binding { return nil }
func (k *keyLog) Capturing() bool           { return true }

// nestedLog is a keyLog showing a document: digits reach it, not the
// tab bar.
type nestedLog struct{ keyLog }

func (n *nestedLog) Nested() bool    { return true }
func (n *nestedLog) Capturing() bool { return false }

// Digits typed on a document (a note's number read off the paper) stay
// on it: they never switch screens, let alone open an editor elsewhere.
func TestDigitsOnADocumentNeverSwitchScreens(t *testing.T) {
	f := tuitest.New(t)
	a := f.App(f.Clerk, "en")
	var got []string
	tui.SetFirstScreen(a, func(c *common.Common) common.Screen { return &nestedLog{keyLog{got: &got}} })
	tuitest.Press(a, tea.WindowSizeMsg{Width: 120, Height: 30})
	tuitest.Press(a, tuitest.Keys("FH2026-000123")...)
	if joined := strings.Join(got, ""); joined != "FH2026-000123" {
		t.Fatalf("the document got %q", joined)
	}
	if bar := strings.Split(ansi.Strip(a.Render()), "\n")[0]; !strings.Contains(bar, "keys") {
		t.Fatalf("the screen changed: %q", bar)
	}
}

// A key typed while the list is read again for a change made elsewhere
// acts on the list as read again: the change's reload is awaited as an
// answer is (the "w" on a lead whose stage another read was bringing
// back would otherwise act on the version before it).
func TestKeysTypedWhileAChangeIsReadWaitForIt(t *testing.T) {
	a, s := slowApp(t)
	screen := tuitest.Run(t, a)
	screen.Type("r")
	screen.WaitText(t, "rows: 甲乙丙")
	screen.Send(common.ChangedMsg{Change: workflow.Change{Kind: "customer", ID: 1}})
	screen.WaitText(t, "reloading")
	screen.Type("o")
	screen.WaitUntil(t, "the list read again and a row opened", func(v string) bool {
		return strings.Contains(v, "rows: 丁戊己") && (strings.Contains(v, "opened: 丁") || strings.Contains(v, "opened: 甲"))
	})
	screen.Quit(t)
	if len(s.opened) != 1 || s.opened[0] != "丁" {
		t.Fatalf("the key typed during the change's reload opened %q, want the first row as read again", s.opened)
	}
}
