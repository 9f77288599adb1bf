package sshserver

import (
	"path/filepath"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/ssh"
	"charm.land/wish/v2"
	"charm.land/wish/v2/activeterm"
	"charm.land/wish/v2/bubbletea"
	gossh "golang.org/x/crypto/ssh"
)

// bareModel is the floor BenchmarkOffice measures the desk against: a
// trivial Bubble Tea v2 program that shows what is typed, esc clearing
// it, so every key the load types changes the screen as the desk's
// filter does.
type bareModel struct{ typed string }

func (m bareModel) Init() tea.Cmd { return nil }

func (m bareModel) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if k, ok := msg.(tea.KeyPressMsg); ok {
		switch {
		case k.String() == "ctrl+c":
			return m, tea.Quit
		case k.Code == tea.KeyEscape:
			m.typed = ""
		default:
			m.typed += k.Text
		}
	}
	return m, nil
}

// View fills the window as the desk does (the alternate screen): a
// renderer's buffers are the size of what it draws.
func (m bareModel) View() tea.View {
	v := tea.NewView("bare program\n\nfilter: " + m.typed + "\n")
	v.AltScreen = true
	return v
}

// serveBare starts the bare program over wish on a loopback port, as
// the desk's server runs its programs (a PTY required, 120 frames a
// second), any key let in; it stops when tb ends.
func serveBare(tb testing.TB) (dial func() (*gossh.Client, error)) {
	tb.Helper()
	srv, err := wish.NewServer(
		wish.WithAddress("127.0.0.1:0"),
		wish.WithHostKeyPath(filepath.Join(tb.TempDir(), "bare_ed25519")),
		wish.WithPublicKeyAuth(func(ssh.Context, ssh.PublicKey) bool { return true }),
		wish.WithMiddleware(
			bubbletea.Middleware(func(sess ssh.Session) (tea.Model, []tea.ProgramOption) {
				return bareModel{}, append(bubbletea.MakeOptions(sess), tea.WithFPS(120))
			}),
			activeterm.Middleware(),
		),
	)
	if err != nil {
		tb.Fatal(err)
	}
	addr := serveLoopback(tb, srv)
	signer, _ := newKey(tb)
	return func() (*gossh.Client, error) {
		return gossh.Dial("tcp", addr, &gossh.ClientConfig{
			User: "bare", Auth: []gossh.AuthMethod{gossh.PublicKeys(signer)},
			HostKeyCallback: gossh.InsecureIgnoreHostKey(), Timeout: 5 * time.Second,
		})
	}
}
