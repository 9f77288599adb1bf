// Package customers is the customer file screen (客户档案): a list with
// a live filter, the detail of one customer with visits and change
// history, and forms to create, edit and void customers and log visits.
package customers

import (
	"charm.land/bubbles/v2/key"
	"sync"

	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"orderdesk/store"
	"orderdesk/tui/common"
	"orderdesk/tui/common/draft"
	"orderdesk/workflow"
)

// mode is what the screen shows; it decides where keys go.
type mode int

const (
	modeList mode = iota
	modeDetail
	modeForm
	modeVoid
	modeVisit
)

// Screen is the customers screen of one session.
type Screen struct {
	leaveMu       sync.Mutex // guards leave
	leave         func()     // leaves the record the open form holds
	c             *common.Common
	keys          keyMap
	width, height int
	mode          mode
	seq           int // last request id given out

	list customerList
	// filter is the list's filter field and filtering a flag the form's
	// file still clears as it opens; the pager's Editing says whether the
	// filter has focus.
	filter    *textinput.Model
	filtering bool

	detail    detailState
	body      *common.Detail // the file shown, scrolled
	fileReq   int            // the latest open/edit/void request
	detailReq int            // the latest refresh of the detail shown

	form  *customerForm
	void  *voidPrompt
	visit *visitForm
	reps  []store.User
	// repsAsked: the reps were asked for, after the first page.
	repsAsked bool
	drafts    *draft.Shelf
}

// New builds the screen for one session.
func New(c *common.Common) *Screen {
	s := &Screen{c: c, keys: newKeyMap(c), drafts: draft.NewShelf(c)}
	s.body = common.NewDetail(c, s.detailText)
	s.list = s.newList()
	s.filter = s.list.Input()
	return s
}

// Init loads the first page; the sales reps follow it (see afterFirstPage).
func (s *Screen) Init() tea.Cmd {
	return s.list.Reload()
}

// afterFirstPage loads the sales reps once the first page is in: only
// the form needs them (and takes them late), and read beside the page
// they would hold it up at the start, on a connection of their own.
func (s *Screen) afterFirstPage() tea.Cmd {
	if s.repsAsked {
		return nil
	}
	s.repsAsked = true
	return loadReps(s.c.Ctx, s.c.Desk)
}

func (s *Screen) nextReq() int {
	s.seq++
	return s.seq
}

// Title is the tab label.
func (s *Screen) Title() string { return s.c.T("screen.customers") }

// Capturing is true while typing: the filter, a form or the void reason.
func (s *Screen) Capturing() bool {
	return s.list.Editing || s.mode == modeForm || s.mode == modeVoid || s.mode == modeVisit
}

// SetSize fits the screen, and any open form, to the window.
func (s *Screen) SetSize(w, h int) {
	s.width, s.height = w, h
	s.body.SetSize(w, h)
	s.fitList()
	if s.form != nil {
		s.form.resize(w, h)
	}
	if s.visit != nil {
		s.visit.resize(w, h)
	}
}

// Update routes a message by mode (a panic is the root's: see tui/recover.go).
func (s *Screen) Update(msg tea.Msg) (screen common.Screen, cmd tea.Cmd) {
	screen = s
	switch msg := msg.(type) {
	case common.PageMsg[store.CustomerRow]:
		cmd, _ = s.list.Update(msg)
		cmd = tea.Batch(cmd, s.afterFirstPage())
	case common.OpenMsg:
		// A customer file made elsewhere (from a lead): its DocID is the
		// customer's id.
		cmd = s.openDetail(msg.DocID)
	case fileMsg:
		cmd = s.onFile(msg)
	case repsMsg:
		if msg.err == nil {
			s.reps = msg.reps
			if f := s.form; f != nil {
				f.setReps(msg.reps)
			}
		}
	case savedMsg:
		cmd = s.onSaved(msg)
	case voidedMsg:
		cmd = s.onVoided(msg)
	case visitSavedMsg:
		cmd = s.onVisitSaved(msg)
	case draft.LoadedMsg[customerDraft]:
		cmd = s.onDraftLoaded(msg)
	case draft.TickMsg:
		cmd = s.saveDraft(msg)
	case common.ChangedMsg:
		if msg.Change.Kind == workflow.PresenceKind && s.form != nil {
			s.form.others = s.c.Desk.Presence().Others(s.form.draft.Key(), s.c.Desk.User.ID)
		}
		cmd = s.onChanged(msg.Change)
	case tea.KeyPressMsg:
		cmd = s.onKey(msg)
	default:
		cmd = s.onOther(msg)
	}
	return s, tea.Batch(cmd, s.fitPage())
}

func (s *Screen) onKey(msg tea.KeyPressMsg) tea.Cmd {
	switch s.mode {
	case modeDetail:
		return s.updateDetail(msg)
	case modeForm:
		return s.updateForm(msg)
	case modeVoid:
		return s.updateVoid(msg)
	case modeVisit:
		return s.updateVisit(msg)
	}
	return s.updateList(msg)
}

// onOther passes pastes and the inputs' own messages (a form moving its
// focus, for one) to whatever has focus.
func (s *Screen) onOther(msg tea.Msg) tea.Cmd {
	switch {
	case s.mode == modeForm && s.form != nil:
		return s.updateForm(msg)
	case s.mode == modeVisit && s.visit != nil:
		return s.updateVisit(msg)
	case s.mode == modeVoid && s.void != nil:
		return s.updateVoid(msg)
	}
	cmd, _ := s.list.Update(msg) // a paste into the filter
	return cmd
}

// onChanged reloads what is shown when another session (or this one)
// saved a customer or decided a terms change; cursor and filter stay.
func (s *Screen) onChanged(ch workflow.Change) tea.Cmd {
	switch ch.Kind {
	case "customer", store.TermsChangeKind:
	case "user":
		return loadReps(s.c.Ctx, s.c.Desk)
	default:
		return nil
	}
	cmds := []tea.Cmd{s.list.Refresh()}
	if s.detail.id != 0 && s.detail.loaded {
		cmds = append(cmds, s.refreshDetail())
	}
	return tea.Batch(cmds...)
}

// fitPage reloads the page when the window changed how many rows fit;
// SetSize cannot return a command, so the next message does it.
func (s *Screen) fitPage() tea.Cmd {
	if s.height == 0 || s.list.Fits() {
		return nil
	}
	return s.list.Refresh()
}

// ShortHelp gives the bindings of the current mode, for the footer and help.
func (s *Screen) ShortHelp() []key.Binding {
	k := s.keys
	switch s.mode {
	case modeDetail:
		return []key.Binding{k.back, k.orders, k.edit, k.visit, k.void, k.up, k.down}
	case modeForm, modeVisit:
		return []key.Binding{k.next, k.prev, k.save, k.cancel}
	case modeVoid:
		return []key.Binding{k.confirm, k.cancel}
	}
	if s.list.Editing {
		return []key.Binding{k.keepFilter, k.clearFilter}
	}
	keys := []key.Binding{k.filter, k.open, k.orders, k.create, k.edit, k.void, k.visit, k.refresh}
	if s.list.Query() != "" {
		keys = append(keys, k.clearFilter)
	}
	return keys
}

// FullHelp is the ? help: the same keys, as one group.
func (s *Screen) FullHelp() [][]key.Binding { return [][]key.Binding{s.ShortHelp()} }

// View renders the current mode; it only reads state.
func (s *Screen) View() string {
	switch s.mode {
	case modeDetail:
		return s.viewDetail()
	case modeForm:
		return s.form.view()
	case modeVoid:
		return s.viewVoid()
	case modeVisit:
		return s.visit.view()
	}
	return s.viewList()
}
