// Package esckeys reads a terminal's keys so that every esc typed in a
// burst stays an esc key: the desk's own terminal and an SSH session's.
package esckeys

import (
	"bytes"
	"context"
	"io"
	"os"
	"sync"
	"time"
)

// A terminal sends esc as the lone byte ESC, which also begins every
// escape sequence and, before a key, means alt. The program's parser
// tells them apart by what follows within escWait of the ESC, judged
// when it parses. A busy session parses late: what was typed meanwhile
// is read in one go, and "esc esc 9" reads as one alt+9 (the parser
// folds a run of ESCs into one alt), so every esc but the last is lost,
// and a form that asks before it drops what was typed is never left.
// Reader reads the input as it arrives and judges each ESC
// by when the next byte came: an ESC another ESC follows, or that
// nothing follows within escWait, was the esc key, and is handed on as
// its unambiguous spelling (escKey), which no later read can fold.
type Reader struct {
	ctx    context.Context
	in     io.Reader
	start  sync.Once  // reading ahead begins, at New or at the first Read
	chunks chan chunk // as they arrived
	err    error      // why chunks closed
	carry  *chunk     // taken to judge an ESC, and came too late to belong to it
	out    []byte     // judged, not yet handed on
	paste  bool       // inside a bracketed paste: an ESC there is text
	wait   time.Duration
}

// chunk is bytes read from the session, and when.
type chunk struct {
	b  []byte
	at time.Time
}

const (
	escByte = 0x1b
	// escWait is how long the parser waits after an ESC for the rest of
	// a sequence (ultraviolet's DefaultEscTimeout).
	escWait = 50 * time.Millisecond
)

var (
	escKey     = []byte("\x1b[27u") // the escape key in the kitty keyboard protocol's CSI u form
	pasteStart = []byte("\x1b[200~")
	pasteEnd   = []byte("\x1b[201~")
)

// New reads in ahead of the program until in ends or ctx is done.
func New(ctx context.Context, in io.Reader) *Reader {
	e := newReader(ctx, in)
	e.start.Do(e.begin)
	return e
}

func newReader(ctx context.Context, in io.Reader) *Reader {
	return &Reader{ctx: ctx, in: in, chunks: make(chan chunk, 64), wait: escWait}
}

func (e *Reader) begin() { go e.readAhead(e.in) }

func (e *Reader) readAhead(in io.Reader) {
	defer close(e.chunks)
	buf := make([]byte, 4096)
	for {
		n, err := in.Read(buf)
		if n > 0 {
			select {
			case e.chunks <- chunk{b: bytes.Clone(buf[:n]), at: time.Now()}:
			case <-e.ctx.Done():
				e.err = io.EOF
				return
			}
		}
		if err != nil {
			e.err = err
			return
		}
	}
}

// Read hands on what arrived, each ESC judged. A chunk that ends in ESC
// waits (at most escWait after it arrived) for the byte after it.
func (e *Reader) Read(p []byte) (int, error) {
	e.start.Do(e.begin)
	for len(e.out) == 0 {
		c, ok := e.take()
		if !ok {
			return 0, e.err
		}
		held, lone := c.b, false
		for !lone && held[len(held)-1] == escByte {
			next, ok := e.takeBy(c.at.Add(e.wait))
			switch {
			case !ok:
				lone = true // nothing followed it
			case next.at.Sub(c.at) > e.wait:
				lone, e.carry = true, &next // what followed is a key of its own
			default:
				held, c = append(held, next.b...), next
			}
		}
		e.judge(held, lone)
	}
	n := copy(p, e.out)
	e.out = e.out[n:]
	return n, nil
}

// take is the next chunk, waiting for it.
func (e *Reader) take() (chunk, bool) {
	if c := e.carry; c != nil {
		e.carry = nil
		return *c, true
	}
	c, ok := <-e.chunks
	return c, ok
}

// takeBy is the next chunk if it arrives by deadline.
func (e *Reader) takeBy(deadline time.Time) (chunk, bool) {
	select {
	case c, ok := <-e.chunks:
		return c, ok
	default:
	}
	t := time.NewTimer(time.Until(deadline))
	defer t.Stop()
	select {
	case c, ok := <-e.chunks:
		return c, ok
	case <-t.C:
		return chunk{}, false
	}
}

// judge queues b with each ESC that was the esc key spelled as escKey:
// one another ESC follows, one whose [ or ] begins nothing a terminal
// sends (typedAfter), or the last when lone (nothing followed it).
// Inside a bracketed paste every byte is text and passes as it is.
func (e *Reader) judge(b []byte, lone bool) {
	for i, c := range b {
		if c != escByte {
			e.out = append(e.out, c)
			continue
		}
		switch rest := b[i:]; {
		case bytes.HasPrefix(rest, pasteStart):
			e.paste = true
		case bytes.HasPrefix(rest, pasteEnd):
			e.paste = false
		}
		last := i == len(b)-1
		if !e.paste && (last && lone || !last && (b[i+1] == escByte || typedAfter(b[i+1:]))) {
			e.out = append(e.out, escKey...)
		} else {
			e.out = append(e.out, c)
		}
	}
}

// Terminal is a Reader of a terminal's own file that the program can
// still make raw and restore (Bubble Tea does so to an input with a file
// descriptor): Fd, Write and Close are the file's.
type Terminal struct {
	*Reader
	f *os.File
}

// NewTerminal reads f, a terminal, as New does, from the program's first
// Read: by then it has made the terminal raw, and nothing typed before
// is read as a line.
func NewTerminal(ctx context.Context, f *os.File) Terminal {
	return Terminal{Reader: newReader(ctx, f), f: f}
}

// Fd is the terminal's file descriptor.
func (t Terminal) Fd() uintptr { return t.f.Fd() }

// Write writes to the terminal.
func (t Terminal) Write(p []byte) (int, error) { return t.f.Write(p) }

// Close leaves the terminal open: it is the process's own.
func (t Terminal) Close() error { return nil }
