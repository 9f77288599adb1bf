package main

import (
	"context"
	"fmt"
	"os"
	"os/user"

	"github.com/spf13/cobra"

	"orderdesk/store"
	"orderdesk/tui/i18n"
	"orderdesk/workflow/printout"
)

// printCmd writes printable documents: the sales contract, the delivery
// note, the statement of account.
func printCmd(g *globals, help i18n.Catalog) *cobra.Command {
	return group("print", help.T("cli.cmd.print"), printContractCmd(g, help), printDeliveryCmd(g, help), printStatementCmd(g, help),
		printStatementsCmd(g, help))
}

func printContractCmd(g *globals, help i18n.Catalog) *cobra.Command {
	var out string
	cmd := g.adminCommand("contract NUMBER [--out FILE]", help.T("cli.cmd.print_contract"), cobra.ExactArgs(1),
		func(ctx context.Context, cmd *cobra.Command, args []string, e *env, sys store.User) error {
			// The mapped operating-system user prints as themselves;
			// anyone else at the machine acts as the installation.
			u := sys
			if me, err := user.Current(); err == nil {
				if mapped, err := e.eng.UserByOSUser(ctx, me.Username); err == nil {
					u = mapped
				}
			}
			d := e.eng.Desk(u)
			id, err := d.OrderByNumber(ctx, args[0])
			if err != nil {
				return e.fail(err)
			}
			c, err := d.ContractOf(ctx, id, e.cfg.Company.Name)
			if err != nil {
				return e.fail(err)
			}
			pdf, err := printout.ContractPDF(c)
			if err != nil {
				return e.fail(err)
			}
			path := printPath(out, e.cfg.Print.Dir, "contract-", c.Number, ".pdf")
			if err := os.WriteFile(path, pdf, 0o644); err != nil {
				return err
			}
			say(cmd, e.cat.T("cli.print.written", c.Number, path))
			if e.cfg.Company.Name == "" { // written, but not fit to send
				fmt.Fprintln(cmd.ErrOrStderr(), e.cat.T("cli.print.no_company"))
			}
			return nil
		})
	cmd.Flags().StringVar(&out, "out", "", help.T("cli.flag.print_out"))
	return cmd
}
