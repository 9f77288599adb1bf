package main

import (
	"errors"
	"time"

	"github.com/spf13/cobra"

	"orderdesk/internal/backups"
	"orderdesk/tui/i18n"
)

// backupStatusCmd says how the last scheduled backup went, in the words
// the desk shows admins; it fails when that backup failed, so a
// monitoring script can run it.
func backupStatusCmd(g *globals, help i18n.Catalog) *cobra.Command {
	return &cobra.Command{
		Use: "status", Short: help.T("cli.cmd.backup_status"), Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			cfg, cat, err := g.config()
			if err != nil {
				return err
			}
			every, err := cfg.backupEvery(cat)
			if err != nil {
				return err
			}
			n := cfg.backupNaming()
			if every == 0 {
				say(cmd, cat.T("backup.status.off"))
			} else {
				say(cmd, cat.T("backup.status.every", every, cfg.Backup.KeepDaily, cfg.Backup.KeepMonthly))
			}
			if taken, err := n.Taken(); err == nil {
				say(cmd, cat.T("backup.status.folder", n.Dir, len(taken)))
			}
			st, ok, err := backups.ReadStatus(cfg.backupStatusOf())
			if err != nil {
				return err
			}
			if !ok {
				say(cmd, cat.T("backup.status.never", n.Dir))
				return nil
			}
			if st.OK {
				say(cmd, cat.T("backup.status.ok", when(st.At), st.File, sizeText(cat, st.Size), st.AuditID))
				return nil
			}
			if st.LastOK.IsZero() {
				say(cmd, cat.T("backup.status.no_good"))
			} else {
				say(cmd, cat.T("backup.status.last_good", when(st.LastOK), st.LastOKFile))
			}
			return errors.New(cat.T("backup.status.failed", when(st.At), st.Error))
		},
	}
}

// when is a moment on the office's clock.
func when(t time.Time) string { return t.Local().Format(time.DateTime) }
