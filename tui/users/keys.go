package users

import (
	"charm.land/bubbles/v2/key"

	"orderdesk/tui/common"
)

// keyMap is the screen's bindings, built once per session with help in
// its language: a adds an SSH key, d removes one, r edits the roles, p
// sets the at-desk passphrase.
type keyMap struct {
	open, create, void, back, confirm, cancel key.Binding
	addKey, removeKey, roles, passphrase      key.Binding
}

func newKeyMap(c *common.Common) keyMap {
	k := c.Keys
	b := c.Bind
	return keyMap{
		open: k.Open, create: k.New, void: k.Void, back: k.Back, confirm: k.Confirm, cancel: k.Cancel,
		addKey:     b("a", "users.key.add_key", "a"),
		removeKey:  b("d", "users.key.remove_key", "d"),
		roles:      b("r", "users.key.roles", "r"),
		passphrase: b("p", "users.key.passphrase", "p"),
	}
}

// ShortHelp lists the bindings of the current mode.
func (s *Screen) ShortHelp() []key.Binding {
	k := s.km
	switch s.mode {
	case editing:
		return []key.Binding{k.confirm, k.cancel}
	case detailing:
		return []key.Binding{k.addKey, k.removeKey, k.roles, k.passphrase, k.void, k.back}
	}
	return []key.Binding{k.open, k.create, k.roles, k.addKey, k.passphrase, k.void}
}

// FullHelp is the ? help: the same keys, as one group.
func (s *Screen) FullHelp() [][]key.Binding { return [][]key.Binding{s.ShortHelp()} }
