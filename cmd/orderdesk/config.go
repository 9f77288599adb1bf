package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/viper"

	"orderdesk/workflow"
)

// Config is everything orderdesk reads from config.yaml and ORDERDESK_*
// variables. Every key has a default, so no file is needed.
type Config struct {
	DB      DBConfig      `mapstructure:"db"`
	Company CompanyConfig `mapstructure:"company"`
	UI      UIConfig      `mapstructure:"ui"`
	Orders  OrdersConfig  `mapstructure:"orders"`
	Pricing PricingConfig `mapstructure:"pricing"`
	Print   PrintConfig   `mapstructure:"print"`
	Ship    ShipConfig    `mapstructure:"shipping"`
	// Collections is the ladder of 回款 (workflow/collections.go).
	Collections CollectionsConfig `mapstructure:"collections"`
	SSH         SSHConfig         `mapstructure:"ssh"`
	Backup      BackupConfig      `mapstructure:"backup"`
	// Audit locates the audit key and its checkpoints (audit_files.go).
	Audit AuditConfig `mapstructure:"audit"`
	// AfterSales flags complaints and schedules follow-up calls
	// (workflow/aftersalesrules.go).
	AfterSales AfterSalesConfig `mapstructure:"aftersales"`
	// Materials sets when materials sent wait too long for their receipt
	// (workflow/materialtasks.go).
	Materials MaterialsConfig `mapstructure:"materials"`
}

// MaterialsConfig: a row of the register of materials sent still not
// confirmed received this many days after it left is a task of its
// sender.
type MaterialsConfig struct {
	ConfirmAfterDays int `mapstructure:"confirm_after_days"`
}

// AfterSalesConfig: when a complaint with no action is flagged to the
// supervisor, and when follow-up calls (回访) fall due, in days.
type AfterSalesConfig struct {
	FlagAfterDays               int `mapstructure:"flag_after_days"`
	FollowUpAfterDeliveryDays   int `mapstructure:"follow_up_after_delivery_days"`
	FollowUpAfterResolutionDays int `mapstructure:"follow_up_after_resolution_days"`
}

// DBConfig locates the database: a SQLite file, or a PostgreSQL
// server's database when URL is set (dbtarget.go).
type DBConfig struct {
	Path string `mapstructure:"path"`
	URL  string `mapstructure:"url"`
}

// CompanyConfig names the company on screens and printouts.
type CompanyConfig struct {
	Name string `mapstructure:"name"`
}

// UIConfig sets language and colours.
type UIConfig struct {
	Language string `mapstructure:"language"`
	Theme    string `mapstructure:"theme"`
}

// OrdersConfig sets the order-number series, and the weighing basis an
// order takes when its customer's file names none.
type OrdersConfig struct {
	Province string `mapstructure:"province"`
	Series   string `mapstructure:"series"`
	Digits   int    `mapstructure:"digits"`
	Weighing string `mapstructure:"weighing"`
}

// PricingConfig sets how the Pricing screen flags quotes.
type PricingConfig struct {
	// FollowUpDays: a quote sent and unanswered for more days than this
	// is flagged for follow-up.
	FollowUpDays int `mapstructure:"follow_up_days"`
}

// PrintConfig says where printouts are written and, over SSH, which
// printer takes them.
type PrintConfig struct {
	Dir string `mapstructure:"dir"` // "" for the current directory
	// Printer is the default printer of printouts made over SSH ("":
	// none, the file is only fetched).
	Printer string `mapstructure:"printer"`
	// PrintersByUser (login → printer) wins over PrintersByKind
	// (contract, delivery, statement, letter → printer).
	PrintersByUser map[string]string `mapstructure:"printers_by_user"`
	PrintersByKind map[string]string `mapstructure:"printers_by_kind"`
	LPCommand      string            `mapstructure:"lp_command"` // run as LP -d PRINTER FILE
	// FetchHost is the server's name in the fetch line (scp -P 2222
	// HOST:FILE .); "" is this machine's name.
	FetchHost string `mapstructure:"fetch_host"`
}

// CollectionsConfig sets the collections ladder: days past an invoice's
// due day from which the clerk reminds the rep, the rep files an unpaid
// report, an overdue letter goes out.
type CollectionsConfig struct {
	RemindAfterDays int `mapstructure:"remind_after_days"`
	ReportAfterDays int `mapstructure:"report_after_days"`
	LetterAfterDays int `mapstructure:"letter_after_days"`
}

// ShipConfig sets the payment gate and the warehouse's tolerance.
type ShipConfig struct {
	OverdueDays     int `mapstructure:"overdue_days"`
	WeightTolerance int `mapstructure:"weight_tolerance_pct"`
}

// SSHConfig is the office server's.
type SSHConfig struct {
	Listen      string `mapstructure:"listen"`
	HostKey     string `mapstructure:"host_key"`
	IdleTimeout string `mapstructure:"idle_timeout"`
	MaxSessions int    `mapstructure:"max_sessions"`
}

// BackupConfig sets the server's own backups (internal/backups).
type BackupConfig struct {
	Dir         string `mapstructure:"dir"`   // "" for a "backups" folder beside the database
	Every       string `mapstructure:"every"` // a Go duration; "0" turns scheduled backups off
	KeepDaily   int    `mapstructure:"keep_daily"`
	KeepMonthly int    `mapstructure:"keep_monthly"`
}

func defaultDataDir() string {
	if d := os.Getenv("XDG_DATA_HOME"); d != "" {
		return filepath.Join(d, "orderdesk")
	}
	if home, err := os.UserHomeDir(); err == nil {
		return filepath.Join(home, ".local", "share", "orderdesk")
	}
	return "."
}

func setDefaults(v *viper.Viper) {
	dir := defaultDataDir()
	v.SetDefault("db.path", filepath.Join(dir, "orderdesk.db"))
	v.SetDefault("db.url", "")
	v.SetDefault("company.name", "")
	v.SetDefault("ui.language", "")
	v.SetDefault("ui.theme", "auto")
	v.SetDefault("orders.province", "LN")
	v.SetDefault("orders.series", "{province}{city}NO.{seq}")
	v.SetDefault("orders.digits", 4)
	v.SetDefault("orders.weighing", workflow.DefaultWeighing)
	v.SetDefault("pricing.follow_up_days", workflow.DefaultFollowUpDays)
	v.SetDefault("print.dir", "")
	v.SetDefault("print.printer", "")
	v.SetDefault("print.lp_command", "lp")
	v.SetDefault("print.fetch_host", "")
	v.SetDefault("shipping.overdue_days", 30)
	v.SetDefault("shipping.weight_tolerance_pct", 3)
	v.SetDefault("collections.remind_after_days", workflow.DefaultLadder.RemindAfter)
	v.SetDefault("collections.report_after_days", workflow.DefaultLadder.ReportAfter)
	v.SetDefault("collections.letter_after_days", workflow.DefaultLadder.LetterAfter)
	v.SetDefault("aftersales.flag_after_days", workflow.DefaultAfterSales.FlagAfter)
	v.SetDefault("aftersales.follow_up_after_delivery_days", workflow.DefaultAfterSales.FollowAfterDelivery)
	v.SetDefault("aftersales.follow_up_after_resolution_days", workflow.DefaultAfterSales.FollowAfterResolution)
	v.SetDefault("materials.confirm_after_days", workflow.DefaultMaterialDays)
	v.SetDefault("ssh.listen", "127.0.0.1:2222")
	v.SetDefault("ssh.host_key", filepath.Join(dir, "host_ed25519"))
	v.SetDefault("ssh.idle_timeout", "30m")
	v.SetDefault("ssh.max_sessions", 64)
	v.SetDefault("backup.dir", "")
	v.SetDefault("backup.every", "24h")
	v.SetDefault("backup.keep_daily", 7)
	v.SetDefault("backup.keep_monthly", 12)
	v.SetDefault("audit.key", "")
	v.SetDefault("audit.checkpoints", "")
}

// loadConfig reads the file (if given, or ./config.yaml, or the data
// directory's config.yaml when present), then ORDERDESK_* variables.
func loadConfig(file string) (*Config, *viper.Viper, error) {
	v := viper.New()
	setDefaults(v)
	v.SetEnvPrefix("ORDERDESK")
	v.SetEnvKeyReplacer(strings.NewReplacer(".", "_"))
	v.AutomaticEnv()
	if file != "" {
		v.SetConfigFile(file)
		if err := v.ReadInConfig(); err != nil {
			return nil, nil, fmt.Errorf("config %s: %w", file, err)
		}
	} else {
		v.SetConfigName("config")
		v.SetConfigType("yaml")
		v.AddConfigPath(".")
		v.AddConfigPath(defaultDataDir())
		if err := v.ReadInConfig(); err != nil {
			if _, missing := err.(viper.ConfigFileNotFoundError); !missing {
				return nil, nil, fmt.Errorf("config: %w", err)
			}
		}
	}
	var c Config
	if err := v.Unmarshal(&c); err != nil {
		return nil, nil, fmt.Errorf("config: %w", err)
	}
	return &c, v, nil
}
