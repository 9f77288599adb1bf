package products

import (
	tea "charm.land/bubbletea/v2"

	"orderdesk/store"
	"orderdesk/tui/common"
	cform "orderdesk/tui/common/form"
	"orderdesk/workflow"
)

// form edits one product. What was typed stays in the form until a save
// works, so a refused save loses nothing.
type form struct {
	c      *common.Common
	orig   store.Product
	fields *cform.Form
	err    string
	width  int
	saving bool // a save is on its way: one at a time
}

type savedMsg struct {
	id      int64
	created bool // a new product
	voided  bool
	err     error
}

func (s *Screen) openForm(p store.Product) tea.Cmd {
	f := &form{c: s.c, orig: p, fields: newFields(s.c)}
	in := workflow.InputFromProduct(p)
	for k, v := range map[string]string{workflow.FGrade: in.Grade, workflow.FProductName: in.Name, workflow.FSpec: in.Spec,
		workflow.FUnit: in.Unit, workflow.FUnitWeight: in.UnitWeight, workflow.FMnemonic: in.Mnemonic} {
		f.fields.SetValue(k, v)
	}
	f.setWidth(s.width)
	s.form, s.mode = f, editing
	return nil
}

// newFields are the product's fields in tab order, each checked as it
// is left.
func newFields(c *common.Common) *cform.Form {
	check := func(field string) func(string) string {
		return func(v string) string { return common.FieldProblem(c.Cat, workflow.CheckProductField(field, v)) }
	}
	units := make([]cform.Option, len(store.Units))
	for i, u := range store.Units {
		units[i] = cform.Option{Value: u, Label: c.T("unit." + u)}
	}
	text := func(field, label string, width int) cform.Field {
		return cform.Field{Key: field, Label: c.T(label), Width: width, Check: check(field)}
	}
	spec := text(workflow.FSpec, "products.field.spec", 30)
	spec.Placeholder = "20×1500×6000"
	weight := text(workflow.FUnitWeight, "products.field.unit_weight", 12)
	weight.Hint = c.T("products.field.unit_weight_hint")
	mnemonic := text(workflow.FMnemonic, "products.field.mnemonic", 20)
	mnemonic.Hint = c.T("products.field.mnemonic_hint")
	return cform.New(c,
		text(workflow.FGrade, "products.field.grade", 20),
		text(workflow.FProductName, "products.field.name", 30),
		spec,
		cform.Field{Key: workflow.FUnit, Label: c.T("products.field.unit"), Width: 12, Options: units},
		weight,
		mnemonic,
	).EnterSaves()
}

func (f *form) setWidth(w int) {
	f.width = w
	f.fields.SetSize(min(w, 80), 12)
}

// input is the product as typed.
func (f *form) input() workflow.ProductInput {
	v := f.fields.Value
	return workflow.ProductInput{Grade: v(workflow.FGrade), Name: v(workflow.FProductName), Spec: v(workflow.FSpec),
		Unit: v(workflow.FUnit), UnitWeight: v(workflow.FUnitWeight), Mnemonic: v(workflow.FMnemonic)}
}

func (s *Screen) updateForm(msg tea.Msg) tea.Cmd {
	cmd, act := s.form.fields.Handle(msg, s.c.Keys)
	switch act {
	case cform.Save:
		return tea.Batch(cmd, s.save())
	case cform.Cancel:
		s.mode, s.form = listing, nil
	}
	return cmd
}

// save validates and writes in a command; the form stays until it worked.
func (s *Screen) save() tea.Cmd {
	f := s.form
	if f.saving {
		return nil
	}
	in := f.input()
	if _, errs := in.Validate(); len(errs) > 0 {
		f.err = common.FieldText(s.c.Cat, errs[0]) + " (" + s.c.T("products.field."+errs[0].Field) + ")"
		f.fields.ClearErrors()
		for _, e := range errs {
			f.fields.SetError(e.Field, common.FieldText(s.c.Cat, e))
		}
		f.fields.FocusField(errs[0].Field)
		return nil
	}
	f.saving = true
	desk, ctx, orig := s.c.Desk, s.c.Ctx, f.orig
	return func() tea.Msg {
		id, err := desk.SaveProduct(ctx, orig, in)
		return savedMsg{id: id, created: orig.ID == 0, err: err}
	}
}

func (s *Screen) applySaved(msg savedMsg) tea.Cmd {
	if msg.err != nil {
		text := common.ErrorText(s.c.Cat, msg.err)
		if s.form != nil {
			s.form.err, s.form.saving = text, false
		}
		return common.Status(text, true)
	}
	s.mode, s.form = listing, nil
	done := "products.saved"
	if msg.voided {
		done = "products.voided"
	}
	show := s.list.Refresh()
	if msg.created { // the list's last row (id order): the cursor goes to it
		show = s.list.JumpLast(msg.id)
	}
	return tea.Batch(show, common.Status(s.c.T(done), false))
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
	return out + "\n" + f.fields.View() + "\n\n" + st.Muted.Render(f.c.T("products.form_hint"))
}
