package main

import (
	"context"
	"errors"
	"os"

	"github.com/spf13/cobra"

	"orderdesk/store"
	"orderdesk/tui/common"
	"orderdesk/tui/i18n"
)

// dbCmd gathers the PostgreSQL database's administration.
func dbCmd(g *globals, help i18n.Catalog) *cobra.Command {
	return group("db", help.T("cli.cmd.db"), dbSetupCmd(g, help))
}

// dbSetupCmd makes the schema as the owner role and grants the desk's
// role (the one db.url connects as) the rows and nothing else, then opens
// the database as the desk does. The owner's URL comes from the command
// line or the environment only: the desk's configuration file, which
// the office server reads, never holds it. Run it again after an
// upgrade.
func dbSetupCmd(g *globals, help i18n.Catalog) *cobra.Command {
	var ownerURL string
	cmd := &cobra.Command{
		Use: "setup --owner-url postgres://OWNER@HOST/DATABASE", Short: help.T("cli.cmd.db_setup"), Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			cfg, cat, err := g.config()
			if err != nil {
				return err
			}
			if !cfg.onPostgres() {
				return errors.New(cat.T("db.setup_needs_url"))
			}
			ownerURL, err := cfg.ownerURL(cat, ownerURL, "db.setup_needs_owner")
			if err != nil {
				return err
			}
			desk, _ := store.PostgresRole(cfg.DB.URL)
			owner, _ := store.PostgresRole(ownerURL)
			if err := cfg.grantDesk(cmd.Context(), cat, ownerURL); err != nil {
				return err
			}
			// The desk opens it as it will every day: as its own role.
			e, err := g.open(cmd.Context())
			if err != nil {
				return err
			}
			defer e.close()
			say(cmd, cat.T("db.setup_done", cfg.dbName(), store.SchemaVersion(), owner, desk))
			return nil
		},
	}
	cmd.Flags().StringVar(&ownerURL, "owner-url", "", help.T("cli.flag.owner_url"))
	return cmd
}

// ownerURL is the owner role's URL a command was given (flag, else
// ORDERDESK_DB_OWNER_URL), checked to name the configured database;
// needs is what the command says without one.
func (c *Config) ownerURL(cat i18n.Catalog, flag, needs string) (string, error) {
	flag, err := ownerURLOf(flag, cat, needs)
	if err == nil && !store.SameDatabase(flag, c.DB.URL) {
		err = errors.New(cat.T("db.setup_other_db", store.RedactURL(flag), c.dbName()))
	}
	return flag, err
}

// ownerURLOf is the owner's URL the flag gives, else the environment's
// (never the configuration file's, which the desk's server reads),
// checked; without one, the error is the catalogue's missing.
func ownerURLOf(flag string, cat i18n.Catalog, missing string) (string, error) {
	if flag == "" {
		flag = os.Getenv("ORDERDESK_DB_OWNER_URL")
	}
	if flag == "" {
		return "", errors.New(cat.T(missing))
	}
	if err := store.CheckPostgresURL(flag); err != nil {
		return "", errors.New(cat.T("db.bad_url", store.RedactURL(flag), err.Error()))
	}
	return flag, nil
}

// grantDesk makes or checks the schema as the owner and grants the
// desk's role (db.url's) the rows and nothing else (store.SetupPostgres).
func (c *Config) grantDesk(ctx context.Context, cat i18n.Catalog, ownerURL string) error {
	desk, _ := store.PostgresRole(c.DB.URL)
	err := store.SetupPostgres(ctx, ownerURL, desk)
	switch {
	case errors.Is(err, store.ErrDeskRole):
		return errors.New(cat.T("db.desk_role", err.Error()))
	case err != nil:
		return errors.New(store.RedactURL(ownerURL) + ": " + common.ErrorText(cat, err))
	}
	return nil
}
