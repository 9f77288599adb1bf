package main

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"orderdesk/store"
	"orderdesk/tui/common"
	"orderdesk/tui/i18n"
	"orderdesk/workflow"
)

// subcommands lists the administration commands.
func subcommands(g *globals) []*cobra.Command {
	// Help texts follow LANG: they are built before any configuration
	// is read.
	help := i18n.New("")
	return []*cobra.Command{userCmd(g, help), auditCmd(g, help), demoCmd(g, help), printCmd(g, help), newServeCmd(g), versionCmd(g, help),
		exportCmd(g, help), reportCmd(g, help), backupCmd(g, help), restoreCmd(g, help), importCmd(g, help), dbCmd(g, help), migrateCmd(g, help)}
}

// admin opens the database and runs fn as the system user: the commands
// are run by the machine's owner, on the office machine, so they act with
// the authority of the installation rather than of a desk user.
func (g *globals) admin(cmd *cobra.Command, fn func(ctx context.Context, e *env, sys store.User) error) error {
	ctx := cmd.Context()
	e, err := g.open(ctx)
	if err != nil {
		return err
	}
	defer e.close()
	sys, err := e.eng.SystemUser(ctx)
	if err != nil {
		return errors.New(e.errorText(err))
	}
	return fn(ctx, e, sys)
}

// group is a command that only gathers subcommands.
func group(use, short string, subs ...*cobra.Command) *cobra.Command {
	cmd := &cobra.Command{Use: use, Short: short}
	cmd.AddCommand(subs...)
	return cmd
}

// adminRun is the work of a command run as the installation (see admin).
type adminRun func(ctx context.Context, cmd *cobra.Command, args []string, e *env, sys store.User) error

// adminCommand is a command whose work runs as the installation over the
// open database: every maintenance command is one.
func (g *globals) adminCommand(use, short string, args cobra.PositionalArgs, run adminRun) *cobra.Command {
	return &cobra.Command{Use: use, Short: short, Args: args, RunE: func(cmd *cobra.Command, a []string) error {
		return g.admin(cmd, func(ctx context.Context, e *env, sys store.User) error { return run(ctx, cmd, a, e, sys) })
	}}
}

// errorText says what went wrong in the configured language, naming each
// bad field where the error is a form's.
func (e *env) errorText(err error) string {
	var fields workflow.FieldErrors
	if errors.As(err, &fields) {
		parts := make([]string, len(fields))
		for i, f := range fields {
			parts[i] = e.cat.T("cli.field", f.Field, common.FieldText(e.cat, f))
		}
		return strings.Join(parts, "; ")
	}
	return common.ErrorText(e.cat, err)
}

// fail turns err into the command's error, in words.
func (e *env) fail(err error) error {
	if err == nil {
		return nil
	}
	return errors.New(e.errorText(err))
}

// say writes one line of output.
func say(cmd *cobra.Command, a ...any) { fmt.Fprintln(cmd.OutOrStdout(), a...) }
