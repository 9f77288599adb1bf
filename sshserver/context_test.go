package sshserver

import (
	"context"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"orderdesk/tui"
)

// A dropped connection cancels what its session was doing: the context
// the desk's queries run under ends with the session.
func TestSessionContextEndsWithTheSession(t *testing.T) {
	o := startOffice(t, nil)
	got := make(chan context.Context, 1)
	build := o.srv.newModel
	o.srv.newModel = func(opts tui.Options) tea.Model {
		got <- opts.Ctx
		return build(opts)
	}
	term := o.signIn(t, "wangli", "王丽")
	var ctx context.Context
	select {
	case ctx = <-got:
	case <-time.After(5 * time.Second):
		t.Fatal("no desk was built for the session")
	}
	if ctx == nil || ctx.Err() != nil {
		t.Fatalf("the live session's context is %v", ctx)
	}
	term.conn.Close()
	select {
	case <-ctx.Done():
	case <-time.After(5 * time.Second):
		t.Fatal("the session ended but its context did not")
	}
}
