package plans

import (
	"context"
	"strings"

	tea "charm.land/bubbletea/v2"

	"orderdesk/store"
	"orderdesk/workflow"
)

// Every database call runs in a tea.Cmd and comes back as one of these,
// tagged with the request it answers: the screen drops answers to
// requests it has since replaced.

// listMsg is the plans and targets the user sees.
type listMsg struct {
	req     int
	plans   []store.Plan
	targets []store.Target
	buys    []store.PurchasePlan
	err     error
}

// repsMsg is the sales reps a plan may be drafted for.
type repsMsg struct {
	reps []store.User
	err  error
}

// detailMsg is a plan (or target) opened, with its month against the
// orders where it has one.
type detailMsg struct {
	req    int
	plan   store.Plan
	target store.Target
	buy    store.PurchasePlan
	report *workflow.PlanReport
	err    error
}

// savedMsg answers a save of the form: the customers typed by name were
// looked up first, and a line whose name matched none comes back in
// unknown (form line numbers) without the workflow being asked.
type savedMsg struct {
	form     int
	id       int64
	target   bool // a target's
	purchase bool // a purchase plan's
	unknown  []int
	err      error
}

// doneMsg answers a submit or a result recorded.
type doneMsg struct {
	id   int64
	what string // the catalogue key of the status said on success
	ref  string
	err  error
}

func loadLists(ctx context.Context, desk *workflow.Desk, req int, period string) tea.Cmd {
	return func() tea.Msg {
		msg := listMsg{req: req}
		if msg.plans, msg.err = desk.Plans(ctx, period); msg.err == nil {
			msg.targets, msg.err = desk.Targets(ctx)
		}
		if msg.err == nil {
			msg.buys, msg.err = desk.PurchasePlans(ctx)
		}
		return msg
	}
}

func loadReps(ctx context.Context, desk *workflow.Desk) tea.Cmd {
	return func() tea.Msg {
		msg := repsMsg{}
		msg.reps, msg.err = desk.SalesReps(ctx)
		return msg
	}
}

// loadPlan reads a plan and, for a month plan, the rep's month against
// the orders.
func loadPlan(ctx context.Context, desk *workflow.Desk, req int, id int64) tea.Cmd {
	return func() tea.Msg {
		msg := detailMsg{req: req}
		if msg.plan, msg.err = desk.Plan(ctx, id); msg.err != nil || msg.plan.Period != store.PeriodMonth {
			return msg
		}
		r, err := desk.PlanVsActual(ctx, msg.plan.RepID, msg.plan.StartsOn[:7])
		if err == nil {
			msg.report = &r
		}
		return msg
	}
}

// loadTarget takes a target already listed and, for a month, reads what
// the rep ordered in it: its attainment.
func loadTarget(ctx context.Context, desk *workflow.Desk, req int, x store.Target) tea.Cmd {
	return func() tea.Msg {
		msg := detailMsg{req: req, target: x}
		if len(x.Period) != len("2006-01") {
			return msg
		}
		r, err := desk.PlanVsActual(ctx, x.RepID, x.Period)
		if err == nil {
			msg.report = &r
		}
		return msg
	}
}

// typedCustomer is a line's customer as typed, by name, short name or
// 助记码, to be looked up before the save.
type typedCustomer struct {
	line  int // of the input's lines
	row   int // of the form's lines
	query string
}

// savePlan looks up the customers typed by name, then creates (docID 0)
// or updates the plan from in, a copy of what the form holds.
func savePlan(ctx context.Context, desk *workflow.Desk, form int, docID, seen int64, in workflow.PlanInput, typed []typedCustomer) tea.Cmd {
	return func() tea.Msg {
		msg := savedMsg{form: form, id: docID}
		for _, tc := range typed {
			id, err := findCustomer(ctx, desk, tc.query)
			if err != nil {
				msg.err = err
				return msg
			}
			if id == 0 {
				msg.unknown = append(msg.unknown, tc.row)
				continue
			}
			in.Lines[tc.line].CustomerID = id
		}
		if len(msg.unknown) > 0 {
			return msg
		}
		if docID != 0 {
			msg.err = desk.UpdatePlan(ctx, docID, seen, in)
			return msg
		}
		msg.id, msg.err = desk.CreatePlan(ctx, in)
		return msg
	}
}

// findCustomer is the one customer query names: the lookup's only
// match, or the match whose name, short name or 助记码 is the query
// itself; 0 for none (or several alike).
func findCustomer(ctx context.Context, desk *workflow.Desk, query string) (int64, error) {
	rows, err := desk.Customers(ctx, store.Page{Query: query, Limit: 20})
	if err != nil || len(rows) == 0 {
		return 0, err
	}
	if len(rows) == 1 {
		return rows[0].ID, nil
	}
	for _, r := range rows {
		if strings.EqualFold(r.Name, query) || strings.EqualFold(r.Code, query) || strings.EqualFold(r.ShortName, query) || strings.EqualFold(r.Mnemonic, query) {
			return r.ID, nil
		}
	}
	return 0, nil
}

func submit(ctx context.Context, desk *workflow.Desk, id, seen int64, ref string) tea.Cmd {
	return func() tea.Msg {
		return doneMsg{id: id, ref: ref, what: "plans.submitted", err: desk.SubmitPlan(ctx, id, seen)}
	}
}

func recordResult(ctx context.Context, desk *workflow.Desk, id int64, ref, result string) tea.Cmd {
	return func() tea.Msg {
		return doneMsg{id: id, ref: ref, what: "plans.result_saved", err: desk.RecordPlanResult(ctx, id, result)}
	}
}
