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

// A step's form holding typed input asks before esc drops it, as every
// form does: the second esc leaves, and a key typed between takes the
// question back.
func TestStepFormAsksBeforeDroppingWhatWasTyped(t *testing.T) {
	c := englishSession()
	b := NewHeldBase(c, func() string { return "" })
	b.SetHeldSize(80, 24)
	save := func() tea.Cmd { return nil }
	esc, a := tea.KeyPressMsg{Code: tea.KeyEscape}, tea.KeyPressMsg{Code: 'a', Text: "a"}
	b.OpenForm(form.New(c, b.Field("note", 20)))
	b.Form.Update(a)
	for range 2 {
		cmd, handled := b.FormKey(esc, true, save)
		if !handled || b.Form == nil || b.Mode != Form || cmd == nil {
			t.Fatalf("esc over typed input: mode %v, form %v", b.Mode, b.Form != nil)
		}
		b.Form.Update(a) // typing on
	}
	b.FormKey(esc, true, save)
	if b.FormKey(esc, true, save); b.Form != nil || b.Mode != Detail {
		t.Errorf("the second esc: mode %v", b.Mode)
	}
}
