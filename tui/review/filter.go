package review

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"orderdesk/store"
	"orderdesk/tui/common"
)

// The inbox's filter: / types a text the documents listed must hold
// (their number, what they are about, who made them, their kind or
// status as shown), every word of it; enter keeps it, esc drops it.
// The documents are the ones loaded, so it filters as fast as keys come.

// newInboxFilter holds the documents loaded and keeps those matching
// what was typed.
func newInboxFilter(s *Screen) *common.List[store.InboxItem] {
	return common.NewList[store.InboxItem](s.c, func(it store.InboxItem) int64 { return it.ID }).WithFilter(s.matchInbox)
}

// matchInbox says whether the row shown for it holds every word of q.
func (s *Screen) matchInbox(it store.InboxItem, q string) bool {
	c := s.c
	text := strings.ToLower(strings.Join([]string{it.Ref, s.summary(it), it.Maker,
		c.T("kind." + it.Kind), c.T("state." + it.Kind + "." + it.Status)}, " "))
	for _, w := range strings.Fields(strings.ToLower(q)) {
		if !strings.Contains(text, w) {
			return false
		}
	}
	return true
}

// filterKey gives msg to the filter: typing and pastes while it is
// typed; on the list, / to open it and esc to drop one kept. handled is
// false for anything else.
func (s *Screen) filterKey(msg tea.Msg) (cmd tea.Cmd, handled bool) {
	if !s.filter.Editing && !s.opensOrDropsFilter(msg) {
		return nil, false
	}
	before := s.filter.Query()
	cmd, _ = s.filter.Update(msg)
	if s.filter.Query() != before {
		s.cursor = common.Cursor{} // on the first document it keeps
	}
	return cmd, true
}

// opensOrDropsFilter says msg is, on the list, the / that opens the
// filter or the esc that drops one kept.
func (s *Screen) opensOrDropsFilter(msg tea.Msg) bool {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok || s.mode != listing {
		return false
	}
	return key.Matches(k, s.c.Keys.Filter) || key.Matches(k, s.c.Keys.Back) && s.filter.Query() != ""
}

// items are the documents listed: those the filter keeps.
func (s *Screen) items() []store.InboxItem { return s.filter.Rows() }

// filterLines is the line the filter takes above the documents: while
// it is typed, or kept.
func (s *Screen) filterLines() int {
	if s.filter.Editing || s.filter.Query() != "" {
		return 1
	}
	return 0
}

// documentsOnly says the sections under the documents are not shown:
// with my own documents listed, or while a filter is typed or kept (it
// filters the documents; a task under a filter that matched nothing
// would take the enter meant for a document).
func (s *Screen) documentsOnly() bool { return s.mine || s.filterLines() > 0 }
