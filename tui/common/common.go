// Package common holds what every screen of a session shares: the desk
// (who is acting), the message catalogue, styles and keys. A Common is
// built per session and passed down; nothing here is global.
package common

import (
	"context"
	"time"

	"charm.land/bubbles/v2/help"
	tea "charm.land/bubbletea/v2"

	"orderdesk/store"
	"orderdesk/tui/i18n"
	"orderdesk/workflow"
	"orderdesk/workflow/spool"
)

// Common is one session's shared state.
type Common struct {
	Ctx    context.Context
	Desk   *workflow.Desk
	Cat    i18n.Catalog
	Styles *Styles
	Keys   *KeyMap
	DBPath string
	// BackupStatus names the scheduled backups' status file
	// (backups.StatusPath): "" for the one beside the file DBPath names.
	BackupStatus string
	Company      string
	// PrintDir is where printouts are written ("" for the current
	// directory).
	PrintDir string
	// Spool, over SSH, takes printouts into the user's own folder and
	// to the office printer (see Printer); nil at the local desk.
	Spool *spool.Config
	Now   func() time.Time
	// FollowUpDays: quotes sent and unanswered longer are flagged.
	FollowUpDays int
	// Gate holds keys typed ahead until the answers they depend on have
	// arrived (see Await); nil where no root drives the screen.
	Gate *Gate
}

// T is shorthand for the catalogue.
func (c *Common) T(key string, args ...any) string { return c.Cat.T(key, args...) }

// Screen is one page of the app. Only the root is a tea.Model; screens
// render to strings and take the messages the root passes them.
type Screen interface {
	Init() tea.Cmd
	Update(tea.Msg) (Screen, tea.Cmd)
	View() string
	SetSize(width, height int)
	// Title is the tab label, from the catalogue.
	Title() string
	// KeyMap gives the keys of the screen's current mode: ShortHelp
	// for the footer, FullHelp grouped for the ? help.
	help.KeyMap
	// Capturing is true while a text input has focus: the root then sends
	// every key to the screen, so typing "q" in a filter never quits.
	Capturing() bool
}

// Nested is a screen that can show something opened from its list (a
// document, a form, a prompt). While it does, digits do not switch
// screens: a clerk reading a number off a delivery note types digits,
// and each must not throw them onto another screen.
type Nested interface{ Nested() bool }

// Closer is a screen that holds something to let go of when its session
// ends (a record it has open, say).
type Closer interface{ Close() }

// StatusMsg shows a line in the status bar.
type StatusMsg struct {
	Text  string
	Error bool
}

// Status returns a command that shows text in the status bar.
func Status(text string, isError bool) tea.Cmd {
	return func() tea.Msg { return StatusMsg{Text: text, Error: isError} }
}

// ClearStatus clears the status bar: what it said was about an input
// that has given way to another (a form opened in the place of the one
// refused).
func ClearStatus() tea.Cmd { return Status("", false) }

// ChangedMsg says another session (or this one) changed a record.
type ChangedMsg struct{ Change workflow.Change }

// SwitchScreenMsg asks the root to show another screen by its title key.
// Back says esc there returns to the screen that asked, once that screen
// has nothing of its own left to close (AtTop).
type SwitchScreenMsg struct {
	Screen string
	Back   bool
}

// Return goes back to the screen a form was opened from (N or C pressed
// there), by its title key; none for "".
func Return(screen string) tea.Cmd {
	if screen == "" {
		return nil
	}
	return func() tea.Msg { return SwitchScreenMsg{Screen: screen} }
}

// AtTop is a screen that says whether esc has nothing of its own left
// to close there (a drill-down, an opened document, a form). A screen
// without it is at its top unless it is Nested.
type AtTop interface{ AtTop() bool }

// OpenMsg asks the root to show a screen (by its title key) and open a
// document there: the screen receives the OpenMsg itself, started or not.
// A screen the user may not see is not shown, and nothing opens.
type OpenMsg struct {
	Screen string
	DocID  int64
}

// NewMsg asks the root to show a screen (by its title key) and start a
// new document there, for Customer when one is given. The root delivers
// it at once, inside the key's Update, so keys typed right after it
// reach the new form.
type NewMsg struct {
	Screen   string
	Customer store.CustomerRow // zero: the form asks for one
	From     string            // the title key of the screen it was asked from: a form left unsaved goes back there
}

// CustomerOrdersMsg asks the root to show a screen's list (by its title
// key) filtered on one customer: a customer's orders one key from their
// file.
type CustomerOrdersMsg struct {
	Screen   string
	Customer store.CustomerRow
}

// StatisticsMsg asks the root to show Statistics on one figure: a
// measure of a period in tonnes or money, at the top of the dimension
// shown there, or under one product's customers (Item, its key, and
// ItemLabel, its name). esc at the top goes back to the screen that
// asked.
type StatisticsMsg struct {
	Measure         store.StatMeasure
	Period          workflow.Period
	Tonnes          bool
	Item, ItemLabel string
}

// CustomerShown is a screen showing one customer (their file): N there
// starts a new inquiry for them.
type CustomerShown interface {
	ShownCustomer() (store.CustomerRow, bool)
}

// OnServer says whether the database shown as DBPath is a server's (a
// PostgreSQL URL), not a file beside which printouts and the backups'
// status are kept.
func OnServer(dbPath string) bool { return store.IsPostgresURL(dbPath) }
