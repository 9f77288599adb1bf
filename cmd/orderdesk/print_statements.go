package main

import (
	"context"
	"encoding/csv"
	"errors"
	"os"
	"path/filepath"
	"strconv"

	"github.com/spf13/cobra"

	"orderdesk/tui/i18n"
	"orderdesk/workflow"
	"orderdesk/workflow/printout"
	"orderdesk/workflow/spool"
)

// printStatementsCmd writes the statement of account of every customer
// with activity or a balance in a month finance signed off, one PDF
// each, and an index of them (index-MONTH.csv and .pdf) whose figures
// are the statements' own.
func printStatementsCmd(g *globals, help i18n.Catalog) *cobra.Command {
	var out string
	cmd := &cobra.Command{
		Use:   "statements MONTH [--out DIR]",
		Short: help.T("cli.cmd.print_statements"),
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return g.asDesk(cmd, func(ctx context.Context, e *env, d deskRunner) error {
				month := args[0]
				sts, err := d.MonthStatements(ctx, month, e.cfg.Company.Name)
				var refusal *workflow.Refusal
				if errors.As(err, &refusal) && refusal.Code == workflow.MonthNotSigned {
					return errors.New(e.cat.T("print.statements_not_signed", month))
				}
				if err != nil {
					return e.fail(err)
				}
				if len(sts) == 0 {
					say(cmd, e.cat.T("cli.print.statements_none", month))
					return nil
				}
				dir := out
				if dir == "" {
					dir = e.cfg.Print.Dir
				}
				if dir == "" {
					dir = "."
				}
				index, err := writeStatements(dir, month, e.cfg.Company.Name, sts)
				if err != nil {
					return err
				}
				say(cmd, e.cat.T("cli.print.statements_done", month, len(sts), dir, index))
				return nil
			})
		},
	}
	cmd.Flags().StringVar(&out, "out", "", help.T("cli.flag.statements_out"))
	return cmd
}

// indexHead is the index's header row, in the statements' language.
var indexHead = []string{"客户", "文件", "对账单号", "期初余额", "本期发货", "本期回款", "期末余额"}

// writeStatements writes each statement into dir (named for its number,
// or the month and customer before one is issued) and the index of
// them, as index-MONTH.csv and index-MONTH.pdf; it returns the CSV's
// path.
func writeStatements(dir, month, seller string, sts []printout.Statement) (string, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	ix := printout.StatementIndex{Seller: seller}
	taken := map[string]bool{}
	for _, s := range sts {
		pdf, err := printout.StatementPDF(s)
		if err != nil {
			return "", err
		}
		name := statementFile(s, month, taken)
		if err := os.WriteFile(filepath.Join(dir, name), pdf, 0o644); err != nil {
			return "", err
		}
		ix.Year, ix.Month = s.Year, s.Month
		ix.Rows = append(ix.Rows, printout.IndexRowOf(s, name))
	}
	pdf, err := printout.StatementIndexPDF(ix)
	if err != nil {
		return "", err
	}
	if err := os.WriteFile(filepath.Join(dir, "index-"+month+".pdf"), pdf, 0o644); err != nil {
		return "", err
	}
	path := filepath.Join(dir, "index-"+month+".csv")
	return path, writeIndexCSV(path, ix)
}

// writeIndexCSV writes the index's rows and their total.
func writeIndexCSV(path string, ix printout.StatementIndex) error {
	line := func(customer, file, number string, r printout.StatementIndexRow) []string {
		return []string{customer, file, number, r.Opening.Plain(), r.Debits.Plain(), r.Credits.Plain(), r.Closing.Plain()}
	}
	rows := [][]string{indexHead}
	for _, r := range ix.Rows {
		rows = append(rows, line(r.Customer, r.File, r.Number, r))
	}
	rows = append(rows, line("合计", strconv.Itoa(len(ix.Rows)), "", ix.Total()))
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := csv.NewWriter(f)
	w.WriteAll(rows)
	if err := w.Error(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// statementFile names a statement's file: its number once issued, else
// the month and the customer; never twice in one run.
func statementFile(s printout.Statement, month string, taken map[string]bool) string {
	base := s.Number
	if base == "" {
		base = "statement-" + month + "-" + s.Customer.Name
	}
	name := spool.FileName(base, ".pdf")
	for i := 2; taken[name]; i++ {
		name = spool.FileName(base+"-"+strconv.Itoa(i), ".pdf")
	}
	taken[name] = true
	return name
}
