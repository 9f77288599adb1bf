package main

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"orderdesk/store"
	"orderdesk/tui/i18n"
	"orderdesk/workflow"
	"orderdesk/workflow/export"
	"orderdesk/workflow/printout"
	"orderdesk/workflow/report"
)

type reportValue = report.Report

// reportCmd writes the sales report of a day, an ISO week or a month
// (日报、周报、月报) as PDF or as a workbook, as the user at the terminal
// may see it (a rep their own customers, the warehouse no money).
func reportCmd(g *globals, help i18n.Catalog) *cobra.Command {
	var out, lang string
	cmd := &cobra.Command{
		Use:   "report day|week|month PERIOD --out FILE.pdf|FILE.xlsx [--lang zh|en]",
		Short: help.T("cli.cmd.report"),
		Args:  cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			kind := workflow.PeriodKind(args[0])
			if kind != workflow.PeriodDay && kind != workflow.PeriodWeek && kind != workflow.PeriodMonth {
				return errors.New(help.T("cli.report.kind", args[0]))
			}
			ext := strings.ToLower(filepath.Ext(out))
			if ext != ".pdf" && ext != ".xlsx" {
				return errors.New(help.T("cli.report.out"))
			}
			return g.asDesk(cmd, func(ctx context.Context, e *env, d deskRunner) error {
				p, err := workflow.ParsePeriodOf(kind, args[1])
				if err != nil {
					return e.periodError(args[1], kind, err)
				}
				if lang == "" {
					lang = e.cfg.UI.Language
				}
				if lang != "en" && lang != "zh" && lang != "" {
					return errors.New(e.cat.T("cli.report.lang", lang))
				}
				return writeReport(ctx, cmd, e, d, workflow.ReportQuery{Period: p}, out, func(buf *bytes.Buffer, r reportValue) error {
					if ext == ".xlsx" {
						return export.Report(buf, r)
					}
					pdf, err := printout.ReportPDF(r, lang)
					buf.Write(pdf)
					return err
				})
			})
		},
	}
	cmd.Flags().StringVar(&out, "out", "", help.T("cli.flag.out"))
	cmd.Flags().StringVar(&lang, "lang", "", help.T("cli.flag.report_lang"))
	return cmd
}

// periodError says why a period was not read: a form not known, or a
// period of another kind than the report's.
func (e *env) periodError(arg string, kind workflow.PeriodKind, err error) error {
	if p, perr := workflow.ParsePeriod(arg); perr == nil && kind != "" && p.Kind != kind {
		return errors.New(e.cat.T("cli.report.wrong_kind", arg, e.cat.T("cli.report."+string(kind))))
	}
	return errors.New(e.cat.T("cli.report.bad_period", arg))
}

// writeReport builds the report of q, renders it and writes it to out,
// saying so, and saying when the period has nothing in it.
func writeReport(ctx context.Context, cmd *cobra.Command, e *env, d deskRunner, q workflow.ReportQuery, out string,
	render func(*bytes.Buffer, reportValue) error) error {
	r, err := d.Report(ctx, q)
	if err != nil {
		return e.fail(err)
	}
	var buf bytes.Buffer
	if err := render(&buf, r); err != nil {
		return err
	}
	if err := os.WriteFile(out, buf.Bytes(), 0o644); err != nil {
		return err
	}
	if r.NoData {
		say(cmd, e.cat.T("cli.report.no_data", r.Periods[0].Label))
	}
	say(cmd, e.cat.T("cli.print.file_written", out))
	return nil
}

// exportStats writes the statistics of a period as the report's workbook,
// listing every row of the dimension by.
func exportStats(ctx context.Context, cmd *cobra.Command, e *env, d deskRunner, period, by, out string) error {
	p := workflow.PeriodOf(workflow.PeriodMonth, e.eng.Now())
	if period != "" {
		var err error
		if p, err = workflow.ParsePeriod(period); err != nil {
			return e.periodError(period, "", err)
		}
	}
	dim := store.StatDim(by)
	if !dim.Valid() || dim == store.StatAll {
		return errors.New(e.cat.T("cli.report.by", by, statDimList()))
	}
	return writeReport(ctx, cmd, e, d, workflow.ReportQuery{Period: p, SplitBy: dim}, out, func(buf *bytes.Buffer, r reportValue) error {
		return export.Report(buf, r)
	})
}

// statDimList names the dimensions a split takes.
func statDimList() string {
	var out []string
	for _, d := range store.StatDims {
		if d != store.StatAll {
			out = append(out, string(d))
		}
	}
	return strings.Join(out, ", ")
}
