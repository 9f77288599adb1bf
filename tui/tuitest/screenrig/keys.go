// Package screenrig drives one screen alone, over a fresh database, for the
// screen package's own tests: it never imports the app, which imports
// every screen.
package screenrig

import (
	"strings"

	tea "charm.land/bubbletea/v2"
)

// Keys turns typing into key presses: runes as themselves, '\t' tab,
// '\r' or '\n' enter, '\b' backspace, '\x13' ctrl+s, '\x14' ctrl+t, the
// arrows as a terminal sends them ("\x1b[C" is →); a burst of them is sent
// before anything is drawn.
func Keys(typed string) []tea.Msg {
	var out []tea.Msg
	for i, r := range typed {
		if arrow, ok := arrows[typed[max(i-2, 0):i+1]]; ok && i >= 2 {
			out = append(out[:len(out)-2], tea.KeyPressMsg{Code: arrow})
			continue
		}
		switch r {
		case '\t':
			out = append(out, tea.KeyPressMsg{Code: tea.KeyTab})
		case '\r', '\n':
			out = append(out, tea.KeyPressMsg{Code: tea.KeyEnter})
		case '\b':
			out = append(out, tea.KeyPressMsg{Code: tea.KeyBackspace})
		case '\x13':
			out = append(out, tea.KeyPressMsg{Code: 's', Mod: tea.ModCtrl})
		case '\x14':
			out = append(out, tea.KeyPressMsg{Code: 't', Mod: tea.ModCtrl})
		case ' ':
			out = append(out, tea.KeyPressMsg{Code: tea.KeySpace, Text: " "})
		default:
			out = append(out, tea.KeyPressMsg{Code: r, Text: string(r)})
		}
	}
	return out
}

// Script turns text and named keys into key presses: a part in braces,
// "{enter}", is a key by name (see Key); anything else is typed rune by
// rune.
func Script(parts ...string) []tea.Msg {
	var out []tea.Msg
	for _, p := range parts {
		if name, ok := strings.CutPrefix(p, "{"); ok {
			out = append(out, Key(strings.TrimSuffix(name, "}")))
			continue
		}
		for _, c := range p {
			out = append(out, tea.KeyPressMsg{Code: c, Text: string(c)})
		}
	}
	return out
}

// Key is a key press by name: "enter", "esc", "tab", "shift+tab",
// "space", "ctrl+s", an arrow, page or function key, or one character.
func Key(name string) tea.KeyPressMsg {
	if code, ok := namedKeys[name]; ok {
		return tea.KeyPressMsg{Code: code}
	}
	switch name {
	case "shift+tab":
		return tea.KeyPressMsg{Code: tea.KeyTab, Mod: tea.ModShift}
	case "space":
		return tea.KeyPressMsg{Code: tea.KeySpace, Text: " "}
	}
	if rest, ok := strings.CutPrefix(name, "ctrl+"); ok {
		return tea.KeyPressMsg{Code: []rune(rest)[0], Mod: tea.ModCtrl}
	}
	return tea.KeyPressMsg{Code: []rune(name)[0], Text: name}
}

var namedKeys = map[string]rune{"enter": tea.KeyEnter, "esc": tea.KeyEscape, "up": tea.KeyUp, "down": tea.KeyDown,
	"pgdown": tea.KeyPgDown, "pgup": tea.KeyPgUp, "tab": tea.KeyTab, "backspace": tea.KeyBackspace,
	"left": tea.KeyLeft, "right": tea.KeyRight, "home": tea.KeyHome, "end": tea.KeyEnd, "f2": tea.KeyF2}

// arrows are the arrow keys as a terminal sends them.
var arrows = map[string]rune{"\x1b[A": tea.KeyUp, "\x1b[B": tea.KeyDown, "\x1b[C": tea.KeyRight, "\x1b[D": tea.KeyLeft}
