package pricelist

import (
	tea "charm.land/bubbletea/v2"

	"orderdesk/tui/common"
	"orderdesk/tui/common/draft"
)

// kept is a form's draft: its cells as typed, with the version of the
// change it was typed over (a draft saved over a newer change is refused
// as stale, never silently undoing the other edit).
type kept struct {
	draft.Cells
	Version int64
}

// onDraftTick keeps the open form's draft.
func (s *Screen) onDraftTick(msg draft.TickMsg) tea.Cmd {
	switch {
	case s.mode == editingChange && s.change != nil && s.change.draft.Due(msg):
		cf := s.change
		return cf.draft.Save(kept{Cells: draft.Snapshot(cf.form), Version: cf.seen})
	case s.mode == recordingMarket && s.record != nil && s.record.draft.Due(msg):
		return s.record.draft.Save(kept{Cells: draft.Snapshot(s.record.form)})
	}
	return nil
}

// onDraftLoaded puts a kept draft into the form just opened, unless
// typing has already begun.
func (s *Screen) onDraftLoaded(msg draft.LoadedMsg[kept]) {
	switch {
	case s.mode == editingChange && s.change != nil && !s.change.form.Dirty():
		cf := s.change
		if d, ok := cf.draft.Restore(msg); ok {
			d.Restore(cf.form)
			if cf.docID != 0 {
				cf.seen = d.Version // typed over that version: a newer one refuses the save
			}
		}
	case s.mode == recordingMarket && s.record != nil && !s.record.form.Dirty():
		if d, ok := s.record.draft.Restore(msg); ok {
			d.Restore(s.record.form)
		}
	}
}

// draftNote says when the draft shown was kept ("" when none was).
func draftNote(c *common.Common, k *draft.Keeper[kept]) string {
	if text := k.RestoredText("pricelist.draft_restored"); text != "" {
		return "\n" + c.Styles.Warning.Render(text)
	}
	return ""
}
