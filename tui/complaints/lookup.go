package complaints

import (
	tea "charm.land/bubbletea/v2"

	"orderdesk/tui/common/custlookup"
	"orderdesk/workflow"
)

// lookupKey takes the keys of the quick form's customer field while it
// lists candidates: ↑ and ↓ choose one, tab or enter takes the one marked
// (its code, which names it alone) and moves on. Before the answer to
// what was typed is in, tab and enter just move on: the save finds the
// customer by what was typed. done is true when the key was taken whole.
func (s *Screen) lookupKey(sh *sheet, msg tea.Msg) (done bool) {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok || sh.look == nil {
		return false
	}
	if _, at := sh.f.Focused(); at != workflow.FCustomer {
		return false
	}
	switch k.String() {
	case "up", "down":
		return sh.look.Choice() && sh.look.Move(k)
	case "tab", "enter":
		if r, ok := sh.look.Current(); ok {
			sh.f.SetValue(workflow.FCustomer, r.Code)
			sh.look.Show(r)
		}
	}
	return false
}

// onFound shows the customers the customer field matches.
func (s *Screen) onFound(msg custlookup.FoundMsg) {
	if s.sheet != nil && s.sheet.look != nil {
		s.sheet.look.Answered(msg)
	}
}
