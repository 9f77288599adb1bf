package users

import (
	"errors"

	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"

	"orderdesk/store"
	"orderdesk/tui/common"
	"orderdesk/workflow"
)

func (s *Screen) openForm(title string, v *formValues, build func(*formValues) *huh.Form, submit func() tea.Cmd) tea.Cmd {
	s.bind, s.formTitle, s.formErr, s.submit = v, title, "", submit
	s.rebuildForm = func() *huh.Form { return build(s.bind).WithWidth(min(s.width, 80)) }
	s.form = s.rebuildForm()
	s.mode = editing
	return s.form.Init()
}

// reopen rebuilds the form over the same values after a refused save.
func (s *Screen) reopen() tea.Cmd {
	if s.rebuildForm == nil {
		return nil
	}
	s.form = s.rebuildForm()
	return s.form.Init()
}

func (s *Screen) updateForm(msg tea.Msg) tea.Cmd {
	var cmd tea.Cmd
	s.form, cmd = common.UpdateForm(s.form, msg)
	switch s.form.State {
	case huh.StateAborted:
		s.form, s.bind, s.mode = nil, nil, listing
		return nil
	case huh.StateCompleted:
		if s.submitting {
			return cmd
		}
		s.submitting = true
		return tea.Batch(cmd, s.submit())
	}
	return cmd
}

func (s *Screen) roleOptions() []huh.Option[string] {
	opts := make([]huh.Option[string], len(workflow.AllRoles))
	for i, r := range workflow.AllRoles {
		opts[i] = huh.NewOption(s.c.T("role."+string(r)), string(r))
	}
	return opts
}

func required(cat interface{ T(string, ...any) string }, field string) func(string) error {
	return func(v string) error {
		if e := workflow.CheckText(field, v, true, workflow.MaxName); e != nil {
			return errors.New(cat.T("field." + string(e.Code)))
		}
		return nil
	}
}

func parseRoles(names []string) []workflow.Role {
	out := make([]workflow.Role, len(names))
	for i, n := range names {
		out[i] = workflow.Role(n)
	}
	return out
}

func (s *Screen) newUserForm() tea.Cmd {
	v := &formValues{roles: []string{string(workflow.Clerk)}}
	build := func(v *formValues) *huh.Form {
		return common.NewForm(s.c, huh.NewGroup(
			huh.NewInput().Title(s.c.T("users.field.login")).Value(&v.login).Validate(required(s.c.Cat, "login")),
			huh.NewInput().Title(s.c.T("users.field.name")).Value(&v.name).Validate(required(s.c.Cat, "name")),
			huh.NewInput().Title(s.c.T("users.field.os_user")).Description(s.c.T("users.field.os_user_hint")).Value(&v.osUser),
			huh.NewMultiSelect[string]().Title(s.c.T("users.field.roles")).Options(s.roleOptions()...).Value(&v.roles),
		))
	}
	desk, ctx := s.c.Desk, s.c.Ctx
	return s.openForm(s.c.T("users.new"), v, build, func() tea.Cmd {
		login, name, osUser, roles := v.login, v.name, v.osUser, parseRoles(v.roles)
		return func() tea.Msg {
			_, err := desk.AddUser(ctx, login, name, osUser, roles)
			return doneMsg{done: "users.added", err: err}
		}
	})
}

func (s *Screen) rolesForm(u store.User) tea.Cmd {
	v := &formValues{roles: append([]string(nil), u.Roles...)}
	build := func(v *formValues) *huh.Form {
		return common.NewForm(s.c, huh.NewGroup(
			huh.NewMultiSelect[string]().Title(s.c.T("users.field.roles")).Options(s.roleOptions()...).Value(&v.roles),
		))
	}
	desk, ctx := s.c.Desk, s.c.Ctx
	return s.openForm(s.c.T("users.roles_of", u.Name), v, build, func() tea.Cmd {
		roles := parseRoles(v.roles)
		return func() tea.Msg {
			_, err := desk.SetRoles(ctx, u.Login, roles)
			return doneMsg{done: "users.roles_saved", err: err}
		}
	})
}

func (s *Screen) keyForm(u store.User) tea.Cmd {
	v := &formValues{}
	build := func(v *formValues) *huh.Form {
		return common.NewForm(s.c, huh.NewGroup(
			huh.NewInput().Title(s.c.T("users.field.key")).Description(s.c.T("users.field.key_hint")).Value(&v.keyLine).
				Validate(func(line string) error {
					if _, err := workflow.ParseKey(line); err != nil {
						return errors.New(s.c.T("users.bad_key"))
					}
					return nil
				}),
		))
	}
	desk, ctx := s.c.Desk, s.c.Ctx
	return s.openForm(s.c.T("users.key_for", u.Name), v, build, func() tea.Cmd {
		line := v.keyLine
		return func() tea.Msg {
			_, err := desk.AddKey(ctx, u.Login, line)
			return doneMsg{done: "users.key_added", err: err}
		}
	})
}

func (s *Screen) passForm(u store.User) tea.Cmd {
	v := &formValues{}
	build := func(v *formValues) *huh.Form {
		return common.NewForm(s.c, huh.NewGroup(
			huh.NewInput().Title(s.c.T("users.field.passphrase")).Description(s.c.T("users.field.passphrase_hint")).
				EchoMode(huh.EchoModePassword).Value(&v.pass),
			huh.NewInput().Title(s.c.T("users.field.passphrase_again")).EchoMode(huh.EchoModePassword).Value(&v.pass2).
				Validate(func(p string) error {
					if p != v.pass {
						return errors.New(s.c.T("users.passphrase_mismatch"))
					}
					return nil
				}),
		))
	}
	desk, ctx := s.c.Desk, s.c.Ctx
	return s.openForm(s.c.T("users.passphrase_for", u.Name), v, build, func() tea.Cmd {
		pass := v.pass
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
