package meetings

import (
	"strconv"

	tea "charm.land/bubbletea/v2"

	"orderdesk/store"
	"orderdesk/tui/common"
	"orderdesk/tui/common/docscreen"
	"orderdesk/tui/common/form"
	"orderdesk/workflow"
)

// formKind says what a form writes.
type formKind int

const (
	minutesForm formKind = iota // the minutes: day, place, attendees, decisions
	itemForm                    // an action item added to the minutes
	doneForm                    // an action item closed with what was done
)

// hints are each form's keys, as catalogue keys.
var hints = map[formKind]string{minutesForm: "meetings.form_hint", itemForm: "meetings.item_hint", doneForm: "meetings.done_hint"}

func (s *Screen) open(kind formKind, docID int64, title string, fields ...form.Field) tea.Cmd {
	if !s.canEdit() {
		return common.Status(s.c.T("meetings.cannot_edit"), true)
	}
	s.forms++
	s.form, s.formKind, s.formDoc = docscreen.NewHeldForm(s.c, s.forms, title, hints[kind], fields...), kind, docID
	s.form.Resize(s.Width, s.Height)
	s.Mode = modeForm
	return nil
}

func (s *Screen) name(field string) string { return common.FieldName(s.c.Cat, field) }

// startMinutes opens the form for new minutes.
func (s *Screen) startMinutes() tea.Cmd {
	t := s.c.T
	return s.open(minutesForm, 0, t("meetings.new"),
		form.Field{Key: workflow.FHeldOn, Label: s.name(workflow.FHeldOn), Width: 11, Hint: t("leads.day_hint")},
		form.Field{Key: workflow.FPlace, Label: s.name(workflow.FPlace), Width: 24},
		form.Field{Key: workflow.FAttendees, Label: s.name(workflow.FAttendees), Width: 36, Hint: t("meetings.attendees_hint")},
		form.Field{Key: workflow.FDecisions, Label: s.name(workflow.FDecisions), Width: 48, Hint: t("meetings.decisions_hint")},
	)
}

// startItem opens the form for an action item on open minutes.
func (s *Screen) startItem(m store.Meeting) tea.Cmd {
	if m.Status != workflow.MeetingOpen {
		return common.Status(s.c.T("refusal.meeting_not_open"), true)
	}
	t := s.c.T
	var decisions []form.Option
	for _, d := range m.Decisions {
		decisions = append(decisions, form.Option{Value: strconv.Itoa(d.No), Label: strconv.Itoa(d.No) + ". " + d.Text})
	}
	owners := []form.Option{{Value: "", Label: t("meetings.owner_none")}}
	for _, u := range s.people {
		owners = append(owners, form.Option{Value: strconv.FormatInt(u.ID, 10), Label: u.Name})
	}
	return s.open(itemForm, m.DocID, t("meetings.item_new", m.Ref),
		form.Field{Key: workflow.FDecision, Label: s.name(workflow.FDecision), Width: 30, Options: decisions},
		form.Field{Key: workflow.FOwner, Label: s.name(workflow.FOwner), Width: 12, Options: owners},
		form.Field{Key: workflow.FItemDue, Label: s.name(workflow.FItemDue), Width: 11, Hint: t("leads.day_hint")},
		form.Field{Key: workflow.FWhat, Label: s.name(workflow.FWhat), Width: 40},
	)
}

// startDone opens the form closing one of the minutes' open action
// items: this user's own, or any for the desk and supervisors.
func (s *Screen) startDone(m store.Meeting) tea.Cmd {
	t := s.c.T
	var items []form.Option
	for _, a := range m.Items {
		if !a.IsDone() && (a.OwnerID == s.c.Desk.User.ID || !ownOnly(s.c.Desk.User)) {
			items = append(items, form.Option{Value: strconv.FormatInt(a.ID, 10), Label: a.Owner + " " + a.DueOn + " " + a.What})
		}
	}
	if m.Status != workflow.MeetingOpen || len(items) == 0 {
		return common.Status(t("meetings.nothing_to_close"), true)
	}
	return s.open(doneForm, m.DocID, t("meetings.done_new", m.Ref),
		form.Field{Key: "item", Label: t("meetings.item"), Width: 40, Options: items},
		form.Field{Key: workflow.FDone, Label: s.name(workflow.FDone), Width: 40},
	)
}

// ownOnly: a sales rep without the desk's roles closes only their own
// action items.
func ownOnly(u store.User) bool {
	return !u.HasRole(string(workflow.Clerk)) && !u.HasRole(string(workflow.Supervisor))
}

// updateForm takes a key or paste for the form; ctrl+s saves, esc
// leaves (asking once when something was typed).
func (s *Screen) updateForm(msg tea.Msg) tea.Cmd {
	if s.form == nil {
		s.Mode = modeList
		return nil
	}
	cmd, closed := s.form.Key(msg, s.save)
	if closed {
		s.form = nil
		s.Mode = modeList
		if s.meeting.Doc != nil {
			s.Mode = modeDetail
		}
	}
	return cmd
}

// save sends a copy of what the form holds to the workflow.
func (s *Screen) save() tea.Cmd {
	ctx, desk, v, id, doc := s.c.Ctx, s.c.Desk, s.form.F.Value, s.form.ID, s.formDoc
	switch s.formKind {
	case itemForm:
		no, _ := strconv.Atoi(v(workflow.FDecision))
		owner, _ := strconv.ParseInt(v(workflow.FOwner), 10, 64)
		in := workflow.ActionItemInput{DecisionNo: no, OwnerID: owner, DueOn: v(workflow.FItemDue), What: v(workflow.FWhat)}
		return func() tea.Msg {
			_, err := desk.AddActionItem(ctx, doc, in)
			return savedMsg{form: id, id: doc, err: err}
		}
	case doneForm:
		item, _ := strconv.ParseInt(v("item"), 10, 64)
		done := v(workflow.FDone)
		return func() tea.Msg { return savedMsg{form: id, id: doc, err: desk.CloseActionItem(ctx, item, done)} }
	}
	in := workflow.MeetingInput{HeldOn: v(workflow.FHeldOn), Place: v(workflow.FPlace), Attendees: v(workflow.FAttendees),
		Decisions: v(workflow.FDecisions)}
	return func() tea.Msg {
		msg := savedMsg{form: id}
		msg.id, msg.err = desk.CreateMeeting(ctx, in)
		return msg
	}
}

func (s *Screen) onSaved(msg savedMsg) tea.Cmd {
	if cmd, ok := s.form.Saved(msg.form, msg.err); !ok {
		return cmd
	}
	said := map[formKind]string{minutesForm: "meetings.saved", itemForm: "meetings.item_saved", doneForm: "meetings.item_closed"}[s.formKind]
	s.form = nil
	return tea.Batch(s.reload(), s.meeting.Show(msg.id), common.Status(s.c.T(said), false))
}
