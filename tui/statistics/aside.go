package statistics

import (
	"context"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"orderdesk/tui/common"
	"orderdesk/workflow"
)

// aside is a view that stands in place of the figures, of the same
// period: e the reps' reviews, l the leads entered by source and stage,
// b the visits per rep. Its key again, or esc, goes back to the
// figures; the period keys move it as they move the figures; the other
// keys wait.
type aside int

const (
	noAside aside = iota
	asideReviews
	asideLeads
	asideVisits
)

// asideKey opens, switches or leaves an aside; ok says the key was the
// aside's (while one is shown, every key is).
func (s *Screen) asideKey(msg tea.KeyPressMsg) (cmd tea.Cmd, ok bool) {
	k := s.keys
	for a, b := range map[aside]key.Binding{asideReviews: k.reviews, asideLeads: k.leads, asideVisits: k.visits} {
		if key.Matches(msg, b) {
			if s.aside == a {
				a = noAside
			}
			s.aside = a
			s.reviews, s.leads, s.visits = nil, nil, nil
			return s.load(), true
		}
	}
	switch {
	case s.aside == noAside:
		return nil, false
	case key.Matches(msg, k.up):
		s.aside = noAside
		return s.load(), true
	}
	return nil, true
}

// asideMsg answers a load of an aside's figures, tagged like viewMsg.
type asideMsg[T any] struct {
	req     int
	figures T
	err     error
}

// loadAside reads an aside's figures of the period shown with read; the
// values are copied before the closure is built.
func loadAside[T any](s *Screen, read func(context.Context, *workflow.Desk, workflow.Period) (T, error)) tea.Cmd {
	req, ctx, desk, p := s.req, s.c.Ctx, s.c.Desk, s.period
	return func() tea.Msg {
		f, err := read(ctx, desk, p)
		return asideMsg[T]{req: req, figures: f, err: err}
	}
}

// figures are an aside's rows and their totals.
type figures[R any] struct {
	rows  []R
	total R
}

// loadFigures reads an aside's rows and totals of the period shown with
// read (a desk's method).
func loadFigures[R any](s *Screen, read func(*workflow.Desk, context.Context, workflow.Period) ([]R, R, error)) tea.Cmd {
	return loadAside(s, func(ctx context.Context, d *workflow.Desk, p workflow.Period) (f figures[R], err error) {
		f.rows, f.total, err = read(d, ctx, p)
		return f, err
	})
}

// asideLoad reads the aside shown (nil when the figures are).
func (s *Screen) asideLoad() tea.Cmd {
	switch s.aside {
	case asideReviews:
		return s.loadReviews()
	case asideLeads:
		return s.loadLeads()
	case asideVisits:
		return s.loadVisits()
	}
	return nil
}

// answerAside takes the answer to aside load req: a later one is awaited
// (dropped), a refusal (not this user's to see) goes back to the
// figures, else take keeps it.
func (s *Screen) answerAside(req int, err error, take func()) tea.Cmd {
	if req != s.req {
		return nil
	}
	s.answered = req
	if err != nil {
		s.aside = noAside
		return common.Status(common.ErrorText(s.c.Cat, err), true)
	}
	take()
	return nil
}

// asideView draws the aside shown ("" when the figures are).
func (s *Screen) asideView() string {
	switch s.aside {
	case asideReviews:
		return s.reviewsView()
	case asideLeads:
		return s.leadsView()
	case asideVisits:
		return s.visitsView()
	}
	return ""
}

// asideTable draws an aside: its title and the period, the column
// titles, the rows (none says there are none), the total (nil for none)
// and the note under them, line by line.
func (s *Screen) asideTable(title string, cols []common.Column, rows [][]string, total []string, none, note string) string {
	t := s.c.T
	var b strings.Builder
	head := t(title) + " · " + t("stat.period."+string(s.period.Kind)) + " " + s.period.Label()
	b.WriteString(common.Fit(s.c.Styles.Title.Render(head), s.width, false) + "\n")
	b.WriteString(s.c.Styles.Header.Render(common.Header(cols)))
	muted := s.c.Styles.Muted.Render
	switch {
	case s.answered != s.req:
		b.WriteString("\n" + muted(t("stat.loading")))
	case len(rows) == 0:
		b.WriteString("\n" + muted(t(none)))
	}
	for _, r := range rows {
		b.WriteString("\n" + common.Line(cols, r))
	}
	if total != nil && s.answered == s.req && len(rows) > 0 {
		b.WriteString("\n" + s.c.Styles.Header.Render(common.Line(cols, total)))
	}
	for _, l := range strings.Split(t(note), "\n") {
		b.WriteString("\n" + muted(common.Fit(l, s.width, false)))
	}
	return b.String()
}
