package sshserver

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path"
	"strings"

	"charm.land/ssh"
	"charm.land/wish/v2"
	"charm.land/wish/v2/scp"
	"github.com/pkg/sftp"
)

// Each user fetches their own printouts, with the key they sign in
// with, over SCP or SFTP on the desk's port: read-only, rooted at their
// folder under print.dir (os.Root: no "..", no absolute path, no
// symlink leads out of it).

// userRoot opens the folder of the user behind the session's key (the
// login name the client typed plays no part) for a fetch by how; on a
// refusal the client is told, and the root is nil.
func (s *Server) userRoot(sess ssh.Session, how string) (*os.Root, string) {
	var root *os.Root
	var err error
	u, refusal := s.keyUser(sess)
	if refusal != "" {
		err = errors.New(s.catalog(sess).T(refusal))
	} else {
		root, err = s.cfg.Printing.OpenUserRoot(u.Login)
	}
	if err != nil {
		s.log.Warn(how+" refused", "addr", sess.RemoteAddr().String(), "err", err)
		wish.Fatalln(sess, err)
		return nil, ""
	}
	s.log.Info(how, "user", u.Login, "command", strings.Join(sess.Command(), " "))
	return root, u.Login
}

// copyFiles serves `scp -f` (fetch) from the user's folder and refuses
// `scp -t` (upload); any other session goes on to the desk.
func (s *Server) copyFiles(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		if !scp.GetInfo(sess.Command()).Ok {
			next(sess)
			return
		}
		root, login := s.userRoot(sess, "scp")
		if root == nil {
			return
		}
		defer root.Close()
		if info := scp.GetInfo(sess.Command()); info.Op == scp.OpCopyToClient {
			if err := sendFiles(sess, visible{root.FS()}, login, info); err != nil {
				wish.Fatal(sess, err)
			}
			return
		}
		scp.Middleware(nil, readOnly{})(func(ssh.Session) {})(sess)
	}
}

// sftpSubsystem serves the user's folder over SFTP, read-only.
func (s *Server) sftpSubsystem(sess ssh.Session) {
	// Subsystems run outside the middleware: recover here, as wish's
	// recover does for the desk, so one session's panic ends it alone.
	defer func() {
		if r := recover(); r != nil {
			s.log.Error("sftp panicked", "err", r)
			sess.Exit(1)
		}
	}()
	root, login := s.userRoot(sess, "sftp")
	if root == nil {
		return
	}
	defer root.Close()
	h := folderHandler{fsys: visible{root.FS()}}
	srv := sftp.NewRequestServer(sess, sftp.Handlers{FileGet: h, FilePut: h, FileCmd: h, FileList: h})
	if err := srv.Serve(); err != nil && !errors.Is(err, io.EOF) {
		s.log.Warn("sftp ended", "user", login, "err", err)
	}
	// A subsystem's exit status is not sent for it, and scp fails without
	// one; it must go before the channel closes.
	sess.Exit(0)
	srv.Close()
}

// errReadOnly refuses every change to a print folder.
var errReadOnly = errors.New("read-only: printouts are fetched, not sent")

// readOnly refuses scp uploads.
type readOnly struct{}

func (readOnly) Mkdir(ssh.Session, *scp.DirEntry) error           { return errReadOnly }
func (readOnly) Write(ssh.Session, *scp.FileEntry) (int64, error) { return 0, errReadOnly }

// visible hides the spool's half-written files (their names begin with
// a dot) from listings and reads alike.
type visible struct{ fs.FS }

func (v visible) Open(name string) (fs.File, error) {
	for _, part := range strings.Split(name, "/") {
		if strings.HasPrefix(part, ".") && part != "." {
			return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
		}
	}
	return v.FS.Open(name)
}

func (v visible) ReadDir(name string) ([]fs.DirEntry, error) {
	entries, err := fs.ReadDir(v.FS, name)
	out := entries[:0]
	for _, e := range entries {
		if !strings.HasPrefix(e.Name(), ".") {
			out = append(out, e)
		}
	}
	return out, err
}

// folderHandler answers SFTP requests from one user's folder.
type folderHandler struct{ fsys fs.FS }

// rel turns the client's path (absolute in the folder, already cleaned
// by the request server) into one fs.FS accepts; anything else fails
// there.
func rel(p string) string {
	p = strings.TrimPrefix(path.Clean("/"+p), "/")
	if p == "" {
		return "."
	}
	return p
}

func (h folderHandler) Fileread(r *sftp.Request) (io.ReaderAt, error) {
	f, err := h.fsys.Open(rel(r.Filepath))
	if err != nil {
		return nil, sftp.ErrSSHFxNoSuchFile
	}
	st, err := f.Stat()
	ra, ok := f.(io.ReaderAt)
	if err != nil || !ok || !st.Mode().IsRegular() {
		f.Close()
		return nil, sftp.ErrSSHFxPermissionDenied
	}
	return ra, nil
}

func (folderHandler) Filewrite(*sftp.Request) (io.WriterAt, error) {
	return nil, sftp.ErrSSHFxPermissionDenied
}

func (folderHandler) Filecmd(*sftp.Request) error { return sftp.ErrSSHFxPermissionDenied }

func (h folderHandler) Filelist(r *sftp.Request) (sftp.ListerAt, error) {
	switch r.Method {
	case "List":
		entries, err := fs.ReadDir(h.fsys, rel(r.Filepath))
		if err != nil {
			return nil, sftp.ErrSSHFxNoSuchFile
		}
		infos := make(listing, 0, len(entries))
		for _, e := range entries {
			if fi, err := e.Info(); err == nil {
				infos = append(infos, fi)
			}
		}
		return infos, nil
	case "Stat", "Lstat":
		fi, err := fs.Stat(h.fsys, rel(r.Filepath))
		if err != nil {
			return nil, sftp.ErrSSHFxNoSuchFile
		}
		return listing{fi}, nil
	}
	return nil, sftp.ErrSSHFxOpUnsupported
}

// listing hands file infos to the request server a page at a time.
type listing []os.FileInfo

func (l listing) ListAt(out []os.FileInfo, offset int64) (int, error) {
	if offset >= int64(len(l)) {
		return 0, io.EOF
	}
	n := copy(out, l[offset:])
	if n < len(out) {
		return n, io.EOF
	}
	return n, nil
}
