package pricing

import (
	"errors"
	"slices"
	"strconv"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"orderdesk/store"
	"orderdesk/tui/common"
	"orderdesk/workflow"
)

// detail is the quote version on screen.
type detail struct {
	id     int64
	q      workflow.QuoteDetail
	loaded bool
	seq    int // the latest load of the quote
	line   int // the line under the cursor

	pc     *workflow.PriceContext
	pcErr  error
	pcLine int64  // the line the context shown belongs to
	pcWhat string // its grade, name and spec then: an edit asks again
	pcSeq  int

	// unpriced names the lines a refused submission named, by line number.
	unpriced map[int]bool
}

func itoa(n int) string { return strconv.Itoa(n) }

// open shows a quote version, from the list or from another screen.
func (s *Screen) open(id int64) tea.Cmd {
	if s.d.id != id && len(s.price.queue) > 0 {
		// Prices typed for this quote are still being saved against its
		// versions: the other quote opens once they are in.
		s.price.thenOpen = id
		return nil
	}
	if s.d.id != id {
		// The load count runs on: a load of the quote shown before, still
		// on its way, must not pass for this one's.
		s.d = detail{id: id, seq: s.d.seq}
		s.price = priceState{}
	}
	s.mode = modeDetail
	return s.reloadQuote()
}

func (s *Screen) reloadQuote() tea.Cmd {
	s.d.seq++
	seq, desk, ctx, id := s.d.seq, s.c.Desk, s.c.Ctx, s.d.id
	return func() tea.Msg {
		q, err := desk.Quote(ctx, id)
		return quoteMsg{seq: seq, id: id, q: q, err: err}
	}
}

func (s *Screen) onQuote(msg quoteMsg) tea.Cmd {
	if msg.seq != s.d.seq || msg.id != s.d.id {
		return nil // an older load, overtaken, or another quote's
	}
	if msg.err != nil {
		if !s.d.loaded {
			s.mode, s.d = modeList, detail{seq: s.d.seq}
		}
		return common.Status(common.ErrorText(s.c.Cat, msg.err), true)
	}
	var cur int64
	if l, ok := s.currentLine(); ok {
		cur = l.ID
	}
	first := !s.d.loaded
	s.d.q, s.d.loaded = msg.q, true
	if first {
		s.lists.Shown = groupOf(msg.q.Status)
	}
	lines := s.lines()
	s.d.line = min(s.d.line, max(len(lines)-1, 0))
	for i, l := range lines {
		if l.ID == cur {
			s.d.line = i
		}
	}
	if first && s.mode == modeDetail {
		// Start where the work is: the first line without a price.
		if i := s.nextUnpriced(-1); i >= 0 {
			s.d.line = i
		}
	}
	for n := range s.d.unpriced {
		if l, ok := s.lineNo(n); ok && l.Priced {
			delete(s.d.unpriced, n)
		}
	}
	cmds := []tea.Cmd{s.loadContext(false), s.priceReloaded()}
	if !s.editable() && (s.mode == modePrice || s.mode == modeRequest) {
		s.mode = modeDetail // decided elsewhere meanwhile
	}
	return tea.Batch(cmds...)
}

func (s *Screen) lines() []store.QuoteLine {
	if s.d.q.Quote == nil {
		return nil
	}
	return s.d.q.Quote.Lines
}

func (s *Screen) currentLine() (store.QuoteLine, bool) {
	lines := s.lines()
	if s.d.line < 0 || s.d.line >= len(lines) {
		return store.QuoteLine{}, false
	}
	return lines[s.d.line], true
}

func (s *Screen) lineNo(n int) (store.QuoteLine, bool) {
	for _, l := range s.lines() {
		if l.LineNo == n {
			return l, true
		}
	}
	return store.QuoteLine{}, false
}

// openRequest is the price request still waiting for purchasing on a
// line, if any.
func (s *Screen) openRequest(lineID int64) (store.PriceRequestRow, bool) {
	for _, r := range s.d.q.Requests {
		if r.QuoteLineID == lineID && r.Status == "open" {
			return r, true
		}
	}
	return store.PriceRequestRow{}, false
}

// lastRequest is the newest price request asked for a line.
func (s *Screen) lastRequest(lineID int64) (store.PriceRequestRow, bool) {
	var out store.PriceRequestRow
	found := false
	for _, r := range s.d.q.Requests {
		if r.QuoteLineID == lineID && (!found || r.ID > out.ID) {
			out, found = r, true
		}
	}
	return out, found
}

// nextUnpriced is the first line after index from with no price, no
// request waiting and no price typed ahead for it; -1 if none.
func (s *Screen) nextUnpriced(from int) int {
	lines := s.lines()
	for i := from + 1; i < len(lines); i++ {
		l := lines[i]
		if _, waiting := s.openRequest(l.ID); l.Priced || waiting || s.price.queued(l.ID) {
			continue
		}
		return i
	}
	return -1
}

// editable: the version's content may change now (a draft, or sent
// back), as the workflow declares its states.
func (s *Screen) editable() bool {
	if !s.d.loaded {
		return false
	}
	for _, st := range workflow.Quote.States {
		if st.Name == s.d.q.Status {
			return st.Editable
		}
	}
	return false
}

// allowed reports whether the workflow offers this user action now.
func (s *Screen) allowed(action string) bool {
	return slices.ContainsFunc(s.d.q.Actions, func(t workflow.Transition) bool { return t.Action == action })
}

// loadContext asks for the price context of the line under the cursor;
// force asks again for the same line (the list or a market moved).
func (s *Screen) loadContext(force bool) tea.Cmd {
	l, ok := s.currentLine()
	if !ok {
		s.d.pc, s.d.pcErr, s.d.pcLine = nil, nil, 0
		return nil
	}
	what := l.Grade + "\x1f" + l.Name + "\x1f" + l.Spec
	if !force && l.ID == s.d.pcLine && what == s.d.pcWhat && (s.d.pc != nil || s.d.pcErr != nil) {
		return nil
	}
	s.d.pcSeq++
	if l.ID != s.d.pcLine {
		s.d.pc, s.d.pcErr = nil, nil // never the wrong line's prices beside this one
	}
	s.d.pcLine, s.d.pcWhat = l.ID, what
	seq, desk, ctx, id := s.d.pcSeq, s.c.Desk, s.c.Ctx, l.ID
	return func() tea.Msg {
		pc, err := desk.LinePriceContext(ctx, id)
		return contextMsg{seq: seq, lineID: id, pc: pc, err: err}
	}
}

func (s *Screen) onContext(msg contextMsg) {
	if msg.seq != s.d.pcSeq || msg.lineID != s.d.pcLine {
		return // the cursor moved on
	}
	s.d.pcErr = msg.err
	s.d.pc = nil
	if msg.err == nil {
		pc := msg.pc
		s.d.pc = &pc
	}
}

func (s *Screen) moveLine(to int) tea.Cmd {
	n := len(s.lines())
	if n == 0 {
		return nil
	}
	s.d.line = max(0, min(to, n-1))
	return s.loadContext(false)
}

func (s *Screen) detailKey(msg tea.KeyPressMsg) tea.Cmd {
	k := s.keys
	switch {
	case key.Matches(msg, k.back):
		s.mode = modeList
		return tea.Batch(s.showGroup(s.lists.Shown), s.loadFollowUps())
	case key.Matches(msg, k.lineUp):
		return s.moveLine(s.d.line - 1)
	case key.Matches(msg, k.lineDown):
		return s.moveLine(s.d.line + 1)
	case key.Matches(msg, k.top):
		return s.moveLine(0)
	case key.Matches(msg, k.bottom):
		return s.moveLine(len(s.lines()) - 1)
	case key.Matches(msg, k.refresh):
		return tea.Batch(s.reloadQuote(), s.loadContext(true))
	}
	if !s.d.loaded {
		return nil
	}
	switch {
	case key.Matches(msg, k.price):
		return s.startPrice()
	case key.Matches(msg, k.request):
		return s.startRequest()
	case key.Matches(msg, k.submit):
		action := workflow.ActionSubmit
		if s.d.q.Status == "sent_back" {
			action = workflow.ActionResubmit
		}
		return s.act(action, "")
	case key.Matches(msg, k.markSent):
		return s.act(workflow.ActionMarkSent, "")
	case key.Matches(msg, k.revise):
		return s.act(workflow.ActionRevise, "")
	case key.Matches(msg, k.win):
		return s.startConfirm(workflow.ActionWin)
	case key.Matches(msg, k.expire):
		return s.startConfirm(workflow.ActionExpire)
	case key.Matches(msg, k.lose):
		return s.startComment(workflow.ActionLose)
	case key.Matches(msg, k.approve):
		return s.startComment(workflow.ActionApprove)
	case key.Matches(msg, k.sendBack):
		return s.startComment(workflow.ActionSendBack)
	case key.Matches(msg, k.compare):
		s.mode = modeVersions
		return s.loadVersions()
	case key.Matches(msg, k.edit):
		return s.startEdit()
	}
	return nil
}

// detailKeys offers what the workflow allows this user on this version.
func (s *Screen) detailKeys() []key.Binding {
	k := s.keys
	out := []key.Binding{k.lineUp, k.lineDown}
	if s.editable() && workflow.Can(s.c.Desk.User, workflow.EditInquiries) {
		out = append(out, k.price)
	}
	if s.editable() && workflow.Can(s.c.Desk.User, workflow.RequestPrices) {
		out = append(out, k.request)
	}
	if s.editable() && workflow.Can(s.c.Desk.User, workflow.EditInquiries) {
		out = append(out, k.edit)
	}
	for _, a := range []struct {
		action string
		b      key.Binding
	}{
		{workflow.ActionSubmit, k.submit}, {workflow.ActionResubmit, k.submit}, {workflow.ActionApprove, k.approve},
		{workflow.ActionSendBack, k.sendBack}, {workflow.ActionMarkSent, k.markSent}, {workflow.ActionWin, k.win},
		{workflow.ActionLose, k.lose}, {workflow.ActionExpire, k.expire}, {workflow.ActionRevise, k.revise},
	} {
		if s.allowed(a.action) && !slices.ContainsFunc(out, func(b key.Binding) bool { return b.Help() == a.b.Help() }) {
			out = append(out, a.b)
		}
	}
	if len(s.d.q.Versions) > 1 {
		out = append(out, k.compare)
	}
	return append(out, k.refresh, k.back)
}

// unpricedLines reads the lines a refused submission named.
func unpricedLines(err error) []int {
	var fe workflow.FieldErrors
	if !errors.As(err, &fe) {
		return nil
	}
	var out []int
	for _, e := range fe {
		if e.Code == workflow.Unpriced {
			out = append(out, e.Line)
		}
	}
	return out
}
