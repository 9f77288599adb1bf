package main

import (
	"context"
	"os"

	"github.com/spf13/cobra"

	"orderdesk/tui/i18n"
	"orderdesk/workflow/printout"
)

// printStatementCmd writes the statement of account of a customer and
// a month finance has signed off, as PDF.
func printStatementCmd(g *globals, help i18n.Catalog) *cobra.Command {
	var out string
	cmd := &cobra.Command{
		Use:   "statement CUSTOMER MONTH",
		Short: help.T("cli.cmd.print_statement"),
		Args:  cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			return g.asDesk(cmd, func(ctx context.Context, e *env, d deskRunner) error {
				id, err := d.FindCustomer(ctx, args[0])
				if err != nil {
					return e.fail(err)
				}
				s, err := d.StatementPrintout(ctx, id, args[1], e.cfg.Company.Name)
				if err != nil {
					return e.fail(err)
				}
				pdf, err := printout.StatementPDF(s)
				if err != nil {
					return err
				}
				path := printPath(out, e.cfg.Print.Dir, "statement-"+args[1]+"-", args[0], ".pdf")
				if err := os.WriteFile(path, pdf, 0o644); err != nil {
					return err
				}
				say(cmd, e.cat.T("cli.print.file_written", path))
				return nil
			})
		},
	}
	cmd.Flags().StringVar(&out, "out", "", help.T("cli.flag.out"))
	return cmd
}
