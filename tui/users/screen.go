// Package users is the admin screen: people, their roles, the SSH keys
// that identify them at the office server, and at-desk passphrases.
package users

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"orderdesk/store"
	"orderdesk/tui/common"
	"orderdesk/tui/common/form"
	"orderdesk/workflow"
)

type mode int

const (
	listing mode = iota
	detailing
	editing // a form is open
)

// Screen is the users screen of one admin session.
type Screen struct {
	c             *common.Common
	km            keyMap
	width, height int
	mode          mode
	users         *common.List[store.User]
	keys          []store.Key
	keyCursor     int
	seq           int
	form          *form.Form
	formTitle     string
	formErr       string
	submit        func(*form.Form) tea.Cmd // what the open form saves
	submitting    bool                     // its save is on its way: one at a time
}

// New returns the users screen.
func New(c *common.Common) *Screen {
	return &Screen{c: c, km: newKeyMap(c), users: common.NewList(c, func(u store.User) int64 { return u.ID })}
}

// Title is the tab label.
func (s *Screen) Title() string { return s.c.T("screen.users") }

// Init loads the users.
func (s *Screen) Init() tea.Cmd { return s.reload() }

// SetSize records the space the screen may use.
func (s *Screen) SetSize(w, h int) { s.width, s.height = w, h }

// Capturing is true while a form is open.
func (s *Screen) Capturing() bool { return s.mode == editing }

func (s *Screen) current() (store.User, bool) { return s.users.Current() }

// moved moves the cursor over the users; false for any other key.
func (s *Screen) moved(msg tea.KeyPressMsg) bool {
	_, moved := s.users.Update(msg)
	return moved
}

// Update routes keys by mode and applies command results.
func (s *Screen) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case usersMsg:
		if msg.seq == s.seq {
			s.applyUsers(msg)
		}
		return s, nil
	case keysMsg:
		if u, ok := s.current(); ok && u.ID == msg.userID {
			s.keys, s.keyCursor = msg.keys, min(s.keyCursor, max(len(msg.keys)-1, 0))
		}
		return s, nil
	case doneMsg:
		return s, s.applyDone(msg)
	case common.ChangedMsg:
		if msg.Change.Kind == "user" {
			return s, s.reload()
		}
		return s, nil
	}
	if s.mode == editing {
		return s, s.updateForm(msg)
	}
	if k, ok := msg.(tea.KeyPressMsg); ok {
		return s, s.handleKey(k)
	}
	return s, nil
}

func (s *Screen) handleKey(msg tea.KeyPressMsg) tea.Cmd {
	k := s.c.Keys
	u, ok := s.current()
	switch {
	case key.Matches(msg, k.Up) && s.mode == detailing:
		s.keyCursor = max(s.keyCursor-1, 0)
	case key.Matches(msg, k.Down) && s.mode == detailing:
		s.keyCursor = min(s.keyCursor+1, max(len(s.keys)-1, 0))
	case s.mode == listing && s.moved(msg):
	case key.Matches(msg, k.Back):
		s.mode = listing
	case key.Matches(msg, k.Open) && ok:
		s.mode, s.keys = detailing, nil
		return s.loadKeys(u.ID)
	case key.Matches(msg, k.New) && s.mode == listing:
		return s.newUserForm()
	case key.Matches(msg, s.km.roles) && ok:
		return s.rolesForm(u)
	case key.Matches(msg, s.km.addKey) && ok:
		return s.keyForm(u)
	case key.Matches(msg, s.km.passphrase) && ok:
		return s.passForm(u)
	case key.Matches(msg, s.km.removeKey) && ok && s.mode == detailing && s.keyCursor < len(s.keys):
		return s.removeKeyCmd(s.keys[s.keyCursor])
	case key.Matches(msg, k.Void) && ok:
		return s.toggleActive(u)
	}
	return nil
}

// View renders the list, a user's keys, or the open form.
func (s *Screen) View() string {
	st := s.c.Styles
	if s.mode == editing && s.form != nil {
		out := st.Title.Render(s.formTitle) + "\n"
		if s.formErr != "" {
			out += st.FieldError.Render(s.formErr) + "\n"
		}
		return out + "\n" + s.form.View() + "\n\n" + st.Muted.Render(s.c.T("users.form_hint"))
	}
	cols := common.Stretch([]common.Column{
		{Title: s.c.T("users.col.login"), Width: 12},
		{Title: s.c.T("users.col.name"), Width: 12},
		{Title: s.c.T("users.col.roles"), Width: 30},
		{Title: s.c.T("users.col.os_user"), Width: 10},
		{Title: s.c.T("users.col.active"), Width: 6},
	}, 2, s.width)
	var b strings.Builder
	b.WriteString(st.Title.Render(s.Title()) + "\n" + s.users.Render(cols, func(u store.User) ([]string, bool) {
		return []string{u.Login, u.Name, common.RoleList(s.c.Cat, roles(u)), u.OSUser, s.yesNo(u.Active)}, !u.Active
	}))
	if s.mode == detailing {
		b.WriteString("\n\n" + s.keysView())
	}
	return b.String()
}

func (s *Screen) keysView() string {
	st := s.c.Styles
	u, _ := s.current()
	var b strings.Builder
	b.WriteString(st.Header.Render(s.c.T("users.keys_of", u.Name)))
	if len(s.keys) == 0 {
		return b.String() + "\n" + st.Muted.Render(s.c.T("users.no_keys"))
	}
	for i, k := range s.keys {
		line := common.Fit(k.Fingerprint, 52, false) + " " + common.Fit(k.Comment, 20, false) + " " + k.CreatedAt.Local().Format("2006-01-02")
		if i == s.keyCursor {
			line = st.Selected.Render(line)
		}
		b.WriteString("\n" + line)
	}
	return b.String()
}

func (s *Screen) yesNo(v bool) string {
	if v {
		return s.c.T("yes")
	}
	return s.c.T("no")
}

func roles(u store.User) []workflow.Role {
	out := make([]workflow.Role, len(u.Roles))
	for i, r := range u.Roles {
		out[i] = workflow.Role(r)
	}
	return out
}
