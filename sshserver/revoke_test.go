package sshserver

import (
	"strings"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"orderdesk/store"
	"orderdesk/workflow"
)

// Withdrawing access ends the open session at once: a disabled user's
// and a removed key's. The system user stands for `orderdesk user` run
// in another process, which reaches the server through no feed.
func TestWithdrawnAccessEndsOpenSessions(t *testing.T) {
	for _, tc := range []struct {
		name     string
		withdraw func(o *office) error
	}{
		{"user disabled from the command line", func(o *office) error {
			sys, _ := o.f.Engine.SystemUser(o.f.Ctx)
			return o.f.Store.Write(o.f.Ctx, func(tx *store.Tx) error { return tx.SetActive(o.f.Ctx, sys.ID, o.f.Clerk.ID, false) })
		}},
		{"user disabled in the desk", func(o *office) error {
			admin, err := o.f.Engine.AddUser(o.f.Ctx, o.sys(t), "root", "管理员", "", []workflow.Role{workflow.Admin})
			if err != nil {
				return err
			}
			return o.f.Engine.Desk(admin).SetActive(o.f.Ctx, o.f.Clerk.ID, false)
		}},
		{"key removed", func(o *office) error {
			sys, _ := o.f.Engine.SystemUser(o.f.Ctx)
			return o.f.Engine.RemoveKey(o.f.Ctx, sys, gossh.FingerprintSHA256(o.keys["wangli"].PublicKey()))
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			o := startOffice(t, nil)
			term := o.signIn(t, "wangli", "王丽")
			other := o.signIn(t, "chen", "陈会计")
			if err := tc.withdraw(o); err != nil {
				t.Fatal(err)
			}
			select {
			case <-term.ended:
			case <-time.After(3 * time.Second):
				t.Fatalf("the session went on after its access was withdrawn:\n%s", term.text())
			}
			term.mu.Lock()
			raw := term.raw.String()
			term.mu.Unlock()
			if !strings.Contains(raw, "会话结束") {
				t.Errorf("the session ended without saying why")
			}
			select {
			case <-other.ended:
				t.Fatal("another user's session ended too")
			case <-time.After(1500 * time.Millisecond):
			}
		})
	}
}

func (o *office) sys(t *testing.T) store.User {
	sys, err := o.f.Engine.SystemUser(o.f.Ctx)
	if err != nil {
		t.Fatal(err)
	}
	return sys
}
