package docscreen

import (
	"errors"
	"testing"

	tea "charm.land/bubbletea/v2"

	"orderdesk/tui/common/form"
	"orderdesk/workflow"
)

// A held form saves once while a save is on its way, drops an answer
// meant for an earlier form, keeps what was typed when refused, and says
// so when the save went through.
func TestHeldFormSavesOnceAndTakesItsOwnAnswer(t *testing.T) {
	c := englishSession()
	f := NewHeldForm(c, 2, "title", "materials.form_hint", form.Field{Key: "what", Label: "What", Width: 10})
	f.F.SetValue("what", "样板")
	saves := 0
	save := func() tea.Cmd { saves++; return nil }
	ctrlS := tea.KeyPressMsg{Code: 's', Mod: tea.ModCtrl}
	for range 2 {
		if _, closed := f.Key(ctrlS, save); closed {
			t.Fatal("closed on save")
		}
	}
	if saves != 1 || !f.Saving {
		t.Errorf("saves %d, saving %v", saves, f.Saving)
	}
	if _, ok := f.Saved(1, nil); ok || !f.Saving {
		t.Error("took an earlier form's answer")
	}
	if _, ok := f.Saved(2, workflow.FieldErrors{{Field: "what", Code: workflow.Required}}); ok || f.Saving || f.F.Value("what") != "样板" {
		t.Errorf("refused: saving %v, kept %q", f.Saving, f.F.Value("what"))
	}
	if _, ok := f.Saved(2, errors.New("disk full")); ok {
		t.Error("an error taken as saved")
	}
	if _, ok := f.Saved(2, nil); !ok {
		t.Error("a save that went through not taken")
	}
	var none *HeldForm
	if _, ok := none.Saved(2, nil); ok {
		t.Error("no form took an answer")
	}
}
