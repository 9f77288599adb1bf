package main

import (
	"errors"
	"fmt"
	"os"
	"time"

	"github.com/spf13/cobra"

	"orderdesk/store"
	"orderdesk/tui/common"
	"orderdesk/tui/i18n"
)

// restorePostgres fills the configured PostgreSQL database, which must
// be empty, from a pg_dump archive: as its owner (--owner-url or
// ORDERDESK_DB_OWNER_URL, as db setup takes it), then grants the desk's
// role its rows as db setup does, signs the restore into the audit trail
// and verifies the chain the desk now reads.
func restorePostgres(cmd *cobra.Command, cfg *Config, cat i18n.Catalog, file, ownerURL string) error {
	ctx := cmd.Context()
	if ownerURL == "" {
		ownerURL = os.Getenv("ORDERDESK_DB_OWNER_URL")
	}
	if ownerURL == "" {
		return errors.New(cat.T("backup.restore_needs_owner"))
	}
	if err := store.CheckPostgresURL(ownerURL); err != nil {
		return errors.New(cat.T("db.bad_url", store.RedactURL(ownerURL), err.Error()))
	}
	if !store.SameDatabase(ownerURL, cfg.DB.URL) {
		return errors.New(cat.T("db.setup_other_db", store.RedactURL(ownerURL), cfg.dbName()))
	}
	res, err := store.Restore(ctx, file, ownerURL, time.Now(), store.WithAuditKey(cfg.auditFiles()))
	switch {
	case errors.Is(err, store.ErrNotEmpty):
		return errors.New(cat.T("backup.not_empty", cfg.dbName()))
	case err != nil:
		return errors.New(backupErrorText(cat, err))
	}
	say(cmd, cat.T("backup.restored", file, cfg.dbName(), res.Backup.SchemaVersion, res.Backup.AuditID))
	say(cmd, cat.T("backup.filled"))
	desk, _ := store.PostgresRole(cfg.DB.URL)
	if owner, _ := store.PostgresRole(ownerURL); desk != owner {
		err := store.SetupPostgres(ctx, ownerURL, desk)
		switch {
		case errors.Is(err, store.ErrDeskRole):
			return errors.New(cat.T("db.desk_role", err.Error()))
		case err != nil:
			return errors.New(store.RedactURL(ownerURL) + ": " + common.ErrorText(cat, err))
		}
		say(cmd, cat.T("backup.granted", desk))
	}
	return markRestored(cmd, cfg, cat)
}

// verifyRestored walks the restored database's audit chain, which
// pg_restore wrote and no orderdesk check has read yet.
func verifyRestored(cmd *cobra.Command, st *store.Store, cat i18n.Catalog) error {
	res, err := st.VerifyAudit(cmd.Context())
	switch {
	case err != nil:
		return errors.New(common.ErrorText(cat, err))
	case res.BrokenAt != 0:
		return errors.New(cat.T("backup.restored_broken", res.BrokenAt, res.Problem))
	}
	say(cmd, cat.T("backup.restored_verified", res.Checked))
	return nil
}

// pgToolsText says PostgreSQL's programs are missing, in the office's
// language, with what was found.
func pgToolsText(cat i18n.Catalog, err error) string {
	return fmt.Sprintf("%s (%v)", cat.T("backup.no_pg_tools"), err)
}
