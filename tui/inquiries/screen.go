// Package inquiries is the Inquiries screen (询价单): the open inquiries,
// oldest first with their age so none waits unanswered; an inquiry's
// detail with its quotes and history; and the form a clerk types a
// customer's inquiry into while on the phone. From the detail, p prices
// it: it drafts the quote (or finds the one in progress) and opens it on
// the Pricing screen.
package inquiries

import (
	"charm.land/bubbles/v2/key"
	"context"

	tea "charm.land/bubbletea/v2"

	"orderdesk/store"
	"orderdesk/tui/common"
	"orderdesk/tui/common/custlookup"
	"orderdesk/tui/common/draft"
	"orderdesk/workflow"
)

// mode is what the screen shows; it decides where keys go.
type mode int

const (
	modeList mode = iota
	modeDetail
	modeForm
)

// Screen is the Inquiries screen of one session.
type Screen struct {
	c             *common.Common
	keys          keyMap
	width, height int
	mode          mode
	seq           int // the last request number given out

	list *common.Pager[store.InquiryRow]

	detail    *workflow.InquiryDetail
	detailReq int            // the latest open (or refresh) of an inquiry
	body      *common.Detail // the inquiry shown, scrolled
	pricing   bool

	form   *inquiryForm
	forms  int // forms opened, to tag their answers
	drafts *draft.Shelf
}

// New builds the screen for one session.
func New(c *common.Common) *Screen {
	desk := c.Desk
	load := func(ctx context.Context, p store.Page) ([]store.InquiryRow, error) { return desk.OpenInquiries(ctx, p) }
	s := &Screen{c: c, keys: newKeyMap(c), drafts: draft.NewShelf(c),
		list: common.NewPager(c, "inquiries", func(r store.InquiryRow) int64 { return r.ID }, load)}
	s.body = common.NewDetail(c, s.detailText)
	return s
}

func (s *Screen) nextReq() int {
	s.seq++
	return s.seq
}

// Init loads the first page.
func (s *Screen) Init() tea.Cmd { return s.list.Reload() }

// Title is the tab label.
func (s *Screen) Title() string { return s.c.T("screen.inquiries") }

// Capturing is true while typing: the filter or the form.
func (s *Screen) Capturing() bool { return s.list.Editing || s.mode == modeForm }

// SetSize fits the screen, and an open form, to the window.
func (s *Screen) SetSize(w, h int) {
	s.width, s.height = w, h
	s.list.SetHeight(max(h-listChrome, 1))
	s.body.SetSize(w, max(h-1, 1)) // the keys stand under it
	if s.form != nil {
		s.form.resize(w, h)
	}
}

// Update routes a message (a panic is the root's: see tui/recover.go).
func (s *Screen) Update(msg tea.Msg) (screen common.Screen, cmd tea.Cmd) {
	screen = s
	switch msg := msg.(type) {
	case common.NewMsg:
		return s, s.startNew(msg.Customer, msg.From)
	case common.OpenMsg:
		return s, s.openDetail(msg.DocID, showIt)
	case common.ChangedMsg:
		return s, s.onChanged(msg.Change)
	case detailMsg:
		return s, s.onDetail(msg)
	case quoteMsg:
		return s, s.onQuote(msg)
	case custlookup.FoundMsg, termsMsg, savedMsg, conflictMsg:
		return s, s.onFormAnswer(msg)
	case draft.LoadedMsg[inquiryDraft]:
		return s, s.onDraftLoaded(msg)
	case draft.TickMsg:
		return s, s.saveDraft(msg)
	case tea.KeyPressMsg, tea.PasteMsg:
		return s, s.onInput(msg)
	}
	// Pages arriving while the detail or a form is open still belong to
	// the list.
	cmd, _ = s.list.Update(msg)
	return s, cmd
}

func (s *Screen) onInput(msg tea.Msg) tea.Cmd {
	switch s.mode {
	case modeForm:
		return s.updateForm(msg)
	case modeDetail:
		if k, ok := msg.(tea.KeyPressMsg); ok {
			return s.updateDetail(k)
		}
		return nil
	}
	k, cmd, left := common.KeyLeft(s.list, msg)
	if left {
		cmd = s.updateList(k)
	}
	return cmd
}

// onChanged reloads what is shown when an inquiry or its quotes changed,
// here or in another session; cursor and filter stay.
func (s *Screen) onChanged(ch workflow.Change) tea.Cmd {
	switch ch.Kind {
	case store.InquiryKind, store.QuoteKind, store.PriceRequestKind, "customer":
	default:
		return nil
	}
	cmds := []tea.Cmd{s.list.Refresh()}
	if s.detail != nil && s.mode == modeDetail {
		s.detailReq = s.nextReq()
		cmds = append(cmds, loadDetail(s.c.Ctx, s.c.Desk, s.detailReq, s.detail.ID, refresh))
	}
	return tea.Batch(cmds...)
}

// ShortHelp gives the bindings of the current mode, for the footer and help.
func (s *Screen) ShortHelp() []key.Binding {
	k := s.keys
	switch s.mode {
	case modeDetail:
		edit, price := k.edit, k.price
		if s.detail != nil {
			edit.SetEnabled(edit.Enabled() && editable(s.detail.Status))
			price.SetEnabled(price.Enabled() && s.detail.Status != "" && !final(s.detail.Status))
		}
		return []key.Binding{k.back, edit, price, s.c.Keys.Up, s.c.Keys.Down}
	case modeForm:
		if s.form != nil && s.form.picking {
			return []key.Binding{k.pick, k.cancel}
		}
		return []key.Binding{k.next, k.prev, k.addLine, k.delLine, k.save, k.cancel}
	}
	if s.list.Editing {
		return []key.Binding{s.c.Keys.Confirm, s.c.Keys.Cancel}
	}
	return []key.Binding{s.c.Keys.Filter, k.open, k.create, k.edit, k.price, k.refresh}
}

// FullHelp is the ? help: the same keys, as one group.
func (s *Screen) FullHelp() [][]key.Binding { return [][]key.Binding{s.ShortHelp()} }

// View renders the current mode; it only reads state.
func (s *Screen) View() string {
	switch s.mode {
	case modeDetail:
		return s.viewDetail()
	case modeForm:
		if s.form != nil {
			return s.form.view()
		}
	}
	return s.viewList()
}

// editable asks the workflow whether an inquiry in status takes edits.
func editable(status string) bool {
	for _, st := range workflow.Inquiry.States {
		if st.Name == status {
			return st.Editable
		}
	}
	return false
}

// final asks the workflow whether status is an end (won, lost, expired).
func final(status string) bool {
	for _, st := range workflow.Inquiry.States {
		if st.Name == status {
			return st.Final
		}
	}
	return false
}
