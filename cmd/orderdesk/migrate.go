package main

import (
	"errors"
	"time"

	"github.com/spf13/cobra"

	"orderdesk/store"
	"orderdesk/tui/common"
	"orderdesk/tui/i18n"
	"orderdesk/workflow"
)

// migrateCmd moves an office from its SQLite file to an empty
// PostgreSQL database (store.MigrateToPostgres): the file is only read,
// under the server's lock so that no server writes it meanwhile; the
// target is written as its owner, whose URL, as for db setup, comes from
// the command line or the environment only.
func migrateCmd(g *globals, help i18n.Catalog) *cobra.Command {
	var to, deskRole string
	cmd := &cobra.Command{
		Use: "migrate --to postgres://OWNER@HOST/DATABASE [--desk-role ROLE]", Short: help.T("cli.cmd.migrate"), Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			cfg, cat, err := g.config()
			if err != nil {
				return err
			}
			if cfg.onPostgres() {
				return errors.New(cat.T("migrate.needs_file"))
			}
			if to, err = ownerURLOf(to, cat, "migrate.needs_to"); err != nil {
				return err
			}
			lock, err := g.lockServe()
			if err != nil {
				return err
			}
			defer lock.Release()
			ctx := cmd.Context()
			st, err := store.OpenReadOnly(ctx, cfg.DB.Path, store.WithAuditKey(cfg.auditFiles()))
			if err != nil {
				return errors.New(cfg.openErrorText(cat, err))
			}
			defer st.Close()
			// The engine declares the workflow's rules, which both sides'
			// checks compare with.
			if _, err := workflow.New(ctx, st); err != nil {
				return errors.New(cfg.openErrorText(cat, err))
			}
			target := store.RedactURL(to)
			e := &env{cfg: cfg, st: st, cat: cat}
			res, err := store.MigrateToPostgres(ctx, st, to, deskRole)
			var filled *store.FilledError
			switch {
			case errors.Is(err, store.ErrSourceAudit):
				for _, line := range e.verifyLines(res.Source) {
					say(cmd, line)
				}
				return errors.New(cat.T("migrate.source_broken", cfg.dbName(), e.brokenText(res.Source)))
			case errors.As(err, &filled):
				return errors.New(cat.T("migrate.not_empty", target, filled.Table, filled.Rows))
			case errors.Is(err, store.ErrDeskRole):
				return errors.New(cat.T("db.desk_role", err.Error()))
			case errors.Is(err, store.ErrMigrateCheck):
				return errors.New(cat.T("migrate.check_failed", target, err.Error()))
			case err != nil:
				return errors.New(target + ": " + common.ErrorText(cat, err))
			}
			say(cmd, cat.T("migrate.done", cfg.dbName(), target, res.Took.Round(time.Millisecond)))
			say(cmd, cat.T("migrate.copied", res.Tables, res.Rows, res.Audit, res.Search))
			say(cmd, cat.T("migrate.counts"))
			for _, side := range []struct {
				name string
				res  store.VerifyResult
			}{{cfg.dbName(), res.Source}, {target, res.Target}} {
				say(cmd, "  "+side.name+":")
				for _, line := range e.verifyLines(side.res) {
					say(cmd, "    "+line)
				}
			}
			if deskRole == "" {
				say(cmd, cat.T("migrate.no_desk_role"))
			}
			say(cmd, cat.T("migrate.next", cfg.dbName()))
			return nil
		},
	}
	cmd.Flags().StringVar(&to, "to", "", help.T("cli.flag.migrate_to"))
	cmd.Flags().StringVar(&deskRole, "desk-role", "", help.T("cli.flag.desk_role"))
	return cmd
}

// brokenText says in words why a verification does not vouch for the
// chain: a break, a seal that cannot be checked, or changed rules.
func (e *env) brokenText(res store.VerifyResult) string {
	switch {
	case res.BrokenAt != 0:
		return e.cat.T("cli.audit.broken", res.BrokenAt, e.problem(res.Problem), res.Checked)
	case len(res.Schema) > 0:
		return e.cat.T("cli.audit.schema_broken", len(res.Schema))
	}
	return e.cat.T("cli.audit.seal_unchecked", e.keyStateText(res.Key)+": "+res.KeyWhy)
}
