package store

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// ErrFolderDenied: a folder on the way to the database exists but this
// account may not enter it; creating it would not help.
var ErrFolderDenied = errors.New("the database folder cannot be entered")

// FolderError names the folder that stopped the database from opening.
type FolderError struct {
	Folder string
	Err    error // ErrFolderDenied or ErrCannotCreate
	Cause  error
}

func (e *FolderError) Error() string { return fmt.Sprintf("%v: %s (%v)", e.Err, e.Folder, e.Cause) }

func (e *FolderError) Unwrap() error { return e.Err }

// ensureFolder makes the database's folder if it is missing, telling a
// folder that cannot be entered (no permission to pass through it) from
// one that cannot be created.
func ensureFolder(dir string) error {
	if dir == "" {
		return nil
	}
	_, err := os.Stat(dir)
	if err == nil {
		return nil
	}
	if errors.Is(err, fs.ErrPermission) {
		return folderOrFile(dir, err)
	}
	// The database's folder is the server account's alone: the WAL and
	// its shared memory live beside the file.
	if err := os.MkdirAll(dir, 0o700); err != nil {
		if denied := deniedAncestor(dir); denied != "" && errors.Is(err, fs.ErrPermission) {
			return &FolderError{Folder: denied, Err: ErrFolderDenied, Cause: err}
		}
		return &FolderError{Folder: dir, Err: ErrCannotCreate, Cause: err}
	}
	return nil
}

// folderOrFile explains a path that cannot be looked at: a folder on the
// way that may not be entered, or else the file itself.
func folderOrFile(path string, err error) error {
	if errors.Is(err, fs.ErrPermission) {
		if denied := deniedAncestor(path); denied != "" {
			return &FolderError{Folder: denied, Err: ErrFolderDenied, Cause: err}
		}
	}
	return fmt.Errorf("%w: %v", ErrCannotOpen, err)
}

// deniedAncestor is the nearest folder above path that exists but may
// not be entered, or "".
func deniedAncestor(path string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		return ""
	}
	for p := filepath.Dir(abs); ; p = filepath.Dir(p) {
		if fi, err := os.Stat(p); err == nil {
			if fi.IsDir() && canEnter(p) != nil {
				return p
			}
			return ""
		}
		if p == filepath.Dir(p) {
			return ""
		}
	}
}
