// Package review is the review inbox: every document waiting for a
// sign-off the user may give (never their own), oldest first, with its
// age; approve or send back with a comment.
package review

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"slices"

	"orderdesk/store"
	"orderdesk/tui/common"
	"orderdesk/workflow"
)

type mode int

const (
	listing mode = iota
	detailing
	commenting  // typing the comment of an approval or a send-back
	signingHere // another person signs at this terminal
	answering   // purchasing types the price a request asked for
)

// Screen is the review inbox.
type Screen struct {
	c             *common.Common
	keys          keyMap
	width, height int
	mode          mode
	cursor        common.Cursor // over the documents, then the tasks
	loaded        bool
	seq           int // id of the latest inbox request; older results are dropped
	detailSeq     int // id of the latest document opened
	loadErr       error
	detail        *workflow.DocumentDetail
	action        string         // the action being commented on
	comment       *common.Prompt // the comment of an approval or a send-back, while typed
	busy          bool           // an action is being applied
	desk          *atDesk
	mine          bool                            // showing my own documents that wait for others
	requests      map[int64]store.PriceRequestRow // the price requests listed, by document
	answer        *answerForm
	reply         *replyForm                    // purchasing's reply to a stock-up request, while typed
	tasks         []workflow.Collectible        // the collections tasks waiting for me, below the documents
	taskSeq       int                           // id of the latest tasks request
	leadTasks     []workflow.LeadTask           // my leads whose next step is overdue, below the tasks
	visitTasks    []workflow.VisitTask          // my visits waiting for their review, below the leads
	actionTasks   []workflow.ActionTask         // my meeting action items due, below the leads
	importTop     int                           // the first of an import batch's lines shown
	doc           *common.Detail                // the document open, wrapped and scrolled
	filter        *common.List[store.InboxItem] // every document loaded; items() are those it keeps (filter.go)

	// what I sent awaiting its receipt, below the action items
	materialTasks []workflow.MaterialTask
}

// scrollDoc gives a key to the document open, sized as View draws it.
func (s *Screen) scrollDoc(msg tea.KeyPressMsg) bool {
	s.sizeDoc()
	return s.doc.Key(msg)
}

// New returns the review screen of one session.
func New(c *common.Common) *Screen {
	s := &Screen{c: c, keys: newKeyMap(c)}
	s.doc = common.NewDetail(c, s.docContent)
	s.filter = newInboxFilter(s)
	return s
}

// Title is the tab label.
func (s *Screen) Title() string { return s.c.T("screen.review") }

// SetSize records the space the screen may use.
func (s *Screen) SetSize(w, h int) {
	s.width, s.height = w, h
	s.doc.SetSize(w, h) // its lines are set by what stands under it, at each key (scrollDoc)
	if s.comment != nil {
		s.comment.SetWidth(w - 20)
	}
}

// Capturing is true while the comment has focus.
func (s *Screen) Capturing() bool {
	return s.mode == commenting || s.mode == signingHere || s.mode == answering || s.reply != nil || s.filter.Editing
}

// Init loads the inbox.
func (s *Screen) Init() tea.Cmd { return tea.Batch(s.reload(), s.reloadTasks()) }

// Update handles keys and the results of its commands.
func (s *Screen) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	if _, ok := msg.(repliedMsg); ok || s.reply != nil && isInput(msg) {
		if s.reply == nil {
			return s, nil
		}
		return s, s.updateReply(msg)
	}
	switch msg := msg.(type) {
	case inboxMsg:
		if msg.seq == s.seq {
			s.applyInbox(msg)
		}
		return s, nil
	case tasksMsg:
		s.applyTasks(msg)
		return s, nil
	case detailMsg:
		return s, s.applyDetail(msg)
	case actedMsg:
		return s, s.applyActed(msg)
	case answeredMsg:
		return s, s.applyAnswered(msg)
	case common.ChangedMsg:
		switch msg.Change.Kind {
		case "product", "user", workflow.PresenceKind:
			return s, nil // nothing in the inbox depends on these
		}
		if tasksChanged(msg.Change.Kind) {
			return s, tea.Batch(s.reload(), s.reloadTasks())
		}
		return s, s.reload()
	case tea.KeyPressMsg:
		switch s.mode {
		case signingHere:
			return s, s.updateAtDesk(msg)
		case answering:
			return s, s.answerKeyPress(msg)
		}
		return s, s.handleKey(msg)
	case tea.PasteMsg:
		if cmd, ok := s.filterKey(msg); ok {
			return s, cmd
		}
		switch s.mode {
		case signingHere:
			return s, s.updateAtDesk(msg)
		case answering:
			return s, s.answer.form.Update(msg)
		}
		if s.mode == commenting {
			return s, s.comment.Update(msg)
		}
	}
	if s.mode == signingHere {
		return s, s.updateAtDesk(msg) // the form moves focus with messages of its own
	}
	return s, nil
}

func (s *Screen) handleKey(msg tea.KeyPressMsg) tea.Cmd {
	k := s.c.Keys
	if s.mode == commenting {
		cmd, closed := s.comment.Key(msg, s.busy)
		if closed {
			s.mode, s.comment = detailing, nil
		}
		return cmd
	}
	if cmd, ok := s.filterKey(msg); ok {
		return cmd
	}
	switch {
	case s.scrollImport(msg):
	case s.mode == detailing && s.scrollDoc(msg):
	case s.edge(msg):
	case s.cursor.Key(k, msg, s.rowCount(), s.listRows(s.sectionLines())):
	case key.Matches(msg, k.Refresh):
		return tea.Batch(s.reload(), s.reloadTasks())
	case key.Matches(msg, s.keys.mine) && s.mode == listing:
		s.mine, s.cursor, s.loaded = !s.mine, common.Cursor{}, false
		return s.reload()
	case key.Matches(msg, k.Back):
		if s.mode == detailing {
			s.mode, s.detail = listing, nil
		}
	case key.Matches(msg, k.Open):
		if it, ok := s.current(); ok && s.mode == listing && beingWorked(it) {
			return openComplaint(it)
		}
		if it, ok := s.current(); ok && s.mode == listing {
			return s.loadDetail(it.ID, "")
		}
		if x, ok := s.currentTask(); ok && s.mode == listing {
			return openTask(x)
		}
		if x, ok := s.currentLeadTask(); ok && s.mode == listing {
			return openLeadTask(x)
		}
		if x, ok := s.currentVisitTask(); ok && s.mode == listing {
			return openVisitTask(x)
		}
		if x, ok := s.currentActionTask(); ok && s.mode == listing {
			return openActionTask(x)
		}
		if x, ok := s.currentMaterialTask(); ok && s.mode == listing {
			return openMaterialTask(x)
		}
	case key.Matches(msg, k.Approve):
		return s.startAction(workflow.ActionApprove)
	case key.Matches(msg, k.SendBack):
		return s.startAction(workflow.ActionSendBack)
	case key.Matches(msg, s.keys.signAt) && s.mode == detailing && s.detail != nil && s.detail.Kind != store.PriceRequestKind:
		return s.openAtDesk()
	}
	return nil
}

func (s *Screen) current() (store.InboxItem, bool) {
	if s.cursor.Pos < 0 || s.cursor.Pos >= len(s.items()) {
		return store.InboxItem{}, false
	}
	return s.items()[s.cursor.Pos], true
}

// startAction opens the comment line for action on the current document:
// from the list it first loads the document so the reviewer sees what
// they sign.
func (s *Screen) startAction(action string) tea.Cmd {
	if s.mode == detailing && s.detail != nil && s.detail.Kind == store.StockRequestKind && action == workflow.ActionApprove {
		return s.openReply() // answered with a reply, not a comment
	}
	if s.mode == detailing && s.detail != nil && s.detail.Kind == store.PriceRequestKind {
		return s.openAnswer(action) // answered with a price, not a comment
	}
	if s.mode == detailing && s.detail != nil {
		// Refused now, before a comment is typed for nothing.
		if err := s.detail.Refused[action]; err != nil {
			return common.Status(common.ErrorText(s.c.Cat, err), true)
		}
		if !slices.Contains(signOffs(s.detail), action) {
			return common.Status(s.notHere(action), true)
		}
		s.action, s.mode = action, commenting
		s.comment = common.NewPrompt(s.c, common.PromptTexts{Help: "review.comment_hint"}, "review.comment."+action, false, s.act)
		s.comment.SetWidth(s.width - 20)
		return nil
	}
	if it, ok := s.current(); ok && s.mode == listing {
		return s.loadDetail(it.ID, action)
	}
	return nil
}
