package users

import (
	"errors"
	"strings"

	tea "charm.land/bubbletea/v2"

	"orderdesk/store"
	"orderdesk/tui/common"
	"orderdesk/tui/common/form"
	"orderdesk/workflow"
)

// The forms' fields.
const (
	fLogin = "login"
	fName  = "name"
	fOS    = "os_user"
	fRoles = "roles"
	fKey   = "key"
	fPass  = "pass"
	fPass2 = "pass2"
)

// openForm shows a form; submit reads it and saves in a command. What
// was typed stays in the form until the save works.
func (s *Screen) openForm(title string, f *form.Form, submit func(*form.Form) tea.Cmd) tea.Cmd {
	f.EnterSaves().SetSize(min(s.width, 80), max(s.height-4, 5))
	s.form, s.formTitle, s.formErr, s.submit = f, title, "", submit
	s.mode = editing
	return nil
}

func (s *Screen) updateForm(msg tea.Msg) tea.Cmd {
	if s.submitting {
		return nil // its save is on its way: keys wait for the answer
	}
	cmd, act := s.form.Handle(msg, s.c.Keys)
	switch act {
	case form.Save:
		return tea.Batch(cmd, s.submitForm())
	case form.Cancel:
		s.form, s.mode = nil, listing
	}
	return cmd
}

// submitForm checks every field and saves.
func (s *Screen) submitForm() tea.Cmd {
	if !s.form.CheckAll() {
		return nil
	}
	s.submitting = true
	return s.submit(s.form)
}

func (s *Screen) roleOptions() []form.Option {
	opts := make([]form.Option, len(workflow.AllRoles))
	for i, r := range workflow.AllRoles {
		opts[i] = form.Option{Value: string(r), Label: s.c.T("role." + string(r))}
	}
	return opts
}

func (s *Screen) required(field string) func(string) string {
	return func(v string) string {
		if e := workflow.CheckText(field, v, true, workflow.MaxName); e != nil {
			return s.c.T("field." + string(e.Code))
		}
		return ""
	}
}

func parseRoles(value string) []workflow.Role {
	if value == "" {
		return []workflow.Role{}
	}
	names := strings.Split(value, ",")
	out := make([]workflow.Role, len(names))
	for i, n := range names {
		out[i] = workflow.Role(n)
	}
	return out
}

func (s *Screen) rolesField() form.Field {
	return form.Field{Key: fRoles, Label: s.c.T("users.field.roles"), Width: 30, Options: s.roleOptions(), Multi: true}
}

func (s *Screen) newUserForm() tea.Cmd {
	f := form.New(s.c,
		form.Field{Key: fLogin, Label: s.c.T("users.field.login"), Width: 30, Check: s.required("login")},
		form.Field{Key: fName, Label: s.c.T("users.field.name"), Width: 30, Check: s.required("name")},
		form.Field{Key: fOS, Label: s.c.T("users.field.os_user"), Width: 30, Hint: s.c.T("users.field.os_user_hint")},
		s.rolesField(),
	)
	f.SetValue(fRoles, string(workflow.Clerk))
	desk, ctx := s.c.Desk, s.c.Ctx
	return s.openForm(s.c.T("users.new"), f, func(f *form.Form) tea.Cmd {
		login, name, osUser, roles := f.Value(fLogin), f.Value(fName), f.Value(fOS), parseRoles(f.Value(fRoles))
		return func() tea.Msg {
			_, err := desk.AddUser(ctx, login, name, osUser, roles)
			return doneMsg{done: "users.added", err: err}
		}
	})
}

func (s *Screen) rolesForm(u store.User) tea.Cmd {
	f := form.New(s.c, s.rolesField())
	f.SetValue(fRoles, strings.Join(u.Roles, ","))
	desk, ctx := s.c.Desk, s.c.Ctx
	return s.openForm(s.c.T("users.roles_of", u.Name), f, func(f *form.Form) tea.Cmd {
		roles := parseRoles(f.Value(fRoles))
		return func() tea.Msg {
			_, err := desk.SetRoles(ctx, u.Login, roles)
			return doneMsg{done: "users.roles_saved", err: err}
		}
	})
}

func (s *Screen) keyForm(u store.User) tea.Cmd {
	f := form.New(s.c, form.Field{Key: fKey, Label: s.c.T("users.field.key"), Width: 60, Hint: s.c.T("users.field.key_hint"),
		Check: func(line string) string {
			if _, err := workflow.ParseKey(line); err != nil {
				return s.c.T("users.bad_key")
			}
			return ""
		}})
	desk, ctx := s.c.Desk, s.c.Ctx
	return s.openForm(s.c.T("users.key_for", u.Name), f, func(f *form.Form) tea.Cmd {
		line := f.Value(fKey)
		return func() tea.Msg {
			_, err := desk.AddKey(ctx, u.Login, line)
			return doneMsg{done: "users.key_added", err: err}
		}
	})
}

func (s *Screen) passForm(u store.User) tea.Cmd {
	var f *form.Form
	f = form.New(s.c,
		form.Field{Key: fPass, Label: s.c.T("users.field.passphrase"), Width: 30, Secret: true, Hint: s.c.T("users.field.passphrase_hint")},
		form.Field{Key: fPass2, Label: s.c.T("users.field.passphrase_again"), Width: 30, Secret: true, Check: func(p string) string {
			if p != f.Value(fPass) {
				return s.c.T("users.passphrase_mismatch")
			}
			return ""
		}},
	)
	desk, ctx := s.c.Desk, s.c.Ctx
	return s.openForm(s.c.T("users.passphrase_for", u.Name), f, func(f *form.Form) tea.Cmd {
		pass := f.Value(fPass)
		return func() tea.Msg {
			return doneMsg{done: "users.passphrase_saved", err: desk.SetPassphrase(ctx, u.Login, pass)}
		}
	})
}

// errorText adds the users screen's own errors to the common ones.
func (s *Screen) errorText(err error) string {
	switch {
	case errors.Is(err, workflow.ErrBadKey):
		return s.c.T("users.bad_key")
	case errors.Is(err, workflow.ErrShortPassphrase):
		return s.c.T("users.short_passphrase")
	case errors.Is(err, store.ErrDuplicate):
		return s.c.T("users.duplicate")
	}
	return common.ErrorText(s.c.Cat, err)
}
