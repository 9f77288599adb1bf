package tui

import (
	"reflect"
	"time"
	"unicode"

	tea "charm.land/bubbletea/v2"

	"orderdesk/tui/common"
)

// Keys typed ahead. Every command a key starts is awaited, and so is
// every command its answer starts in turn (a page, then the document under
// the cursor): while one is out, keys (and pastes) wait here in the order
// they came and are applied once it has arrived, one by one, each on the
// state the one before it produced. A key that starts another wait stops
// the replay until that answer is in too. Screens mark with
// common.Background the few commands keys need not wait for (timers).

// abandonAfter: ctrl+c while the desk has waited this long for an answer
// gives up waiting (the database is stuck), so a person is never locked in.
const abandonAfter = 3 * time.Second

// input takes a key or a paste: now, or after the answers it must wait for.
func (a *App) input(msg tea.Msg) tea.Cmd {
	a.restartedByCommand = false
	if esc, key, ok := splitAlt(msg); ok {
		return tea.Batch(a.input(esc), a.input(key))
	}
	if a.c.Gate.Pending() > 0 || len(a.held) > 0 {
		if k, ok := msg.(tea.KeyPressMsg); ok && k.String() == "ctrl+c" && time.Since(a.heldSince) > abandonAfter {
			a.held, *a.c.Gate = nil, common.Gate{}
			return a.apply(msg)
		}
		if len(a.held) == 0 {
			a.heldSince = time.Now()
		}
		a.held = append(a.held, msg)
		return nil
	}
	return a.apply(msg)
}

func (a *App) apply(msg tea.Msg) tea.Cmd {
	if k, ok := msg.(tea.KeyPressMsg); ok {
		return a.c.Await(a.handleKey(k))
	}
	return a.c.Await(a.typed(msg))
}

// awaited applies an awaited answer, then the keys that waited for it.
func (a *App) awaited(msg common.AwaitedMsg) tea.Cmd {
	a.c.Gate.Release()
	var cmd tea.Cmd
	switch inner := msg.Msg.(type) {
	case nil:
	case common.BackgroundMsg:
		cmd = func() tea.Msg { return inner } // runs unawaited, by the root's own case
	case tea.BatchMsg: // an awaited batch: each of its answers is awaited
		cmds := make([]tea.Cmd, 0, len(inner))
		for _, c := range inner {
			cmds = append(cmds, a.c.Await(c))
		}
		cmd = tea.Batch(cmds...)
	default:
		if fromRuntime(inner) {
			cmd = func() tea.Msg { return inner } // quit and the like: the program's own
		} else {
			cmd = a.c.Await(a.update(inner)) // what the answer starts is awaited too
		}
	}
	return tea.Batch(cmd, a.replay())
}

// replay applies held keys while nothing is awaited.
func (a *App) replay() tea.Cmd {
	var cmds []tea.Cmd
	for len(a.held) > 0 && a.c.Gate.Pending() == 0 {
		next := a.held[0]
		a.held = a.held[1:]
		cmds = append(cmds, a.apply(next))
	}
	return tea.Batch(cmds...)
}

// fromRuntime says whether msg is one the program acts on itself (quit,
// batches, sequences, terminal requests): those go back to it as a command.
func fromRuntime(msg tea.Msg) bool {
	return reflect.TypeOf(msg).PkgPath() == reflect.TypeOf(tea.QuitMsg{}).PkgPath()
}

// splitAlt reads alt+key as the esc and the key it was typed as. In a
// burst, esc and the next key arrive in one read and a terminal cannot
// tell them from alt+key (esc 9 reads as alt+9, esc G as alt+shift+g);
// the desk binds nothing to alt, so the two keys are what was meant.
func splitAlt(msg tea.Msg) (esc, key tea.KeyPressMsg, ok bool) {
	k, isKey := msg.(tea.KeyPressMsg)
	if !isKey || k.Mod&tea.ModAlt == 0 || k.Mod&^(tea.ModAlt|tea.ModShift) != 0 {
		return esc, key, false
	}
	key = k
	key.Mod &^= tea.ModAlt
	if key.Text == "" && key.Code >= ' ' && key.Code != tea.KeyDelete && key.Code <= unicode.MaxRune {
		r := key.Code
		if key.Mod&tea.ModShift != 0 && key.ShiftedCode != 0 {
			r = key.ShiftedCode
		}
		key.Text = string(r)
	}
	return tea.KeyPressMsg{Code: tea.KeyEscape}, key, true
}
