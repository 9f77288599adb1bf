package main

import (
	"context"
	"errors"

	"github.com/spf13/cobra"

	"orderdesk/store"
	"orderdesk/tui/i18n"
)

// userOSUserCmd changes which operating-system account works as a user
// at this machine; "" maps none. The change is audited like any other.
func userOSUserCmd(g *globals, help i18n.Catalog) *cobra.Command {
	return g.adminCommand(`os-user LOGIN ACCOUNT ("" for none)`, help.T("cli.cmd.user_os_user"), cobra.ExactArgs(2),
		func(ctx context.Context, cmd *cobra.Command, args []string, e *env, sys store.User) error {
			login, osUser := args[0], args[1]
			target, err := e.userByLogin(ctx, login)
			if err != nil {
				return err
			}
			if osUser == target.OSUser {
				say(cmd, e.cat.T("cli.user.os_user_set", target.Login, e.osUserShown(osUser)))
				return nil
			}
			if err := e.checkOSUser(ctx, osUser); err != nil {
				return err
			}
			u, err := e.eng.SetOSUser(ctx, sys, login, osUser)
			if errors.Is(err, store.ErrNotFound) {
				return errors.New(e.cat.T("cli.user.not_found", login))
			}
			if err != nil {
				return e.fail(err)
			}
			say(cmd, e.cat.T("cli.user.os_user_set", u.Login, e.osUserShown(u.OSUser)))
			return nil
		})
}

func (e *env) osUserShown(osUser string) string {
	if osUser == "" {
		return e.cat.T("cli.user.os_user_none")
	}
	return osUser
}
