package main

import "github.com/spf13/cobra"

// subcommands lists the administration commands.
func subcommands(g *globals) []*cobra.Command {
	return nil
}
