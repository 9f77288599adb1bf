package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"time"

	"github.com/spf13/cobra"

	"orderdesk/store"
	"orderdesk/tui/i18n"
)

func auditCmd(g *globals, help i18n.Catalog) *cobra.Command {
	return group("audit", help.T("cli.cmd.audit"), auditVerifyCmd(g, help), auditShowCmd(g, help),
		auditRepairCmd(g, help), auditCheckpointCmd(g, help))
}

func auditVerifyCmd(g *globals, help i18n.Catalog) *cobra.Command {
	return g.adminCommand("verify", help.T("cli.cmd.audit_verify"), cobra.NoArgs,
		func(ctx context.Context, cmd *cobra.Command, _ []string, e *env, _ store.User) error {
			res, err := e.st.VerifyAudit(ctx)
			if err != nil {
				return e.fail(err)
			}
			for _, line := range e.verifyLines(res) {
				say(cmd, line)
			}
			switch {
			case res.Problem == store.BreakTailCut:
				return errors.New(e.cat.T("cli.audit.tail_cut", res.TailAfter, res.BrokenAt, res.Checked))
			case res.BrokenAt != 0:
				return errors.New(e.cat.T("cli.audit.broken", res.BrokenAt, e.problem(res.Problem), res.Checked))
			case len(res.Schema) > 0:
				return errors.New(e.cat.T("cli.audit.schema_broken", len(res.Schema)))
			}
			return nil
		})
}

// problem names a break of the chain in the configured language.
func (e *env) problem(p string) string {
	key := problemKey(p)
	if !i18n.Has(key) {
		return p
	}
	return e.cat.T(key)
}

func auditShowCmd(g *globals, help i18n.Catalog) *cobra.Command {
	var table string
	var id int64
	var limit int
	cmd := g.adminCommand("show --table customers --id 12", help.T("cli.cmd.audit_show"), cobra.NoArgs,
		func(ctx context.Context, cmd *cobra.Command, _ []string, e *env, _ store.User) error {
			var recs []store.AuditRecord
			err := e.st.Read(ctx, func(tx *store.Tx) (err error) {
				recs, err = tx.History(ctx, table, id, limit)
				return err
			})
			if err != nil {
				return e.fail(err)
			}
			if len(recs) == 0 {
				say(cmd, e.cat.T("cli.audit.none", table, id))
				return nil
			}
			for _, r := range recs {
				for _, line := range e.auditLines(r) {
					say(cmd, line)
				}
			}
			return nil
		})
	cmd.Flags().StringVar(&table, "table", "", help.T("cli.flag.table"))
	cmd.Flags().Int64Var(&id, "id", 0, help.T("cli.flag.id"))
	cmd.Flags().IntVar(&limit, "limit", 20, help.T("cli.flag.limit"))
	cmd.MarkFlagRequired("table")
	cmd.MarkFlagRequired("id")
	return cmd
}

// auditLines shows one record: who did what when, then the fields it set
// (an insert) or changed (an update), one per line.
func (e *env) auditLines(r store.AuditRecord) []string {
	actor := r.Actor
	if r.ActorID == store.SystemUserID || actor == "" {
		actor = e.cat.T("cli.audit.by_system")
	}
	out := []string{fmt.Sprintf("#%d  %s  %s  %s %s/%d", r.ID, r.At.Local().Format(time.DateTime), actor, r.Op, r.Table, r.RowID)}
	before, after := fields(r.Before), fields(r.After)
	keys := make([]string, 0, len(after))
	for k := range after {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		old, had := before[k]
		switch {
		case !had && after[k] != "" && after[k] != "null":
			out = append(out, fmt.Sprintf("    %s: %s", k, after[k]))
		case had && old != after[k]:
			out = append(out, fmt.Sprintf("    %s: %s → %s", k, old, after[k]))
		}
	}
	return out
}

// fields reads a JSON row image into printable values.
func fields(image string) map[string]string {
	out := map[string]string{}
	var m map[string]json.RawMessage
	if image == "" || json.Unmarshal([]byte(image), &m) != nil {
		return out
	}
	for k, raw := range m {
		var s string
		if json.Unmarshal(raw, &s) == nil {
			out[k] = s
			continue
		}
		out[k] = string(raw)
	}
	return out
}
