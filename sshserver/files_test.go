package sshserver

import (
	"crypto/ed25519"
	"crypto/rand"
	"encoding/pem"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/pkg/sftp"
	gossh "golang.org/x/crypto/ssh"

	"orderdesk/tui/tuitest"
	"orderdesk/workflow/spool"
	"orderdesk/workflow/spool/spooltest"
)

// printOffice is an office whose printouts go to dir, with two signed
// orders to print, the office printer a script recording its calls.
func printOffice(t *testing.T) (o *office, dir string, lpCalls func() []string) {
	t.Helper()
	dir = t.TempDir()
	lp, calls := spooltest.FakeLP(t)
	o = startOffice(t, func(c *Config) {
		c.Printing = spool.Config{Dir: dir, Printer: "office-1", LPCommand: lp, FetchHost: "127.0.0.1",
			ByUser: map[string]string{"wangli": "dalian-2"}, ByKind: map[string]string{"contract": "contracts-3"}}
	})
	cust := o.f.MonthlyCustomer("500000") // one file: a second of the same name is refused
	for _, place := range []string{"沈阳", "大连"} {
		o.f.SignedOrder(cust, place, tuitest.Plate())
	}
	return o, dir, calls
}

// printContract signs in as login, opens the order on the row down
// rows from the top and presses P; it returns the name of the file
// written in login's folder.
func printContract(t *testing.T, o *office, dir, login, name string, down int) string {
	t.Helper()
	term := o.signIn(t, login, name)
	term.typeKeys("5")
	term.wait(t, 5*time.Second, "NO.0001", "NO.0002")
	term.typeKeys(strings.Repeat("j", down))
	time.Sleep(100 * time.Millisecond)
	term.typeKeys("\r")
	term.wait(t, 5*time.Second, "审核与历史")
	time.Sleep(100 * time.Millisecond)
	term.typeKeys("P")
	port := strconv.Itoa(o.srv.fetchPort)
	term.wait(t, 10*time.Second, "取件: scp -P "+port+" 127.0.0.1:")
	entries, err := os.ReadDir(filepath.Join(dir, login))
	if err != nil || len(entries) != 1 {
		t.Fatalf("%s's folder: %v %v", login, entries, err)
	}
	if !strings.Contains(term.text(), "127.0.0.1:"+entries[0].Name()+" .") {
		t.Errorf("the status line does not name %s:\n%s", entries[0].Name(), term.text())
	}
	return entries[0].Name()
}

// sftpAs opens an SFTP session with login's key.
func sftpAs(t *testing.T, o *office, login string, signer gossh.Signer) *sftp.Client {
	t.Helper()
	conn, err := o.dial(login, signer)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	c, err := sftp.NewClient(conn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	return c
}

// TestEachUserFetchesOnlyTheirOwnPrintouts: two clerks press P over SSH;
// each contract goes to the printer chosen for its user (the user's
// wins over the kind's) and into the user's own folder, and over SFTP
// each sees, fetches and reaches only their own, read-only.
func TestEachUserFetchesOnlyTheirOwnPrintouts(t *testing.T) {
	o, dir, lpCalls := printOffice(t)
	mine := printContract(t, o, dir, "wangli", "王丽", 0)
	theirs := printContract(t, o, dir, "zhao", "赵主管", 1)
	if mine == theirs || !strings.HasSuffix(mine, ".pdf") {
		t.Fatalf("files %q and %q", mine, theirs)
	}
	wantLP := []string{"-d dalian-2 " + filepath.Join(dir, "wangli", mine), "-d contracts-3 " + filepath.Join(dir, "zhao", theirs)}
	if got := lpCalls(); !slices.Equal(got, wantLP) {
		t.Errorf("lp calls %q, want %q", got, wantLP)
	}
	for _, login := range []string{"wangli", "zhao"} {
		if fi, err := os.Stat(filepath.Join(dir, login)); err != nil || fi.Mode().Perm() != 0o700 {
			t.Errorf("%s's folder: %v %v", login, fi.Mode(), err)
		}
	}
	// A symlink planted in wangli's folder to zhao's file leads nowhere.
	if err := os.Symlink(filepath.Join(dir, "zhao", theirs), filepath.Join(dir, "wangli", "leak.pdf")); err != nil {
		t.Fatal(err)
	}

	c := sftpAs(t, o, "zhao", o.keys["wangli"]) // the login name typed plays no part
	list, err := c.ReadDir("/")
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, fi := range list {
		names = append(names, fi.Name())
	}
	if !slices.Contains(names, mine) || slices.Contains(names, theirs) {
		t.Errorf("wangli lists %v", names)
	}
	f, err := c.Open(mine)
	if err != nil {
		t.Fatal(err)
	}
	got, _ := io.ReadAll(f)
	f.Close()
	want, _ := os.ReadFile(filepath.Join(dir, "wangli", mine))
	if len(got) == 0 || string(got) != string(want) || !strings.HasPrefix(string(got), "%PDF") {
		t.Errorf("fetched %d bytes, the file has %d", len(got), len(want))
	}
	for _, p := range []string{theirs, "../zhao/" + theirs, "/../zhao/" + theirs, "../../" + filepath.Base(dir) + "/zhao/" + theirs,
		filepath.Join(dir, "zhao", theirs), "/etc/passwd", "leak.pdf", "."} {
		if f, err := c.Open(p); err == nil {
			b, _ := io.ReadAll(f)
			f.Close()
			t.Errorf("wangli read %q (%d bytes)", p, len(b))
		}
	}
	if _, err := c.ReadDir("../zhao"); err == nil {
		if l, _ := c.ReadDir("../zhao"); len(l) > 0 && l[0].Name() == theirs {
			t.Error("wangli listed zhao's folder")
		}
	}
	if f, err := c.Create("upload.pdf"); err == nil {
		_, werr := f.Write([]byte("x"))
		f.Close()
		if werr == nil {
			t.Error("an upload was accepted")
		}
	}
	for name, err := range map[string]error{"remove": c.Remove(mine), "mkdir": c.Mkdir("x"), "rename": c.Rename(mine, "y.pdf"),
		"chmod": c.Chmod(mine, 0o666)} {
		if err == nil {
			t.Errorf("%s was accepted", name)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "wangli", "upload.pdf")); err == nil {
		t.Error("an upload reached the folder")
	}

	// zhao sees only theirs.
	zc := sftpAs(t, o, "zhao", o.keys["zhao"])
	zl, err := zc.ReadDir("/")
	if err != nil || len(zl) != 1 || zl[0].Name() != theirs {
		t.Errorf("zhao lists %v %v", zl, err)
	}
}

// TestFetchWithTheScpCommand runs the real scp against the server, in
// its SFTP mode and its old protocol (-O): each fetches the user's own
// printout, and neither reaches another's nor uploads. The real sftp
// lists and gets the user's own.
func TestFetchWithTheScpCommand(t *testing.T) {
	for _, bin := range []string{"scp", "sftp"} {
		if _, err := exec.LookPath(bin); err != nil {
			t.Skip(bin + " is not installed (openssh-client)")
		}
	}
	o, dir, _ := printOffice(t)
	mine := printContract(t, o, dir, "wangli", "王丽", 0)
	theirs := printContract(t, o, dir, "zhao", "赵主管", 1)
	key := keyFile(t, o, "wangli")
	_, port, _ := strings.Cut(o.addr, ":")
	scp := func(args ...string) (string, error) {
		base := []string{"-P", port, "-i", key, "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null",
			"-o", "IdentitiesOnly=yes", "-o", "BatchMode=yes", "-o", "ConnectTimeout=5"}
		cmd := exec.Command("scp", append(base, args...)...)
		cmd.Env = append(os.Environ(), "SSH_AUTH_SOCK=")
		out, err := cmd.CombinedOutput()
		return string(out), err
	}
	for _, mode := range [][]string{nil, {"-O"}} {
		local := t.TempDir()
		if out, err := scp(append(mode, "wangli@127.0.0.1:"+mine, local+"/")...); err != nil {
			t.Fatalf("scp %v: %v\n%s", mode, err, out)
		}
		got, _ := os.ReadFile(filepath.Join(local, mine))
		want, _ := os.ReadFile(filepath.Join(dir, "wangli", mine))
		if len(got) == 0 || string(got) != string(want) {
			t.Errorf("scp %v fetched %d bytes of %d", mode, len(got), len(want))
		}
		for _, p := range []string{theirs, "../zhao/" + theirs, filepath.Join(dir, "zhao", theirs)} {
			if out, err := scp(append(mode, "wangli@127.0.0.1:"+p, local+"/")...); err == nil {
				t.Errorf("scp %v fetched %s:\n%s", mode, p, out)
			}
		}
		up := filepath.Join(local, "up.pdf")
		os.WriteFile(up, []byte("x"), 0o600)
		if out, err := scp(append(mode, up, "wangli@127.0.0.1:up.pdf")...); err == nil {
			t.Errorf("scp %v uploaded:\n%s", mode, out)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "wangli", "up.pdf")); err == nil {
		t.Error("an upload reached the folder")
	}
	// The old protocol waits for the client's last ack: closing before it
	// lost about one fetch in six, so thirty in a row catch it.
	for i := 0; i < 30; i++ {
		if out, err := scp("-O", "wangli@127.0.0.1:"+mine, t.TempDir()+"/"); err != nil {
			t.Fatalf("fetch %d: %v\n%s", i, err, out)
		}
	}
	// -r fetches the whole folder, theirs still out of reach.
	whole := t.TempDir()
	if out, err := scp("-O", "-r", "wangli@127.0.0.1:.", whole+"/got"); err != nil {
		t.Fatalf("scp -O -r: %v\n%s", err, out)
	}
	if got, err := os.ReadDir(filepath.Join(whole, "got")); err != nil || len(got) != 1 || got[0].Name() != mine {
		t.Errorf("scp -r fetched %v %v", got, err)
	}

	// sftp, then ls and get.
	local := t.TempDir()
	cmd := exec.Command("sftp", "-P", port, "-i", key, "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null",
		"-o", "IdentitiesOnly=yes", "-o", "BatchMode=yes", "-b", "-", "wangli@127.0.0.1")
	cmd.Env = append(os.Environ(), "SSH_AUTH_SOCK=")
	cmd.Stdin = strings.NewReader("ls -1\nget " + mine + " " + local + "/\n")
	out, err := cmd.CombinedOutput()
	if err != nil || !strings.Contains(string(out), mine) || strings.Contains(string(out), theirs) {
		t.Errorf("sftp ls and get: %v\n%s", err, out)
	}
	if _, err := os.Stat(filepath.Join(local, mine)); err != nil {
		t.Errorf("sftp get: %v", err)
	}
}

// keyFile registers a new key for login and writes its private half
// where ssh's -i reads it.
func keyFile(t *testing.T, o *office, login string) string {
	t.Helper()
	pub, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	sshPub, _ := gossh.NewPublicKey(pub)
	sys, _ := o.f.Engine.SystemUser(o.f.Ctx)
	if _, err := o.f.Engine.AddKey(o.f.Ctx, sys, login, string(gossh.MarshalAuthorizedKey(sshPub))); err != nil {
		t.Fatal(err)
	}
	block, err := gossh.MarshalPrivateKey(priv, "")
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "id_ed25519")
	if err := os.WriteFile(path, pem.EncodeToMemory(block), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}
