package workflow

import (
	"context"
	"sort"
	"strconv"

	"orderdesk/store"
)

// Collections (回款). The source's rule, 销售内勤的工作流程 (6):
//   履约记款 ≦ 回款日期 + 一周内   由内勤提醒销售专员
//   逾期回款 ≧ 回款日期 + 一周     由销售专员填写未回款报告单
//            ≥ 回款日期 + 一月     由销售专员逾期回款函和货款往来对账单
// Every open invoice sits on this ladder, computed for any day from its
// due day. Days past due = day − due day, in calendar days; with the
// default thresholds (1, 7, 30):
//   due + 0 (the due day) and before  current: nothing to do yet
//   due + 1 … due + 6                 remind: the clerk reminds the rep
//   due + 7 … due + 29                report: the rep files an unpaid report
//   due + 30 and after                letter: an overdue letter with a
//                                     statement goes to the customer
// "One month" is LetterAfter days (30 by default), so the ladder reads
// the same for invoices due on the 31st and on the 28th.

// Collection settings (config collections.*), kept in the settings table.
const (
	SettingRemindAfter = "collections.remind_after_days"
	SettingReportAfter = "collections.report_after_days"
	SettingLetterAfter = "collections.letter_after_days"
)

// LadderRules are the ladder's thresholds in days past due.
type LadderRules struct {
	RemindAfter int // from this many days past due the clerk reminds the rep
	ReportAfter int // … the rep files an unpaid report
	LetterAfter int // … an overdue letter goes out
}

// DefaultLadder is the source text's ladder: past due, a week, a month.
var DefaultLadder = LadderRules{RemindAfter: 1, ReportAfter: 7, LetterAfter: 30}

// Valid reports whether the thresholds climb.
func (r LadderRules) Valid() bool {
	return r.RemindAfter >= 0 && r.RemindAfter <= r.ReportAfter && r.ReportAfter <= r.LetterAfter && r.LetterAfter <= 3650
}

// Stage is a rung of the ladder.
type Stage string

// The ladder's stages, in order.
const (
	StageCurrent Stage = "current"
	StageRemind  Stage = "remind"
	StageReport  Stage = "report"
	StageLetter  Stage = "letter"
)

// DaysBetween counts calendar days from a to b (YYYY-MM-DD); ok false if
// either is not a day.
func DaysBetween(a, b string) (int, bool) {
	da, ok1 := dayNumber(a)
	db, ok2 := dayNumber(b)
	return db - da, ok1 && ok2
}

// dayNumber is the day's number counted from 1970-01-01, by arithmetic
// (the ladder places every open invoice: time.Parse for each is most of
// its cost).
func dayNumber(s string) (int, bool) {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return 0, false
	}
	num := func(p string) (int, bool) {
		n := 0
		for i := 0; i < len(p); i++ {
			if p[i] < '0' || p[i] > '9' {
				return 0, false
			}
			n = n*10 + int(p[i]-'0')
		}
		return n, true
	}
	y, ok1 := num(s[:4])
	m, ok2 := num(s[5:7])
	d, ok3 := num(s[8:])
	if !ok1 || !ok2 || !ok3 || m < 1 || m > 12 || d < 1 || d > 31 {
		return 0, false
	}
	// Days from civil (Howard Hinnant's algorithm).
	if m <= 2 {
		y--
	}
	era := y / 400
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := (153*mp+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe - 719468, true
}

// LadderStage places an invoice due on due on the ladder as of day.
func LadderStage(due, day string, r LadderRules) (Stage, int) {
	n, ok := DaysBetween(due, day)
	switch {
	case !ok || n < r.RemindAfter:
		return StageCurrent, n
	case n < r.ReportAfter:
		return StageRemind, n
	case n < r.LetterAfter:
		return StageReport, n
	}
	return StageLetter, n
}

// AgeBucket is the ageing column of an invoice issued age days ago:
// 0–30, 31–60, 61–90, over 90 (账龄, from the invoice day).
func AgeBucket(age int) int {
	switch {
	case age <= 30:
		return 0
	case age <= 60:
		return 1
	case age <= 90:
		return 2
	}
	return 3
}

// SetLadderRules records the configured thresholds (audited, as the
// system user) where they differ from those in force; the defaults are
// never written (an unset threshold reads as its default).
func (e *Engine) SetLadderRules(ctx context.Context, r LadderRules) error {
	if !r.Valid() {
		return &Refusal{Code: InvalidSetting}
	}
	d := DefaultLadder
	return e.keepConfigured(ctx, configuredInt(SettingRemindAfter, r.RemindAfter, d.RemindAfter),
		configuredInt(SettingReportAfter, r.ReportAfter, d.ReportAfter), configuredInt(SettingLetterAfter, r.LetterAfter, d.LetterAfter))
}

// ladderRules reads the thresholds in force.
func ladderRules(ctx context.Context, tx *store.Tx) (LadderRules, error) {
	r := DefaultLadder
	for _, kv := range []struct {
		key string
		dst *int
	}{{SettingRemindAfter, &r.RemindAfter}, {SettingReportAfter, &r.ReportAfter}, {SettingLetterAfter, &r.LetterAfter}} {
		v, err := tx.Setting(ctx, kv.key)
		if err != nil {
			return r, err
		}
		if n, err := strconv.Atoi(v); err == nil {
			*kv.dst = n
		}
	}
	if !r.Valid() {
		return DefaultLadder, nil
	}
	return r, nil
}

// Task is what the ladder asks of someone for an invoice: "" nothing
// (not yet, or done for this stage).
type Task string

// Tasks of the ladder.
const (
	TaskNone   Task = ""
	TaskRemind Task = "remind" // the clerk reminds the rep
	TaskReport Task = "report" // the rep files an unpaid report
	TaskLetter Task = "letter" // an overdue letter goes to the customer
)

// Collectible is an open invoice on the ladder.
type Collectible struct {
	store.OpenInvoice
	Stage   Stage
	Overdue int  // days past due (negative: not yet due)
	Age     int  // days since the invoice day
	Bucket  int  // ageing column (AgeBucket)
	Task    Task // what is still to be done at this stage
}

// AgeingRow is the open amount of one customer or rep by ageing column.
type AgeingRow struct {
	ID      int64
	Name    string
	Buckets [4]store.Money
	Total   store.Money
}

// Collections is the ladder, the ageing and the tasks as of a day.
type Collections struct {
	Day        string
	Rules      LadderRules
	Items      []Collectible
	ByCustomer []AgeingRow
	ByRep      []AgeingRow
	Total      AgeingRow
}

// Collections computes the ladder and the ageing of every open invoice
// this user may see, as of day ("" today).
func (d *Desk) Collections(ctx context.Context, day string) (c Collections, err error) {
	if err = permitScreen(d.User, ScreenReconciliation); err != nil {
		return
	}
	if day == "" {
		day = Day(d.e.Now(), d.e.loc)
	}
	c.Day = day
	var open []store.OpenInvoice
	err = d.e.st.Read(ctx, func(tx *store.Tx) error {
		if c.Rules, err = ladderRules(ctx, tx); err != nil {
			return err
		}
		open, err = tx.OpenInvoices(ctx, day)
		return err
	})
	if err != nil {
		return c, err
	}
	all := hasAnyRole(d.User, []Role{Clerk, Supervisor, Finance})
	c.Items = make([]Collectible, 0, len(open))
	for _, o := range open {
		if !all && !SeesMoneyOf(d.User, o.RepID) {
			continue
		}
		c.Items = append(c.Items, place(o, day, c.Rules))
	}
	c.ByCustomer, c.ByRep, c.Total = ageing(c.Items)
	return c, nil
}

// place puts one invoice on the ladder as of day.
func place(o store.OpenInvoice, day string, r LadderRules) Collectible {
	x := Collectible{OpenInvoice: o}
	x.Stage, x.Overdue = LadderStage(o.DueOn, day, r)
	x.Age, _ = DaysBetween(o.IssuedOn, day)
	x.Bucket = AgeBucket(x.Age)
	// A stage's task is done by an act on or after the day the invoice
	// reached it (n days past due).
	doneSince := func(act string, n int) bool {
		if act == "" {
			return false
		}
		late, ok := DaysBetween(o.DueOn, act)
		return ok && late >= n
	}
	if o.Opening {
		return x // reminders and reports are filed on invoices; a letter names it all the same
	}
	switch x.Stage {
	case StageRemind:
		if !doneSince(o.RemindedOn, r.RemindAfter) {
			x.Task = TaskRemind
		}
	case StageReport:
		if !doneSince(o.ReportedOn, r.ReportAfter) {
			x.Task = TaskReport
		}
	case StageLetter:
		if !doneSince(o.LetterOn, r.LetterAfter) {
			x.Task = TaskLetter
		}
	}
	return x
}

// ageing adds the open amounts by customer and by rep.
func ageing(items []Collectible) (byCustomer, byRep []AgeingRow, total AgeingRow) {
	cs, rs := map[int64]*AgeingRow{}, map[int64]*AgeingRow{}
	add := func(m map[int64]*AgeingRow, id int64, name string, b int, v store.Money) {
		r := m[id]
		if r == nil {
			r = &AgeingRow{ID: id, Name: name}
			m[id] = r
		}
		r.Buckets[b] += v
		r.Total += v
	}
	for _, x := range items {
		v := x.Open()
		add(cs, x.CustomerID, x.Customer, x.Bucket, v)
		add(rs, x.RepID, x.Rep, x.Bucket, v)
		total.Buckets[x.Bucket] += v
		total.Total += v
	}
	flat := func(m map[int64]*AgeingRow) []AgeingRow {
		out := make([]AgeingRow, 0, len(m))
		for _, r := range m {
			out = append(out, *r)
		}
		sort.Slice(out, func(i, j int) bool {
			if out[i].Total != out[j].Total {
				return out[i].Total > out[j].Total
			}
			return out[i].ID < out[j].ID
		})
		return out
	}
	return flat(cs), flat(rs), total
}

// MyCollectionTasks lists the ladder's tasks waiting for this user as of
// day (TaskFor).
func (d *Desk) MyCollectionTasks(ctx context.Context, day string) ([]Collectible, error) {
	c, err := d.Collections(ctx, day)
	if err != nil {
		return nil, err
	}
	var out []Collectible
	for _, x := range c.Items {
		if d.TaskFor(x) {
			out = append(out, x)
		}
	}
	return out, nil
}

// TaskFor reports whether an invoice's task waits for this user: a
// reminder for the clerks and the customer's rep (who sees it too),
// an unpaid report for the rep, a letter for the clerks and the rep;
// supervisors see every task.
func (d *Desk) TaskFor(x Collectible) bool {
	if x.Task == TaskNone {
		return false
	}
	if hasAnyRole(d.User, []Role{Supervisor}) || (x.RepID == d.User.ID && d.User.HasRole(string(SalesRep))) {
		return true
	}
	return hasAnyRole(d.User, []Role{Clerk}) && (x.Task == TaskRemind || x.Task == TaskLetter)
}

// PlanLine is one line of the monthly collection plan (月回款计划):
// invoice day, due day, what was received and what is outstanding.
type PlanLine struct {
	store.OpenInvoice
	Outstanding store.Money
}

// CollectionPlan lists the month's plan: invoices due in the month and
// those due earlier still open at its start, with what was received by
// its end.
func (d *Desk) CollectionPlan(ctx context.Context, month string) ([]PlanLine, error) {
	if err := permitScreen(d.User, ScreenReconciliation); err != nil {
		return nil, err
	}
	m, ok := ParseMonth(month)
	if !ok {
		return nil, &FieldError{Field: FMonth, Code: InvalidDate}
	}
	var rows []store.OpenInvoice
	err := d.e.st.Read(ctx, func(tx *store.Tx) (err error) {
		rows, err = tx.CollectionPlan(ctx, m)
		return err
	})
	if err != nil {
		return nil, err
	}
	all := hasAnyRole(d.User, []Role{Clerk, Supervisor, Finance})
	out := make([]PlanLine, 0, len(rows))
	for _, r := range rows {
		if all || SeesMoneyOf(d.User, r.RepID) {
			out = append(out, PlanLine{OpenInvoice: r, Outstanding: r.Open()})
		}
	}
	return out, nil
}
