package statistics

import (
	"context"
	"reflect"

	tea "charm.land/bubbletea/v2"

	"orderdesk/store"
	"orderdesk/tui/common"
	"orderdesk/workflow"
)

// viewMsg answers a load of a view; traceMsg a load of one row's
// documents. Both carry the request they answer: a later key has asked
// again, and an older answer is dropped. A quick viewMsg holds the rows
// without their months, the whole view following it.
type viewMsg struct {
	req   int
	q     workflow.StatQuery // what was asked, kept with the level's view
	v     workflow.StatView
	quick bool
	err   error
}

type traceMsg struct {
	req  int
	docs []store.StatDoc
	err  error
}

// query is what the level shown asks of the desk.
func (s *Screen) query() workflow.StatQuery { return s.queryOf(s.top()) }

// queryOf is what lv asks of the desk in the period shown.
func (s *Screen) queryOf(lv level) workflow.StatQuery {
	return workflow.StatQuery{Dim: lv.dim, Filters: append([]store.StatFilter(nil), lv.filters...), Period: s.period,
		Open: true, Months: trendMonths}
}

// load reads what the level shows, tagged so a late answer is dropped;
// the values are copied before the closure is built. A view comes in
// two answers of one read: every row with its figures and what it owes,
// which keys typed ahead wait for (on 5,000 customers less than half of
// the whole), then the months (the sparklines and the chart), which
// they do not: the rows are the same, so a key acts alike before and
// after. A later load drops the read still under way.
func (s *Screen) load() tea.Cmd {
	s.req++
	s.stopRead()
	if load := s.asideLoad(); load != nil {
		return load
	}
	req, ctx, desk, q, lv, m := s.req, s.c.Ctx, s.c.Desk, s.query(), s.top(), s.measure
	if v, ok := s.aheadOf(q); ok && !lv.trace {
		s.answered = req
		s.show(q, v, false)
		return nil
	}
	if v, ok := s.drilledFromAbove(); ok {
		// The rows at once, the months read behind them.
		s.answered = req
		s.show(q, v, true)
		return s.read(req, q, true)
	}
	if lv.trace {
		q.Months = 0
		return func() tea.Msg {
			docs, err := desk.StatisticsTrace(ctx, q, lv.key, m, workflow.StatNow)
			return traceMsg{req: req, docs: docs, err: err}
		}
	}
	return s.read(req, q, false)
}

// read starts one read of q for request req: its rows are told on the
// way, awaited by keys typed ahead unless they are shown already (then
// dropped), and the whole view comes after, awaited by none.
func (s *Screen) read(req int, q workflow.StatQuery, rowsShown bool) tea.Cmd {
	s.stopRead()
	ctx, desk := s.c.Ctx, s.c.Desk
	wholeCtx, drop := context.WithCancel(ctx)
	s.dropWhole = drop
	// Each channel holds one answer, so the read never waits for who
	// takes it. A panic comes back as the root's commands' do
	// (common.PanicMsg), and to both.
	rows, whole := make(chan tea.Msg, 1), make(chan tea.Msg, 1)
	go func() {
		var msg tea.Msg
		defer func() {
			if r := recover(); r != nil {
				msg = common.PanicMsg{Value: r}
			}
			select {
			case rows <- msg: // the rows were never told
			default:
			}
			whole <- msg
		}()
		v, err := desk.StatisticsRowsFirst(wholeCtx, q, func(r workflow.StatView) {
			select {
			case rows <- viewMsg{req: req, q: q, v: r, quick: true}:
			default: // told again after a write came between the reads
			}
		})
		msg = viewMsg{req: req, q: q, v: v, err: err}
	}()
	rowsCmd := func() tea.Msg { return <-rows }
	if rowsShown {
		rowsCmd = s.c.Background(rowsCmd)
	}
	return tea.Batch(rowsCmd, s.c.Background(func() tea.Msg { return <-whole }))
}

// stopRead stops the read under way, if any: its answers are no longer
// wanted.
func (s *Screen) stopRead() {
	if s.dropWhole != nil {
		s.dropWhole()
		s.dropWhole = nil
	}
}

// drilledFromAbove is the level shown taken from the view of the level
// above it, when that view was summed from the customers it opens and
// is of the period shown: its rows, not its months.
func (s *Screen) drilledFromAbove() (workflow.StatView, bool) {
	lv := s.top()
	if len(s.levels) < 2 || lv.trace || len(lv.filters) == 0 {
		return workflow.StatView{}, false
	}
	up := s.levels[len(s.levels)-2]
	key := lv.filters[len(lv.filters)-1].Key
	if up.shown == nil || !reflect.DeepEqual(up.shown.q, s.queryOf(up)) || !reflect.DeepEqual(up.filtersUnder(key), lv.filters) {
		return workflow.StatView{}, false
	}
	return up.shown.v.Drilled(key)
}

// show puts a view of the level shown on the screen and keeps it for
// esc from below. The cursor stays on its row (list lines are known by
// their key).
func (s *Screen) show(q workflow.StatQuery, v workflow.StatView, quick bool) {
	s.view, s.docs, s.lines, s.quick = v, nil, nil, quick
	s.levels[len(s.levels)-1].shown = &shown{q: q, v: v, quick: quick}
	s.showRows()
}

// showFigure shows the figure another screen asked for (the
// dashboard's enter): its measure of its period in its unit, at the top
// of the dimension shown, or a product's customers (esc goes up to the
// products). Whatever stood aside, a range typed, or a filter, goes.
func (s *Screen) showFigure(msg common.StatisticsMsg) tea.Cmd {
	s.aside, s.rangeForm = noAside, nil
	s.list.ClearFilter()
	s.period, s.measure, s.tonnes = msg.Period, msg.Measure, msg.Tonnes
	s.levels = []level{{dim: s.levels[0].dim}}
	if msg.Item != "" {
		s.levels = []level{{dim: store.StatItem},
			{dim: store.StatCustomer, filters: []store.StatFilter{{Dim: store.StatItem, Key: msg.Item}}, label: msg.ItemLabel}}
	}
	s.list.Cursor.Reset()
	return s.load()
}

// drill opens what is under the row: the next dimension's rows, a
// customer's documents, or a document in its own screen.
func (s *Screen) drill() tea.Cmd {
	cur, ok := s.list.Current()
	if !ok || cur.total {
		return nil
	}
	lv := s.top()
	if lv.trace {
		return openDoc(*cur.doc)
	}
	next := level{dim: lv.dim, filters: lv.filters, trace: true, key: cur.row.Key, label: cur.label,
		pos: s.list.Cursor.Pos, top: s.list.Cursor.Top}
	if dim, ok := workflow.StatDrill(lv.dim); ok {
		next.dim, next.trace, next.key = dim, false, ""
		next.filters = lv.filtersUnder(cur.row.Key)
	}
	s.levels = append(s.levels, next)
	s.list.Cursor.Reset()
	return s.load()
}

// back goes up one level, the cursor where it was.
func (s *Screen) back() tea.Cmd {
	if len(s.levels) == 1 {
		return nil
	}
	lv := s.top()
	s.levels = s.levels[:len(s.levels)-1]
	s.list.Cursor.Pos, s.list.Cursor.Top = lv.pos, lv.top
	// The level comes back as it was shown, without a read, when what it
	// shows is still what was asked (the screen is not live: ctrl+r
	// reads again). On 5,000 customers a read is a tenth of a second.
	if up := s.top().shown; up != nil && s.aside == noAside && reflect.DeepEqual(up.q, s.query()) {
		s.stopRead()
		s.req++
		s.answered = s.req
		s.show(up.q, up.v, up.quick)
		if up.quick { // its months were never read: keys go on with its rows
			return s.read(s.req, up.q, true)
		}
		return nil
	}
	return s.load()
}

// docScreens are the screens a traced document opens in; a receipt has
// none.
var docScreens = map[string]string{
	store.OrderKind:        "screen.orders",
	store.DeliveryNoteKind: "screen.shipping",
	store.InvoiceKind:      "screen.invoices",
	store.ReturnKind:       "screen.returns",
}

// openDoc asks the root to open a traced document in its own screen.
func openDoc(d store.StatDoc) tea.Cmd {
	screen, ok := docScreens[d.Kind]
	if !ok {
		return nil
	}
	return func() tea.Msg { return common.OpenMsg{Screen: screen, DocID: d.ID} }
}
