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
	"orderdesk/workflow"
)

// mode is what the screen shows; it decides where keys go.
type mode int

const (
	modeList mode = iota
	modeDetail
	modeForm   // a lead entered or edited
	modeLog    // a call or message logged
	modePrompt // why a lead was lost
	modeStats  // leads by source and stage
)

// Screen is the Leads screen of one session.
type Screen struct {
	c             *common.Common
	keys          keyMap
	width, height int
	mode          mode
	back          mode // where the prompt and the log return to
	seq           int  // the last request number given out
	listReq       int  // the list read whose answer is awaited

	stage string // the stage listed ("" for every stage)
	list  *common.List[store.Lead]

	detailReq int
	lead      *store.Lead // the lead shown
	body      *common.Detail

	users  []store.User // whom the desk gives leads to
	form   *leadForm
	log    *logForm
	forms  int // forms opened, to tag their answers
	prompt *common.Prompt
	busy   bool // a move or a conversion is on its way

	statsReq int
	stats    *statsMsg
}

// New builds the screen for one session.
func New(c *common.Common) *Screen {
	s := &Screen{c: c, keys: newKeyMap(c),
		list: common.NewList(c, func(l store.Lead) int64 { return l.DocID }).WithFilter(leadMatches)}
	s.body = common.NewDetail(c, s.detailText)
	return s
}

func (s *Screen) nextReq() int {
	s.seq++
	return s.seq
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
	s.listReq = s.nextReq()
	return loadList(s.c.Ctx, s.c.Desk, s.listReq, s.stage)
}

// Title is the tab label.
func (s *Screen) Title() string { return s.c.T("screen.leads") }

// Capturing is true while typing: the filter, a form or the prompt.
func (s *Screen) Capturing() bool {
	return s.list.Editing || s.mode == modeForm || s.mode == modeLog || s.mode == modePrompt
}

// Nested is true while something opened from the list is shown: digits
// typed there must not switch screens.
func (s *Screen) Nested() bool { return s.mode != modeList }

// SetSize fits the screen, and an open form, to the window.
func (s *Screen) SetSize(w, h int) {
	s.width, s.height = w, h
	s.list.SetHeight(max(h-listChrome, 1))
	s.body.SetSize(w, max(h-1, 1))
	if s.form != nil {
		s.form.resize(w, h)
	}
	if s.log != nil {
		s.log.resize(w, h)
	}
	if s.prompt != nil {
		s.prompt.SetWidth(w - 4)
	}
}

// Update routes a message (a panic is the root's: see tui/recover.go).
func (s *Screen) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case common.OpenMsg:
		s.mode = modeDetail
		return s, s.openLead(msg.DocID)
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
				s.form.setUsers(s.users)
			}
		}
		return s, nil
	case detailMsg:
		return s, s.onDetail(msg)
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
	switch s.mode {
	case modeForm:
		return s.updateForm(msg)
	case modeLog:
		return s.updateLog(msg)
	case modePrompt:
		return s.updatePrompt(msg)
	}
	k, ok := msg.(tea.KeyPressMsg)
	switch {
	case s.mode == modeDetail && ok:
		return s.updateDetail(k)
	case s.mode == modeStats && ok:
		return s.updateStats(k)
	case s.mode == modeList:
		return s.updateList(msg)
	}
	return nil
}

// refresh reloads the list and the lead shown, after a change here or
// in another session.
func (s *Screen) refresh() tea.Cmd {
	cmds := []tea.Cmd{s.reload()}
	if s.lead != nil && (s.mode == modeDetail || s.mode == modePrompt || s.mode == modeLog) {
		cmds = append(cmds, s.openLead(s.lead.DocID))
	}
	return tea.Batch(cmds...)
}

// ShortHelp gives the bindings of the current mode, for the footer and help.
func (s *Screen) ShortHelp() []key.Binding {
	k := s.keys
	switch s.mode {
	case modeForm, modeLog:
		return []key.Binding{k.next, k.prev, k.save, k.cancel}
	case modePrompt:
		return []key.Binding{s.c.Keys.Confirm, s.c.Keys.Cancel}
	case modeStats:
		return []key.Binding{k.back, k.refresh}
	case modeDetail:
		return append([]key.Binding{k.back}, s.leadKeys()...)
	}
	if s.list.Editing {
		return []key.Binding{s.c.Keys.Confirm, s.c.Keys.Cancel}
	}
	return append([]key.Binding{s.c.Keys.Filter, k.open, k.stage, k.create}, append(s.leadKeys(), k.stats, k.refresh)...)
}

// leadKeys are the steps on a lead, offered while it is open.
func (s *Screen) leadKeys() []key.Binding {
	k := s.keys
	keys := []key.Binding{k.edit, k.logCall, k.move, k.win, k.lose}
	if s.mode == modeDetail {
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
	switch s.mode {
	case modeDetail:
		return s.body.View()
	case modeForm:
		if s.form != nil {
			return s.form.view()
		}
	case modeLog:
		if s.log != nil {
			return s.log.view()
		}
	case modePrompt:
		if s.prompt != nil {
			return s.viewDetailWith(s.prompt.View())
		}
	case modeStats:
		return s.viewStats()
	}
	return s.viewList()
}

// current is the lead the steps act on: the one open, else the one
// under the cursor.
func (s *Screen) current() (store.Lead, bool) {
	if s.mode != modeList && s.lead != nil {
		return *s.lead, true
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
