// Command orderdesk is the order desk: run it to work at the desk, or use
// its subcommands to administer users, check the audit trail, fill a demo
// database or serve the office over SSH.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/user"
	"runtime"

	tea "charm.land/bubbletea/v2"
	"github.com/spf13/cobra"
	"golang.org/x/term"

	"orderdesk/internal/esckeys"
	"orderdesk/store"
	"orderdesk/tui"
	"orderdesk/tui/common"
	"orderdesk/tui/i18n"
	"orderdesk/workflow"
)

// globals are the flags every command takes.
type globals struct {
	dbPath     string
	dbURL      string
	configFile string
	// errOut is where notes beside a command's output go (the command's
	// stderr).
	errOut io.Writer
}

func main() {
	if err := newRootCmd().Execute(); err != nil {
		os.Exit(1)
	}
}

func newRootCmd() *cobra.Command {
	g := &globals{}
	root := &cobra.Command{
		Use:           "orderdesk",
		Short:         "orderdesk: the sales order desk in your terminal",
		SilenceUsage:  true,
		SilenceErrors: false,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runDesk(cmd.Context(), g)
		},
	}
	root.PersistentPreRun = func(cmd *cobra.Command, _ []string) { g.errOut = cmd.ErrOrStderr() }
	root.PersistentFlags().StringVar(&g.dbPath, "db", "", "database file (default from config, ORDERDESK_DB_PATH)")
	root.PersistentFlags().StringVar(&g.dbURL, "db-url", "", "PostgreSQL database, postgres://role@host/database (default from config db.url, ORDERDESK_DB_URL)")
	root.PersistentFlags().StringVar(&g.configFile, "config", "", "configuration file (default ./config.yaml)")
	root.AddCommand(subcommands(g)...)
	root.SetErrPrefix(i18n.New("").T("cli.error_prefix"))
	return root
}

// env opens the configuration, the database and the workflow engine.
type env struct {
	cfg *Config
	st  *store.Store
	eng *workflow.Engine
	cat i18n.Catalog
}

// config reads the configuration, with --db or --db-url applied, and
// the catalogue of its language.
func (g *globals) config() (*Config, i18n.Catalog, error) {
	cfg, _, err := loadConfig(g.configFile)
	if err != nil {
		return nil, i18n.Catalog{}, err
	}
	cat := i18n.New(cfg.UI.Language)
	if err := g.applyDBFlags(cfg, cat); err != nil {
		return nil, cat, err
	}
	return cfg, cat, nil
}

func (g *globals) open(ctx context.Context) (*env, error) {
	cfg, cat, err := g.config()
	if err != nil {
		return nil, err
	}
	st, err := openStore(ctx, cfg)
	if err != nil {
		return nil, errors.New(cfg.openErrorText(cat, err))
	}
	g.noteUpgrade(st, cat)
	eng, err := workflow.New(ctx, st)
	if err != nil {
		st.Close()
		return nil, errors.New(cfg.openErrorText(cat, err))
	}
	if err := eng.SetOrderSeries(workflow.OrderSeries{Province: cfg.Orders.Province, Pattern: cfg.Orders.Series, Digits: cfg.Orders.Digits}); err != nil {
		st.Close()
		return nil, fmt.Errorf("config: %w", err)
	}
	if err := eng.SetWeighing(ctx, cfg.Orders.Weighing); err != nil {
		st.Close()
		return nil, fmt.Errorf("config orders.weighing %q: %s", cfg.Orders.Weighing, common.ErrorText(cat, err))
	}
	if err := eng.SetShippingRules(ctx, workflow.ShippingRules{OverdueDays: cfg.Ship.OverdueDays, WeightTolerance: cfg.Ship.WeightTolerance}); err != nil {
		st.Close()
		return nil, fmt.Errorf("config shipping: %s", common.ErrorText(cat, err))
	}
	c := cfg.Collections
	if err := eng.SetLadderRules(ctx, workflow.LadderRules{RemindAfter: c.RemindAfterDays, ReportAfter: c.ReportAfterDays, LetterAfter: c.LetterAfterDays}); err != nil {
		st.Close()
		return nil, fmt.Errorf("config collections: %s", common.ErrorText(cat, err))
	}
	a := cfg.AfterSales
	if err := eng.SetAfterSalesRules(ctx, workflow.AfterSalesRules{FlagAfter: a.FlagAfterDays, FollowAfterDelivery: a.FollowUpAfterDeliveryDays,
		FollowAfterResolution: a.FollowUpAfterResolutionDays}); err != nil {
		st.Close()
		return nil, fmt.Errorf("config aftersales: %s", common.ErrorText(cat, err))
	}
	if err := eng.SetMaterialDays(ctx, cfg.Materials.ConfirmAfterDays); err != nil {
		st.Close()
		return nil, fmt.Errorf("config materials: %s", common.ErrorText(cat, err))
	}
	return &env{cfg: cfg, st: st, eng: eng, cat: cat}, nil
}

func (e *env) close() { e.st.Close() }

// localUser is who sits at this terminal: the operating-system account,
// mapped to an orderdesk user (the first one ever becomes admin and clerk).
func (e *env) localUser(ctx context.Context) (store.User, error) {
	login := "desk"
	display := ""
	if u, err := user.Current(); err == nil {
		login, display = u.Username, u.Name
	}
	u, created, err := e.eng.Bootstrap(ctx, login, display)
	if errors.Is(err, workflow.ErrNoUser) {
		return u, errors.New(e.cat.T("cli.no_user", login))
	}
	if created {
		fmt.Fprintln(os.Stderr, e.cat.T("cli.bootstrapped", login))
	}
	return u, err
}

func runDesk(ctx context.Context, g *globals) error {
	e, u, err := g.openLocal(ctx)
	if err != nil {
		return err
	}
	defer e.close()
	app := e.deskApp(ctx, u)
	defer app.Close()
	opts := []tea.ProgramOption{tea.WithContext(ctx)}
	if runtime.GOOS != "windows" && term.IsTerminal(int(os.Stdin.Fd())) {
		// Every esc typed in a burst stays an esc (esckeys), as over SSH.
		// (A Windows console gives its keys as events: left as it is.)
		opts = append(opts, tea.WithInput(esckeys.NewTerminal(ctx, os.Stdin)))
	}
	_, err = tea.NewProgram(app, opts...).Run()
	if errors.Is(err, tea.ErrProgramKilled) || errors.Is(err, context.Canceled) {
		return nil
	}
	return err
}

// deskApp is the desk of user u at this terminal.
func (e *env) deskApp(ctx context.Context, u store.User) *tui.App {
	return tui.New(tui.Options{
		Ctx: ctx, Desk: e.eng.Desk(u), Lang: e.cfg.UI.Language, LangEnv: os.Getenv("LANG"),
		DBPath: e.cfg.dbName(), BackupStatus: e.cfg.backupStatusOf(), Company: e.cfg.Company.Name, PrintDir: e.cfg.Print.Dir, Theme: e.cfg.UI.Theme,
		FollowUpDays: e.cfg.Pricing.FollowUpDays,
	})
}
