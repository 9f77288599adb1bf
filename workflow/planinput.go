package workflow

import (
	"context"
	"strings"
	"time"

	"orderdesk/store"
)

// Field names of the plan and target forms.
const (
	FPeriod       = "period"
	FFrom         = "from"
	FTo           = "to"
	FNewCustomers = "new_customers"
	FAims         = "aims"
	FProductGroup = "product_group"
	FProspect     = "prospect"
	FActivity     = "activity"
	FTonnes       = "tonnes"
	FResult       = "result"
)

// Refusals and field problems of plans and targets.
const (
	PlanOverlap  Code = "plan_overlap"  // an approved plan of the rep already covers some of these days
	TargetExists Code = "target_exists" // the rep's period already has an approved target
	NotYourPlan  Code = "not_your_plan" // a sales rep's plans are their own

	OverlapsApproved FieldCode = "overlaps_approved" // Want holds the approved plan's ref
	UnknownGroup     FieldCode = "unknown_group"     // not a product name (品名) of the catalogue
	TargetApproved   FieldCode = "target_approved"   // Want holds the approved target's ref
	PeriodTooLong    FieldCode = "period_too_long"   // more days than the period kind has; Max holds them
)

// Plan activities (weekly plans): call or visit the line's customer.
const (
	ActivityCall  = "call"
	ActivityVisit = "visit"
)

var activityWords = map[string]string{"": "", "call": ActivityCall, "电话": ActivityCall, "visit": ActivityVisit, "拜访": ActivityVisit}

// periodDays is the most days a plan of each period kind covers.
var periodDays = map[string]int{store.PeriodMonth: 31, store.PeriodWeek: 7, store.PeriodDay: 1}

// PlanInput is a plan's form as typed. RepID is the plan's rep (a sales
// rep's own plans need none: they are theirs). From takes a day, or for
// a month YYYY-MM; To left empty ends the month, the week (six days
// on) or the day.
type PlanInput struct {
	RepID        int64
	Period       string
	From, To     string
	NewCustomers string
	Aims         string
	Lines        []PlanLineInput
}

// PlanLineInput is one line as typed: a customer picked from the
// lookup, or a product group (品名), or a prospect's name.
type PlanLineInput struct {
	CustomerID   int64
	ProductGroup string
	Prospect     string
	Activity     string // call, visit (电话, 拜访), or empty
	Tonnes       string
	Amount       string
	Note         string
}

// parsePlanPeriod reads a plan's days: from is a day, or for a month
// YYYY-MM (its first day); to defaults to the period's end.
func parsePlanPeriod(period, from, to string, today time.Time) (string, string, FieldErrors) {
	var errs FieldErrors
	days, ok := periodDays[period]
	if !ok {
		return "", "", FieldErrors{{Field: FPeriod, Code: InvalidChoice}}
	}
	start, fe := parseMonthOrDay(FFrom, from, today, period == store.PeriodMonth)
	if fe == nil && start == "" {
		fe = &FieldError{Field: FFrom, Code: Required}
	}
	errs.Add(fe)
	end, fe := ParseDayField(FTo, to, today, AnyDay)
	errs.Add(fe)
	if len(errs) > 0 {
		return "", "", errs
	}
	s, _ := time.Parse(time.DateOnly, start)
	if end == "" {
		switch period {
		case store.PeriodMonth:
			end = s.AddDate(0, 1, -s.Day()).Format(time.DateOnly)
		case store.PeriodWeek:
			end = s.AddDate(0, 0, 6).Format(time.DateOnly)
		default:
			end = start
		}
	}
	e, _ := time.Parse(time.DateOnly, end)
	switch {
	case e.Before(s):
		return "", "", FieldErrors{{Field: FTo, Code: DateOrder}}
	case int(e.Sub(s).Hours()/24)+1 > days:
		return "", "", FieldErrors{{Field: FTo, Code: PeriodTooLong, Max: days}}
	}
	return start, end, nil
}

// parseMonthOrDay reads a day, or where month is true also YYYY-MM (the
// month's first day).
func parseMonthOrDay(field, s string, today time.Time, month bool) (string, *FieldError) {
	if m, ok := parseMonth(s); ok && month {
		return m + "-01", nil
	}
	day, fe := ParseDayField(field, s, today, AnyDay)
	if fe != nil && fe.Code == InvalidDate && month {
		fe.Code = InvalidMonth // the hint offers a month: say so
	}
	return day, fe
}

// parseMonth reads YYYY-MM (2026-12, 2026/12, 2026年12月, full-width too).
func parseMonth(s string) (string, bool) {
	s = strings.NewReplacer("/", "-", ".", "-", "年", "-", "月", "").Replace(NormalizeDigits(s))
	t, err := time.Parse("2006-1", s)
	if err != nil || t.Year() < 1900 {
		return "", false
	}
	return t.Format("2006-01"), true
}

// parseYearOrMonth reads a target's period: YYYY or YYYY-MM.
func parseYearOrMonth(s string) (string, *FieldError) {
	if m, ok := parseMonth(s); ok {
		return m, nil
	}
	s = NormalizeDigits(strings.TrimSuffix(strings.TrimSpace(s), "年"))
	if t, err := time.Parse("2006", s); err == nil && t.Year() >= 1900 {
		return s, nil
	}
	if s == "" {
		return "", &FieldError{Field: FPeriod, Code: Required}
	}
	return "", &FieldError{Field: FPeriod, Code: InvalidPeriod}
}

// planFromInput checks a plan's form and returns it as stored; what is
// wrong comes back as FieldErrors, at the field (lines by number).
// except is the plan being edited (0 for a new one).
func (d *Desk) planFromInput(ctx context.Context, tx *store.Tx, in PlanInput, except int64) (store.Plan, error) {
	var errs FieldErrors
	p := store.Plan{PlanHeader: store.PlanHeader{DocID: except, RepID: in.RepID}, Period: strings.TrimSpace(in.Period)}
	start, end, perrs := parsePlanPeriod(p.Period, in.From, in.To, d.e.Now())
	errs = append(errs, perrs...)
	p.StartsOn, p.EndsOn = start, end
	n, fe := ParseIntField(FNewCustomers, in.NewCustomers, 0, 100000)
	p.NewCustomers = n
	errs.Add(fe, CheckText(FAims, in.Aims, false, MaxLong))
	p.Aims = CleanText(in.Aims, true)
	for i, l := range in.Lines {
		pl, lerrs := d.planLine(ctx, tx, l)
		errs.AddLine(i+1, lerrs...)
		p.Lines = append(p.Lines, pl)
	}
	if len(perrs) == 0 {
		ref, err := tx.OverlappingPlan(ctx, p.RepID, p.Period, p.StartsOn, p.EndsOn, except)
		if err != nil {
			return p, err
		}
		if ref != "" {
			errs.Add(&FieldError{Field: FFrom, Code: OverlapsApproved, Want: ref})
		}
	}
	if len(errs) > 0 {
		return p, errs
	}
	return p, nil
}

// planLine checks one line of a plan.
func (d *Desk) planLine(ctx context.Context, tx *store.Tx, l PlanLineInput) (store.PlanLine, []*FieldError) {
	var errs []*FieldError
	add := func(fe *FieldError) {
		if fe != nil {
			errs = append(errs, fe)
		}
	}
	pl := store.PlanLine{CustomerID: l.CustomerID, ProductGroup: CleanText(l.ProductGroup, false), Prospect: CleanText(l.Prospect, false),
		Note: CleanText(l.Note, false)}
	add(CheckText(FProductGroup, l.ProductGroup, false, MaxName))
	add(CheckText(FProspect, l.Prospect, false, MaxName))
	add(CheckText(FNote, l.Note, false, MaxShort))
	if pl.CustomerID == 0 && pl.ProductGroup == "" && pl.Prospect == "" {
		add(&FieldError{Field: FCustomer, Code: Required})
	}
	if pl.CustomerID != 0 {
		if _, err := tx.Customer(ctx, pl.CustomerID); err != nil {
			add(&FieldError{Field: FCustomer, Code: InvalidChoice})
		}
	}
	if pl.ProductGroup != "" {
		if ok, err := tx.IsProductGroup(ctx, pl.ProductGroup); err != nil || !ok {
			add(&FieldError{Field: FProductGroup, Code: UnknownGroup})
		}
	}
	act, ok := activityWords[strings.ToLower(strings.TrimSpace(l.Activity))]
	if !ok {
		add(&FieldError{Field: FActivity, Code: InvalidChoice})
	}
	pl.Activity = act
	var fe *FieldError
	pl.Tonnes, fe = ParseMilliField(FTonnes, l.Tonnes)
	add(fe)
	pl.Amount, fe = ParseMoneyField(FAmount, l.Amount)
	add(fe)
	return pl, errs
}

// TargetInput is a target's form as typed: the rep, the month
// (YYYY-MM) or year (YYYY), and the tonnes and amount.
type TargetInput struct {
	RepID  int64
	Period string
	Tonnes string
	Amount string
	Note   string
}

// targetFromInput checks a target's form; except is the target being
// edited (0 for a new one).
func targetFromInput(ctx context.Context, tx *store.Tx, in TargetInput, except int64) (store.Target, error) {
	var errs FieldErrors
	x := store.Target{PlanHeader: store.PlanHeader{DocID: except, RepID: in.RepID}, Note: CleanText(in.Note, false)}
	var fe *FieldError
	x.Period, fe = parseYearOrMonth(in.Period)
	errs.Add(fe)
	x.Tonnes, fe = ParseMilliField(FTonnes, in.Tonnes)
	errs.Add(fe)
	x.Amount, fe = ParseMoneyField(FAmount, in.Amount)
	errs.Add(fe, CheckText(FNote, in.Note, false, MaxShort))
	if x.Period != "" {
		had, err := tx.ApprovedTarget(ctx, x.RepID, x.Period, except)
		if err != nil {
			return x, err
		}
		if had.DocID != 0 {
			errs.Add(&FieldError{Field: FPeriod, Code: TargetApproved, Want: had.Ref})
		}
	}
	if len(errs) > 0 {
		return x, errs
	}
	return x, nil
}
