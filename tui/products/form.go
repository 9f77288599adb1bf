package products

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"

	"orderdesk/store"
	"orderdesk/tui/common"
	"orderdesk/workflow"
)

// form edits one product. The values are bound to in, so what was typed
// survives a failed save and a rebuilt form.
type form struct {
	c      *common.Common
	orig   store.Product
	in     workflow.ProductInput
	huh    *huh.Form
	err    string
	width  int
	saving bool // a save is on its way: one at a time
}

type savedMsg struct {
	id     int64
	voided bool
	err    error
}

func (s *Screen) openForm(p store.Product) tea.Cmd {
	f := &form{c: s.c, orig: p, in: workflow.InputFromProduct(p)}
	f.build()
	f.setWidth(s.width)
	s.form, s.mode = f, editing
	return f.huh.Init()
}

func (f *form) build() {
	cat := f.c.Cat
	check := func(field string) func(string) error {
		return func(v string) error { return common.FieldErr(cat, workflow.CheckProductField(field, v)) }
	}
	units := make([]huh.Option[string], len(store.Units))
	for i, u := range store.Units {
		units[i] = huh.NewOption(f.c.T("unit."+u), u)
	}
	f.huh = common.NewForm(f.c, huh.NewGroup(
		huh.NewInput().Title(f.c.T("products.field.grade")).Value(&f.in.Grade).Validate(check(workflow.FGrade)),
		huh.NewInput().Title(f.c.T("products.field.name")).Value(&f.in.Name).Validate(check(workflow.FProductName)),
		huh.NewInput().Title(f.c.T("products.field.spec")).Placeholder("20×1500×6000").Value(&f.in.Spec).Validate(check(workflow.FSpec)),
		huh.NewSelect[string]().Title(f.c.T("products.field.unit")).Options(units...).Value(&f.in.Unit),
		huh.NewInput().Title(f.c.T("products.field.unit_weight")).Description(f.c.T("products.field.unit_weight_hint")).
			Value(&f.in.UnitWeight).Validate(check(workflow.FUnitWeight)),
		huh.NewInput().Title(f.c.T("products.field.mnemonic")).Description(f.c.T("products.field.mnemonic_hint")).
			Value(&f.in.Mnemonic).Validate(check(workflow.FMnemonic)),
	))
}

func (f *form) setWidth(w int) {
	f.width = w
	f.huh = f.huh.WithWidth(min(w, 80))
}

func (s *Screen) updateForm(msg tea.Msg) tea.Cmd {
	f := s.form
	if k, ok := msg.(tea.KeyPressMsg); ok && key.Matches(k, s.c.Keys.Save) {
		return s.save()
	}
	var cmd tea.Cmd
	f.huh, cmd = common.UpdateForm(f.huh, msg)
	switch f.huh.State {
	case huh.StateAborted:
		s.mode, s.form = listing, nil
		return nil
	case huh.StateCompleted:
		return tea.Batch(cmd, s.save())
	}
	return cmd
}

// save validates and writes in a command; the form stays until it worked.
func (s *Screen) save() tea.Cmd {
	f := s.form
	if f.saving {
		return nil
	}
	if _, errs := f.in.Validate(); len(errs) > 0 {
		f.err = common.FieldText(s.c.Cat, errs[0]) + " (" + s.c.T("products.field."+errs[0].Field) + ")"
		return f.rebuild()
	}
	f.saving = true
	desk, ctx, orig, in := s.c.Desk, s.c.Ctx, f.orig, f.in
	return func() tea.Msg {
		id, err := desk.SaveProduct(ctx, orig, in)
		return savedMsg{id: id, err: err}
	}
}

// rebuild makes a fresh form over the same values after huh completed, so
// a refused save leaves everything typed on screen.
func (f *form) rebuild() tea.Cmd {
	if f.huh.State == huh.StateNormal {
		return nil
	}
	f.build()
	f.setWidth(f.width)
	return f.huh.Init()
}

func (s *Screen) applySaved(msg savedMsg) tea.Cmd {
	if msg.err != nil {
		text := common.ErrorText(s.c.Cat, msg.err)
		if s.form != nil {
			s.form.err, s.form.saving = text, false
			return tea.Batch(s.form.rebuild(), common.Status(text, true))
		}
		return common.Status(text, true)
	}
	s.mode, s.form = listing, nil
	done := "products.saved"
	if msg.voided {
		done = "products.voided"
	}
	return tea.Batch(s.list.Refresh(), common.Status(s.c.T(done), false))
}

func (f *form) view() string {
	st := f.c.Styles
	title := f.c.T("products.new")
	if f.orig.ID != 0 {
		title = f.c.T("products.edit", f.orig.Grade+" "+f.orig.Name)
	}
	out := st.Title.Render(title) + "\n"
	if f.err != "" {
		out += st.FieldError.Render(f.err) + "\n"
	}
	return out + "\n" + f.huh.View() + "\n" + st.Muted.Render(f.c.T("products.form_hint"))
}
