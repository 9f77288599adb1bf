package main

import (
	"context"
	"errors"
	"log/slog"

	"orderdesk/internal/backups"
	"orderdesk/store"
	"orderdesk/tui/i18n"
	"orderdesk/workflow"
)

// lockServe takes the configured database's server lock.
func (g *globals) lockServe() (*store.ServeLock, error) {
	cfg, cat, err := g.config()
	if err != nil {
		return nil, err
	}
	if cfg.onPostgres() {
		// The lock is a file's: PostgreSQL's servers share one database,
		// and a restore there only fills an empty database.
		return nil, nil
	}
	lock, err := store.LockServe(cfg.DB.Path)
	if errors.Is(err, store.ErrInUse) {
		return nil, errors.New(cat.T("backup.serve_in_use", cfg.DB.Path) + holder(cat, err))
	}
	if err != nil {
		return nil, errors.New(cfg.openErrorText(cat, err))
	}
	return lock, nil
}

// startBackups runs the server's scheduled backups until ctx ends or
// stop is called; stop returns once the backup under way, if any, is
// finished.
func startBackups(ctx context.Context, e *env, log *slog.Logger) (stop func(), err error) {
	every, err := e.cfg.backupEvery(e.cat)
	if err != nil {
		return nil, err
	}
	if every == 0 {
		log.Warn("scheduled backups are off (backup.every is 0)")
		return func() {}, nil
	}
	if e.cfg.onPostgres() && e.cfg.Backup.Dir == "" {
		// Several servers share one database: the one given a backup
		// folder takes its backups, not every server a copy of its own.
		log.Info("scheduled backups are taken by the server whose backup.dir is set; this one has none", "db", e.cfg.dbName())
		return func() {}, nil
	}
	s := &backups.Scheduler{
		DBPath: e.cfg.backupStatusOf(), Naming: e.cfg.backupNaming(), Every: every,
		KeepDaily: e.cfg.Backup.KeepDaily, KeepMonthly: e.cfg.Backup.KeepMonthly,
		Backup: e.st.Backup, Clock: backups.SystemClock{}, Log: log,
		Explain: func(err error) string { return backupErrorText(e.cat, err) },
		Attempted: func(st backups.Status) {
			if st.Failed() {
				e.eng.Feed().Publish(workflow.Change{Kind: workflow.BackupKind})
			}
		},
	}
	log.Info("scheduled backups", "dir", s.Naming.Dir, "every", every, "keep_daily", s.KeepDaily, "keep_monthly", s.KeepMonthly)
	ctx, cancel := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() {
		defer close(done)
		s.Run(ctx)
	}()
	return func() { cancel(); <-done }, nil
}

// holder names the process holding the database's lock, when known.
func holder(cat i18n.Catalog, err error) string {
	var in *store.InUseError
	if errors.As(err, &in) && in.PID != 0 {
		return cat.T("backup.holder", in.PID)
	}
	return ""
}
