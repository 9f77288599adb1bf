package plans

import (
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"orderdesk/store"
	"orderdesk/tui/common"
	"orderdesk/tui/common/docscreen"
)

// listChrome is the lines above and below the rows: title and filter,
// the header, the totals.
const listChrome = 3

// periods are the period kinds p steps through, every kind first.
var periods = []string{"", store.PeriodMonth, store.PeriodWeek, store.PeriodDay}

func (s *Screen) onList(msg listMsg) tea.Cmd {
	if msg.req == s.ListReq {
		s.listAnswered = msg.req
	}
	if ok, cmd := s.TakeList(msg.req, msg.err); !ok {
		return cmd
	}
	s.plans.SetRows(msg.plans)
	s.goals.SetRows(msg.targets)
	s.buys.SetRows(msg.buys)
	return nil
}

// shown is the list on screen: the plans' or the targets'.
func (s *Screen) shownList() interface {
	Update(tea.Msg) (tea.Cmd, bool)
	Query() string
} {
	switch s.view {
	case viewTargets:
		return s.goals
	case viewPurchases:
		return s.buys
	}
	return s.plans
}

func (s *Screen) updateList(msg tea.Msg) tea.Cmd {
	if s.view == viewCollection {
		return s.updateCollection(msg)
	}
	k, cmd, left := s.ListKey(s.shownList(), msg, s.reload)
	if !left {
		return cmd
	}
	switch {
	case key.Matches(k, s.keys.toggle):
		return s.nextView()
	case s.view == viewPurchases:
		return s.purchaseListKey(k)
	case s.targets() && key.Matches(k, s.keys.create):
		return s.startNewTarget()
	case s.targets():
		x, ok := s.goals.Current()
		switch {
		case ok && key.Matches(k, s.keys.open):
			return s.openTarget(x)
		case ok && key.Matches(k, s.keys.submit):
			return s.submit(x.PlanHeader, "state.sales_target.")
		case ok && key.Matches(k, s.keys.edit):
			return s.startEditTarget(x)
		case ok && key.Matches(k, s.keys.void):
			return s.askVoid(x.DocID, x.Version, x.Ref, x.Status)
		}
		return nil
	case key.Matches(k, s.keys.period):
		s.period = common.NextOf(periods, s.period)
		return s.reload()
	case key.Matches(k, s.keys.create):
		return s.startNew()
	}
	p, ok := s.plans.Current()
	if !ok {
		return nil
	}
	switch {
	case key.Matches(k, s.keys.open):
		s.Mode = docscreen.Detail
		return s.openPlan(p.DocID)
	case key.Matches(k, s.keys.edit):
		return s.startEdit(p.DocID)
	case key.Matches(k, s.keys.submit):
		return s.submit(p.PlanHeader, "state.sales_plan.")
	case key.Matches(k, s.keys.void):
		return s.askVoid(p.DocID, p.Version, p.Ref, p.Status)
	}
	return nil
}

// planMatches keeps the plans whose ref, rep, period or aims hold query.
func planMatches(p store.Plan, query string) bool {
	return containsFold(query, p.Ref, p.Rep, p.StartsOn, p.EndsOn, p.Aims, p.Status)
}

// targetMatches keeps the targets whose ref, rep or period hold query.
func targetMatches(x store.Target, query string) bool {
	return containsFold(query, x.Ref, x.Rep, x.Period, x.Note, x.Status)
}

func containsFold(query string, fields ...string) bool {
	q := strings.ToLower(query)
	for _, f := range fields {
		if strings.Contains(strings.ToLower(f), q) {
			return true
		}
	}
	return false
}

// statusWidth fits the longest plan status in either column.
func (s *Screen) statusWidth(title string) int {
	t := s.c.T
	return common.Widest(6, title, t("state.sales_plan.draft"), t("state.sales_plan.approved"), t("state.sales_plan.sent_back"))
}

func (s *Screen) planColumns() []common.Column {
	t := s.c.T
	cols := []common.Column{
		{Title: t("plans.col.ref"), Width: common.Widest(13, t("plans.col.ref"))},
		{Title: t("plans.col.kind"), Width: common.Widest(5, t("plans.col.kind"), t("period.month"), t("period.week"))},
		{Title: t("plans.col.rep"), Width: common.Widest(6, t("plans.col.rep"))},
		{Title: t("plans.col.period"), Width: common.Widest(16, t("plans.col.period"))},
		{Title: t("plans.col.tonnes"), Width: common.Widest(9, t("plans.col.tonnes")), Right: true},
		{Title: t("plans.col.amount"), Width: common.Widest(13, t("plans.col.amount")), Right: true},
		{Title: t("plans.col.status"), Width: s.statusWidth(t("plans.col.status"))},
	}
	return common.Stretch(cols, 6, s.Width)
}

func (s *Screen) planCells(p store.Plan) ([]string, bool) {
	return []string{p.Ref, s.c.T("period." + p.Period), p.Rep, shortPeriod(p),
		p.Tonnes.String(), p.Amount.String(), s.c.T("state.sales_plan." + p.Status)}, p.Status == "void"
}

func (s *Screen) targetColumns() []common.Column {
	t := s.c.T
	cols := []common.Column{
		{Title: t("plans.col.ref"), Width: common.Widest(13, t("plans.col.ref"))},
		{Title: t("plans.col.rep"), Width: common.Widest(6, t("plans.col.rep"))},
		{Title: t("plans.col.period"), Width: common.Widest(7, t("plans.col.period"))},
		{Title: t("plans.col.tonnes"), Width: common.Widest(9, t("plans.col.tonnes")), Right: true},
		{Title: t("plans.col.amount"), Width: common.Widest(13, t("plans.col.amount")), Right: true},
		{Title: t("plans.col.status"), Width: s.statusWidth(t("plans.col.status"))},
		{Title: t("plans.col.note"), Width: common.Widest(6, t("plans.col.note"))},
	}
	return common.Stretch(cols, 6, s.Width)
}

func (s *Screen) targetCells(x store.Target) ([]string, bool) {
	return []string{x.Ref, x.Rep, x.Period, x.Tonnes.String(), x.Amount.String(),
		s.c.T("state.sales_target." + x.Status), x.Note}, x.Status == "void"
}

// viewList draws the title with the filter, the header, the rows and
// the totals of the rows shown.
func (s *Screen) viewList() string {
	switch s.view {
	case viewPurchases:
		return s.viewPurchases()
	case viewCollection:
		return s.viewCollection()
	}
	t := s.c.T
	title, hint, empty := t("plans.title"), t("plans.hint"), t("plans.empty")
	if s.targets() {
		return s.goals.Page(t("plans.targets_title"), t("plans.targets_hint"), empty, s.Width, s.targetColumns(), s.targetCells,
			func(rows []store.Target) string { return targetTotals(t, rows) })
	}
	if s.period != "" {
		title += " · " + t("period."+s.period)
	}
	return s.plans.Page(title, hint, empty, s.Width, s.planColumns(), s.planCells, func(rows []store.Plan) string {
		var tonnes store.Milli
		var amount store.Money
		for _, p := range rows {
			if p.Status != "void" {
				tonnes, amount = tonnes+p.Tonnes, amount+p.Amount
			}
		}
		return t("plans.totals", len(rows), tonnes.String(), amount.String())
	})
}

// shortPeriod writes a plan's days briefly: a whole month as 2026-12,
// other days as 2026-11-23~11-29 (the year once: a plan never spans
// more than a month).
func shortPeriod(p store.Plan) string {
	if len(p.StartsOn) < 10 || len(p.EndsOn) < 10 {
		return p.StartsOn + "~" + p.EndsOn
	}
	if p.Period == store.PeriodMonth && strings.HasSuffix(p.StartsOn, "-01") {
		if t, err := time.Parse(time.DateOnly, p.EndsOn); err == nil && t.AddDate(0, 0, 1).Day() == 1 && p.StartsOn[:7] == p.EndsOn[:7] {
			return p.StartsOn[:7]
		}
	}
	if p.StartsOn == p.EndsOn {
		return p.StartsOn
	}
	return p.StartsOn + "~" + p.EndsOn[5:]
}
