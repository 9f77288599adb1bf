package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/spf13/cobra"
	"golang.org/x/term"

	"orderdesk/store"
	"orderdesk/tui/i18n"
	"orderdesk/workflow"
)

// userKeyCmd manages the SSH keys that identify people at the office
// server.
func userKeyCmd(g *globals, help i18n.Catalog) *cobra.Command {
	return group("key", help.T("cli.cmd.user_key"),
		g.adminCommand("add LOGIN FILE", help.T("cli.cmd.user_key_add"), cobra.ExactArgs(2),
			func(ctx context.Context, cmd *cobra.Command, args []string, e *env, sys store.User) error {
				line, err := readKeyLine(cmd, args[1])
				if err != nil {
					return errors.New(e.cat.T("cli.key.unreadable", args[1], err))
				}
				k, err := e.eng.AddKey(ctx, sys, args[0], line)
				switch {
				case errors.Is(err, workflow.ErrBadKey):
					return errors.New(e.cat.T("cli.key.bad", args[1]))
				case errors.Is(err, store.ErrNotFound):
					return errors.New(e.cat.T("cli.user.not_found", args[0]))
				case errors.Is(err, store.ErrDuplicate):
					return errors.New(e.cat.T("cli.key.duplicate", k.Fingerprint))
				case err != nil:
					return e.fail(err)
				}
				say(cmd, e.cat.T("cli.key.added", k.Fingerprint, args[0]))
				return nil
			}),
		g.adminCommand("list [LOGIN]", help.T("cli.cmd.user_key_list"), cobra.MaximumNArgs(1),
			func(ctx context.Context, cmd *cobra.Command, args []string, e *env, _ store.User) error {
				var userID int64
				if len(args) == 1 {
					u, err := e.userByLogin(ctx, args[0])
					if err != nil {
						return err
					}
					userID = u.ID
				}
				keys, err := e.eng.Keys(ctx, userID, false)
				if err != nil {
					return e.fail(err)
				}
				rows := make([][]string, len(keys))
				for i, k := range keys {
					rows[i] = []string{k.Login, k.Fingerprint, k.Comment, k.CreatedAt.Local().Format("2006-01-02")}
				}
				head := []string{e.cat.T("cli.user.col_login"), e.cat.T("cli.key.col_fingerprint"), e.cat.T("cli.key.col_comment"), e.cat.T("cli.key.col_added")}
				sayTable(cmd, e.cat.T("cli.key.none"), head, rows)
				return nil
			}),
		g.adminCommand("remove FINGERPRINT", help.T("cli.cmd.user_key_remove"), cobra.ExactArgs(1),
			func(ctx context.Context, cmd *cobra.Command, args []string, e *env, sys store.User) error {
				err := e.eng.RemoveKey(ctx, sys, args[0])
				if errors.Is(err, store.ErrNotFound) {
					return errors.New(e.cat.T("cli.key.not_found", args[0]))
				}
				if err != nil {
					return e.fail(err)
				}
				say(cmd, e.cat.T("cli.key.removed", args[0]))
				return nil
			}),
	)
}

// readKeyLine reads the one public key in path ("-" for standard input).
func readKeyLine(cmd *cobra.Command, path string) (string, error) {
	var r io.Reader = cmd.InOrStdin()
	if path != "-" {
		f, err := os.Open(path)
		if err != nil {
			return "", err
		}
		defer f.Close()
		r = f
	}
	b, err := io.ReadAll(io.LimitReader(r, 64<<10))
	return strings.TrimSpace(string(b)), err
}

// userPassphraseCmd sets the passphrase a user types to sign off at
// someone else's terminal.
func userPassphraseCmd(g *globals, help i18n.Catalog) *cobra.Command {
	return g.adminCommand("passphrase LOGIN", help.T("cli.cmd.user_passphrase"), cobra.ExactArgs(1),
		func(ctx context.Context, cmd *cobra.Command, args []string, e *env, sys store.User) error {
			pass, err := readSecret(cmd, e.cat.T("cli.pass.prompt", args[0]))
			if err != nil {
				return e.fail(err)
			}
			err = e.eng.SetPassphrase(ctx, sys, args[0], pass)
			switch {
			case errors.Is(err, workflow.ErrShortPassphrase):
				return errors.New(e.cat.T("cli.pass.short"))
			case errors.Is(err, store.ErrNotFound):
				return errors.New(e.cat.T("cli.user.not_found", args[0]))
			case err != nil:
				return e.fail(err)
			}
			say(cmd, e.cat.T("cli.pass.set", args[0]))
			return nil
		})
}

// readSecret asks for a secret without echo on a terminal, or reads one
// line from a pipe (for scripts).
func readSecret(cmd *cobra.Command, prompt string) (string, error) {
	if f, ok := cmd.InOrStdin().(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		fmt.Fprint(cmd.ErrOrStderr(), prompt)
		b, err := term.ReadPassword(int(f.Fd()))
		fmt.Fprintln(cmd.ErrOrStderr())
		return string(b), err
	}
	line, err := bufio.NewReader(cmd.InOrStdin()).ReadString('\n')
	if err != nil && !errors.Is(err, io.EOF) {
		return "", err
	}
	return strings.TrimRight(line, "\r\n"), nil
}

// userActiveCmd enables or disables a user; a disabled user's keys stop
// working at their next login.
func userActiveCmd(g *globals, help i18n.Catalog, active bool) *cobra.Command {
	use, short, done := "disable LOGIN", "cli.cmd.user_disable", "cli.user.disabled"
	if active {
		use, short, done = "enable LOGIN", "cli.cmd.user_enable", "cli.user.enabled"
	}
	return g.adminCommand(use, help.T(short), cobra.ExactArgs(1),
		func(ctx context.Context, cmd *cobra.Command, args []string, e *env, sys store.User) error {
			u, err := e.userByLogin(ctx, args[0])
			if err != nil {
				return err
			}
			if err := e.st.Write(ctx, func(tx *store.Tx) error { return tx.SetActive(ctx, sys.ID, u.ID, active) }); err != nil {
				return e.fail(err)
			}
			say(cmd, e.cat.T(done, u.Login))
			return nil
		})
}

func (e *env) userByLogin(ctx context.Context, login string) (store.User, error) {
	var u store.User
	err := e.st.Read(ctx, func(tx *store.Tx) (err error) {
		u, err = tx.UserByLogin(ctx, login)
		return err
	})
	if errors.Is(err, store.ErrNotFound) || (err == nil && u.ID == store.SystemUserID) {
		return u, errors.New(e.cat.T("cli.user.not_found", login))
	}
	return u, err
}
