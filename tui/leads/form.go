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
	*docscreen.HeldForm
	docID int64              // the lead edited; 0 for a new one
	seen  int64              // the version it was opened at
	asked workflow.LeadInput // the name, phone and 助记码 last looked up
}

// formChrome is the rows around the form: title, gap, hint.
const formChrome = 3

// matched are the fields whose value is looked up as it is left.
var matched = []string{workflow.FName, workflow.FMnemonic, workflow.FPhone}

func (s *Screen) newFields() []form.Field {
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
	return header
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
func (s *Screen) setUsers(reps []store.User) {
	s.form.F.SetOptions(workflow.FOwner, ownerOptions(s.c, reps))
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
	s.form = &leadForm{HeldForm: docscreen.NewHeldForm(s.c, s.forms, s.c.T("leads.new"), "leads.form_hint", s.newFields()...)}
	s.form.Resize(s.Width, s.Height)
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
	f := &leadForm{HeldForm: docscreen.NewHeldForm(s.c, s.forms, s.c.T("leads.edit", l.Ref), "leads.form_hint", s.newFields()...),
		docID: l.DocID, seen: l.Version}
	in := workflow.InputFromLead(l)
	for k, v := range map[string]string{workflow.FName: in.Name, workflow.FMnemonic: in.Mnemonic, workflow.FContact: in.Contact,
		workflow.FPhone: in.Phone, workflow.FEmail: in.Email, workflow.FIM: in.IM, workflow.FSource: in.Source,
		workflow.FGrades: in.Grades, workflow.FSpecs: in.Specs, workflow.FTonnes: in.Tonnes, workflow.FNextStep: in.NextStep,
		workflow.FNextOn: in.NextOn, workflow.FNotes: in.Notes} {
		f.F.SetValue(k, v)
	}
	// The first choice keeps the lead whose it is.
	f.F.SetOptions(workflow.FOwner, append([]form.Option{{Value: "", Label: l.Owner}}, ownerOptions(s.c, s.users)[1:]...))
	f.asked = f.input()
	f.F.MarkClean()
	f.Resize(s.Width, s.Height)
	s.back = docscreen.List
	if s.Mode == docscreen.Detail {
		s.back = docscreen.Detail
	}
	s.form, s.Mode = f, docscreen.Form
	return nil
}

// input reads the form into the workflow's input.
func (f *leadForm) input() workflow.LeadInput {
	owner, _ := strconv.ParseInt(f.F.Value(workflow.FOwner), 10, 64)
	v := f.F.Value
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
	_, was := f.F.Focused()
	cmd, closed := f.Key(msg, s.save)
	if closed {
		s.form, s.Mode = nil, s.back
		return nil
	}
	if _, now := f.F.Focused(); now != was && contains(matched, was) {
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
	return findMatches(s.c.Ctx, s.c.Desk, f.ID, in, f.docID)
}

// onMatches says beside the name and the phone what the lead may
// already be: a customer file or an open lead with that name or phone
// (the save will refuse it), or one sharing its 助记码 (a warning).
func (s *Screen) onMatches(msg matchesMsg) tea.Cmd {
	f := s.form
	if f == nil || msg.form != f.ID || msg.err != nil || msg.asked != f.asked {
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
		f.F.SetWarning(k, warnings[k])
	}
	return nil
}

// save sends the form to the workflow; the form stays, as typed, until
// the answer says it worked.
func (s *Screen) save() tea.Cmd {
	f := s.form
	return saveLead(s.c.Ctx, s.c.Desk, f.ID, f.docID, f.seen, f.input())
}

func (s *Screen) onSaved(msg savedMsg) tea.Cmd {
	if s.form == nil {
		return nil
	}
	if cmd, ok := s.form.Saved(msg.form, msg.err); !ok {
		return cmd
	}
	s.form, s.Mode = nil, docscreen.Detail
	said := s.c.T("leads.saved")
	if len(msg.warn) > 0 {
		said += " " + common.FieldText(s.c.Cat, msg.warn[0])
	}
	return tea.Batch(s.reload(), s.lead.Read(msg.id), common.Status(said, len(msg.warn) > 0))
}
