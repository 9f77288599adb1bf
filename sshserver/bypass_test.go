package sshserver

import (
	"context"
	"crypto/rand"
	"io"
	"net"
	"sync"
	"testing"
	"time"

	"charm.land/ssh"
	gossh "golang.org/x/crypto/ssh"

	"orderdesk/store"
)

// unheldKey offers someone else's public key without holding its private
// half: the signature it makes is noise.
type unheldKey struct{ pub gossh.PublicKey }

func (k unheldKey) PublicKey() gossh.PublicKey { return k.pub }

func (k unheldKey) Sign(_ io.Reader, _ []byte) (*gossh.Signature, error) {
	blob := make([]byte, 64)
	rand.Read(blob)
	return &gossh.Signature{Format: k.pub.Type(), Blob: blob}, nil
}

func TestAnOfferedKeyMustBeProven(t *testing.T) {
	o := startOffice(t, nil)
	for _, auth := range [][]gossh.Signer{
		{unheldKey{o.keys["zhao"].PublicKey()}},
		{unheldKey{o.keys["zhao"].PublicKey()}, o.keys["wangli"]},
	} {
		c, err := gossh.Dial("tcp", o.addr, &gossh.ClientConfig{
			User: "zhao", Auth: []gossh.AuthMethod{gossh.PublicKeys(auth...)},
			HostKeyCallback: gossh.InsecureIgnoreHostKey(), Timeout: 5 * time.Second,
		})
		if err == nil {
			c.Close()
			t.Fatalf("a client that offered a key it does not hold got in (%d keys offered)", len(auth))
		}
	}
}

// The soft-serve class of bypass: authentication callbacks also see keys
// a client only offers, so whatever the auth handler learns must never
// name the session's user. identify must resolve the user from the key
// the connection proved, whatever was offered before it.

type fakeCtx struct {
	context.Context
	sync.Mutex
	values map[any]any
}

func (c *fakeCtx) Value(k any) any {
	if v, ok := c.values[k]; ok {
		return v
	}
	return c.Context.Value(k)
}
func (c *fakeCtx) SetValue(k, v any)     { c.values[k] = v }
func (c *fakeCtx) User() string          { return "zhao" }
func (c *fakeCtx) SessionID() string     { return "s" }
func (c *fakeCtx) ClientVersion() string { return "c" }
func (c *fakeCtx) ServerVersion() string { return "s" }
func (c *fakeCtx) RemoteAddr() net.Addr  { return &net.TCPAddr{IP: net.IPv4(127, 0, 0, 1)} }
func (c *fakeCtx) LocalAddr() net.Addr   { return &net.TCPAddr{IP: net.IPv4(127, 0, 0, 1)} }
func (c *fakeCtx) Permissions() *ssh.Permissions {
	return &ssh.Permissions{Permissions: &gossh.Permissions{}}
}

type fakeSession struct {
	ssh.Session
	ctx    *fakeCtx
	proven ssh.PublicKey
}

func (s *fakeSession) Context() ssh.Context        { return s.ctx }
func (s *fakeSession) PublicKey() ssh.PublicKey    { return s.proven }
func (s *fakeSession) RemoteAddr() net.Addr        { return s.ctx.RemoteAddr() }
func (s *fakeSession) Write(b []byte) (int, error) { return len(b), nil }
func (s *fakeSession) Stderr() io.ReadWriter       { return s }
func (s *fakeSession) Read([]byte) (int, error)    { return 0, io.EOF }
func (s *fakeSession) Exit(int) error              { return nil }
func (s *fakeSession) Close() error                { return nil }
func (s *fakeSession) Environ() []string           { return nil }

func TestIdentityComesFromTheProvenKeyNotTheOfferedOne(t *testing.T) {
	o := startOffice(t, nil)
	ctx := &fakeCtx{Context: context.Background(), values: map[any]any{}}
	// The supervisor's key is offered (and would be accepted as a query)…
	if !o.srv.authorize(ctx, o.keys["zhao"].PublicKey()) {
		t.Fatal("the supervisor's registered key was not recognised")
	}
	// …but the connection proved the clerk's key.
	sess := &fakeSession{ctx: ctx, proven: o.keys["wangli"].PublicKey()}
	var got store.User
	o.srv.identify(func(s ssh.Session) { got, _ = s.Context().Value(userKey).(store.User) })(sess)
	if got.Login != "wangli" {
		t.Fatalf("the session runs as %q, want the clerk whose key was proven", got.Login)
	}
	// And with no proven key there is no session at all.
	got = store.User{}
	o.srv.identify(func(s ssh.Session) { got, _ = s.Context().Value(userKey).(store.User) })(&fakeSession{ctx: ctx})
	if got.ID != 0 {
		t.Fatalf("a session without a proven key ran as %q", got.Login)
	}
}
