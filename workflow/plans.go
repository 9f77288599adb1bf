package workflow

import (
	"context"
	"fmt"

	"orderdesk/store"
)

// DraftPlans: draft sales plans and targets, record what a plan's
// period did (a supervisor signs plans and targets off).
const DraftPlans Permission = "draft_plans"

// Refused actions of the plan calls, as refusals name them.
const (
	actionCreatePlan   = "create_plan"
	actionCreateTarget = "create_target"
	actionPlanResult   = "plan_result"
)

// ownPlansOnly: a sales rep (without the desk's or a supervisor's role)
// sees and drafts only their own plans and targets.
func (d *Desk) ownPlansOnly() bool { return !hasAnyRole(d.User, []Role{Clerk, Supervisor}) }

// planScope is the rep whose plans this user may list (0: every rep's).
func (d *Desk) planScope() int64 {
	if d.ownPlansOnly() {
		return d.User.ID
	}
	return 0
}

// planRep says whose plan or target a new one is: a sales rep's own;
// for the desk and supervisors, the sales rep they name.
func (d *Desk) planRep(ctx context.Context, tx *store.Tx, repID int64, action string) (int64, error) {
	if d.ownPlansOnly() {
		if repID != 0 && repID != d.User.ID {
			return 0, &Refusal{Code: NotYourPlan, Action: action}
		}
		return d.User.ID, nil
	}
	if repID == 0 {
		return 0, FieldErrors{{Field: FRep, Code: Required}}
	}
	u, err := tx.UserByID(ctx, repID)
	if err != nil || !u.HasRole(string(SalesRep)) {
		return 0, FieldErrors{{Field: FRep, Code: InvalidChoice}}
	}
	return repID, nil
}

// mayOpenPlan refuses a sales rep a plan or target neither for them nor
// made by them.
func (d *Desk) mayOpenPlan(repID, makerID int64, action string) error {
	if d.ownPlansOnly() && repID != d.User.ID && makerID != d.User.ID {
		return &Refusal{Code: NotYourPlan, Action: action}
	}
	return nil
}

func planSummary(p store.Plan) string {
	return fmt.Sprintf("%s %s~%s", p.Period, p.StartsOn, p.EndsOn)
}

// createPlanDoc drafts a plan or target of kind for the rep repID
// names (planRep) with create, which returns the new document's id.
func (d *Desk) createPlanDoc(ctx context.Context, action, kind string, repID int64,
	create func(tx *store.Tx, rep int64) (int64, error)) (id int64, err error) {
	if err := permit(d.User, DraftPlans, action); err != nil {
		return 0, err
	}
	err = d.writeAndPublish(ctx, action, func(tx *store.Tx, changes *[]Change) error {
		rep, err := d.planRep(ctx, tx, repID, action)
		if err != nil {
			return err
		}
		if id, err = create(tx, rep); err != nil {
			return err
		}
		*changes = append(*changes, Change{Kind: kind, ID: id})
		return nil
	})
	return id, err
}

// updatePlanDoc saves a plan or target of kind: load reads its header,
// which this user must be allowed to open; save writes it as of version
// seen (0: whatever it is now).
func (d *Desk) updatePlanDoc(ctx context.Context, kind string, docID, seen int64,
	load func(tx *store.Tx) (store.PlanHeader, error), save func(tx *store.Tx, had store.PlanHeader, seen int64) error) error {
	if err := permit(d.User, DraftPlans, ActionSubmit); err != nil {
		return err
	}
	return d.writeAndPublish(ctx, ActionSubmit, func(tx *store.Tx, changes *[]Change) error {
		had, err := load(tx)
		if err != nil {
			return err
		}
		if err := d.mayOpenPlan(had.RepID, had.MakerID, ActionSubmit); err != nil {
			return err
		}
		if seen == 0 {
			seen = had.Version
		}
		*changes = append(*changes, Change{Kind: kind, ID: docID})
		return save(tx, had, seen)
	})
}

// CreatePlan drafts a plan; what is wrong with the form comes back as
// FieldErrors at the field.
func (d *Desk) CreatePlan(ctx context.Context, in PlanInput) (int64, error) {
	return d.createPlanDoc(ctx, actionCreatePlan, store.PlanKind, in.RepID, func(tx *store.Tx, rep int64) (int64, error) {
		in.RepID = rep
		p, err := d.planFromInput(ctx, tx, in, 0)
		if err != nil {
			return 0, err
		}
		ref, err := tx.NextRef(ctx, store.PlanKind, "JH"+p.StartsOn[:4]+"-")
		if err != nil {
			return 0, err
		}
		return tx.CreatePlan(ctx, d.User.ID, SalesPlan.Initial(), ref, p, planSummary(p))
	})
}

// UpdatePlan saves a draft or sent-back plan as of version seen (0:
// whatever it is now); its rep and period kind stay as made.
func (d *Desk) UpdatePlan(ctx context.Context, docID, seen int64, in PlanInput) error {
	var period string
	load := func(tx *store.Tx) (store.PlanHeader, error) {
		p, err := tx.Plan(ctx, docID)
		period = p.Period
		return p.PlanHeader, err
	}
	return d.updatePlanDoc(ctx, store.PlanKind, docID, seen, load, func(tx *store.Tx, had store.PlanHeader, seen int64) error {
		in.RepID, in.Period = had.RepID, period
		p, err := d.planFromInput(ctx, tx, in, docID)
		if err != nil {
			return err
		}
		p.DocID = docID
		return tx.UpdatePlan(ctx, d.User.ID, seen, p, planSummary(p))
	})
}

// SubmitPlan sends a plan (or a target) for a supervisor's sign-off.
func (d *Desk) SubmitPlan(ctx context.Context, docID, seen int64) error {
	return d.submit(ctx, docID, seen)
}

// Plan loads a plan with its lines and results.
func (d *Desk) Plan(ctx context.Context, docID int64) (store.Plan, error) {
	if err := permitScreen(d.User, ScreenPlans); err != nil {
		return store.Plan{}, err
	}
	p, err := read(ctx, d.e, func(tx *store.Tx) (store.Plan, error) { return tx.Plan(ctx, docID) })
	if err == nil {
		err = d.mayOpenPlan(p.RepID, p.MakerID, ScreenPlans)
	}
	return p, err
}

// Plans lists plans of period kind ("" for all), newest first: a sales
// rep's own, every rep's for the desk and supervisors.
func (d *Desk) Plans(ctx context.Context, period string) ([]store.Plan, error) {
	if err := permitScreen(d.User, ScreenPlans); err != nil {
		return nil, err
	}
	f := store.PlanFilter{RepID: d.planScope(), Period: period}
	return read(ctx, d.e, func(tx *store.Tx) ([]store.Plan, error) { return tx.Plans(ctx, f) })
}

// RecordPlanResult writes what an approved plan's period did (a week's
// results, afterwards).
func (d *Desk) RecordPlanResult(ctx context.Context, docID int64, result string) error {
	if err := permit(d.User, DraftPlans, actionPlanResult); err != nil {
		return err
	}
	if fe := CheckText(FResult, result, true, MaxLong); fe != nil {
		return FieldErrors{fe}
	}
	return d.writeAndPublish(ctx, actionPlanResult, func(tx *store.Tx, changes *[]Change) error {
		p, err := tx.Plan(ctx, docID)
		if err != nil {
			return err
		}
		if err := d.mayOpenPlan(p.RepID, p.MakerID, actionPlanResult); err != nil {
			return err
		}
		if p.Status != "approved" {
			return &Refusal{Code: NoSuchTransition, Action: actionPlanResult}
		}
		*changes = append(*changes, Change{Kind: store.PlanKind, ID: docID})
		return tx.AddPlanResult(ctx, d.User.ID, docID, CleanText(result, true))
	})
}

// ProductGroups lists the product groups a plan's line takes: the
// product names (品名) of the catalogue.
func (d *Desk) ProductGroups(ctx context.Context) ([]string, error) {
	if err := permitScreen(d.User, ScreenPlans); err != nil {
		return nil, err
	}
	return read(ctx, d.e, func(tx *store.Tx) ([]string, error) { return tx.ProductGroups(ctx) })
}

// CreateTarget drafts a rep's target for a month or a year.
func (d *Desk) CreateTarget(ctx context.Context, in TargetInput) (int64, error) {
	return d.createPlanDoc(ctx, actionCreateTarget, store.TargetKind, in.RepID, func(tx *store.Tx, rep int64) (int64, error) {
		in.RepID = rep
		x, err := targetFromInput(ctx, tx, in, 0)
		if err != nil {
			return 0, err
		}
		ref, err := tx.NextRef(ctx, store.TargetKind, "MB"+x.Period[:4]+"-")
		if err != nil {
			return 0, err
		}
		return tx.CreateTarget(ctx, d.User.ID, SalesTarget.Initial(), ref, x, "target "+x.Period)
	})
}

// UpdateTarget saves a draft or sent-back target as of version seen
// (0: whatever it is now); its rep stays as made.
func (d *Desk) UpdateTarget(ctx context.Context, docID, seen int64, in TargetInput) error {
	load := func(tx *store.Tx) (store.PlanHeader, error) {
		x, err := tx.Target(ctx, docID)
		return x.PlanHeader, err
	}
	return d.updatePlanDoc(ctx, store.TargetKind, docID, seen, load, func(tx *store.Tx, had store.PlanHeader, seen int64) error {
		in.RepID = had.RepID
		x, err := targetFromInput(ctx, tx, in, docID)
		if err != nil {
			return err
		}
		x.DocID = docID
		return tx.UpdateTarget(ctx, d.User.ID, seen, x, "target "+x.Period)
	})
}

// Targets lists targets, latest period first: a sales rep's own, every
// rep's for the desk and supervisors.
func (d *Desk) Targets(ctx context.Context) ([]store.Target, error) {
	if err := permitScreen(d.User, ScreenPlans); err != nil {
		return nil, err
	}
	rep := d.planScope()
	return read(ctx, d.e, func(tx *store.Tx) ([]store.Target, error) { return tx.Targets(ctx, rep) })
}

// PlanReport is one rep's month: the approved monthly plans against
// what was ordered, by customer and by product group, beside the
// month's approved target. The totals add up the customers' rows.
type PlanReport struct {
	RepID      int64
	Month      string // YYYY-MM
	Target     store.Target
	ByCustomer []store.PlanActual
	ByGroup    []store.PlanActual
	Total      store.PlanActual
	// Days is the month's length; Daily the tonnes the rep's customers
	// ordered on each day up to today, as Statistics counts them (on the
	// signed copy's day), for the month's line of plan against actual.
	Days  int
	Daily []store.Milli
}

// PlanVsActual reports rep's month ("YYYY-MM"): a sales rep only their
// own (repID 0 means the caller).
func (d *Desk) PlanVsActual(ctx context.Context, repID int64, month string) (PlanReport, error) {
	r := PlanReport{RepID: repID}
	if err := permitScreen(d.User, ScreenPlans); err != nil {
		return r, err
	}
	if r.RepID == 0 {
		r.RepID = d.User.ID
	}
	if err := d.mayOpenPlan(r.RepID, 0, ScreenPlans); err != nil {
		return r, err
	}
	m, ok := parseMonth(month)
	if !ok {
		return r, FieldErrors{{Field: FPeriod, Code: InvalidDate}}
	}
	r.Month = m
	span := d.e.monthSpan(m)
	err := d.e.st.Read(ctx, func(tx *store.Tx) (err error) {
		if r.ByCustomer, r.ByGroup, err = tx.PlanVsActual(ctx, r.RepID, span.first, span.last, span.from, span.to); err != nil {
			return err
		}
		if r.Target, err = tx.ApprovedTarget(ctx, r.RepID, m, 0); err != nil {
			return err
		}
		r.Daily, err = d.e.dailyOrdered(ctx, tx, r.RepID, span)
		return err
	})
	r.Days = span.to.AddDate(0, 0, -1).Day()
	for _, c := range r.ByCustomer {
		r.Total.PlanTonnes += c.PlanTonnes
		r.Total.PlanAmount += c.PlanAmount
		r.Total.ActualTonnes += c.ActualTonnes
		r.Total.ActualAmount += c.ActualAmount
	}
	return r, err
}

// loadPlanContent adds a plan's or target's content to a document
// opened for review; a sales rep opens only their own.
func (d *Desk) loadPlanContent(ctx context.Context, tx *store.Tx, dd *DocumentDetail) error {
	if dd.Kind == store.TargetKind {
		x, err := tx.Target(ctx, dd.ID)
		if err != nil {
			return err
		}
		dd.Target = &x
		return d.mayOpenPlan(x.RepID, x.MakerID, ScreenPlans)
	}
	p, err := tx.Plan(ctx, dd.ID)
	if err != nil {
		return err
	}
	dd.Plan = &p
	return d.mayOpenPlan(p.RepID, p.MakerID, ScreenPlans)
}
