package leads

import (
	tea "charm.land/bubbletea/v2"

	"orderdesk/store"
	"orderdesk/tui/common"
	"orderdesk/tui/common/docscreen"
	"orderdesk/tui/common/form"
	"orderdesk/workflow"
)

// logForm is a call or message being logged on a lead: how it went,
// what was said, how (a call by default), the next step and its day
// (enter on the day saves).
type logForm struct {
	c      *common.Common
	id     int
	lead   int64
	title  string
	f      *form.Form
	saving bool
	width  int
}

// startLog opens the log form over a lead.
func (s *Screen) startLog(l store.Lead) tea.Cmd {
	t := s.c.T
	var channels []form.Option
	for _, ch := range workflow.LeadChannels {
		channels = append(channels, form.Option{Value: ch, Label: t("lead.channel." + ch)})
	}
	s.forms++
	s.log = &logForm{c: s.c, id: s.forms, lead: l.DocID, title: t("leads.log_new", l.Name), f: form.New(s.c,
		form.Field{Key: workflow.FNote, Label: common.FieldName(s.c.Cat, "note"), Width: 40, Rows: 2},
		form.Field{Key: workflow.FContactWay, Label: common.FieldName(s.c.Cat, workflow.FContactWay), Width: 10, Options: channels},
		form.Field{Key: workflow.FNextStep, Label: common.FieldName(s.c.Cat, "next_step"), Width: 24},
		form.Field{Key: workflow.FNextOn, Label: common.FieldName(s.c.Cat, "next_on"), Width: 11, Hint: t("leads.day_hint")},
	).EnterSaves()}
	s.log.resize(s.Width, s.Height)
	s.back = docscreen.List
	if s.Mode == docscreen.Detail {
		s.back = docscreen.Detail
	}
	s.Mode = modeLog
	return nil
}

func (f *logForm) resize(w, h int) {
	f.width = w
	f.f.SetSize(w, max(h-formChrome, 6))
}

func (s *Screen) updateLog(msg tea.Msg) tea.Cmd {
	f := s.log
	if f == nil {
		s.Mode = docscreen.List
		return nil
	}
	cmd, act := f.f.Handle(msg, s.c.Keys)
	switch act {
	case form.Cancel:
		if !f.saving {
			s.log, s.Mode = nil, s.back
		}
		return nil
	case form.Save:
		if f.saving {
			return nil
		}
		f.saving = true
		v := f.f.Value
		return logContact(s.c.Ctx, s.c.Desk, f.id, f.lead, workflow.LeadContactInput{Channel: v(workflow.FContactWay),
			Note: v(workflow.FNote), NextStep: v(workflow.FNextStep), NextOn: v(workflow.FNextOn)})
	}
	return cmd
}

func (s *Screen) onLogged(msg loggedMsg) tea.Cmd {
	f := s.log
	if f == nil || msg.form != f.id {
		return nil
	}
	f.saving = false
	if cmd, no := docscreen.Refused(s.c, f.f, msg.err); no {
		return cmd
	}
	s.log, s.Mode = nil, docscreen.Detail
	return tea.Batch(s.reload(), s.lead.Read(msg.id), common.Status(s.c.T("leads.logged"), false))
}

func (f *logForm) view() string {
	return docscreen.FormView(f.c, f.width, f.title, f.saving, f.c.T("form.saving"), f.f, "leads.log_hint")
}
