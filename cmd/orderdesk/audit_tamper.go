package main

import (
	"context"
	"errors"
	"strings"

	"github.com/spf13/cobra"

	"orderdesk/store"
	"orderdesk/tui/i18n"
)

// verifyLines says, besides a break, what audit verify found: each guard
// that differs, the chain when whole, and how far its seal was checked.
func (e *env) verifyLines(res store.VerifyResult) []string {
	var out []string
	for _, p := range res.Schema {
		out = append(out, e.cat.T("cli.audit.schema_problem", p.String()))
	}
	if len(res.Schema) == 0 {
		out = append(out, e.cat.T("cli.audit.schema_intact"))
	}
	if res.BrokenAt == 0 {
		out = append(out, e.cat.T("cli.audit.intact", res.Checked))
	}
	switch {
	case res.Key == store.KeyOK && res.Checkpoint != nil:
		out = append(out, e.cat.T("cli.audit.sealed", res.KeyedFrom, res.Checkpoint.AuditID, res.Checkpoint.At))
	case res.Key == store.KeyOK:
		out = append(out, e.cat.T("cli.audit.sealed_no_cp", res.KeyedFrom))
	case res.Key == store.KeyPlain:
		out = append(out, e.cat.T("cli.audit.plain"))
	default:
		out = append(out, e.cat.T("cli.audit.seal_unchecked", e.keyStateText(res.Key)+": "+res.KeyWhy))
	}
	if r := res.Restored; r != nil {
		out = append(out, e.cat.T("cli.audit.restored", r.At, r.AuditID))
	}
	if res.EarlierAt != 0 {
		out = append(out, e.cat.T("cli.audit.earlier_db", res.EarlierAt))
	}
	if res.FileError != "" {
		out = append(out, e.cat.T("cli.audit.file_error", res.FileError))
	}
	return out
}

func (e *env) keyStateText(k store.KeyState) string {
	if key := "cli.audit.key_state." + string(k); i18n.Has(key) {
		return e.cat.T(key)
	}
	return string(k)
}

// auditRepairCmd makes the guards again. On PostgreSQL only the
// schema's owner may (--owner-url or ORDERDESK_DB_OWNER_URL, as for db
// setup); the desk's role then checks them again.
func auditRepairCmd(g *globals, help i18n.Catalog) *cobra.Command {
	var ownerURL string
	cmd := g.adminCommand("repair", help.T("cli.cmd.audit_repair"), cobra.NoArgs,
		func(ctx context.Context, cmd *cobra.Command, _ []string, e *env, _ store.User) error {
			repairer := e.st
			if e.cfg.onPostgres() {
				url, err := e.cfg.ownerURL(e.cat, ownerURL, "db.setup_needs_owner")
				if err != nil {
					return err
				}
				if repairer, err = store.OpenURL(ctx, url, store.WithAuditKey(e.cfg.auditFiles())); err != nil {
					return errors.New(store.RedactURL(url) + ": " + e.errorText(err))
				}
				defer repairer.Close()
			}
			rep, err := repairer.RepairSchema(ctx)
			if err != nil {
				return e.fail(err)
			}
			if _, err := e.st.CheckSchema(ctx); err != nil {
				return e.fail(err)
			}
			for _, p := range rep.Fixed {
				say(cmd, e.cat.T("cli.audit.repaired", p.String()))
			}
			for _, p := range rep.Left {
				say(cmd, e.cat.T("cli.audit.repair_left", p.String()))
			}
			if len(rep.Fixed) == 0 && len(rep.Left) == 0 {
				say(cmd, e.cat.T("cli.audit.repair_none"))
			}
			if left := e.st.SchemaProblems(); len(left) > 0 {
				return errors.New(e.cat.T("cli.audit.repair_failed", len(left)))
			}
			return nil
		})
	cmd.Flags().StringVar(&ownerURL, "owner-url", "", help.T("cli.flag.owner_url"))
	return cmd
}

func auditCheckpointCmd(g *globals, help i18n.Catalog) *cobra.Command {
	return g.adminCommand("checkpoint", help.T("cli.cmd.audit_checkpoint"), cobra.NoArgs,
		func(ctx context.Context, cmd *cobra.Command, _ []string, e *env, _ store.User) error {
			c, err := e.st.Checkpoint(ctx)
			if errors.Is(err, store.ErrNoCheckpoint) {
				return errors.New(e.cat.T("cli.audit.no_checkpoint"))
			}
			if err != nil {
				return e.fail(err)
			}
			say(cmd, c.String())
			return nil
		})
}

// problemKey is the catalogue key of a break's name.
func problemKey(p string) string {
	return "cli.audit.problem." + strings.NewReplacer(" ", "_", "-", "_").Replace(p)
}
