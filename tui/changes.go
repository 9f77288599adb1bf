package tui

import (
	"time"

	tea "charm.land/bubbletea/v2"

	"orderdesk/tui/common"
	"orderdesk/workflow"
)

// Changes made in other sessions reach this one through the feed. They
// wait a moment so a burst of saves costs one refresh, and go only to the
// screen shown: the others get theirs when they are next shown.

// queueChange holds a change for a moment, merging repeats.
func (a *App) queueChange(c workflow.Change) tea.Cmd {
	for _, q := range a.queued {
		if q == c {
			return nil
		}
	}
	a.queued = append(a.queued, c)
	if a.flushAt {
		return nil
	}
	a.flushAt = true
	return tea.Tick(changeDelay, func(time.Time) tea.Msg { return flushChangesMsg{} })
}

// flushChanges gives the gathered changes to the screen shown, and
// notes them for the started screens that are not.
func (a *App) flushChanges() tea.Cmd {
	changes := a.queued
	a.queued, a.flushAt = nil, false
	var cmds []tea.Cmd
	for i := range a.screens {
		if !a.started[i] {
			continue
		}
		for _, c := range changes {
			if i == a.active {
				cmds = append(cmds, a.deliver(i, common.ChangedMsg{Change: c}))
				continue
			}
			if a.stale[i] == nil {
				a.stale[i] = map[workflow.Change]bool{}
			}
			a.stale[i][c] = true
		}
	}
	// What the screen reads again is awaited as a key's answer is: a key
	// typed meanwhile acts on what is read, not on what it replaces (a
	// step on a document whose new version is on its way would be
	// refused as changed by someone else).
	return a.c.Await(tea.Batch(cmds...))
}
