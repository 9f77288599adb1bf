package sshserver

import (
	"net"
	"sync"
)

// firstAccept is a listener that says when it is first asked for a
// connection: by then the SSH server has tracked it, and may be shut
// down without racing its own start.
type firstAccept struct {
	net.Listener
	once  sync.Once
	ready chan struct{}
}

func (l *firstAccept) Accept() (net.Conn, error) {
	l.signal()
	return l.Listener.Accept()
}

func (l *firstAccept) signal() { l.once.Do(func() { close(l.ready) }) }
