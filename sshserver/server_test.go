package sshserver

import (
	"strings"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"orderdesk/store"
	"orderdesk/workflow"
)

func TestKnownKeyGetsTheAppAsItsUser(t *testing.T) {
	o := startOffice(t, nil)
	term := o.open(t, "wangli", o.keys["wangli"])
	term.wait(t, 5*time.Second, "用户 王丽", "角色 内勤", "1 客户")
}

func TestLoginNameNeverChoosesTheUser(t *testing.T) {
	o := startOffice(t, nil)
	// The clerk's key, but the supervisor's login name typed at the client.
	term := o.open(t, "zhao", o.keys["wangli"])
	term.wait(t, 5*time.Second, "用户 王丽")
	if strings.Contains(term.text(), "赵主管") {
		t.Fatal("the login name picked the user")
	}
}

func TestUnknownAndRemovedKeysAreRefused(t *testing.T) {
	o := startOffice(t, nil)
	stranger, _ := newKey(t)
	if c, err := o.dial("wangli", stranger); err == nil {
		c.Close()
		t.Fatal("an unknown key got in")
	}
	sys, _ := o.f.Engine.SystemUser(o.f.Ctx)
	fp := gossh.FingerprintSHA256(o.keys["chen"].PublicKey())
	if err := o.f.Engine.RemoveKey(o.f.Ctx, sys, fp); err != nil {
		t.Fatal(err)
	}
	if c, err := o.dial("chen", o.keys["chen"]); err == nil {
		c.Close()
		t.Fatal("a removed key still works")
	}
}

func TestSessionWithoutPTYIsRefused(t *testing.T) {
	o := startOffice(t, nil)
	client, err := o.dial("wangli", o.keys["wangli"])
	if err != nil {
		t.Fatal(err)
	}
	defer client.Close()
	sess, err := client.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	out, _ := sess.CombinedOutput("")
	if !strings.Contains(string(out), "PTY") {
		t.Fatalf("want a PTY refusal, got %q", out)
	}
}

func TestSessionsSeeEachOthersChanges(t *testing.T) {
	o := startOffice(t, nil)
	boss := o.signIn(t, "zhao", "赵主管")
	boss.typeKeys("9")
	boss.wait(t, 5*time.Second, "待我审核(0)")

	// The clerk, in another session, proposes new terms.
	start := time.Now()
	_, _, err := o.f.Engine.Desk(o.f.Clerk).CreateCustomer(o.f.Ctx, workflow.CustomerInput{
		Name: "营口港务钢材有限公司", PaymentTerms: store.TermsMonthly, TermsDays: "30", CreditLimit: "200000",
	})
	if err != nil {
		t.Fatal(err)
	}
	boss.wait(t, time.Second, "待我审核(1)", "营口港务钢材有限公司")
	t.Logf("change visible in the other session after %s", time.Since(start).Round(time.Millisecond))
}
