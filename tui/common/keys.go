package common

import (
	"charm.land/bubbles/v2/key"

	"orderdesk/tui/i18n"
)

// KeyMap holds every binding of a session, with help in its language.
type KeyMap struct {
	Quit, Help, NextScreen, PrevScreen, GotoScreen key.Binding
	Up, Down, PageUp, PageDown, Top, Bottom        key.Binding
	Filter, Open, Back, New, Edit, Void, Refresh   key.Binding
	Save, Cancel, Approve, SendBack, Visit         key.Binding
	Confirm                                        key.Binding
	// NewInquiry opens a new inquiry from any screen: the phone rings
	// whatever the clerk is looking at.
	NewInquiry key.Binding
	// NewComplaint records a complaint from any screen (投诉): the
	// customer on the phone, as N does for an inquiry.
	NewComplaint key.Binding
	// PlanVisit plans a visit (拜访) from any screen: to the customer
	// or the lead on screen, as C does for a complaint.
	PlanVisit key.Binding
}

// NewKeyMap builds the keys with help text from cat.
func NewKeyMap(cat i18n.Catalog) *KeyMap {
	b := func(help, label string, keys ...string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(help, cat.T(label)))
	}
	return &KeyMap{
		Quit:         b("q", "key.quit", "q", "ctrl+c"),
		Help:         b("?", "key.help", "?"),
		NextScreen:   b("tab", "key.next_screen", "tab"),
		PrevScreen:   b("shift+tab", "key.prev_screen", "shift+tab"),
		GotoScreen:   b("1-9,0", "key.goto_screen", "1", "2", "3", "4", "5", "6", "7", "8", "9", "0"),
		Up:           b("↑/k", "key.up", "up", "k"),
		Down:         b("↓/j", "key.down", "down", "j"),
		PageUp:       b("pgup", "key.page_up", "pgup", "ctrl+b"),
		PageDown:     b("pgdn", "key.page_down", "pgdown", "ctrl+f"),
		Top:          b("g", "key.top", "g", "home"),
		Bottom:       b("G", "key.bottom", "G", "end"),
		Filter:       b("/", "key.filter", "/"),
		Open:         b("enter", "key.open", "enter"),
		Back:         b("esc", "key.back", "esc"),
		New:          b("n", "key.new", "n"),
		Edit:         b("e", "key.edit", "e"),
		Void:         b("x", "key.void", "x"),
		Refresh:      b("ctrl+r", "key.refresh", "ctrl+r"),
		Save:         b("ctrl+s", "key.save", "ctrl+s"),
		Cancel:       b("esc", "key.cancel", "esc"),
		Approve:      b("a", "key.approve", "a"),
		SendBack:     b("b", "key.send_back", "b"),
		Visit:        b("v", "key.visit", "v"),
		Confirm:      b("enter", "key.confirm", "enter"),
		NewInquiry:   b("N", "key.new_inquiry", "N"),
		NewComplaint: b("C", "key.new_complaint", "C"),
		PlanVisit:    b("B", "key.plan_visit", "B"),
	}
}

// ListKeys are the movement keys every list shares.
func (k *KeyMap) ListKeys() []key.Binding {
	return []key.Binding{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom}
}

// Bind is a binding of keys whose help shows help and says the
// catalogue's label in the session's language.
func (c *Common) Bind(help, label string, keys ...string) key.Binding {
	return key.NewBinding(key.WithKeys(keys...), key.WithHelp(help, c.T(label)))
}

// Relabel is a copy of b whose help says label: what a session key does
// on one screen. The session's own binding is never changed.
func (c *Common) Relabel(b key.Binding, label string) key.Binding {
	b.SetHelp(b.Help().Key, c.T(label))
	return b
}
