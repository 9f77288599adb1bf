package statistics

import (
	"context"
	"strconv"

	tea "charm.land/bubbletea/v2"

	"orderdesk/tui/common"
	"orderdesk/workflow"
	"orderdesk/workflow/report"
)

// The reps' reviews (销售业绩评估) of the period shown: e opens them in
// place of the figures, and the period keys move them as they move the
// figures; e or esc goes back.

// loadReviews reads the reviews of the period shown.
func (s *Screen) loadReviews() tea.Cmd {
	return loadAside(s, func(ctx context.Context, d *workflow.Desk, p workflow.Period) ([]report.Review, error) {
		return d.RepReviews(ctx, p)
	})
}

// reviewCells are one review's cells: rep, ordered in tonnes and money,
// the target in money and its attainment, the plan's attainment, the
// customers won and the share received on time.
func (s *Screen) reviewCells(r report.Review) []string {
	rep := r.Rep
	if r.RepID == 0 {
		rep = s.c.T("review.no_rep")
	}
	target, ofTarget, ofPlan := "—", "—", "—"
	if r.Target.Set {
		target = r.Target.Amount.String()
		ofTarget = report.Percent(int64(r.Ordered.Amount), int64(r.Target.Amount))
	}
	if r.Plan.Set {
		ofPlan = report.Percent(int64(r.Ordered.Amount), int64(r.Plan.Amount))
	}
	won := strconv.Itoa(r.NewCustomers)
	if r.NewPlanned > 0 {
		won += "/" + strconv.Itoa(r.NewPlanned)
	}
	return []string{rep, r.Ordered.Tonnes.String(), r.Ordered.Amount.String(), target, ofTarget, ofPlan, won,
		report.Percent(int64(r.OnTime), int64(r.Due))}
}

// reviewColumns fit the reviews to width: the rep's name gives way
// first, then the plan's and the target's columns.
func (s *Screen) reviewColumns(width int) []common.Column {
	t := s.c.T
	cols := []common.Column{{Title: t("stat.col.rep"), Width: 6},
		{Title: t("review.col.tonnes"), Width: 6, Right: true, Keep: true},
		{Title: t("review.col.ordered"), Width: 8, Right: true, Keep: true},
		{Title: t("review.col.target"), Width: 8, Right: true, Keep: true},
		{Title: t("review.col.of_target"), Width: 6, Right: true, Keep: true},
		{Title: t("review.col.of_plan"), Width: 6, Right: true, Keep: true},
		{Title: t("review.col.won"), Width: 4, Right: true, Keep: true},
		{Title: t("review.col.on_time"), Width: 6, Right: true, Keep: true}}
	cols = common.WidenTo(cols, s.reviews, s.reviewCells)
	cols = common.Stretch(cols, 0, width)
	return common.Squeeze(cols, width, common.Shrink{Col: 0, Min: 4}, common.Shrink{Col: 1, Whole: true},
		common.Shrink{Col: 3, Whole: true}, common.Shrink{Col: 5, Whole: true})
}

// reviewsView draws the reviews: the period, the table and what the
// figures mean.
func (s *Screen) reviewsView() string {
	rows := make([][]string, len(s.reviews))
	for i, r := range s.reviews {
		rows[i] = s.reviewCells(r)
	}
	return s.asideTable("review.title", s.reviewColumns(s.width), rows, nil, "review.none", "review.note")
}
