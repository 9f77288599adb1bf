package main

import (
	"crypto/ed25519"
	"crypto/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"

	gossh "golang.org/x/crypto/ssh"
)

func TestUserKeyCommands(t *testing.T) {
	c := newCLI(t)
	pub, _, _ := ed25519.GenerateKey(rand.Reader)
	sshPub, _ := gossh.NewPublicKey(pub)
	line := strings.TrimSpace(string(gossh.MarshalAuthorizedKey(sshPub))) + " wang@laptop"
	fp := gossh.FingerprintSHA256(sshPub)
	dir := t.TempDir()
	keyFile := filepath.Join(dir, "id_ed25519.pub")
	os.WriteFile(keyFile, []byte(line+"\n"), 0o644)
	badFile := filepath.Join(dir, "bad.pub")
	os.WriteFile(badFile, []byte("ssh-rsa AAAAnot-a-key\n"), 0o644)
	two := filepath.Join(dir, "two.pub")
	os.WriteFile(two, []byte(line+"\n"+line+"\n"), 0o644)

	c.steps([]step{
		{name: "a user", args: []string{"user", "add", "wangli", "--name", "王丽", "--roles", "clerk"}, want: []string{"added user wangli"}},
		{name: "add a key", args: []string{"user", "key", "add", "wangli", keyFile}, want: []string{"registered key " + fp + " for wangli"}},
		{name: "the same key again", args: []string{"user", "key", "add", "wangli", keyFile}, wantErr: true, want: []string{"already registered"}},
		{name: "a bad key", args: []string{"user", "key", "add", "wangli", badFile}, wantErr: true, want: []string{"is not an SSH public key"}},
		{name: "two keys in one file", args: []string{"user", "key", "add", "wangli", two}, wantErr: true, want: []string{"is not an SSH public key"}},
		{name: "a missing file", args: []string{"user", "key", "add", "wangli", filepath.Join(dir, "nope.pub")}, wantErr: true, want: []string{"cannot read the key file"}},
		{name: "a key for nobody", args: []string{"user", "key", "add", "nobody", keyFile}, wantErr: true, want: []string{"no user with the login nobody"}},
		{name: "list", args: []string{"user", "key", "list"}, want: []string{"wangli", fp, "wang@laptop"}},
		{name: "list one user's", args: []string{"user", "key", "list", "wangli"}, want: []string{fp}},
		{name: "remove", args: []string{"user", "key", "remove", fp}, want: []string{"removed key " + fp}},
		{name: "remove again", args: []string{"user", "key", "remove", fp}, wantErr: true, want: []string{"no registered key"}},
		{name: "list after removing", args: []string{"user", "key", "list"}, want: []string{"no keys registered"}},
		{name: "disable", args: []string{"user", "disable", "wangli"}, want: []string{"disabled wangli"}},
		{name: "enable", args: []string{"user", "enable", "wangli"}, want: []string{"enabled wangli"}},
	})
}

func TestUserPassphraseFromAPipe(t *testing.T) {
	c := newCLI(t)
	c.steps([]step{{name: "a user", args: []string{"user", "add", "zhao", "--roles", "supervisor"}, want: []string{"added"}}})
	for _, tc := range []struct {
		input   string
		wantErr bool
		want    string
	}{
		{"short\n", true, "at least 8 characters"},
		{"correct horse battery\n", false, "passphrase set for zhao"},
	} {
		root := newRootCmd()
		var out strings.Builder
		root.SetOut(&out)
		root.SetErr(&out)
		root.SetIn(strings.NewReader(tc.input))
		root.SetArgs([]string{"--db", c.db, "user", "passphrase", "zhao"})
		err := root.Execute()
		if (err != nil) != tc.wantErr || !strings.Contains(out.String(), tc.want) {
			t.Errorf("input %q: err=%v out=%q", tc.input, err, out.String())
		}
	}
}
