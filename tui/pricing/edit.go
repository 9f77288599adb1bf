package pricing

import tea "charm.land/bubbletea/v2"

// editAvailable: the draft's edit form waits for tui/common/form.
const editAvailable = false

type editState struct{ form stubForm }

type stubForm struct{}

func (stubForm) SetSize(int, int)       {}
func (stubForm) Update(tea.Msg) tea.Cmd { return nil }

type editSavedMsg struct{}

func (s *Screen) startEdit() tea.Cmd               { return nil }
func (s *Screen) editKey(tea.KeyPressMsg) tea.Cmd  { return nil }
func (s *Screen) editView() string                 { return "" }
func (s *Screen) onEditSaved(editSavedMsg) tea.Cmd { return nil }
