package main

import (
	"bytes"
	"context"
	"errors"
	"os"

	"github.com/spf13/cobra"

	"orderdesk/store"
	"orderdesk/tui/i18n"
	"orderdesk/workflow"
	"orderdesk/workflow/export"
)

// deskRunner is the desk of the user at this terminal.
type deskRunner = *workflow.Desk

// asDesk opens the database and runs fn as the user at this terminal, so
// what a report shows follows their roles (a rep sees their customers).
func (g *globals) asDesk(cmd *cobra.Command, fn func(ctx context.Context, e *env, d deskRunner) error) error {
	ctx := cmd.Context()
	e, u, err := g.openLocal(ctx)
	if err != nil {
		return err
	}
	defer e.close()
	return fn(ctx, e, e.eng.Desk(u))
}

// openLocal opens the database and resolves the user at this terminal;
// on an error nothing is left open.
func (g *globals) openLocal(ctx context.Context) (*env, store.User, error) {
	e, err := g.open(ctx)
	if err != nil {
		return nil, store.User{}, err
	}
	u, err := e.localUser(ctx)
	if err != nil {
		e.close()
		return nil, store.User{}, err
	}
	return e, u, nil
}

// exportCmd writes finance's workbooks: ageing, plan, reconciliation.
func exportCmd(g *globals, help i18n.Catalog) *cobra.Command {
	var month, asOf, out, period, by string
	cmd := &cobra.Command{
		Use:   "export ageing|plan|reconciliation|stats|complaints --out FILE.xlsx",
		Short: help.T("cli.cmd.export"),
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if out == "" {
				return errors.New(help.T("cli.export.no_out"))
			}
			return g.asDesk(cmd, func(ctx context.Context, e *env, d deskRunner) error {
				if month == "" {
					month = e.eng.Now().Format("2006-01")
				}
				switch args[0] {
				case "stats":
					return exportStats(ctx, cmd, e, d, period, by, out)
				case "complaints":
					return exportComplaints(ctx, cmd, e, d, period, by, out)
				}
				var buf bytes.Buffer
				switch args[0] {
				case "ageing":
					c, err := d.Collections(ctx, asOf)
					if err != nil {
						return e.fail(err)
					}
					err = export.Ageing(&buf, c)
					if err != nil {
						return err
					}
				case "plan":
					lines, err := d.CollectionPlan(ctx, month)
					if err != nil {
						return e.fail(err)
					}
					if err := export.Plan(&buf, month, lines); err != nil {
						return err
					}
				case "reconciliation":
					v, err := d.MonthReconciliation(ctx, month)
					if err != nil {
						return e.fail(err)
					}
					if err := export.Reconciliation(&buf, v); err != nil {
						return err
					}
				default:
					return errors.New(e.cat.T("cli.export.unknown", args[0]))
				}
				if err := os.WriteFile(out, buf.Bytes(), 0o644); err != nil {
					return err
				}
				say(cmd, e.cat.T("cli.print.file_written", out))
				return nil
			})
		},
	}
	cmd.Flags().StringVar(&month, "month", "", help.T("cli.flag.month"))
	cmd.Flags().StringVar(&asOf, "as-of", "", help.T("cli.flag.as_of"))
	cmd.Flags().StringVar(&out, "out", "", help.T("cli.flag.out"))
	cmd.Flags().StringVar(&period, "period", "", help.T("cli.flag.period"))
	cmd.Flags().StringVar(&by, "by", string(store.StatRep), help.T("cli.flag.by", statDimList()))
	return cmd
}
