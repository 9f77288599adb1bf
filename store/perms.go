package store

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
)

// LoosePermission is a file or folder of the desk's that accounts other
// than the server's may read or write: the database, its folder, the
// audit key and its checkpoints.
type LoosePermission struct {
	Path       string
	Mode, Want fs.FileMode
}

// LoosePermissions lists the database's file and folder, and the audit
// key's file, checkpoint file and folder, that are open to other
// accounts. Files not made yet are left out.
func (s *Store) LoosePermissions() []LoosePermission {
	if runtime.GOOS == "windows" {
		return nil // modes do not say who may read there
	}
	type wanted struct {
		path string
		want fs.FileMode
	}
	check := []wanted{{s.path, 0o600}, {filepath.Dir(s.path), 0o700}}
	if k := s.seal; k != nil && k.files != nil {
		check = append(check, wanted{k.files.Key, 0o600}, wanted{filepath.Dir(k.files.Key), 0o700}, wanted{k.files.Checkpoints, 0o600})
	}
	var out []LoosePermission
	seen := map[string]bool{}
	for _, c := range check {
		if c.path == "" || seen[c.path] {
			continue
		}
		seen[c.path] = true
		fi, err := os.Stat(c.path)
		if err != nil {
			continue
		}
		if fi.Mode().Perm()&0o077 != 0 {
			out = append(out, LoosePermission{Path: c.path, Mode: fi.Mode().Perm(), Want: c.want})
		}
	}
	return out
}

// createPrivate makes an empty database file readable by this account
// only; SQLite gives its journal and WAL files the same mode.
func createPrivate(path string) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if errors.Is(err, fs.ErrExist) {
		return nil
	}
	if err != nil {
		return err
	}
	return f.Close()
}
