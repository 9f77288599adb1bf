package sshserver

import (
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/ssh"
	"charm.land/wish/v2"
	"charm.land/wish/v2/bubbletea"
	gossh "golang.org/x/crypto/ssh"

	"orderdesk/internal/esckeys"
	"orderdesk/store"
	"orderdesk/tui"
	"orderdesk/tui/i18n"
)

type ctxKey struct{ name string }

var userKey = &ctxKey{"orderdesk-user"}

// identify checks the key a second time, now the one the client proved it
// holds (auth callbacks also see keys a client only offered), and resolves
// the user from it. Nothing set during authentication is trusted.
func (s *Server) identify(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		u, refusal := s.keyUser(sess)
		if refusal != "" {
			wish.Fatalln(sess, s.catalog(sess).T(refusal))
			return
		}
		if n := s.sessions.Add(1); n > int64(s.cfg.MaxSessions) {
			s.sessions.Add(-1)
			s.log.Warn("session refused: server full", "user", u.Login, "max", s.cfg.MaxSessions)
			wish.Fatalln(sess, s.catalog(sess).T("ssh.full"))
			return
		}
		defer s.sessions.Add(-1)
		sess.Context().SetValue(userKey, u)
		next(sess) // runs the session's program to its end
		s.closeModel(sess)
	}
}

// keyUser resolves the user from the key the client proved it holds;
// refusal is the catalogue's key of why not ("" when resolved).
func (s *Server) keyUser(sess ssh.Session) (u store.User, refusal string) {
	pk := sess.PublicKey()
	if pk == nil {
		s.log.Warn("session refused: no verified key", "addr", sess.RemoteAddr().String())
		return u, "ssh.no_key"
	}
	u, err := s.cfg.Engine.UserByKey(sess.Context(), gossh.FingerprintSHA256(pk))
	if err != nil {
		s.log.Warn("session refused: key not registered", "fingerprint", gossh.FingerprintSHA256(pk))
		return u, "ssh.not_registered"
	}
	return u, ""
}

// closeModel lets go of what a finished session's program held: its feed
// subscription and any record it had open.
func (s *Server) closeModel(sess ssh.Session) {
	s.openMu.Lock()
	m := s.open[sess]
	delete(s.open, sess)
	s.openMu.Unlock()
	if c, ok := m.(interface{ Close() }); ok {
		c.Close()
	}
}

// logSessions writes one line when a session starts and one when it ends.
func (s *Server) logSessions(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		start := time.Now()
		s.log.Info("connect", "login_name", sess.User(), "addr", sess.RemoteAddr().String())
		next(sess)
		u, _ := sess.Context().Value(userKey).(store.User)
		s.log.Info("disconnect", "user", u.Login, "addr", sess.RemoteAddr().String(), "duration", time.Since(start).Round(time.Millisecond))
	}
}

// program builds the session's own app: its user, language, styles and
// keys belong to it alone.
func (s *Server) program(sess ssh.Session) (tea.Model, []tea.ProgramOption) {
	u, _ := sess.Context().Value(userKey).(store.User)
	app := s.newModel(tui.Options{
		Ctx: sess.Context(), Desk: s.cfg.Engine.Desk(u), Lang: s.cfg.Lang, LangEnv: envValue(sess.Environ(), "LANG"),
		DBPath: s.cfg.DBPath, BackupStatus: s.cfg.BackupStatus, Company: s.cfg.Company, PrintDir: s.cfg.PrintDir, Theme: s.cfg.Theme, FollowUpDays: s.cfg.FollowUpDays,
		Spool: s.spool(),
	})
	s.openMu.Lock()
	s.open[sess] = app
	s.openMu.Unlock()
	return app, append(bubbletea.MakeOptions(sess), tea.WithFPS(120))
}

// newProgram runs the session's app on its input as esckeys reads it,
// so a burst read late keeps every esc typed in it.
func (s *Server) newProgram(sess ssh.Session) *tea.Program {
	m, opts := s.program(sess)
	if sess.EmulatedPty() { // the input is the session's own stream
		opts = append(opts, tea.WithInput(esckeys.New(sess.Context(), sess)))
	}
	return tea.NewProgram(m, opts...)
}

func envValue(env []string, name string) string {
	for _, kv := range env {
		if k, v, ok := strings.Cut(kv, "="); ok && k == name {
			return v
		}
	}
	return ""
}

// catalog speaks the session's language: the configured one, else its LANG.
func (s *Server) catalog(sess ssh.Session) i18n.Catalog {
	return i18n.Catalog{Lang: i18n.Resolve(s.cfg.Lang, envValue(sess.Environ(), "LANG"))}
}
