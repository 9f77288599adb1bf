package docscreen

import (
	"testing"

	tea "charm.land/bubbletea/v2"

	"orderdesk/tui/common/form"
)

// A step's form saves unless an action is on its way, and cancel closes
// it back to the document shown or, with none, to the lists; any other
// key is the form's.
func TestStepFormSavesAndCancelsBackToWhatWasShown(t *testing.T) {
	c := englishSession()
	b := NewHeldBase(c, func() string { return "" })
	b.SetHeldSize(80, 24)
	saves := 0
	save := func() tea.Cmd { saves++; return nil }
	ctrlS, esc := tea.KeyPressMsg{Code: 's', Mod: tea.ModCtrl}, tea.KeyPressMsg{Code: tea.KeyEscape}

	b.OpenForm(form.New(c, b.Field("note", 20), b.ReadOnlyField("ref", 10)))
	if b.Mode != Form || b.Form.Dirty() {
		t.Fatalf("opened: mode %v, dirty %v", b.Mode, b.Form.Dirty())
	}
	if _, handled := b.FormKey(tea.KeyPressMsg{Code: 'a', Text: "a"}, false, save); handled {
		t.Error("a typed key taken from the form")
	}
	b.FormKey(ctrlS, false, save)
	b.Busy = true
	b.FormKey(ctrlS, false, save)
	if saves != 1 {
		t.Errorf("saved %d times", saves)
	}
	if _, handled := b.FormKey(esc, true, save); !handled || b.Mode != Detail || b.Form != nil {
		t.Errorf("cancel with a document shown: mode %v", b.Mode)
	}
	b.OpenForm(form.New(c, b.Field("note", 20)))
	if b.FormKey(esc, false, save); b.Mode != List {
		t.Errorf("cancel with none shown: mode %v", b.Mode)
	}
}
