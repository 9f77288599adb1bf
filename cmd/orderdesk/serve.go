package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"orderdesk/sshserver"
)

// newServeCmd runs the office server: every clerk, supervisor and finance
// user connects with ssh and works as the user behind their key.
func newServeCmd(g *globals) *cobra.Command {
	var listen string
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "serve the desk over SSH to the office",
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx, stop := signal.NotifyContext(cmd.Context(), os.Interrupt, syscall.SIGTERM)
			defer stop()
			return serve(ctx, g, listen)
		},
	}
	cmd.Flags().StringVar(&listen, "listen", "", "address to listen on (default from config ssh.listen, 127.0.0.1:2222)")
	return cmd
}

func serve(ctx context.Context, g *globals, listen string) error {
	// One server per database, and no restore under it (store.LockServe).
	lock, err := g.lockServe()
	if err != nil {
		return err
	}
	if lock != nil {
		defer lock.Release()
	}
	e, err := g.open(ctx)
	if err != nil {
		return err
	}
	defer e.close()
	if listen == "" {
		listen = e.cfg.SSH.Listen
	}
	idle, err := time.ParseDuration(e.cfg.SSH.IdleTimeout)
	if err != nil {
		return fmt.Errorf("ssh.idle_timeout %q: %w", e.cfg.SSH.IdleTimeout, err)
	}
	printing, err := e.cfg.Print.spool()
	if err != nil {
		return err
	}
	log := slog.New(slog.NewTextHandler(os.Stderr, nil))
	e.eng.SetLogger(log)
	e.warnPermissions(os.Stderr, log)
	e.warnTamper(os.Stderr, log)
	e.warnOwner(ctx, os.Stderr, log)
	backupsDone, err := startBackups(ctx, e, log)
	if err != nil {
		return err
	}
	defer backupsDone()
	srv, err := sshserver.New(sshserver.Config{
		Listen: listen, HostKeyPath: e.cfg.SSH.HostKey, IdleTimeout: idle, MaxSessions: e.cfg.SSH.MaxSessions,
		Engine: e.eng, DBPath: e.cfg.dbName(), BackupStatus: e.cfg.backupStatusOf(), Company: e.cfg.Company.Name, PrintDir: e.cfg.Print.Dir, Lang: e.cfg.UI.Language,
		Theme: e.cfg.UI.Theme, FollowUpDays: e.cfg.Pricing.FollowUpDays, Log: log, Printing: printing,
	})
	if err != nil {
		return err
	}
	done := make(chan error, 1)
	go func() { done <- srv.ListenAndServe() }()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
	}
	// Give sessions a moment to end their programs; drafts are kept as
	// they are typed, so nothing typed is lost.
	shutdown, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdown); err != nil && !errors.Is(err, context.DeadlineExceeded) {
		return err
	}
	return nil
}
