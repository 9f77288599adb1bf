package sshserver

import (
	"context"
	"errors"
	"fmt"
	"time"

	"charm.land/ssh"
	gossh "golang.org/x/crypto/ssh"

	"orderdesk/store"
	"orderdesk/workflow"
)

// A session lasts only while its key and its user do. Disabling a user or
// removing a key ends their open sessions at once: on the change itself
// when it is made in the desk (the feed), and within recheckEvery when it
// is made by `orderdesk user` in another process, which no feed reaches.

// recheckEvery is how often every open session's key is checked again.
const recheckEvery = time.Second

// watchAccess ends sessions that lost their access, until ctx ends.
func (s *Server) watchAccess(ctx context.Context) {
	changes, stop := s.cfg.Engine.Feed().Subscribe()
	defer stop()
	tick := time.NewTicker(recheckEvery)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case c, ok := <-changes:
			if !ok {
				return
			}
			if c.Kind == "user" {
				s.recheck(ctx)
			}
		case <-tick.C:
			s.recheck(ctx)
		}
	}
}

// recheck ends each open session whose key no longer resolves to its user.
func (s *Server) recheck(ctx context.Context) {
	s.openMu.Lock()
	sessions := make([]ssh.Session, 0, len(s.open))
	for sess := range s.open {
		sessions = append(sessions, sess)
	}
	s.openMu.Unlock()
	for _, sess := range sessions {
		was, _ := sess.Context().Value(userKey).(store.User)
		pk := sess.PublicKey()
		if pk == nil {
			continue
		}
		u, err := s.cfg.Engine.UserByKey(ctx, gossh.FingerprintSHA256(pk))
		if err == nil && u.ID == was.ID {
			continue
		}
		if err != nil && !errors.Is(err, workflow.ErrNoUser) {
			continue // the database did not answer: no verdict
		}
		s.log.Warn("session ended: access withdrawn", "user", was.Login, "addr", sess.RemoteAddr().String())
		fmt.Fprintln(sess.Stderr(), "\r\n"+s.catalog(sess).T("ssh.revoked"))
		sess.Close()
	}
}
