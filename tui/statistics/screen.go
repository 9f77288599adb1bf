// Package statistics is the Statistics screen (销售统计): any measure of
// any period by any dimension, beside the period before and the same
// period last year, drilled down to the documents that make a figure.
package statistics

import (
	"time"

	tea "charm.land/bubbletea/v2"

	"orderdesk/store"
	"orderdesk/tui/common"
	"orderdesk/tui/common/form"
	"orderdesk/workflow"
	"orderdesk/workflow/report"
)

// trendMonths are the months of trend read per row: the sparkline shows
// the last 12, the chart under the table up to all of them.
const trendMonths = 24

// Screen is one session's Statistics screen.
type Screen struct {
	c             *common.Common
	keys          keys
	width, height int

	period  workflow.Period
	measure store.StatMeasure
	tonnes  bool // tonnes, else money
	sortBy  int  // index into sortColumns
	asc     bool // S reversed the order: smallest first
	levels  []level

	req      int // the latest load asked for; older answers are dropped
	answered int // the latest load answered; 0 until the first view came
	// quick: the view shown is the rows without their months, the
	// months still being read; dropWhole stops that read.
	quick     bool
	dropWhole func()

	// Reading ahead (readahead.go): still counts the screen's moments (a
	// key, an answer shown), gen its generations (a change elsewhere,
	// ctrl+r); aheadViews are the views read ahead in this generation,
	// want those the screen wanted when it last settled.
	still, gen int
	settleFor  time.Duration
	aheadViews []shown
	want       []workflow.StatQuery
	view       workflow.StatView
	lines      []line // the view's rows as lines, made once a view (rowLines)
	docs       []store.StatDoc
	list       *common.List[line]

	rangeForm *form.Form // the range being typed, or nil

	// aside is what stands in place of the figures, if anything: the
	// reps' reviews of the period (reviews.go), its leads (leads.go) or
	// its visits (visits.go).
	aside   aside
	reviews []report.Review
	leads   *figures[workflow.LeadStatRow]
	visits  *figures[store.VisitStat]
}

// level is one step of a drill-down: a dimension under the filters of
// the rows entered so far, or (trace) the documents of one row.
type level struct {
	dim      store.StatDim
	filters  []store.StatFilter
	trace    bool
	key      string // the row traced
	label    string // what the step shows, for the path in the header
	pos, top int    // the cursor on the level above when entered, restored by esc
	shown    *shown // the level's view last read, shown again by esc from below
}

// filtersUnder are the filters of the level under the row key of lv:
// lv's own and the row's, in a slice of their own.
func (lv level) filtersUnder(key string) []store.StatFilter {
	return append(append([]store.StatFilter(nil), lv.filters...), store.StatFilter{Dim: lv.dim, Key: key})
}

// shown is a level's view and the query it answered; quick when it is
// the rows without their months.
type shown struct {
	q     workflow.StatQuery
	v     workflow.StatView
	quick bool
}

// New builds the screen on this month's orders by customer, in money.
func New(c *common.Common) *Screen {
	s := &Screen{c: c, keys: newKeys(c),
		measure: store.StatOrdered, sortBy: sortNow, settleFor: settleFor,
		levels: []level{{dim: store.StatCustomer}}}
	s.period = workflow.PeriodOf(workflow.PeriodMonth, s.today())
	s.list = common.NewList[line](c, func(l line) int64 { return l.id }).WithFilter(matchLine)
	return s
}

// today is the session's day.
func (s *Screen) today() time.Time {
	if s.c.Now != nil {
		return s.c.Now()
	}
	return time.Now()
}

func (s *Screen) Title() string   { return s.c.T("screen.statistics") }
func (s *Screen) Capturing() bool { return s.rangeForm != nil || s.list.Editing }
func (s *Screen) Init() tea.Cmd   { return s.load() }

// Nested: the digits 1–6 choose the measure here, so they never switch
// screens (tab and shift+tab still do).
func (s *Screen) Nested() bool { return true }

func (s *Screen) SetSize(w, h int) {
	s.width, s.height = w, h
	s.list.SetHeight(s.tableRows())
	if s.rangeForm != nil {
		s.rangeForm.SetSize(w, max(h-2, 3))
	}
}

// top is the level shown.
func (s *Screen) top() level { return s.levels[len(s.levels)-1] }

// Update takes keys and the answers of the screen's loads.
func (s *Screen) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case common.StatisticsMsg:
		return s, s.showFigure(msg)
	case viewMsg:
		return s, s.answerView(msg)
	case traceMsg:
		if msg.req == s.req {
			s.answered = msg.req
			if msg.err != nil {
				return s, common.Status(common.ErrorText(s.c.Cat, msg.err), true)
			}
			s.docs, s.quick = msg.docs, false
			s.showRows()
		}
		return s, nil
	case asideMsg[[]report.Review]:
		return s, s.answerAside(msg.req, msg.err, func() { s.reviews = msg.figures })
	case asideMsg[figures[workflow.LeadStatRow]]:
		return s, s.answerAside(msg.req, msg.err, func() { s.leads = &msg.figures })
	case asideMsg[figures[store.VisitStat]]:
		return s, s.answerAside(msg.req, msg.err, func() { s.visits = &msg.figures })
	case settledMsg:
		return s, s.settled(msg)
	case aheadMsg:
		return s, s.ahead(msg)
	case common.ChangedMsg:
		// Figures move with every document: the view shown stays until
		// ctrl+r, but nothing read before the change is shown for a key.
		s.forget()
		return s, nil
	case tea.KeyPressMsg:
		if s.rangeForm != nil {
			return s, s.formKey(msg)
		}
		return s, tea.Batch(s.key(msg), s.settle())
	case tea.PasteMsg:
		if s.rangeForm != nil {
			return s, s.rangeForm.Update(msg)
		}
		cmd, _ := s.list.Update(msg)
		return s, cmd
	}
	if s.rangeForm != nil {
		return s, s.rangeForm.Update(msg)
	}
	return s, nil
}

// answerView takes the answer to a load of a view: the quick one, unless
// the whole came first, then the whole one, after which the screen
// settles and reads ahead.
func (s *Screen) answerView(msg viewMsg) tea.Cmd {
	if msg.req != s.req || (msg.quick && s.answered == msg.req) {
		return nil
	}
	s.answered = msg.req
	if msg.err != nil {
		return common.Status(common.ErrorText(s.c.Cat, msg.err), true)
	}
	s.show(msg.q, msg.v, msg.quick)
	if msg.quick {
		return nil
	}
	s.stopRead() // done: its context let go
	return s.settle()
}

// AtTop: no drill-down, aside or range form open, so esc may return to
// the screen that sent the user here.
func (s *Screen) AtTop() bool {
	return len(s.levels) == 1 && s.aside == noAside && s.rangeForm == nil
}
