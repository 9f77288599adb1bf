package plans

import tea "charm.land/bubbletea/v2"

// view is the list the screen shows; t steps through them in order.
type view int

const (
	viewPlans      view = iota // sales plans (销售计划)
	viewTargets                // sales targets (销售目标)
	viewPurchases              // monthly purchase plans (月采购计划)
	viewCollection             // the month's collection plan (月回款计划), read-only
	views
)

// targets is true while the targets are listed.
func (s *Screen) targets() bool { return s.view == viewTargets }

// nextView steps to the next list; the collection plan is read the
// first time it is shown.
func (s *Screen) nextView() tea.Cmd {
	s.view = (s.view + 1) % views
	if s.view == viewCollection && s.collect.req == 0 {
		return s.loadCollection()
	}
	return nil
}

// Answered is true once every read the screen asked for (the lists, a
// document, the collection plan) has been answered: tests wait on it,
// never on a heading that shows before the rows.
func (s *Screen) Answered() bool {
	return s.listAnswered == s.ListReq && s.detailAnswered == s.DetailReq && s.collect.answered == s.collect.req
}
