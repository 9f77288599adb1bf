package leads

import (
	"strconv"

	tea "charm.land/bubbletea/v2"

	"orderdesk/store"
	"orderdesk/tui/common"
	"orderdesk/tui/common/docscreen"
	"orderdesk/tui/common/form"
	"orderdesk/workflow"
)

// leadForm is a lead being typed. As the typist leaves its name, phone
// or 助记码, the desk looks for customer files and open leads it may
// already be, and says so beside the field before anything is saved.
// Focus moves inside Update (tui/common/form), so keys typed ahead land
// where meant.
type leadForm struct {
	c      *common.Common
	id     int   // tags the answers meant for this form
	docID  int64 // the lead edited; 0 for a new one
	seen   int64 // the version it was opened at
	ref    string
	f      *form.Form
	asked  workflow.LeadInput // the name, phone and 助记码 last looked up
	saving bool               // one save at a time
	width  int
	height int
}

// formChrome is the rows around the form: title, gap, hint.
const formChrome = 3

// matched are the fields whose value is looked up as it is left.
var matched = []string{workflow.FName, workflow.FMnemonic, workflow.FPhone}

func (s *Screen) newForm() *form.Form {
	t := s.c.T
	name := func(field string) string { return common.FieldName(s.c.Cat, field) }
	var header []form.Field
	if !ownLeadsOnly(s.c.Desk.User) {
		header = append(header, form.Field{Key: workflow.FOwner, Label: name("owner"), Width: 12, Options: ownerOptions(s.c, s.users)})
	}
	var sources []form.Option
	for _, src := range workflow.LeadSources {
		sources = append(sources, form.Option{Value: src, Label: t("lead.source." + src)})
	}
	header = append(header,
		form.Field{Key: workflow.FName, Label: name("name"), Width: 36},
		form.Field{Key: workflow.FMnemonic, Label: name("mnemonic"), Width: 14, Hint: t("leads.mnemonic_hint")},
		form.Field{Key: workflow.FContact, Label: name("contact"), Width: 12},
		form.Field{Key: workflow.FPhone, Label: name("phone"), Width: 18},
		form.Field{Key: workflow.FEmail, Label: name("email"), Width: 24},
		form.Field{Key: workflow.FIM, Label: name("im"), Width: 18},
		form.Field{Key: workflow.FSource, Label: name("source"), Width: 10, Options: sources},
		form.Field{Key: workflow.FGrades, Label: name("grades"), Width: 24, Hint: t("leads.grades_hint")},
		form.Field{Key: workflow.FSpecs, Label: name("specs"), Width: 24},
		form.Field{Key: workflow.FTonnes, Label: name("tonnes"), Width: 10},
		form.Field{Key: workflow.FNextStep, Label: name("next_step"), Width: 24},
		form.Field{Key: workflow.FNextOn, Label: name("next_on"), Width: 11, Hint: t("leads.day_hint")},
		form.Field{Key: workflow.FNotes, Label: name("notes"), Width: 36},
	)
	return form.New(s.c, header...)
}

// ownerOptions are whom the desk gives a lead to: itself, or a rep.
func ownerOptions(c *common.Common, reps []store.User) []form.Option {
	out := []form.Option{{Value: "", Label: c.T("leads.owner_me")}}
	for _, u := range reps {
		out = append(out, form.Option{Value: strconv.FormatInt(u.ID, 10), Label: u.Name})
	}
	return out
}

// setUsers fills the owner choice once the reps have come.
func (f *leadForm) setUsers(reps []store.User) {
	f.f.SetOptions(workflow.FOwner, ownerOptions(f.c, reps))
}

// startNew opens the form for a new lead.
func (s *Screen) startNew() tea.Cmd {
	if !workflow.Can(s.c.Desk.User, workflow.EditLeads) {
		return common.Status(s.c.T("leads.cannot_edit"), true)
	}
	if s.form != nil {
		s.Mode = docscreen.Form // keep what is being typed
		return common.Status(s.c.T("leads.form_open"), true)
	}
	s.forms++
	s.form = &leadForm{c: s.c, id: s.forms, f: s.newForm()}
	s.form.resize(s.Width, s.Height)
	s.back, s.Mode = docscreen.List, docscreen.Form
	return nil
}

// startEdit opens the form over an open lead as it was read.
func (s *Screen) startEdit(l store.Lead) tea.Cmd {
	if s.form != nil {
		s.Mode = docscreen.Form
		return common.Status(s.c.T("leads.form_open"), true)
	}
	s.forms++
	f := &leadForm{c: s.c, id: s.forms, docID: l.DocID, seen: l.Version, ref: l.Ref, f: s.newForm()}
	in := workflow.InputFromLead(l)
	for k, v := range map[string]string{workflow.FName: in.Name, workflow.FMnemonic: in.Mnemonic, workflow.FContact: in.Contact,
		workflow.FPhone: in.Phone, workflow.FEmail: in.Email, workflow.FIM: in.IM, workflow.FSource: in.Source,
		workflow.FGrades: in.Grades, workflow.FSpecs: in.Specs, workflow.FTonnes: in.Tonnes, workflow.FNextStep: in.NextStep,
		workflow.FNextOn: in.NextOn, workflow.FNotes: in.Notes} {
		f.f.SetValue(k, v)
	}
	// The first choice keeps the lead whose it is.
	f.f.SetOptions(workflow.FOwner, append([]form.Option{{Value: "", Label: l.Owner}}, ownerOptions(s.c, s.users)[1:]...))
	f.asked = f.input()
	f.f.MarkClean()
	f.resize(s.Width, s.Height)
	s.back = docscreen.List
	if s.Mode == docscreen.Detail {
		s.back = docscreen.Detail
	}
	s.form, s.Mode = f, docscreen.Form
	return nil
}

func (f *leadForm) resize(w, h int) {
	f.width, f.height = w, h
	f.f.SetSize(w, max(h-formChrome, 6))
}

// input reads the form into the workflow's input.
func (f *leadForm) input() workflow.LeadInput {
	owner, _ := strconv.ParseInt(f.f.Value(workflow.FOwner), 10, 64)
	v := f.f.Value
	return workflow.LeadInput{OwnerID: owner, Name: v(workflow.FName), Mnemonic: v(workflow.FMnemonic), Contact: v(workflow.FContact),
		Phone: v(workflow.FPhone), Email: v(workflow.FEmail), IM: v(workflow.FIM), Source: v(workflow.FSource),
		Grades: v(workflow.FGrades), Specs: v(workflow.FSpecs), Tonnes: v(workflow.FTonnes), Notes: v(workflow.FNotes),
		NextStep: v(workflow.FNextStep), NextOn: v(workflow.FNextOn)}
}

// updateForm takes a key or paste for the form; ctrl+s saves, esc
// leaves (asking once when something was typed). Leaving the name,
// phone or 助记码 changed looks it up.
func (s *Screen) updateForm(msg tea.Msg) tea.Cmd {
	f := s.form
	if f == nil {
		s.Mode = docscreen.List
		return nil
	}
	_, was := f.f.Focused()
	cmd, act := f.f.HandleLeaving(msg, s.c.Keys)
	switch act {
	case form.Cancel:
		s.form, s.Mode = nil, s.back
		return nil
	case form.AskLeave:
		return common.Status(s.c.T("form.discard_ask"), true)
	case form.Save:
		return s.save()
	}
	if _, now := f.f.Focused(); now != was && contains(matched, was) {
		return tea.Batch(cmd, s.lookUp())
	}
	return cmd
}

func contains(xs []string, x string) bool {
	for _, v := range xs {
		if v == x {
			return true
		}
	}
	return false
}

// lookUp asks which customers and leads the name, phone and 助记码 typed
// may be, unless they are what was asked last.
func (s *Screen) lookUp() tea.Cmd {
	f := s.form
	in := f.input()
	if in.Name == f.asked.Name && in.Phone == f.asked.Phone && in.Mnemonic == f.asked.Mnemonic {
		return nil
	}
	f.asked = in
	return findMatches(s.c.Ctx, s.c.Desk, f.id, in, f.docID)
}

// onMatches says beside the name and the phone what the lead may
// already be: a customer file or an open lead with that name or phone
// (the save will refuse it), or one sharing its 助记码 (a warning).
func (s *Screen) onMatches(msg matchesMsg) tea.Cmd {
	f := s.form
	if f == nil || msg.form != f.id || msg.err != nil || msg.asked != f.asked {
		return nil
	}
	warnings := map[string]string{}
	for _, m := range msg.matches {
		field, text := m.Field, ""
		switch {
		case m.Field == "mnemonic":
			field, text = workflow.FName, s.c.T("field.same_mnemonic", m.Name)
		case m.Lead:
			text = s.c.T("field.duplicate_lead", m.Ref+" "+m.Name)
		default:
			text = s.c.T("field.duplicate_customer", m.Name+" "+m.Ref)
		}
		if _, had := warnings[field]; !had || m.Field != "mnemonic" {
			warnings[field] = text
		}
	}
	for _, k := range matched {
		f.f.SetWarning(k, warnings[k])
	}
	return nil
}

// save sends the form to the workflow; the form stays, as typed, until
// the answer says it worked.
func (s *Screen) save() tea.Cmd {
	f := s.form
	if f.saving {
		return nil
	}
	f.saving = true
	return saveLead(s.c.Ctx, s.c.Desk, f.id, f.docID, f.seen, f.input())
}

func (s *Screen) onSaved(msg savedMsg) tea.Cmd {
	f := s.form
	if f == nil || msg.form != f.id {
		return nil
	}
	f.saving = false
	if cmd, no := docscreen.Refused(s.c, f.f, msg.err); no {
		return cmd
	}
	s.form, s.Mode = nil, docscreen.Detail
	said := s.c.T("leads.saved")
	if len(msg.warn) > 0 {
		said += " " + common.FieldText(s.c.Cat, msg.warn[0])
	}
	return tea.Batch(s.reload(), s.lead.Read(msg.id), common.Status(said, len(msg.warn) > 0))
}

// view draws the title, the form and its keys.
func (f *leadForm) view() string {
	title := f.c.T("leads.new")
	if f.docID != 0 {
		title = f.c.T("leads.edit", f.ref)
	}
	return formView(f.c, f.width, title, f.saving, f.f, "leads.form_hint")
}

// formView is the lead forms' page, saying "saving" in the leads' words.
func formView(c *common.Common, width int, title string, saving bool, f *form.Form, hint string) string {
	return docscreen.FormView(c, width, title, saving, c.T("form.saving"), f, hint)
}
