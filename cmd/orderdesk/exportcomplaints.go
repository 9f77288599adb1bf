package main

import (
	"bytes"
	"context"
	"errors"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"orderdesk/tui/complaints"
	"orderdesk/workflow"
	"orderdesk/workflow/export"
)

// exportComplaints writes the period's complaint statistics, a sheet per
// dimension (or the one --by names), with the figures and words the
// complaints screen shows.
func exportComplaints(ctx context.Context, cmd *cobra.Command, e *env, d deskRunner, period, by, out string) error {
	now := e.eng.Now()
	p := workflow.PeriodOf(workflow.PeriodMonth, now)
	if period != "" {
		var err error
		if p, err = workflow.ParsePeriod(period); err != nil {
			return e.periodError(period, "", err)
		}
	}
	dims := workflow.ComplaintDimensions
	if cmd.Flags().Changed("by") {
		if !slices.Contains(dims, by) {
			return errors.New(e.cat.T("cli.export.complaints_by", by, strings.Join(dims, ", ")))
		}
		dims = []string{by}
	}
	// The office's days, as the screen counts them: a complaint recorded
	// at 07:00 on the first belongs to that month.
	local := func(t time.Time) time.Time {
		return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, now.Location())
	}
	var sets []workflow.ComplaintStats
	for _, dim := range dims {
		s, err := d.ComplaintStatistics(ctx, local(p.From), local(p.To), dim)
		if err != nil {
			return e.fail(err)
		}
		sets = append(sets, s)
	}
	t := e.cat.T
	words := export.ComplaintWords{
		Sheet: func(by string) string { return t("cli.export.complaints_sheet", t("complaints.by."+by)) },
		Dim:   func(by string) string { return t("complaints.by." + by) },
		Heads: []string{t("complaints.col.count"), t("complaints.col.open"), t("complaints.col.closed"),
			t("complaints.col.to_first"), t("complaints.col.to_close")},
		Total: t("complaints.total"),
		Key:   func(by, key string) string { return complaints.StatKey(e.cat, by, key) },
	}
	var buf bytes.Buffer
	if err := export.Complaints(&buf, sets, words); err != nil {
		return err
	}
	if err := os.WriteFile(out, buf.Bytes(), 0o644); err != nil {
		return err
	}
	say(cmd, e.cat.T("cli.print.file_written", out))
	return nil
}
