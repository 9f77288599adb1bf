package screenrig

import (
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"orderdesk/tui/common"
	"orderdesk/tui/tuitest/cmdrun"
)

// Driver drives one screen the way the root does: Update with a message;
// the commands it returns run in goroutines and their messages come
// back, in arrival order, to Update. Status lines are kept in Status,
// not handed to the screen. Assertions that wait on the database poll,
// so a slow machine makes a test slower, not red.
type Driver struct {
	T      testing.TB
	Screen common.Screen
	Status []common.StatusMsg
	// Catch, when set, takes a message meant for the rest of the app (an
	// OpenMsg for another screen) before the screen sees it.
	Catch func(tea.Msg) bool
	// SendWait is how long Send lets what follows a message settle (a
	// focused input's blink timer never settles); TypeWait the same for
	// each typed rune; RunWait for a command Run starts; StatusWait
	// before LastStatus reads the status line.
	SendWait, TypeWait, RunWait, StatusWait time.Duration
	Cmds                                    *cmdrun.Runner
}

// NewDriver holds up to inbox undelivered messages; sendWait is how long
// each message sent or rune typed settles.
func NewDriver(t testing.TB, inbox int, sendWait time.Duration) *Driver {
	return &Driver{T: t, Cmds: cmdrun.NewRunner(inbox), SendWait: sendWait, TypeWait: sendWait,
		RunWait: time.Second, StatusWait: time.Second}
}

// Send updates the screen with msg and lets what follows from it settle.
func (d *Driver) Send(msg tea.Msg) {
	d.Deliver(msg)
	d.Settle(d.SendWait)
}

// Deliver updates the screen with msg and starts its command.
func (d *Driver) Deliver(msg tea.Msg) {
	if st, ok := msg.(common.StatusMsg); ok {
		d.Status = append(d.Status, st)
		return
	}
	if d.Catch != nil && d.Catch(msg) {
		return
	}
	_, cmd := d.Screen.Update(msg)
	d.Start(cmd)
}

// Burst delivers keys without waiting for anything in between: a fast
// typist, ahead of the database.
func (d *Driver) Burst(msgs ...tea.Msg) {
	for _, m := range msgs {
		d.Deliver(m)
	}
}

// Start runs cmd in a goroutine, as the program does.
func (d *Driver) Start(cmd tea.Cmd) { d.Cmds.Start(cmd) }

// Pump delivers whatever has arrived.
func (d *Driver) Pump() { d.Cmds.Pump(d.Deliver) }

// Settle delivers messages until no command runs, or wait has passed.
func (d *Driver) Settle(wait time.Duration) { d.Cmds.Settle(wait, d.Deliver) }

// Run starts cmd (a screen's Init) and lets it settle.
func (d *Driver) Run(cmd tea.Cmd) {
	d.Start(cmd)
	d.Settle(d.RunWait)
}

// Press sends keys by name (see Key), letting each settle.
func (d *Driver) Press(keys ...string) {
	for _, k := range keys {
		d.Send(Key(k))
	}
}

// Type types text a rune at a time, as a terminal sends it (see Keys),
// letting each settle for TypeWait.
func (d *Driver) Type(text string) {
	for _, k := range Keys(text) {
		d.Deliver(k)
		d.Settle(d.TypeWait)
	}
}
