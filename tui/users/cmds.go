package users

import (
	tea "charm.land/bubbletea/v2"

	"orderdesk/store"
	"orderdesk/tui/common"
)

type usersMsg struct {
	seq   int
	users []store.User
	err   error
}

type keysMsg struct {
	userID int64 // whose keys: a late answer for someone else is dropped
	keys   []store.Key
}

// doneMsg reports a saved change; done names the status-line message.
type doneMsg struct {
	done string
	err  error
}

func (s *Screen) reload() tea.Cmd {
	s.seq++
	seq, desk, ctx := s.seq, s.c.Desk, s.c.Ctx
	return func() tea.Msg {
		users, err := desk.Users(ctx)
		return usersMsg{seq: seq, users: users, err: err}
	}
}

func (s *Screen) applyUsers(msg usersMsg) {
	if msg.err != nil {
		return
	}
	// The cursor stays on the same person, not the same row: another
	// admin's new user shifts the rows, and r, p, a, x act on the cursor.
	s.users.SetRows(msg.users)
}

func (s *Screen) loadKeys(userID int64) tea.Cmd {
	desk, ctx := s.c.Desk, s.c.Ctx
	return func() tea.Msg {
		keys, _ := desk.Keys(ctx, userID)
		return keysMsg{userID: userID, keys: keys}
	}
}

func (s *Screen) removeKeyCmd(k store.Key) tea.Cmd {
	desk, ctx := s.c.Desk, s.c.Ctx
	return func() tea.Msg { return doneMsg{done: "users.key_removed", err: desk.RemoveKey(ctx, k.Fingerprint)} }
}

func (s *Screen) toggleActive(u store.User) tea.Cmd {
	desk, ctx := s.c.Desk, s.c.Ctx
	done := "users.disabled"
	if !u.Active {
		done = "users.enabled"
	}
	return func() tea.Msg { return doneMsg{done: done, err: desk.SetActive(ctx, u.ID, !u.Active)} }
}

func (s *Screen) applyDone(msg doneMsg) tea.Cmd {
	s.submitting = false
	if msg.err != nil {
		text := s.errorText(msg.err)
		if s.form != nil {
			s.formErr = text
			s.mode = editing
			return common.Status(text, true)
		}
		return common.Status(text, true)
	}
	s.form, s.formErr = nil, ""
	if s.mode == editing {
		s.mode = listing
	}
	cmds := []tea.Cmd{s.reload(), common.Status(s.c.T(msg.done), false)}
	if u, ok := s.current(); ok && s.mode == detailing {
		cmds = append(cmds, s.loadKeys(u.ID))
	}
	return tea.Batch(cmds...)
}
