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

// filterKey gives msg to the filter while it is typed, or opens it with
// / on the list; handled is false for any other key.
func (s *Screen) filterKey(msg tea.KeyPressMsg) (cmd tea.Cmd, handled bool) {
	if !s.filter.Editing && (s.mode != listing || !key.Matches(msg, s.c.Keys.Filter)) {
		return nil, false
	}
	before := s.filter.Query()
	cmd, _ = s.filter.Update(msg)
	if s.filter.Query() != before {
		s.showFiltered()
	}
	return cmd, true
}

// clearFilter drops a kept filter: esc on the list does that first.
func (s *Screen) clearFilter() bool {
	if s.mode != listing || s.filter.Query() == "" {
		return false
	}
	s.filter.ClearFilter()
	s.showFiltered()
	return true
}

// showFiltered lists the documents the filter keeps, the cursor on the
// first of them.
func (s *Screen) showFiltered() {
	s.items = s.filter.Rows()
	s.cursor = common.Cursor{}
}

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
