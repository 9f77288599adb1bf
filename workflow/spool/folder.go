package spool

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// ErrBadLogin refuses a login that could not be a folder of its own.
var ErrBadLogin = errors.New("spool: a login that is no folder name")

// folderName is the user's folder under Dir: their login, which must be
// one plain path element.
func folderName(login string) (string, error) {
	if login == "" || login == "." || login == ".." || strings.ContainsAny(login, `/\`+"\x00") {
		return "", fmt.Errorf("%w: %q", ErrBadLogin, login)
	}
	return login, nil
}

// UserDir is the path of login's folder (which may not exist yet).
func (c Config) UserDir(login string) (string, error) {
	name, err := folderName(login)
	if err != nil {
		return "", err
	}
	return filepath.Join(c.root(), name), nil
}

func (c Config) root() string {
	if c.Dir == "" {
		return "."
	}
	return c.Dir
}

// OpenUserRoot opens login's folder as an os.Root, creating it 0700 when
// missing: nothing opened through it reaches outside (no "..", no
// absolute path, no symlink out).
func (c Config) OpenUserRoot(login string) (*os.Root, error) {
	name, err := folderName(login)
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(c.root(), 0o755); err != nil {
		return nil, err
	}
	top, err := os.OpenRoot(c.root())
	if err != nil {
		return nil, err
	}
	defer top.Close()
	if err := top.Mkdir(name, 0o700); err != nil && !errors.Is(err, os.ErrExist) {
		return nil, err
	}
	// A folder made before (or by hand) is closed to others too.
	if err := top.Chmod(name, 0o700); err != nil {
		return nil, err
	}
	return top.OpenRoot(name)
}
