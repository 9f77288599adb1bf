// Package sshserver serves the desk over SSH: one Bubble Tea program per
// session, each as the user behind the session's key. The login name a
// client types is never trusted.
package sshserver

import (
	tea "charm.land/bubbletea/v2"
	"context"
	"errors"
	"log/slog"
	"net"
	"orderdesk/tui"
	"os"
	"sync"
	"sync/atomic"
	"time"

	"charm.land/ssh"
	"charm.land/wish/v2"
	"charm.land/wish/v2/activeterm"
	"charm.land/wish/v2/bubbletea"
	wishrecover "charm.land/wish/v2/recover"
	gossh "golang.org/x/crypto/ssh"

	"orderdesk/workflow"
	"orderdesk/workflow/spool"
)

// Config sets up the office server.
type Config struct {
	Listen      string
	HostKeyPath string
	IdleTimeout time.Duration
	MaxSessions int
	Engine      *workflow.Engine
	DBPath      string
	// BackupStatus names the scheduled backups' status file (tui.Options).
	BackupStatus string
	Company      string
	PrintDir     string // where printouts go, on the server's disk
	Lang         string // the configured language; a session's LANG applies when empty
	Theme        string
	// FollowUpDays: sent quotes unanswered longer are flagged for follow-up.
	FollowUpDays int
	Log          *slog.Logger
	// ConnPerSecond and ConnBurst limit new connections from one address.
	ConnPerSecond float64
	ConnBurst     int
	// Printing sends a session's printouts to its user's own folder under
	// Printing.Dir (PrintDir when empty), fetched over SCP and SFTP, and
	// to the office printer. FetchHost "" is this machine's name;
	// FetchPort 0 the port listened on.
	Printing spool.Config
}

// Server is a running office server.
type Server struct {
	cfg      Config
	srv      *ssh.Server
	log      *slog.Logger
	sessions atomic.Int64
	conns    *ipLimiter
	// newModel builds a session's program model; tests replace it.
	newModel func(tui.Options) tea.Model
	// open holds each running session's model, to let go of what it holds
	// when its program ends (sessions may share one connection).
	openMu sync.Mutex
	open   map[ssh.Session]tea.Model
	// stopWatch ends the watch on withdrawn access (revoke.go).
	stopWatch context.CancelFunc
	// fetchPort is the port the clerks' fetch line names (Serve sets it).
	fetchPort int
	// accepting closes once Serve's listener is tracked by the SSH
	// server: its Shutdown waits on the listeners it tracks, and a
	// Shutdown called before Serve got that far would race with it.
	accepting chan struct{}
	// stopped is set by Shutdown: a Serve not yet begun does not begin.
	stopped bool
}

// New builds the server; Serve or ListenAndServe starts it.
func New(cfg Config) (*Server, error) {
	if cfg.Log == nil {
		cfg.Log = slog.New(slog.DiscardHandler)
	}
	if cfg.MaxSessions <= 0 {
		cfg.MaxSessions = 64
	}
	if cfg.ConnPerSecond <= 0 {
		cfg.ConnPerSecond, cfg.ConnBurst = 10, 20
	}
	if cfg.Printing.Dir == "" {
		cfg.Printing.Dir = cfg.PrintDir
	}
	if cfg.Printing.FetchHost == "" {
		cfg.Printing.FetchHost, _ = os.Hostname()
	}
	s := &Server{cfg: cfg, log: cfg.Log, conns: newIPLimiter(cfg.ConnPerSecond, cfg.ConnBurst),
		newModel: func(o tui.Options) tea.Model { return tui.New(o) }, open: map[ssh.Session]tea.Model{}}
	opts := []ssh.Option{
		wish.WithAddress(cfg.Listen),
		wish.WithHostKeyPath(cfg.HostKeyPath),
		wish.WithPublicKeyAuth(s.authorize),
		wish.WithMiddleware(
			// Middleware runs last-to-first: recover wraps everything, then
			// the connection log, the PTY check, identity, and the program.
			bubbletea.MiddlewareWithProgramHandler(s.newProgram),
			s.identify,
			activeterm.Middleware(),
			s.copyFiles, // scp has no PTY: it is served before the check
			s.logSessions,
			wishrecover.Middleware(),
		),
		func(srv *ssh.Server) error {
			srv.ConnCallback = s.admit
			srv.SubsystemHandlers = map[string]ssh.SubsystemHandler{"sftp": s.sftpSubsystem}
			srv.HandshakeTimeout = 10 * time.Second
			return nil
		},
	}
	if cfg.IdleTimeout > 0 {
		opts = append(opts, wish.WithIdleTimeout(cfg.IdleTimeout))
	}
	srv, err := wish.NewServer(opts...)
	if err != nil {
		return nil, err
	}
	s.srv = srv
	return s, nil
}

// Serve accepts sessions on ln until Shutdown.
func (s *Server) Serve(ln net.Listener) error {
	s.log.Info("serving", "addr", ln.Addr().String())
	ctx, cancel := context.WithCancel(context.Background())
	s.openMu.Lock()
	if s.stopped {
		s.openMu.Unlock()
		cancel()
		ln.Close()
		return nil
	}
	s.stopWatch = cancel
	if tcp, ok := ln.Addr().(*net.TCPAddr); ok {
		s.fetchPort = tcp.Port
	}
	first := &firstAccept{Listener: ln, ready: make(chan struct{})}
	s.accepting = first.ready
	s.openMu.Unlock()
	go s.watchAccess(ctx)
	defer cancel()
	defer first.signal() // Serve may end before it accepts
	err := s.srv.Serve(first)
	if errors.Is(err, ssh.ErrServerClosed) {
		return nil
	}
	return err
}

// ListenAndServe listens on the configured address.
func (s *Server) ListenAndServe() error {
	ln, err := net.Listen("tcp", s.cfg.Listen)
	if err != nil {
		return err
	}
	return s.Serve(ln)
}

// Shutdown stops accepting, tells every session's program to end (their
// drafts are already kept), waits for them until ctx ends, then closes
// whatever is left.
func (s *Server) Shutdown(ctx context.Context) error {
	s.log.Info("shutting down", "sessions", s.sessions.Load())
	s.openMu.Lock()
	s.stopped = true
	if s.stopWatch != nil {
		s.stopWatch()
	}
	accepting := s.accepting
	s.openMu.Unlock()
	if accepting == nil {
		return nil // Serve has not begun, and now will not
	}
	select {
	case <-accepting:
	case <-ctx.Done():
		// Serve is still starting: the SSH server's graceful shutdown
		// would wait on listeners its start has not counted yet (a race).
		s.srv.Close()
		return ctx.Err()
	}
	s.cfg.Engine.Feed().Publish(workflow.Change{Kind: workflow.ShutdownKind})
	done := make(chan error, 1)
	go func() { done <- s.srv.Shutdown(ctx) }()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
		s.srv.Close()
		return ctx.Err()
	}
}

// spool is the printing of a session: the configured one, its fetch
// line naming the port served.
func (s *Server) spool() *spool.Config {
	c := s.cfg.Printing
	s.openMu.Lock()
	if c.FetchPort == 0 {
		c.FetchPort = s.fetchPort
	}
	s.openMu.Unlock()
	return &c
}

// Sessions is the number of sessions open now.
func (s *Server) Sessions() int64 { return s.sessions.Load() }

// admit refuses connections from an address that opens too many too fast,
// before any handshake work is spent on them.
func (s *Server) admit(_ ssh.Context, conn net.Conn) net.Conn {
	host, _, _ := net.SplitHostPort(conn.RemoteAddr().String())
	if !s.conns.allow(host) {
		s.log.Warn("connection refused: too many from this address", "addr", host)
		conn.Close()
		return nil
	}
	return conn
}

// authorize is the first check: the key must belong to an active user.
// It decides nothing about identity; identify does that from the key the
// client proved it holds.
func (s *Server) authorize(ctx ssh.Context, key ssh.PublicKey) bool {
	fp := gossh.FingerprintSHA256(key)
	u, err := s.cfg.Engine.UserByKey(ctx, fp)
	if err != nil {
		s.log.Warn("key refused", "fingerprint", fp, "login_name", ctx.User(), "addr", ctx.RemoteAddr().String())
		return false
	}
	if ctx.User() != u.Login {
		s.log.Info("login name differs from the key's user", "login_name", ctx.User(), "user", u.Login)
	}
	return true
}
