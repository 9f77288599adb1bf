package spool

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"
)

// lpTimeout bounds a printer that does not answer: the file is kept and
// the clerk told.
const lpTimeout = 30 * time.Second

// Result is where a printout went.
type Result struct {
	Path    string // the file written, absolute
	Name    string // its name in the user's folder
	Printer string // the printer it was sent to; "" none
	// PrintErr is why the printer did not take it; the file is kept.
	PrintErr error
	Fetch    string // the command that fetches it; "" none
}

// Deliver writes body as name into login's folder, then sends it to the
// printer the configuration chooses for login and k. A printer's refusal
// is in the result, not the error: the file is there to fetch.
func (c Config) Deliver(ctx context.Context, login string, k Kind, name string, body []byte) (Result, error) {
	if name == "" || name != filepath.Base(name) || strings.HasPrefix(name, ".") {
		return Result{}, errors.New("spool: a printout's name must be a plain file name")
	}
	root, err := c.OpenUserRoot(login)
	if err != nil {
		return Result{}, err
	}
	defer root.Close()
	if err := writeInto(root, name, body); err != nil {
		return Result{}, err
	}
	dir, _ := c.UserDir(login)
	path, err := filepath.Abs(filepath.Join(dir, name))
	if err != nil {
		return Result{}, err
	}
	r := Result{Path: path, Name: name, Printer: c.PrinterFor(login, k), Fetch: c.FetchCommand(name)}
	if r.Printer != "" {
		r.PrintErr = c.lp(ctx, r.Printer, path)
	}
	return r, nil
}

// writeInto writes a temporary file and renames it over name, so a fetch
// under way never reads half a document.
func writeInto(root *os.Root, name string, body []byte) error {
	tmp := ".part-" + name
	f, err := root.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600)
	if err != nil {
		return err
	}
	_, err = f.Write(body)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = root.Rename(tmp, name)
	}
	if err != nil {
		root.Remove(tmp)
	}
	return err
}

// lp sends path to printer; the error carries what lp said.
func (c Config) lp(ctx context.Context, printer, path string) error {
	name := c.LPCommand
	if name == "" {
		name = "lp"
	}
	ctx, cancel := context.WithTimeout(ctx, lpTimeout)
	defer cancel()
	var out bytes.Buffer
	cmd := exec.CommandContext(ctx, name, "-d", printer, path)
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Run(); err != nil {
		if said := strings.TrimSpace(out.String()); said != "" {
			return &LPError{Said: said, Err: err}
		}
		return &LPError{Said: err.Error(), Err: err}
	}
	return nil
}

// LPError is a printer's refusal, with what lp said.
type LPError struct {
	Said string
	Err  error
}

func (e *LPError) Error() string { return e.Said }
func (e *LPError) Unwrap() error { return e.Err }
