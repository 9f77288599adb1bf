package review

import (
	tea "charm.land/bubbletea/v2"

	"orderdesk/store"
	"orderdesk/tui/common"
	"orderdesk/workflow"
)

type inboxMsg struct {
	seq      int
	items    []store.InboxItem
	requests map[int64]store.PriceRequestRow
	err      error
}

type detailMsg struct {
	seq    int // the latest open wins
	detail workflow.DocumentDetail
	then   string // an action to start once loaded
	err    error
}

type actedMsg struct {
	action string
	ref    string
	atDesk bool // signed by another person at this terminal
	err    error
}

// reload asks for the inbox; the values the command needs are copied
// before it runs, so the goroutine never reads the screen.
func (s *Screen) reload() tea.Cmd {
	s.seq++
	seq, desk, ctx, mine := s.seq, s.c.Desk, s.c.Ctx, s.mine
	return func() tea.Msg {
		load := desk.Inbox
		if mine {
			load = desk.WaitingOnOthers
		}
		items, err := load(ctx)
		if err == nil {
			items, err = withComplaints(ctx, desk, mine, items)
		}
		if err != nil {
			return inboxMsg{seq: seq, err: err}
		}
		items, requests, err := withRequests(ctx, desk, mine, items)
		return inboxMsg{seq: seq, items: items, requests: requests, err: err}
	}
}

func (s *Screen) applyInbox(msg inboxMsg) {
	s.loadErr = msg.err
	if msg.err != nil {
		s.filter.SetRows(nil)
		return
	}
	// The requests first: a price request's summary, which the filter
	// matches, is read from them.
	s.requests, s.loaded = msg.requests, true
	s.filter.SetRows(msg.items)
	s.cursor.Pos = min(s.cursor.Pos, max(s.rowCount()-1, 0))
	if s.detail != nil && s.mode == detailing {
		// The document under review was decided elsewhere: leave it.
		for _, it := range s.items() {
			if it.ID == s.detail.ID {
				return
			}
		}
		s.mode, s.detail = listing, nil
	}
}

func (s *Screen) loadDetail(id int64, then string) tea.Cmd {
	s.detailSeq++
	seq, desk, ctx := s.detailSeq, s.c.Desk, s.c.Ctx
	return func() tea.Msg {
		d, err := desk.Document(ctx, id)
		return detailMsg{seq: seq, detail: d, then: then, err: err}
	}
}

func (s *Screen) applyDetail(msg detailMsg) tea.Cmd {
	if msg.seq != s.detailSeq {
		return nil // an older open, overtaken
	}
	if msg.err != nil {
		return common.Status(common.ErrorText(s.c.Cat, msg.err), true)
	}
	d := msg.detail
	if s.detail == nil || s.detail.ID != d.ID {
		s.importTop = 0
		s.doc.Reset()
	}
	s.detail, s.mode = &d, detailing
	if msg.then != "" {
		return s.startAction(msg.then)
	}
	return nil
}

// act signs the document on screen with the comment typed.
func (s *Screen) act(comment string) tea.Cmd {
	if s.busy || s.detail == nil {
		return nil
	}
	s.busy = true
	desk, ctx := s.c.Desk, s.c.Ctx
	id, seen, ref, action := s.detail.ID, s.detail.Version, s.detail.Ref, s.action
	return func() tea.Msg {
		// Sign what is on screen: an edit made meanwhile is refused.
		return actedMsg{action: action, ref: ref, err: desk.ActOn(ctx, id, seen, action, comment)}
	}
}

func (s *Screen) applyActed(msg actedMsg) tea.Cmd {
	s.busy = false
	if msg.err != nil && msg.atDesk && s.desk != nil {
		return s.atDeskError(msg.err)
	}
	if msg.err != nil {
		// Stay in the comment line with what was typed.
		return common.Status(common.ErrorText(s.c.Cat, msg.err), true)
	}
	s.mode, s.detail, s.desk, s.comment = listing, nil, nil, nil
	return tea.Batch(s.reload(), common.Status(s.c.T("review.done."+msg.action, msg.ref), false))
}
