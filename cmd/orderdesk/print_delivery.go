package main

import (
	"context"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"orderdesk/store"
	"orderdesk/tui/i18n"
	"orderdesk/workflow/printout"
)

// printDeliveryCmd writes a delivery note in its three labelled copies
// (物流联, 内勤联, 财务联): a PDF, or with --text the dot-matrix text.
func printDeliveryCmd(g *globals, help i18n.Catalog) *cobra.Command {
	var out string
	var text bool
	cmd := g.adminCommand("delivery NUMBER [--out FILE] [--text]", help.T("cli.cmd.print_delivery"), cobra.ExactArgs(1),
		func(ctx context.Context, cmd *cobra.Command, args []string, e *env, sys store.User) error {
			d := e.eng.Desk(sys) // the copies carry quantities and weights, no prices
			id, err := d.DeliveryByRef(ctx, strings.TrimSpace(args[0]))
			if err != nil {
				return e.fail(err)
			}
			n, err := d.DeliveryPrintout(ctx, id, e.cfg.Company.Name)
			if err != nil {
				return e.fail(err)
			}
			var body []byte
			ext := ".pdf"
			if text {
				body, err = printout.DeliveryText(n, printout.TextOptions{})
				ext = ".txt"
			} else {
				body, err = printout.DeliveryPDF(n)
			}
			if err != nil {
				return e.fail(err)
			}
			path := printPath(out, ".", "delivery-", n.Number, ext)
			if err := os.WriteFile(path, body, 0o644); err != nil {
				return err
			}
			say(cmd, e.cat.T("cli.print.delivery_written", n.Number, path))
			return nil
		})
	cmd.Flags().StringVar(&out, "out", "", help.T("cli.flag.delivery_out"))
	cmd.Flags().BoolVar(&text, "text", false, help.T("cli.flag.delivery_text"))
	return cmd
}
