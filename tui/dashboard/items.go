package dashboard

import (
	"strconv"

	"orderdesk/store"
	"orderdesk/workflow"
)

// panel names where an item sits on the screen.
type panel int

const (
	panelFigures panel = iota
	panelCustomers
	panelProducts
	panelOverdue
	panelPipeline
)

// item is one row the cursor can rest on, and what enter opens there:
// a screen by its title key, or a customer's orders.
type item struct {
	panel    panel
	row      int // within its panel
	screen   string
	customer store.CustomerRow
}

// figureMeasures are the figures' rows, in order.
var figureMeasures = []store.StatMeasure{store.StatOrdered, store.StatShipped, store.StatInvoiced, store.StatReceived}

// items are the rows shown, in reading order: the figures, the leading
// customers, then products, the ladder's rungs, the pipeline.
func (s *Screen) items() []item {
	if !s.loaded {
		return nil
	}
	var out []item
	for i := range figureMeasures {
		out = append(out, item{panel: panelFigures, row: i, screen: "screen.statistics"})
	}
	n := s.topRows()
	for i, r := range s.view.TopCustomers[:min(n, len(s.view.TopCustomers))] {
		id, _ := strconv.ParseInt(r.Key, 10, 64)
		out = append(out, item{panel: panelCustomers, row: i, customer: store.CustomerRow{ID: id, Name: r.Label}})
	}
	for i := range s.view.TopProducts[:min(n, len(s.view.TopProducts))] {
		out = append(out, item{panel: panelProducts, row: i, screen: "screen.statistics"})
	}
	for i := range s.view.Overdue {
		out = append(out, item{panel: panelOverdue, row: i, screen: "screen.reconciliation"})
	}
	for i, w := range s.waiting() {
		out = append(out, item{panel: panelPipeline, row: i, screen: w.screen})
	}
	return out
}

// selected says whether the cursor is on row of p.
func (s *Screen) selected(p panel, row int) bool {
	items := s.items()
	if s.cursor.Pos >= len(items) {
		return false
	}
	it := items[s.cursor.Pos]
	return it.panel == p && it.row == row
}

// stageKey is the catalogue key of a rung of the ladder.
func stageKey(st workflow.Stage) string { return "recon.stage." + string(st) }
