package main

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
	"github.com/spf13/cobra"

	"orderdesk/tui/common"
)

// sayTable prints rows under head, or none when there are no rows.
func sayTable(cmd *cobra.Command, none string, head []string, rows [][]string) {
	if len(rows) == 0 {
		say(cmd, none)
		return
	}
	for _, line := range table(head, rows) {
		say(cmd, line)
	}
}

// table lays rows out in columns as wide as their widest cell, measured
// in terminal cells so Chinese names (two cells a character) line up.
func table(head []string, rows [][]string) []string {
	widths := make([]int, len(head))
	for _, r := range append([][]string{head}, rows...) {
		for i, cell := range r {
			widths[i] = max(widths[i], ansi.StringWidth(cell))
		}
	}
	line := func(r []string) string {
		cells := make([]string, len(r))
		for i, cell := range r {
			cells[i] = common.Fit(cell, widths[i], false)
		}
		return strings.TrimRight(strings.Join(cells, "  "), " ")
	}
	out := []string{line(head)}
	for _, r := range rows {
		out = append(out, line(r))
	}
	return out
}
