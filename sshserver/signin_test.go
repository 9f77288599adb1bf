package sshserver

import (
	"testing"
	"time"
)

// signIn opens a session as login with its own key and waits for the
// status line to name the user.
func (o *office) signIn(t *testing.T, login, name string) *terminal {
	t.Helper()
	term := o.open(t, login, o.keys[login])
	term.wait(t, 5*time.Second, "用户 "+name)
	return term
}
