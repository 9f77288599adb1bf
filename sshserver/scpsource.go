package sshserver

import (
	"bufio"
	"fmt"
	"io"
	"io/fs"
	"path"
	"strconv"
	"strings"

	"charm.land/wish/v2/scp"
)

// sendFiles serves `scp -f` (the old protocol, scp -O) in the protocol's
// turns: every message waits for the client's ack before the next. Wish's
// copy writes everything without reading an ack, so the session closed
// while the client was still acking the last file, and scp died of the
// broken pipe ("lost connection") about one fetch in six.
// The folder itself goes by rootName (a fetch of "." with -r).
func sendFiles(rw io.ReadWriter, fsys fs.FS, rootName string, info scp.Info) error {
	matches, err := fs.Glob(fsys, path.Clean(info.Path))
	if err != nil || len(matches) == 0 {
		return fmt.Errorf("no files matching %q", info.Path)
	}
	src := scpSource{rw: rw, fsys: fsys, rootName: rootName}
	if err := src.ack(); err != nil { // the client's "ready"
		return err
	}
	for _, name := range matches {
		if err := src.send(name, info.Recursive); err != nil {
			return err
		}
	}
	return nil
}

type scpSource struct {
	rw       io.ReadWriter
	fsys     fs.FS
	rootName string
}

// send sends one file, or a folder with all it holds when recursive.
func (s scpSource) send(name string, recursive bool) error {
	st, err := fs.Stat(s.fsys, name)
	if err != nil {
		return err
	}
	if st.IsDir() {
		if !recursive {
			return fmt.Errorf("%s: is a folder (scp -r)", name)
		}
		return s.sendFolder(name, st)
	}
	f, err := s.fsys.Open(name)
	if err != nil {
		return err
	}
	defer f.Close()
	if err := s.message("C%s %d %s\n", perms(st.Mode()), st.Size(), st.Name()); err != nil {
		return err
	}
	if _, err := io.CopyN(s.rw, f, st.Size()); err != nil {
		return err
	}
	if _, err := s.rw.Write([]byte{0}); err != nil {
		return err
	}
	return s.ack()
}

func (s scpSource) sendFolder(name string, st fs.FileInfo) error {
	entries, err := fs.ReadDir(s.fsys, name)
	if err != nil {
		return err
	}
	base := path.Base(name)
	if base == "." {
		base = s.rootName
	}
	if err := s.message("D%s 0 %s\n", perms(st.Mode()), base); err != nil {
		return err
	}
	for _, e := range entries {
		if err := s.send(path.Join(name, e.Name()), true); err != nil {
			return err
		}
	}
	return s.message("E\n")
}

func (s scpSource) message(format string, args ...any) error {
	if _, err := fmt.Fprintf(s.rw, format, args...); err != nil {
		return err
	}
	return s.ack()
}

// ack reads the client's answer: a zero byte, or 1 or 2 and a line
// saying what went wrong.
func (s scpSource) ack() error {
	var b [1]byte
	if _, err := io.ReadFull(s.rw, b[:]); err != nil {
		return err
	}
	if b[0] == 0 {
		return nil
	}
	line, _ := bufio.NewReader(s.rw).ReadString('\n')
	return fmt.Errorf("scp client: %s", strings.TrimSpace(line))
}

func perms(m fs.FileMode) string { return "0" + strconv.FormatUint(uint64(m.Perm()), 8) }
