package main

import (
	"errors"
	"strings"
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
	ownerURL, err := cfg.ownerURL(cat, ownerURL, "backup.restore_needs_owner")
	if err != nil {
		return err
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
		if err := cfg.grantDesk(ctx, cat, ownerURL); err != nil {
			return err
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
// language, with what was found (the store's words after its own
// sentence, which the catalogue says).
func pgToolsText(cat i18n.Catalog, err error) string {
	_, found, _ := strings.Cut(err.Error(), store.ErrNoPGTools.Error())
	return cat.T("backup.no_pg_tools") + found
}
