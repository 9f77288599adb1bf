// Package complaints is the Complaints screen (投诉与售后): every
// complaint with its age and flag, filtered as you type; a complaint's
// detail with what it concerns and led to, its actions, resolution and
// follow-up; the quick form that records one (C from any screen); and
// the follow-up calls (回访) due.
package complaints

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"orderdesk/store"
	"orderdesk/tui/common"
	"orderdesk/tui/common/custlookup"
	"orderdesk/tui/common/docscreen"
	"orderdesk/workflow"
)

// mode is what the screen shows; it decides where keys go. The sheet
// is one of the small forms, the prompt why a resolution is sent back.
type mode = docscreen.Mode

const (
	modeCalls = docscreen.Prompt + 1 + iota // the follow-up calls due
	modeStats                               // the statistics
)

// Screen is the Complaints screen of one session: the document screen's
// skeleton (its size, mode, request ids, the complaint's body, the
// prompt and whether a close or send-back is on its way) and its own
// lists, small forms and statistics.
type Screen struct {
	docscreen.Base
	c    *common.Common
	keys keyMap

	list  *common.List[*item]
	calls *common.List[workflow.FollowUpTask]
	shown docscreen.HeldDoc[workflow.ComplaintView]
	sheet *sheet
	forms int
	stats statsState
}

// New builds the screen for one session.
func New(c *common.Common) *Screen {
	s := &Screen{c: c, keys: newKeyMap(c),
		list:  common.NewList(c, func(x *item) int64 { return x.DocID }).WithFilter(matcher()),
		calls: common.NewList(c, func(x workflow.FollowUpTask) int64 { return x.SourceDocID }),
	}
	s.Base = docscreen.NewHeldBase(c, s.detailText)
	s.shown = docscreen.NewHeldDoc(&s.Base, func(v workflow.ComplaintView) int64 { return v.DocID },
		func(seq int, id int64) tea.Cmd { return loadComplaint(c.Ctx, c.Desk, seq, id) })
	return s
}

// Init loads the list.
func (s *Screen) Init() tea.Cmd { return s.reload() }

func (s *Screen) reload() tea.Cmd {
	s.AskList()
	return loadList(s.c.Ctx, s.c.Desk, s.ListReq)
}

// Title is the tab label.
func (s *Screen) Title() string { return s.c.T("screen.complaints") }

// Capturing is true while typing: the filter, a form or the prompt.
func (s *Screen) Capturing() bool {
	return s.list.Editing || s.Mode == docscreen.Form || s.Mode == docscreen.Prompt
}

// SetSize fits the screen to the window.
func (s *Screen) SetSize(w, h int) {
	s.SetHeldSize(w, h)
	s.list.SetHeight(max(h-listChrome, 1))
	s.calls.SetHeight(max(h-listChrome, 1))
	if s.sheet != nil {
		s.sheet.f.SetSize(w, max(h-3, 4))
	}
	if s.Prompt != nil {
		s.Prompt.SetWidth(w - 4)
	}
}

// Update routes a message.
func (s *Screen) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case common.NewMsg:
		return s, s.startNew(msg)
	case common.OpenMsg:
		return s, s.shown.Show(msg.DocID)
	case common.ChangedMsg:
		switch msg.Change.Kind {
		case store.ComplaintKind, store.DeliveryNoteKind, "customer":
			return s, s.refresh()
		}
		return s, nil
	case listMsg:
		if ok, cmd := s.TakeList(msg.req, msg.err); !ok {
			return s, cmd
		}
		s.list.SetRows(items(msg.rows))
		s.calls.SetRows(msg.calls)
		return s, nil
	case detailMsg:
		_, cmd := s.shown.Take(msg.req, msg.err, msg.v)
		return s, cmd
	case savedMsg:
		return s, s.onSaved(msg)
	case custlookup.FoundMsg:
		s.onFound(msg)
		return s, nil
	case doneMsg:
		return s, s.onDone(msg)
	case statsMsg:
		return s, s.onStats(msg)
	case tea.KeyPressMsg, tea.PasteMsg:
		return s, s.onInput(msg)
	}
	return s, nil
}

func (s *Screen) onInput(msg tea.Msg) tea.Cmd {
	return s.Input(msg, docscreen.Inputs{Form: s.updateSheet, Prompt: s.updatePrompt, Detail: s.updateDetail, List: s.updateList,
		Own: map[mode]func(tea.Msg) tea.Cmd{modeCalls: docscreen.KeysOnly(s.updateCalls), modeStats: docscreen.KeysOnly(s.updateStats)}})
}

// startNew opens the quick form, for the customer on screen if any; one
// left unsaved goes back to the screen it was asked from.
func (s *Screen) startNew(msg common.NewMsg) tea.Cmd {
	if !workflow.Can(s.c.Desk.User, workflow.RecordComplaints) {
		return common.Status(s.c.T("complaints.cannot_record"), true)
	}
	if s.Mode == docscreen.Form && s.sheet != nil && s.sheet.kind == sheetRecord {
		return common.Status(s.c.T("complaints.form_open"), true) // keep what is being typed
	}
	sh := s.newRecordSheet(msg.Customer)
	sh.back = s.Mode
	if msg.From != "screen.complaints" {
		sh.from = msg.From
	}
	if sh.back == docscreen.Form || sh.back == docscreen.Prompt {
		sh.back = docscreen.List
	}
	return s.open(sh)
}

// refresh reloads the list and the complaint shown.
func (s *Screen) refresh() tea.Cmd {
	return tea.Batch(s.reload(), s.shown.ReadAgain(s.Mode == docscreen.Detail || s.Mode == docscreen.Form || s.Mode == docscreen.Prompt))
}

// ShortHelp gives the bindings of the current mode.
func (s *Screen) ShortHelp() []key.Binding {
	k := s.keys
	switch s.Mode {
	case docscreen.Form:
		return []key.Binding{k.next, k.save, k.cancel}
	case docscreen.Prompt:
		return []key.Binding{s.c.Keys.Confirm, s.c.Keys.Cancel}
	case docscreen.Detail:
		return []key.Binding{k.back, k.act, k.resolve, k.close, k.sendBack, k.followUp, s.c.Keys.Up, s.c.Keys.Down}
	case modeCalls:
		return []key.Binding{k.back, k.followUp, s.c.Keys.Up, s.c.Keys.Down}
	case modeStats:
		return []key.Binding{k.back, k.dimension, k.period}
	}
	if s.list.Editing {
		return []key.Binding{s.c.Keys.Confirm, s.c.Keys.Cancel}
	}
	return []key.Binding{s.c.Keys.Filter, k.open, k.create, k.calls, k.stats, k.refresh}
}

// FullHelp is the ? help: the same keys, as one group.
func (s *Screen) FullHelp() [][]key.Binding { return [][]key.Binding{s.ShortHelp()} }

// View renders the current mode; it only reads state.
func (s *Screen) View() string {
	switch s.Mode {
	case docscreen.Detail:
		return s.Body.View()
	case docscreen.Form:
		if s.sheet != nil {
			return s.viewSheet()
		}
	case docscreen.Prompt:
		if s.Prompt != nil {
			return s.DocWith(s.Prompt.View())
		}
	case modeCalls:
		return s.viewCalls()
	case modeStats:
		return s.viewStats()
	}
	return s.viewList()
}
