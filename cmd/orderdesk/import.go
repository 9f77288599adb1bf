package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/user"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"orderdesk/store"
	"orderdesk/tui/common"
	"orderdesk/tui/i18n"
	"orderdesk/workflow"
	"orderdesk/workflow/sheet"
)

// importCmd brings an office's spreadsheets in: customer files, the
// catalogue, the price list and opening balances, each as a batch that a
// second person signs off in Review; and writes the blank templates.
func importCmd(g *globals, help i18n.Catalog) *cobra.Command {
	cmd := group("import", help.T("cli.cmd.import"))
	for _, what := range workflow.ImportKinds {
		cmd.AddCommand(importKindCmd(g, help, what))
	}
	cmd.AddCommand(importTemplateCmd(g, help))
	return cmd
}

// importHelp is each import's line in the command's help.
var importHelp = map[string]string{store.ImportCustomers: "cli.cmd.import_customers", store.ImportProducts: "cli.cmd.import_products",
	store.ImportPrices: "cli.cmd.import_prices", store.ImportBalances: "cli.cmd.import_balances"}

func importKindCmd(g *globals, help i18n.Catalog, what string) *cobra.Command {
	var as string
	cmd := g.adminCommand(what+" FILE.xlsx|FILE.csv [--as LOGIN]", help.T(importHelp[what]), cobra.ExactArgs(1),
		func(ctx context.Context, cmd *cobra.Command, args []string, e *env, _ store.User) error {
			osUser := ""
			if me, err := user.Current(); err == nil {
				osUser = me.Username
			}
			maker, err := e.eng.ImportMaker(ctx, osUser, as)
			if err != nil {
				return e.fail(err)
			}
			data, err := os.ReadFile(args[0])
			if err != nil {
				return err
			}
			res, err := e.eng.Desk(maker).Import(ctx, what, args[0], data)
			if res.Encoding == sheet.GBK {
				say(cmd, e.cat.T("cli.import.gbk"))
			}
			return importOutcome(cmd, e, res, err)
		})
	cmd.Flags().StringVar(&as, "as", "", help.T("cli.flag.import_as"))
	return cmd
}

// importOutcome says what an import made, or every bad row and that
// nothing was imported.
func importOutcome(cmd *cobra.Command, e *env, res workflow.ImportResult, err error) error {
	var rows workflow.RowErrors
	switch {
	case errors.As(err, &rows):
		for _, r := range rows {
			fmt.Fprintln(cmd.ErrOrStderr(), rowErrorText(e.cat, r))
		}
		return errors.New(e.cat.T("cli.import.rejected", len(rows)))
	case errors.Is(err, &workflow.Refusal{Code: workflow.AlreadyImported}):
		return errors.New(e.cat.T("cli.import.already", res.Existing.Ref, e.cat.T("state."+res.Existing.Kind+"."+res.Existing.Status)))
	case errors.Is(err, &workflow.Refusal{Code: workflow.NothingNew}):
		say(cmd, e.cat.T("cli.import.nothing_new", res.Same))
		return nil
	case err != nil:
		return e.fail(err)
	}
	say(cmd, e.cat.T("cli.import.made", res.Ref, res.New, res.Changed, res.Same))
	return nil
}

// rowErrorText is one bad row: where, what was there, and why.
func rowErrorText(cat i18n.Catalog, r workflow.RowError) string {
	why := common.FieldText(cat, &workflow.FieldError{Field: r.Column, Code: r.Code, Max: r.Max})
	if r.Code == workflow.DuplicateInFile {
		why = cat.T("field.duplicate_in_file", r.Other)
	}
	where := cat.T("cli.import.row", r.Row, r.Column)
	if strings.TrimSpace(r.Value) != "" {
		where += " " + cat.T("cli.import.value", r.Value)
	}
	return cat.T("cli.field", where, why)
}

func importTemplateCmd(g *globals, help i18n.Catalog) *cobra.Command {
	var out string
	cmd := &cobra.Command{Use: "template customers|products|prices|balances [--out FILE.xlsx]", Short: help.T("cli.cmd.import_template"),
		Args: cobra.ExactArgs(1), RunE: func(cmd *cobra.Command, args []string) error {
			cfg, _, err := loadConfig(g.configFile)
			if err != nil {
				return err
			}
			cat := i18n.New(cfg.UI.Language)
			what := args[0]
			if !slices.Contains(workflow.ImportKinds, what) {
				return errors.New(cat.T("cli.import.unknown", what))
			}
			cols := workflow.ImportColumns(what)
			headers, example := make([]string, len(cols)), make([]string, len(cols))
			for i, c := range cols {
				headers[i], example[i] = c.Zh, c.Example
			}
			data, err := sheet.Template(cat.T("import.what."+what), headers, example)
			if err != nil {
				return err
			}
			if out == "" {
				out = what + ".xlsx"
			}
			if err := os.WriteFile(out, data, 0o644); err != nil {
				return err
			}
			say(cmd, cat.T("cli.print.file_written", out))
			return nil
		}}
	cmd.Flags().StringVar(&out, "out", "", help.T("cli.flag.out"))
	return cmd
}
