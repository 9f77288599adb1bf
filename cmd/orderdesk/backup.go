package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/spf13/cobra"

	"orderdesk/internal/backups"
	"orderdesk/store"
	"orderdesk/tui/common"
	"orderdesk/tui/i18n"
)

// backupCmd writes a backup now; `backup status` says how the server's
// last scheduled one went.
func backupCmd(g *globals, help i18n.Catalog) *cobra.Command {
	var out string
	cmd := g.adminCommand("backup", help.T("cli.cmd.backup"), cobra.NoArgs,
		func(ctx context.Context, cmd *cobra.Command, _ []string, e *env, _ store.User) error {
			path := out
			if path == "" {
				n := e.cfg.backupNaming()
				if err := ensureDir(n.Dir); err != nil {
					return e.fail(err)
				}
				path = n.Path(time.Now())
			}
			info, err := e.st.Backup(ctx, path)
			switch {
			case err != nil && info.Path != "": // written, but the chain it copied is broken
				return errors.New(e.cat.T("backup.audit_kept", info.Path, info.AuditBrokenAt, e.problem(info.AuditProblem)))
			case errors.Is(err, store.ErrDuplicate):
				return errors.New(e.cat.T("backup.exists", path))
			case err != nil:
				return errors.New(backupErrorText(e.cat, err))
			}
			say(cmd, e.cat.T("backup.written", info.Path, sizeText(e.cat, info.Size), info.SchemaVersion, info.AuditRecords,
				info.AuditID, info.AuditHash, info.Took.Round(time.Millisecond)))
			if info.Checkpoint != "" {
				say(cmd, info.Checkpoint)
			}
			return nil
		})
	cmd.Flags().StringVar(&out, "out", "", help.T("cli.flag.backup_out"))
	cmd.AddCommand(backupStatusCmd(g, help))
	return cmd
}

// restoreCmd puts a backup in place of the database. It opens nothing
// through the desk: the database may be the very thing that is broken.
func restoreCmd(g *globals, help i18n.Catalog) *cobra.Command {
	var ownerURL string
	cmd := &cobra.Command{
		Use: "restore FILE", Short: help.T("cli.cmd.restore"), Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			cfg, cat, err := g.config()
			if err != nil {
				return err
			}
			if cfg.onPostgres() {
				return restorePostgres(cmd, cfg, cat, args[0], ownerURL)
			}
			res, err := store.Restore(cmd.Context(), args[0], cfg.DB.Path, time.Now(), store.WithAuditKey(cfg.auditFiles()))
			var inUse *store.InUseError
			switch {
			case errors.As(err, &inUse) && inUse.Open:
				return errors.New(cat.T("backup.open_elsewhere", cfg.DB.Path))
			case errors.Is(err, store.ErrInUse):
				return errors.New(cat.T("backup.in_use", cfg.DB.Path) + holder(cat, err))
			}
			if err != nil {
				return errors.New(backupErrorText(cat, err))
			}
			say(cmd, cat.T("backup.restored", args[0], cfg.DB.Path, res.Backup.SchemaVersion, res.Backup.AuditID))
			if res.Aside == "" {
				say(cmd, cat.T("backup.none_aside"))
			} else {
				say(cmd, cat.T("backup.kept_aside", res.Aside))
			}
			return markRestored(cmd, cfg, cat)
		},
	}
	cmd.Flags().StringVar(&ownerURL, "owner-url", "", help.T("cli.flag.restore_owner_url"))
	return cmd
}

// backupErrorText says why a backup could not be written or restored.
func backupErrorText(cat i18n.Catalog, err error) string {
	var be *store.BackupError
	if errors.Is(err, store.ErrNoPGTools) {
		return pgToolsText(cat, err)
	}
	if !errors.As(err, &be) {
		return common.ErrorText(cat, err)
	}
	if be.Problem == store.BackupTooNew {
		return cat.T("backup.problem.too_new", be.Path, be.Version, store.SchemaVersion())
	}
	text := cat.T("backup.problem."+string(be.Problem), be.Path)
	if be.Detail != "" && (be.Problem == store.BackupDamaged || be.Problem == store.BackupAuditBroken) {
		text = cat.T("backup.problem.detail", text, be.Detail)
	}
	return text
}

// backupNaming is where and how the backups of the configured database
// are named: a PostgreSQL database's pg_dump archives by the database's
// name, in backup.dir or the data folder's backups folder.
func (c *Config) backupNaming() backups.Naming {
	dir := c.Backup.Dir
	if dir == "" {
		dir = filepath.Join(filepath.Dir(c.DB.Path), "backups")
	}
	if c.onPostgres() {
		return backups.NamingForDump(dir, store.PostgresDatabase(c.DB.URL))
	}
	return backups.NamingFor(dir, c.DB.Path)
}

// backupStatusOf is the name the scheduled backups' status file is kept
// by (backups.StatusPath): beside the database file, or for a PostgreSQL
// database in its backup folder, by the database's name.
func (c *Config) backupStatusOf() string {
	if c.onPostgres() {
		n := c.backupNaming()
		return filepath.Join(n.Dir, store.PostgresDatabase(c.DB.URL))
	}
	return c.DB.Path
}

// backupEvery is the scheduled backups' interval, 0 when they are off.
func (c *Config) backupEvery(cat i18n.Catalog) (time.Duration, error) {
	if c.Backup.Every == "0" || c.Backup.Every == "" {
		return 0, nil
	}
	d, err := time.ParseDuration(c.Backup.Every)
	if err != nil || d < 0 {
		return 0, errors.New(cat.T("backup.bad_every", c.Backup.Every))
	}
	return d, nil
}

// sizeText is a file size a person reads at a glance.
func sizeText(cat i18n.Catalog, n int64) string {
	switch {
	case n >= 1<<20:
		return cat.T("backup.size.mib", float64(n)/(1<<20))
	case n >= 1<<10:
		return cat.T("backup.size.kib", float64(n)/(1<<10))
	}
	return cat.T("backup.size.bytes", n)
}

// noteUpgrade says where the copy taken before a schema upgrade is, when
// opening the database upgraded it.
func (g *globals) noteUpgrade(st *store.Store, cat i18n.Catalog) {
	info, from, auditErr, ok := st.UpgradeBackup()
	if !ok {
		return
	}
	out := g.errOut
	if out == nil {
		out = os.Stderr
	}
	fmt.Fprintln(out, cat.T("backup.upgraded", from, store.SchemaVersion(), info.Path))
	if auditErr != nil {
		fmt.Fprintln(out, backupErrorText(cat, auditErr))
	}
}

// ensureDir makes the backup folder, for the owner only: a backup holds
// every customer's account.
func ensureDir(dir string) error { return os.MkdirAll(dir, 0o700) }

// markRestored signs the restore into the restored database, so the
// checkpoints kept beside the key, which vouch for records after the
// backup, do not read as a tail cut from it.
func markRestored(cmd *cobra.Command, cfg *Config, cat i18n.Catalog) error {
	st, err := openStore(cmd.Context(), cfg)
	if err != nil {
		return errors.New(cfg.openErrorText(cat, err))
	}
	defer st.Close()
	c, err := st.MarkRestored(cmd.Context())
	if err != nil {
		fmt.Fprintln(cmd.ErrOrStderr(), cat.T("backup.restore_unmarked", common.ErrorText(cat, err)))
	} else {
		say(cmd, cat.T("backup.restore_marked", c.String()))
	}
	if cfg.onPostgres() {
		return verifyRestored(cmd, st, cat)
	}
	return nil
}
