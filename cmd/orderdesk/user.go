package main

import (
	"context"
	"errors"
	"regexp"
	"strings"

	"github.com/spf13/cobra"

	"orderdesk/store"
	"orderdesk/tui/common"
	"orderdesk/tui/i18n"
	"orderdesk/workflow"
)

func userCmd(g *globals, help i18n.Catalog) *cobra.Command {
	return group("user", help.T("cli.cmd.user"), userAddCmd(g, help), userListCmd(g, help), userRolesCmd(g, help), userKeyCmd(g, help),
		userPassphraseCmd(g, help), userActiveCmd(g, help, false), userActiveCmd(g, help, true),
		userOSUserCmd(g, help))
}

// loginPattern keeps logins typeable anywhere: SSH user names, shell
// arguments, file names.
var loginPattern = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$`)

func userAddCmd(g *globals, help i18n.Catalog) *cobra.Command {
	var name, roles, osUser string
	cmd := g.adminCommand("add LOGIN --name NAME --roles clerk,supervisor [--os-user NAME]", help.T("cli.cmd.user_add"), cobra.ExactArgs(1),
		func(ctx context.Context, cmd *cobra.Command, args []string, e *env, sys store.User) error {
			login := args[0]
			if !loginPattern.MatchString(login) {
				return errors.New(e.cat.T("cli.user.bad_login", login))
			}
			rs, err := e.parseRoles(roles)
			if err != nil {
				return err
			}
			if err := e.checkOSUser(ctx, osUser); err != nil {
				return err
			}
			if strings.TrimSpace(name) == "" {
				name = login
			}
			u, err := e.eng.AddUser(ctx, sys, login, name, osUser, rs)
			if errors.Is(err, store.ErrDuplicate) {
				return errors.New(e.cat.T("cli.user.duplicate", login))
			}
			if err != nil {
				return e.fail(err)
			}
			say(cmd, e.cat.T("cli.user.added", u.Login, u.Name, strings.Join(u.Roles, ",")))
			return nil
		})
	cmd.Flags().StringVar(&name, "name", "", help.T("cli.flag.name"))
	cmd.Flags().StringVar(&roles, "roles", "", help.T("cli.flag.roles"))
	cmd.Flags().StringVar(&osUser, "os-user", "", help.T("cli.flag.os_user"))
	cmd.MarkFlagRequired("roles")
	return cmd
}

func userListCmd(g *globals, help i18n.Catalog) *cobra.Command {
	return g.adminCommand("list", help.T("cli.cmd.user_list"), cobra.NoArgs,
		func(ctx context.Context, cmd *cobra.Command, _ []string, e *env, _ store.User) error {
			var users []store.User
			err := e.st.Read(ctx, func(tx *store.Tx) (err error) {
				users, err = tx.Users(ctx)
				return err
			})
			if err != nil {
				return e.fail(err)
			}
			rows := make([][]string, len(users))
			for i, u := range users {
				active := e.cat.T("cli.no")
				if u.Active {
					active = e.cat.T("cli.yes")
				}
				rows[i] = []string{u.Login, u.Name, strings.Join(u.Roles, ","), u.OSUser, active}
			}
			head := []string{e.cat.T("cli.user.col_login"), e.cat.T("cli.user.col_name"), e.cat.T("cli.user.col_roles"),
				e.cat.T("cli.user.col_os"), e.cat.T("cli.user.col_active")}
			sayTable(cmd, e.cat.T("cli.user.none"), head, rows)
			return nil
		})
}

func userRolesCmd(g *globals, help i18n.Catalog) *cobra.Command {
	return g.adminCommand("roles LOGIN clerk,finance", help.T("cli.cmd.user_roles"), cobra.ExactArgs(2),
		func(ctx context.Context, cmd *cobra.Command, args []string, e *env, sys store.User) error {
			rs, err := e.parseRoles(args[1])
			if err != nil {
				return err
			}
			u, err := e.eng.SetRoles(ctx, sys, args[0], rs)
			if errors.Is(err, store.ErrNotFound) {
				return errors.New(e.cat.T("cli.user.not_found", args[0]))
			}
			if err != nil {
				return e.fail(err)
			}
			say(cmd, e.cat.T("cli.user.roles_set", u.Login, strings.Join(u.Roles, ",")))
			return nil
		})
}

// parseRoles reads a role list, naming the valid roles (with what each
// is called at the desk) when one is wrong or none is given.
func (e *env) parseRoles(s string) ([]workflow.Role, error) {
	for _, part := range strings.Split(s, ",") {
		part = strings.TrimSpace(strings.ToLower(part))
		if part != "" && !workflow.Role(part).Valid() {
			return nil, errors.New(e.cat.T("cli.user.bad_role", part, e.validRoles()))
		}
	}
	rs, err := workflow.ParseRoles(s)
	if err != nil {
		return nil, err
	}
	if len(rs) == 0 {
		return nil, errors.New(e.cat.T("cli.user.no_roles", e.validRoles()))
	}
	return rs, nil
}

func (e *env) validRoles() string {
	names := make([]string, len(workflow.AllRoles))
	for i, r := range workflow.AllRoles {
		names[i] = string(r)
		if local := common.RoleList(e.cat, []workflow.Role{r}); local != names[i] {
			names[i] += " (" + local + ")"
		}
	}
	return strings.Join(names, ", ")
}

// checkOSUser refuses to map an operating-system account that already
// works as another user: the desk would pick one of them silently.
func (e *env) checkOSUser(ctx context.Context, osUser string) error {
	if osUser == "" {
		return nil
	}
	var owner store.User
	err := e.st.Read(ctx, func(tx *store.Tx) (err error) {
		owner, err = tx.UserByOSUser(ctx, osUser)
		return err
	})
	switch {
	case errors.Is(err, store.ErrNotFound):
		return nil
	case err != nil:
		return e.fail(err)
	}
	return errors.New(e.cat.T("cli.user.os_taken", osUser, owner.Login))
}
