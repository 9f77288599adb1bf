package tui

import (
	"context"

	"orderdesk/workflow"
)

// startScreen is the tab a session opens on: the one the user chose
// (from the dashboard, say) if their roles still show it, else the
// first. Read once as the session is built, before anything is drawn.
func startScreen(ctx context.Context, desk *workflow.Desk, defs []screenDef) int {
	name, err := desk.StartScreen(ctx)
	if err != nil || name == "" {
		return 0
	}
	for i, d := range defs {
		if d.name == name {
			return i
		}
	}
	return 0
}
