package orders

import (
	"fmt"
	"time"

	tea "charm.land/bubbletea/v2"

	"orderdesk/tui/common"
	"orderdesk/workflow"
)

// An order form keeps what is typed as a draft, so a dropped SSH
// session loses nothing: the next time the same form opens (a new
// order, or the edit of the same draft order) it comes back. Saving, or
// a deliberate cancel, discards it.

// draftDelay is how long typing may go unsaved.
const draftDelay = 700 * time.Millisecond

type draftTickMsg struct{ form int }

type draftLoadedMsg struct {
	form  int
	draft orderDraft
	at    time.Time
	found bool
}

// orderDraft is the form as typed, cell by cell (words, not codes: it
// comes back exactly as it was), the customer picked, and the version
// of the order it was typed over, so saving it over a newer one is
// refused as a conflict that says what changed.
type orderDraft struct {
	CustomerID int64
	Header     map[string]string
	Lines      []map[string]string
	LineIDs    []int64
	Version    int64
}

func draftKey(docID int64) string {
	if docID == 0 {
		return "order:new"
	}
	return fmt.Sprintf("order:%d", docID)
}

func (e *entryForm) docID() int64 {
	if e.orig == nil {
		return 0
	}
	return e.orig.DocID
}

// snapshot is the form as it stands.
func (e *entryForm) snapshot() orderDraft {
	f := e.form
	d := orderDraft{CustomerID: e.customerID, Header: map[string]string{}}
	if e.orig != nil {
		d.Version = e.orig.Version
	}
	for _, fd := range headerFields(e.c, e.orig == nil) {
		d.Header[fd.Key] = f.Value(fd.Key)
	}
	for i := range f.Lines() {
		cells := map[string]string{}
		for _, fd := range lineFields(e.c) {
			cells[fd.Key] = f.Cell(i, fd.Key)
		}
		d.Lines = append(d.Lines, cells)
		d.LineIDs = append(d.LineIDs, f.LineID(i))
	}
	return d
}

// restore puts a kept draft into a fresh form.
func (e *entryForm) restore(d orderDraft) {
	e.form = newForm(e.c, e.orig == nil)
	if e.orig != nil {
		orig := *e.orig
		if d.Version != 0 {
			orig.Version = d.Version // typed over that version: a later change is a conflict
		}
		e.orig = &orig
	} else {
		e.customerID = d.CustomerID
	}
	f := e.form
	for k, v := range d.Header {
		f.SetValue(k, v)
	}
	for i, cells := range d.Lines {
		if i == 0 {
			for k, v := range cells {
				f.SetCell(0, k, v)
			}
		} else {
			f.AddLine(cells)
		}
		if i < len(d.LineIDs) {
			f.SetLineID(i, d.LineIDs[i])
		}
	}
	if len(d.Lines) > 0 {
		f.FocusCell(len(d.Lines)-1, workflow.FGrade)
	}
}

// loadDraft asks for a kept draft of the form.
func (s *Screen) loadDraft(e *entryForm) tea.Cmd {
	desk, ctx, id, key := s.c.Desk, s.c.Ctx, e.id, draftKey(e.docID())
	return func() tea.Msg {
		var d orderDraft
		at, found, err := desk.LoadDraft(ctx, key, &d)
		return draftLoadedMsg{form: id, draft: d, at: at, found: found && err == nil}
	}
}

// onDraftLoaded puts a kept draft into the form, unless typing has
// already started or this session saved or cancelled it.
func (s *Screen) onDraftLoaded(msg draftLoadedMsg) tea.Cmd {
	e := s.entry
	if e == nil || e.id != msg.form || !msg.found || e.form.Dirty() || s.discarded[draftKey(e.docID())] {
		return nil
	}
	if e.orig == nil && msg.draft.CustomerID == 0 {
		return nil
	}
	e.restore(msg.draft)
	e.resize(s.width, s.height)
	return common.Status(s.c.T("orders.restored", msg.at.In(s.c.Now().Location()).Format("01-02 15:04")), false)
}

// touched schedules a draft save after typing changed the form.
func (e *entryForm) touched() tea.Cmd {
	if e.draftDue || !e.form.Dirty() {
		return nil
	}
	e.draftDue = true
	id := e.id
	return tea.Tick(draftDelay, func(time.Time) tea.Msg { return draftTickMsg{form: id} })
}

// saveDraft writes the form as it is now.
func (s *Screen) saveDraft(msg draftTickMsg) tea.Cmd {
	e := s.entry
	if e == nil || e.id != msg.form {
		return nil
	}
	e.draftDue = false
	if s.busy && e.saveReq != 0 {
		return nil // the save itself is on its way
	}
	d := e.snapshot()
	desk, ctx, key := s.c.Desk, s.c.Ctx, draftKey(e.docID())
	delete(s.discarded, key)
	return func() tea.Msg {
		desk.SaveDraft(ctx, key, d) // best effort: the form itself still holds it
		return nil
	}
}

// discardDraft forgets the draft once the form was saved or cancelled.
func (s *Screen) discardDraft(docID int64) tea.Cmd {
	desk, ctx, key := s.c.Desk, s.c.Ctx, draftKey(docID)
	s.discarded[key] = true
	return func() tea.Msg {
		desk.DiscardDraft(ctx, key)
		return nil
	}
}
