package main

import (
	"errors"
	"os"
	"runtime"

	"github.com/spf13/cobra"

	"orderdesk/store"
	"orderdesk/tui/common"
	"orderdesk/tui/i18n"
)

// version is set at build time (make build: -ldflags "-X main.version=…").
var version = ""

// buildVersion is the version stamped at build time, else the commit Go
// recorded in the binary, else "" (a development build).
func buildVersion() string {
	if version != "" {
		return version
	}
	return store.BuildRevision()
}

func versionCmd(g *globals, help i18n.Catalog) *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: help.T("cli.cmd.version"),
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			// The database is never opened as the desk opens it (that would
			// upgrade it): the version must print even when the database is
			// the problem, and say what the next start will do with it.
			cfg, _, err := loadConfig(cmd.Flag("config").Value.String())
			lang, dbPath := "", g.dbPath
			if err == nil {
				lang = cfg.UI.Language
				if dbPath == "" {
					dbPath = cfg.dbTarget()
				}
			}
			if g.dbURL != "" {
				dbPath = g.dbURL
			}
			cat := i18n.New(lang)
			v := buildVersion()
			if v == "" {
				v = cat.T("cli.version.unstable")
			}
			say(cmd, cat.T("cli.version.line", v, store.SchemaVersion(), runtime.Version()))
			if line := databaseSchemaLine(cat, dbPath); line != "" {
				say(cmd, line)
			}
			return nil
		},
	}
}

// databaseSchemaLine says the schema of the database file at path and
// what this program will do with it; "" when there is no file.
func databaseSchemaLine(cat i18n.Catalog, path string) string {
	if path == "" {
		return ""
	}
	if store.IsPostgresURL(path) {
		return cat.T("cli.version.db_postgres", store.RedactURL(path))
	}
	have, err := store.FileSchema(path)
	want := store.SchemaVersion()
	switch {
	case errors.Is(err, os.ErrNotExist):
		return ""
	case err != nil:
		return cat.T("cli.version.db_error", path, common.ErrorText(cat, err))
	case have == 0:
		return cat.T("cli.version.db_empty", path)
	case have < want:
		return cat.T("cli.version.db_older", path, have, want)
	case have > want:
		return cat.T("cli.version.db_newer", path, have, want)
	}
	return cat.T("cli.version.db_current", path, have)
}
