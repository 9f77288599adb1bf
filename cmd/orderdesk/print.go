package main

import (
	"github.com/spf13/cobra"

	"orderdesk/tui/i18n"
)

// printCmd writes printable documents.
func printCmd(g *globals, help i18n.Catalog) *cobra.Command {
	cmd := &cobra.Command{Use: "print", Short: help.T("cli.cmd.print_docs")}
	cmd.AddCommand(printDeliveryCmd(g, help), printStatementCmd(g, help))
	return cmd
}
