// Package meetings is the Sales meetings screen (销售会议): the minutes
// one is in, newest first, with how many action items are open and
// late; the minutes' detail with who attended and each decision shown
// done, late or open with its action items; the form the minutes are
// written in, an action item added with an owner and a due day, and an
// action item closed with what was done.
package meetings

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"orderdesk/store"
	"orderdesk/tui/common"
	"orderdesk/tui/common/docscreen"
	"orderdesk/workflow"
)

// mode is what the screen shows; it decides where keys go. The form is
// the minutes, an action item or an item closed (form.kind says which).
type mode = docscreen.Mode

const modeList, modeDetail, modeForm = docscreen.List, docscreen.Detail, docscreen.Form

// Screen is the Sales meetings screen of one session: the document
// screen's skeleton and its own list and forms.
type Screen struct {
	docscreen.Base
	c    *common.Common
	keys keyMap

	list     *common.List[store.Meeting]
	meeting  docscreen.HeldDoc[store.Meeting] // the minutes shown
	steps    map[string]bool                  // the workflow's steps on them open to this user now
	people   []store.User                     // who may attend and own an action item
	form     *docscreen.HeldForm
	formKind formKind
	formDoc  int64 // the minutes an item is added to or closed on
	forms    int   // forms opened, to tag their answers
}

// New builds the screen for one session.
func New(c *common.Common) *Screen {
	s := &Screen{c: c, keys: newKeyMap(c),
		list: common.NewList(c, func(m store.Meeting) int64 { return m.DocID }).WithFilter(meetingMatches)}
	s.Base = docscreen.NewHeldBase(c, s.detailText)
	s.meeting = docscreen.NewHeldDoc(&s.Base, func(m store.Meeting) int64 { return m.DocID },
		func(seq int, id int64) tea.Cmd { return loadMeeting(c.Ctx, c.Desk, seq, id) })
	return s
}

// Init loads the list and who may attend.
func (s *Screen) Init() tea.Cmd { return tea.Batch(s.reload(), loadPeople(s.c.Ctx, s.c.Desk)) }

// reload asks for the list again; an older answer is dropped.
func (s *Screen) reload() tea.Cmd {
	s.AskList()
	return loadList(s.c.Ctx, s.c.Desk, s.ListReq)
}

// Title is the tab label.
func (s *Screen) Title() string { return s.c.T("screen.meetings") }

// Capturing is true while typing: the filter, a form or the prompt.
func (s *Screen) Capturing() bool { return s.Typing(s.list.Editing) }

// SetSize fits the screen, and an open form, to the window.
func (s *Screen) SetSize(w, h int) {
	s.SetHeldSize(w, h)
	s.list.SetHeight(max(h-listChrome, 1))
	s.FitPrompt(max(min(w-4, reasonWidth), 10))
	if s.form != nil {
		s.form.Resize(w, h)
	}
}

// Update routes a message (a panic is the root's: see tui/recover.go).
func (s *Screen) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case common.OpenMsg:
		return s, s.meeting.Show(msg.DocID)
	case common.ChangedMsg:
		if msg.Change.Kind != store.MeetingKind {
			return s, nil
		}
		return s, s.refresh()
	case listMsg:
		if ok, cmd := s.TakeList(msg.req, msg.err); !ok {
			return s, cmd
		}
		s.list.SetRows(msg.meetings)
		return s, nil
	case peopleMsg:
		if msg.err == nil {
			s.people = msg.people
		}
		return s, nil
	case detailMsg:
		return s, s.onDetail(msg)
	case savedMsg:
		return s, s.onSaved(msg)
	case stepMsg:
		return s, s.onStep(msg)
	case tea.KeyPressMsg, tea.PasteMsg:
		return s, s.Input(msg, docscreen.Inputs{Form: s.updateForm, Detail: s.updateDetail, List: s.updateList,
			Prompt: s.updatePrompt})
	}
	return s, nil
}

// refresh reloads the list and the minutes shown, after a change here or
// in another session.
func (s *Screen) refresh() tea.Cmd {
	return tea.Batch(s.reload(), s.meeting.ReadAgain(s.Mode == modeDetail || s.Mode == docscreen.Prompt))
}

// ShortHelp gives the bindings of the current mode, for the footer and help.
func (s *Screen) ShortHelp() []key.Binding {
	k := s.keys
	if help, typing := s.TypingHelp(s.list.Editing); typing {
		return help
	}
	if s.Mode == modeDetail {
		return append([]key.Binding{k.back, k.addItem, k.closeItem}, append(s.offeredSteps(), k.refresh)...)
	}
	return []key.Binding{s.c.Keys.Filter, k.open, k.create, k.refresh}
}

// FullHelp is the ? help: the same keys, as one group.
func (s *Screen) FullHelp() [][]key.Binding { return [][]key.Binding{s.ShortHelp()} }

// View renders the current mode; it only reads state.
func (s *Screen) View() string {
	switch s.Mode {
	case modeDetail:
		return s.Body.View()
	case docscreen.Prompt:
		if s.Prompt != nil {
			return s.DocWith(s.Prompt.View())
		}
	case modeForm:
		if s.form != nil {
			return s.form.View()
		}
	}
	return s.viewList()
}

// today is the desk's day, as the workflow counts it.
func (s *Screen) today() string { return s.c.Now().Format("2006-01-02") }

// canEdit: the workflow would let this user write minutes and items.
func (s *Screen) canEdit() bool { return workflow.Can(s.c.Desk.User, workflow.EditMeetings) }
