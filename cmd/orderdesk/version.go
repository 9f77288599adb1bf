package main

import (
	"runtime"

	"github.com/spf13/cobra"

	"orderdesk/store"
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

func versionCmd(help i18n.Catalog) *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: help.T("cli.cmd.version"),
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			// No database is opened: the version must print even when the
			// database is the problem.
			cfg, _, err := loadConfig(cmd.Flag("config").Value.String())
			lang := ""
			if err == nil {
				lang = cfg.UI.Language
			}
			cat := i18n.New(lang)
			v := buildVersion()
			if v == "" {
				v = cat.T("cli.version.unstable")
			}
			say(cmd, cat.T("cli.version.line", v, store.SchemaVersion(), runtime.Version()))
			return nil
		},
	}
}
