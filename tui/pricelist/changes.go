package pricelist

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"orderdesk/store"
	"orderdesk/tui/common"
	"orderdesk/workflow"
)

// changes is the list of price-list changes not yet decided.
type changes struct {
	docs   []store.Document
	cursor int
	seq    int
	loaded bool
	err    error
}

type changesMsg struct {
	seq  int
	docs []store.Document
	err  error
}

func (ch *changes) reload(c *common.Common) tea.Cmd {
	ch.seq++
	seq, desk, ctx := ch.seq, c.Desk, c.Ctx
	return func() tea.Msg {
		docs, err := desk.OpenPriceChanges(ctx)
		return changesMsg{seq: seq, docs: docs, err: err}
	}
}

func (ch *changes) apply(msg changesMsg) {
	if msg.seq != ch.seq {
		return
	}
	ch.err, ch.loaded = msg.err, true
	if msg.err == nil {
		ch.docs = msg.docs
	}
	ch.cursor = max(min(ch.cursor, len(ch.docs)-1), 0)
}

func (ch *changes) current() (store.Document, bool) {
	if ch.cursor < 0 || ch.cursor >= len(ch.docs) {
		return store.Document{}, false
	}
	return ch.docs[ch.cursor], true
}

// key moves in the list; handled is false for keys it does not use.
func (ch *changes) key(c *common.Common, msg tea.KeyPressMsg) (cmd tea.Cmd, handled bool) {
	k := c.Keys
	switch {
	case key.Matches(msg, k.Up):
		ch.cursor = max(ch.cursor-1, 0)
	case key.Matches(msg, k.Down):
		ch.cursor = max(min(ch.cursor+1, len(ch.docs)-1), 0)
	case key.Matches(msg, k.Top):
		ch.cursor = 0
	case key.Matches(msg, k.Bottom):
		ch.cursor = max(len(ch.docs)-1, 0)
	case key.Matches(msg, k.Refresh):
		return ch.reload(c), true
	default:
		return nil, false
	}
	return nil, true
}

// detailMsg brings a change opened; edit opens it in the form at once.
type detailMsg struct {
	seq    int
	detail workflow.DocumentDetail
	edit   bool
	err    error
}

// openChange loads a change to show it, or to edit it.
func (s *Screen) openChange(id int64, edit bool) tea.Cmd {
	s.detailSeq++
	seq, desk, ctx := s.detailSeq, s.c.Desk, s.c.Ctx
	return func() tea.Msg {
		d, err := desk.Document(ctx, id)
		return detailMsg{seq: seq, detail: d, edit: edit, err: err}
	}
}

func (s *Screen) applyDetail(msg detailMsg) tea.Cmd {
	if msg.seq != s.detailSeq {
		return nil // an older open, overtaken
	}
	if msg.err != nil {
		return common.Status(common.ErrorText(s.c.Cat, msg.err), true)
	}
	if s.mode == editingChange || s.mode == recordingMarket {
		return nil // a refresh that arrived while typing: the form keeps what it has
	}
	d := msg.detail
	s.detail = &d
	if msg.edit {
		return s.editChange()
	}
	s.mode = changeDetail
	return nil
}

// askWithdraw asks to confirm taking the change shown back (its maker
// only: the workflow refuses anyone else).
func (s *Screen) askWithdraw() tea.Cmd {
	if s.detail == nil || !editableChange(s.detail.Status) {
		return common.Status(common.RefusalText(s.c.Cat, &workflow.Refusal{Code: workflow.NotEditable}), true)
	}
	s.withdrawing = true
	return nil
}

type withdrawnMsg struct {
	ref string
	err error
}

func (s *Screen) confirmWithdraw(msg tea.KeyPressMsg) tea.Cmd {
	k := s.c.Keys
	switch {
	case key.Matches(msg, k.Cancel):
		s.withdrawing = false
	case key.Matches(msg, k.Confirm):
		s.withdrawing = false
		desk, ctx, id, seen, ref := s.c.Desk, s.c.Ctx, s.detail.ID, s.detail.Version, s.detail.Ref
		return func() tea.Msg {
			return withdrawnMsg{ref: ref, err: desk.ActOn(ctx, id, seen, workflow.ActionWithdraw, "")}
		}
	}
	return nil
}

func (s *Screen) applyWithdrawn(msg withdrawnMsg) tea.Cmd {
	if msg.err != nil {
		return common.Status(common.ErrorText(s.c.Cat, msg.err), true)
	}
	if s.mode == changeDetail {
		s.mode, s.detail = listing, nil
		s.detailSeq++
	}
	return tea.Batch(s.changes.reload(s.c), common.Status(s.c.T("pricelist.withdrawn", msg.ref), false))
}
