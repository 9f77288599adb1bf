// Package leads is the Leads screen (销售线索 / 意向客户): the leads one
// follows up, with their stage, next step and its day; a lead's detail
// with its log of calls and messages; the form a lead is entered in,
// which points out a customer or lead it may already be before it is
// saved; calls logged with the next step; stage moves, a lost lead with
// its reason; conversion into a customer file and an inquiry, opened in
// their screens; and the leads by source and stage with conversion and
// time to win.
package leads

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"orderdesk/store"
	"orderdesk/tui/common"
	"orderdesk/tui/common/docscreen"
	"orderdesk/workflow"
)

// mode is what the screen shows; it decides where keys go. The form is
// a lead entered or edited, the prompt why a lead was lost.
type mode = docscreen.Mode

const (
	modeLog   = docscreen.Prompt + 1 + iota // a call or message logged
	modeStats                               // leads by source and stage
)

// Screen is the Leads screen of one session: the document screen's
// skeleton (its size, mode, request ids, the lead's body, the prompt and
// whether a move or a conversion is on its way) and its own list, forms
// and steps.
type Screen struct {
	docscreen.Base
	c    *common.Common
	keys keyMap
	back mode // where the prompt and the log return to

	stage string // the stage listed ("" for every stage)
	list  *common.List[store.Lead]

	lead docscreen.HeldDoc[store.Lead] // the lead shown

	users []store.User // whom the desk gives leads to
	form  *leadForm
	log   *logForm
	forms int // forms opened, to tag their answers

	statsReq int
	stats    *statsMsg
}

// New builds the screen for one session.
func New(c *common.Common) *Screen {
	s := &Screen{c: c, keys: newKeyMap(c),
		list: common.NewList(c, func(l store.Lead) int64 { return l.DocID }).WithFilter(leadMatches)}
	s.Base = docscreen.NewHeldBase(c, s.detailText)
	s.lead = docscreen.NewHeldDoc(&s.Base, func(l store.Lead) int64 { return l.DocID },
		func(seq int, id int64) tea.Cmd { return loadLead(c.Ctx, c.Desk, seq, id) })
	return s
}

// Init loads the list and, for the desk, whom it gives leads to.
func (s *Screen) Init() tea.Cmd {
	cmds := []tea.Cmd{s.reload()}
	if !ownLeadsOnly(s.c.Desk.User) {
		cmds = append(cmds, loadUsers(s.c.Ctx, s.c.Desk))
	}
	return tea.Batch(cmds...)
}

// reload asks for the list again; an older answer is dropped.
func (s *Screen) reload() tea.Cmd {
	s.AskList()
	return loadList(s.c.Ctx, s.c.Desk, s.ListReq, s.stage)
}

// Title is the tab label.
func (s *Screen) Title() string { return s.c.T("screen.leads") }

// Capturing is true while typing: the filter, a form or the prompt.
func (s *Screen) Capturing() bool {
	return s.Typing(s.list.Editing) || s.Mode == modeLog
}

// SetSize fits the screen, and an open form, to the window.
func (s *Screen) SetSize(w, h int) {
	s.SetHeldSize(w, h)
	s.list.SetHeight(max(h-listChrome, 1))
	if s.form != nil {
		s.form.Resize(w, h)
	}
	if s.log != nil {
		s.log.resize(w, h)
	}
	s.FitPrompt(w - 4)
}

// Update routes a message (a panic is the root's: see tui/recover.go).
func (s *Screen) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case common.OpenMsg:
		return s, s.lead.Show(msg.DocID)
	case common.ChangedMsg:
		if msg.Change.Kind != store.LeadKind {
			return s, nil
		}
		return s, s.refresh()
	case listMsg:
		return s, s.onList(msg)
	case usersMsg:
		if msg.err == nil {
			s.users = msg.users
			if s.form != nil {
				s.setUsers(s.users)
			}
		}
		return s, nil
	case detailMsg:
		_, cmd := s.lead.Take(msg.req, msg.err, msg.lead)
		return s, cmd
	case matchesMsg:
		return s, s.onMatches(msg)
	case savedMsg:
		return s, s.onSaved(msg)
	case loggedMsg:
		return s, s.onLogged(msg)
	case doneMsg:
		return s, s.onDone(msg)
	case convertedMsg:
		return s, s.onConverted(msg)
	case statsMsg:
		return s, s.onStats(msg)
	case tea.KeyPressMsg, tea.PasteMsg:
		return s, s.onInput(msg)
	}
	return s, nil
}

func (s *Screen) onInput(msg tea.Msg) tea.Cmd {
	return s.Input(msg, docscreen.Inputs{Form: s.updateForm, Prompt: s.updatePrompt, Detail: s.updateDetail, List: s.updateList,
		Own: map[mode]func(tea.Msg) tea.Cmd{modeLog: s.updateLog, modeStats: docscreen.KeysOnly(s.updateStats)}})
}

// refresh reloads the list and the lead shown, after a change here or
// in another session.
func (s *Screen) refresh() tea.Cmd {
	return tea.Batch(s.reload(), s.lead.ReadAgain(s.Mode == docscreen.Detail || s.Mode == docscreen.Prompt || s.Mode == modeLog))
}

// ShortHelp gives the bindings of the current mode, for the footer and help.
func (s *Screen) ShortHelp() []key.Binding {
	k := s.keys
	if help, typing := s.TypingHelp(s.list.Editing); typing {
		return help
	}
	switch s.Mode {
	case modeLog:
		return s.FormHelp()
	case modeStats:
		return []key.Binding{k.back, k.refresh}
	case docscreen.Detail:
		return append([]key.Binding{k.back}, s.leadKeys()...)
	}
	return append([]key.Binding{s.c.Keys.Filter, k.open, k.stage, k.create}, append(s.leadKeys(), k.stats, k.refresh)...)
}

// leadKeys are the steps on a lead, offered while it is open.
func (s *Screen) leadKeys() []key.Binding {
	k := s.keys
	keys := []key.Binding{k.edit, k.logCall, k.move, k.win, k.lose}
	if s.Mode == docscreen.Detail {
		keys = append(keys, k.toCustomer, k.toInquiry)
	}
	l, ok := s.current()
	if !ok || isOpen(l.Status) {
		return keys
	}
	for i := range keys {
		keys[i].SetEnabled(false)
	}
	return keys
}

// FullHelp is the ? help: the same keys, as one group.
func (s *Screen) FullHelp() [][]key.Binding { return [][]key.Binding{s.ShortHelp()} }

// View renders the current mode; it only reads state.
func (s *Screen) View() string {
	switch s.Mode {
	case docscreen.Detail:
		return s.Body.View()
	case docscreen.Form:
		if s.form != nil {
			return s.form.View()
		}
	case modeLog:
		if s.log != nil {
			return s.log.view()
		}
	case docscreen.Prompt:
		if s.Prompt != nil {
			return s.DocWith(s.Prompt.View())
		}
	case modeStats:
		return s.viewStats()
	}
	return s.viewList()
}

// current is the lead the steps act on: the one open, else the one
// under the cursor.
func (s *Screen) current() (store.Lead, bool) {
	if s.Mode != docscreen.List && s.lead.Doc != nil {
		return *s.lead.Doc, true
	}
	return s.list.Current()
}

// ownLeadsOnly is true for a sales rep without the desk's roles: their
// leads are their own, and the form asks for no owner.
func ownLeadsOnly(u store.User) bool {
	return !u.HasRole(string(workflow.Clerk)) && !u.HasRole(string(workflow.Supervisor))
}

// isOpen asks the workflow whether a lead in status is still followed up.
func isOpen(status string) bool {
	for _, st := range workflow.Lead.States {
		if st.Name == status {
			return !st.Final
		}
	}
	return false
}
