package main

import (
	"context"
	"errors"

	"orderdesk/store"
	"orderdesk/tui/common"
	"orderdesk/tui/i18n"
)

// The engine is chosen by one setting: db.url (ORDERDESK_DB_URL,
// --db-url) names a PostgreSQL database; without it the desk keeps its
// SQLite file (db.path, ORDERDESK_DB_PATH, --db). A flag wins over the
// environment, which wins over the file; --db names a file even where
// the environment or the file sets a URL.

// applyDBFlags puts the command line's database, if any, over the
// configuration's, and checks a URL.
func (g *globals) applyDBFlags(cfg *Config, cat i18n.Catalog) error {
	switch {
	case g.dbPath != "" && g.dbURL != "":
		return errors.New(cat.T("db.both_flags"))
	case g.dbURL != "":
		cfg.DB.URL = g.dbURL
	case g.dbPath != "":
		cfg.DB.Path, cfg.DB.URL = g.dbPath, ""
	}
	if cfg.DB.URL == "" {
		return nil
	}
	if err := store.CheckPostgresURL(cfg.DB.URL); err != nil {
		return errors.New(cat.T("db.bad_url", store.RedactURL(cfg.DB.URL), err.Error()))
	}
	return nil
}

// onPostgres says whether the database is a PostgreSQL server's.
func (c *Config) onPostgres() bool { return c.DB.URL != "" }

// dbTarget is what the store opens: the URL, else the file.
func (c *Config) dbTarget() string {
	if c.onPostgres() {
		return c.DB.URL
	}
	return c.DB.Path
}

// dbName is the database as messages and the status line show it: the
// file's path, or the URL without its password.
func (c *Config) dbName() string { return store.RedactURL(c.dbTarget()) }

// dbFlag is the flag that names the database again on a command line:
// --db for a file, --db-url for a server (its password left out).
func (c *Config) dbFlag() string {
	if store.IsPostgresURL(c.dbTarget()) {
		return "--db-url '" + c.dbName() + "'"
	}
	return "--db " + c.dbName()
}

// openStore opens the configured database: every command that opens the
// store opens it here.
func openStore(ctx context.Context, cfg *Config) (*store.Store, error) {
	return store.OpenURL(ctx, cfg.dbTarget(), store.WithAuditKey(cfg.auditFiles()))
}

// openErrorText says why the store did not open, naming the database.
func (c *Config) openErrorText(cat i18n.Catalog, err error) string {
	switch {
	case errors.Is(err, store.ErrNoSchema):
		role, _ := store.PostgresRole(c.DB.URL)
		return cat.T("db.no_schema", c.dbName(), role)
	case errors.Is(err, store.ErrSchemaOld):
		return cat.T("db.schema_old", c.dbName())
	}
	return c.dbName() + ": " + common.ErrorText(cat, err)
}
