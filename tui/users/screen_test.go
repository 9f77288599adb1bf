package users_test

import (
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	gossh "golang.org/x/crypto/ssh"

	"orderdesk/store"
	"orderdesk/tui/tuitest"
	"orderdesk/workflow"
)

func enter() tea.KeyPressMsg { return tuitest.Key("enter") }

func char(r rune) tea.KeyPressMsg { return tea.KeyPressMsg{Code: r, Text: string(r)} }

// withAdmin is the fixture with an admin, root, besides its people.
func withAdmin(t *testing.T) (*tuitest.Fixture, store.User) {
	t.Helper()
	f := tuitest.New(t)
	sys, _ := f.Engine.SystemUser(f.Ctx)
	admin, err := f.Engine.AddUser(f.Ctx, sys, "root", "管理员", "", []workflow.Role{workflow.Admin})
	if err != nil {
		t.Fatal(err)
	}
	return f, admin
}

func TestAdminAddsUserAndKey(t *testing.T) {
	f, admin := withAdmin(t)
	ctx := context.Background()
	scr := tuitest.Run(t, f.App(admin, "en"))
	// An admin alone sees Review (9), Products (0) and Users (no digit:
	// shift+tab from the first screen).
	scr.WaitText(t, "9 Review", "0 Products", "Users")
	scr.Send(tea.KeyPressMsg{Code: tea.KeyTab, Mod: tea.ModShift})
	scr.WaitText(t, "wangli", "王丽", "赵主管")
	scr.Send(char('n'))
	scr.WaitText(t, "New user", "▌ Login")
	scr.Type("sun")
	scr.Send(enter())
	scr.WaitText(t, "▌ Name")
	scr.Type("孙采购")
	scr.Send(enter())
	scr.WaitText(t, "▌ Operating-system account")
	scr.Send(enter())
	scr.WaitText(t, "▌ Roles")
	scr.Send(char('x')) // deselect clerk (the first option, preselected)…
	scr.Send(tuitest.Key("down"), tuitest.Key("down"), tuitest.Key("down"),
		tuitest.Key("down"), char('x'), enter()) // …and select purchasing
	scr.WaitText(t, "user added", "孙采购")

	u, err := f.Engine.Desk(admin).Users(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var sun *struct{ roles []string }
	for _, x := range u {
		if x.Login == "sun" {
			sun = &struct{ roles []string }{x.Roles}
		}
	}
	if sun == nil || strings.Join(sun.roles, ",") != "purchasing" {
		t.Fatalf("want sun with purchasing, got %+v", sun)
	}

	// A garbage key is refused at the field; a real one is kept.
	scr.Send(char('j'), char('j')) // by login: chen, root, sun
	scr.Send(char('a'))
	scr.WaitText(t, "▌ SSH public key")
	scr.Send(tea.PasteMsg{Content: "ssh-rsa not-a-key"})
	scr.Send(enter())
	scr.WaitText(t, "not an SSH public key")
	pub, _, _ := ed25519.GenerateKey(rand.Reader)
	sshPub, _ := gossh.NewPublicKey(pub)
	line := strings.TrimSpace(string(gossh.MarshalAuthorizedKey(sshPub)))
	for range len("ssh-rsa not-a-key") {
		scr.Send(tuitest.Key("backspace"))
	}
	scr.Send(tea.PasteMsg{Content: line + " sun@laptop"})
	scr.Send(enter())
	scr.WaitText(t, "key added")
	who, err := f.Engine.UserByKey(ctx, gossh.FingerprintSHA256(sshPub))
	if err != nil {
		t.Fatal(err)
	}
	scr.Quit(t)
	if who.Login == "" {
		t.Fatal("the key does not identify anyone")
	}
}
