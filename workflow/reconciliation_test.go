package workflow

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"orderdesk/store"
	"orderdesk/workflow/printout"
	"orderdesk/workflow/printout/pdftest"
)

// rfix is the reconciliation fixture: the shipping fixture with the
// monthly customer's note released on 2 November (104,442.00) and
// 50,000.00 received from it on 20 November; the clock at the month end.
type rfix struct {
	*sfix
	note int64
}

func newRecon(t *testing.T) *rfix {
	t.Helper()
	return reconFixture.get(t).clone(t)
}

var reconFixture = built[*rfix]{name: "recon", build: buildRecon}

func buildRecon(t *testing.T, path string) *rfix {
	t.Helper()
	s := buildShipping(t, path)
	r := &rfix{sfix: s}
	r.note = s.signedNote(s.signedOrder(s.monthly))
	s.at(time.Date(2026, 11, 20, 2, 0, 0, 0, time.UTC))
	r.receipt(s.monthly, "2026-11-20", 5000000)
	s.at(time.Date(2026, 11, 30, 2, 0, 0, 0, time.UTC))
	return r
}

func (r *rfix) receipt(cust int64, day string, fen store.Money) {
	r.t.Helper()
	r.must(r.st.Write(r.ctx, func(tx *store.Tx) error {
		_, err := tx.InsertReceipt(r.ctx, r.fin.ID, store.Receipt{CustomerID: cust, ReceivedOn: day, Amount: fen, Method: store.MethodBank})
		return err
	}))
}

func (r *rfix) month(u store.User) MonthView {
	r.t.Helper()
	v, err := r.e.Desk(u).MonthReconciliation(r.ctx, "2026-11")
	r.must(err)
	return v
}

func rowOf(v MonthView, cust int64) store.MonthFigures {
	for _, x := range v.Rows {
		if x.CustomerID == cust {
			return x
		}
	}
	return store.MonthFigures{}
}

func TestMonthEnd(t *testing.T) {
	r := newRecon(t)
	v := r.month(r.clerk)
	got := rowOf(v, r.monthly)
	if got.Opening != 0 || got.Shipped != 10444200 || got.Received != 5000000 || got.Closing != 5444200 {
		t.Fatalf("figures %+v", got)
	}
	if v.Doc != nil || !v.MayStart {
		t.Fatalf("a new month: %+v", v)
	}
	// Step two before step one: refused in the workflow.
	_, err := r.e.Desk(r.clerk).IssueStatement(r.ctx, r.monthly, "2026-11")
	refused(t, err, MonthNotSigned)
	_, err = r.e.Desk(r.clerk).StatementPrintout(r.ctx, r.monthly, "2026-11", "沈阳钢材有限公司")
	refused(t, err, MonthNotSigned)

	clerk := r.e.Desk(r.clerk)
	_, err = clerk.StartReconciliation(r.ctx, "2026-12")
	refused(t, err, MonthInFuture)
	_, err = clerk.StartReconciliation(r.ctx, "2026-11")
	r.must(err)
	_, err = clerk.StartReconciliation(r.ctx, "2026-11")
	refused(t, err, ReconExists)

	// Finance's books show 60,000 received: a difference, open until noted.
	id, err := clerk.AddDifference(r.ctx, "2026-11", DifferenceInput{CustomerID: r.monthly, Field: "received", Finance: "60000"})
	r.must(err)
	refused(t, clerk.SubmitReconciliation(r.ctx, "2026-11"), DifferenceOpen)
	var fe FieldErrors
	if err := clerk.ResolveDifference(r.ctx, "2026-11", id, "  "); !errors.As(err, &fe) || fe[0].Field != FNote {
		t.Fatalf("an empty note: %v", err)
	}
	r.must(clerk.ResolveDifference(r.ctx, "2026-11", id, "10,000 received 1 Dec, booked by finance in November"))
	r.must(clerk.SubmitReconciliation(r.ctx, "2026-11"))

	v = r.month(r.fin)
	if v.Doc.Status != "submitted" || len(v.Diffs) != 1 || v.Diffs[0].Difference() != 1000000 || !v.Diffs[0].Resolved {
		t.Fatalf("submitted: %+v %+v", v.Doc, v.Diffs)
	}
	// The clerk cannot sign: no finance role; a supervisor neither.
	refused(t, r.e.Desk(r.clerk).ActOn(r.ctx, v.Doc.DocID, v.Doc.Version, ActionApprove, ""), RoleNotAllowed)
	refused(t, r.e.Desk(r.boss).ActOn(r.ctx, v.Doc.DocID, v.Doc.Version, ActionApprove, ""), RoleNotAllowed)
	r.must(r.e.Desk(r.fin).SignOffMonth(r.ctx, "2026-11", v.Doc.Version))
	v = r.month(r.clerk)
	if !v.Signed() || !v.MayIssue || v.MayEdit {
		t.Fatalf("signed: %+v", v)
	}
	// A signed month takes no more differences.
	_, err = clerk.AddDifference(r.ctx, "2026-11", DifferenceInput{CustomerID: r.monthly, Field: "shipped", Finance: "1"})
	refused(t, err, NotEditable)

	st, err := clerk.IssueStatement(r.ctx, r.monthly, "2026-11")
	r.must(err)
	if st.Closing != 5444200 || st.Number != "DZD2026-11-0001" || st.IssuedOn != "2026-11-30" {
		t.Fatalf("statement %+v", st)
	}
	if err := clerk.RecordStatementReply(r.ctx, st.ID, ReplyInput{Kind: store.ReplyDisputed, Disputed: "", Note: ""}); !errors.As(err, &fe) || len(fe) != 2 {
		t.Fatalf("a dispute needs its amount and why: %v", err)
	}
	r.must(clerk.RecordStatementReply(r.ctx, st.ID, ReplyInput{Kind: store.ReplyReceived}))
	r.must(clerk.RecordStatementReply(r.ctx, st.ID, ReplyInput{Kind: store.ReplyDisputed, Disputed: "10000", Note: "我方12月1日付款1万元未列"}))
	v = r.month(r.clerk)
	if s := v.Statements[r.monthly]; s.Reply != store.ReplyDisputed || s.Disputed != 1000000 {
		t.Fatalf("reply %+v", s)
	}

	p, err := clerk.StatementPrintout(r.ctx, r.monthly, "2026-11", "沈阳钢材有限公司")
	r.must(err)
	if _, _, _, closing := p.Totals(); closing != 5444200 || len(p.Lines) != 2 || p.Number != st.Number {
		t.Fatalf("printout %+v", p)
	}
	text := pdfText(t, p)
	for _, want := range []string{"货款往来对账单", "沈阳月结机械有限公司", "DZD2026-11-0001", "104,442.00", "50,000.00", "54,442.00", "2026年11月"} {
		if !strings.Contains(text, want) {
			t.Errorf("statement PDF lacks %q:\n%s", want, text)
		}
	}
}

// pdfText renders the statement and reads it back with pdftotext.
func pdfText(t *testing.T, s printout.Statement) string {
	t.Helper()
	b, err := printout.StatementPDF(s)
	if err != nil {
		t.Fatal(err)
	}
	return pdftest.Text(t, b)
}

// signed takes the month through to finance's sign-off.
func (r *rfix) signed() MonthView {
	r.t.Helper()
	clerk := r.e.Desk(r.clerk)
	_, err := clerk.StartReconciliation(r.ctx, "2026-11")
	r.must(err)
	r.must(clerk.SubmitReconciliation(r.ctx, "2026-11"))
	v := r.month(r.fin)
	r.must(r.e.Desk(r.fin).SignOffMonth(r.ctx, "2026-11", v.Doc.Version))
	return r.month(r.clerk)
}

func TestStatementGateInTheDatabase(t *testing.T) {
	r := newRecon(t)
	_, err := r.e.Desk(r.clerk).StartReconciliation(r.ctx, "2026-11")
	r.must(err)
	r.must(r.e.Desk(r.clerk).SubmitReconciliation(r.ctx, "2026-11"))
	v := r.month(r.clerk)
	db := r.rawDB(t)
	insert := func() error {
		_, err := db.Exec(`INSERT INTO statements(number, customer_id, month, recon_doc_id, opening, shipped, invoiced, received, closing,
			issued_on, issued_by, created_at, updated_at, updated_by) VALUES ('X1', ?, '2026-11', ?, 0, 10444200, 0, 5000000, 5444200,
			'2026-11-30', ?, '2026-11-30T02:00:00.000Z', '2026-11-30T02:00:00.000Z', ?)`, r.monthly, v.Doc.DocID, r.clerk.ID, r.clerk.ID)
		return err
	}
	if err := insert(); err == nil || !strings.Contains(err.Error(), "month_not_signed") {
		t.Fatalf("a statement of a submitted month written around orderdesk: %v", err)
	}
	r.must(r.e.Desk(r.fin).SignOffMonth(r.ctx, "2026-11", v.Doc.Version))
	// Signed: the same row goes in, but not with other figures.
	if _, err := db.Exec(`INSERT INTO statements(number, customer_id, month, recon_doc_id, opening, shipped, invoiced, received, closing,
			issued_on, issued_by, created_at, updated_at, updated_by) VALUES ('X0', ?, '2026-11', ?, 0, 10444200, 0, 4000000, 6444200,
			'2026-11-30', ?, '2026-11-30T02:00:00.000Z', '2026-11-30T02:00:00.000Z', ?)`, r.monthly, v.Doc.DocID, r.clerk.ID, r.clerk.ID); err == nil ||
		!strings.Contains(err.Error(), "amount_mismatch") {
		t.Fatalf("a statement with figures finance did not sign: %v", err)
	}
	if err := insert(); err != nil {
		t.Fatalf("a statement of the signed month: %v", err)
	}
}

func TestSignOffIsNeverTheMakers(t *testing.T) {
	r := newRecon(t)
	// fin2 is finance and clerk: they start and submit, so they may not sign.
	d := r.e.Desk(r.fin2)
	_, err := d.StartReconciliation(r.ctx, "2026-11")
	r.must(err)
	r.must(d.SubmitReconciliation(r.ctx, "2026-11"))
	v := r.month(r.fin2)
	refused(t, d.SignOffMonth(r.ctx, "2026-11", v.Doc.Version), MakerCannotSignOff)
	// Around orderdesk the database says the same.
	err = r.st.Write(r.ctx, func(tx *store.Tx) error {
		return tx.InsertTransition(r.ctx, store.Transition{DocID: v.Doc.DocID, Action: ActionApprove, From: "submitted", To: "signed",
			ActorID: r.fin2.ID, SignOff: true})
	})
	var re *store.RuleError
	if !errors.As(err, &re) || re.Code != string(MakerCannotSignOff) {
		t.Fatalf("want maker_cannot_sign from the database, got %v", err)
	}
	r.must(r.e.Desk(r.fin).SignOffMonth(r.ctx, "2026-11", v.Doc.Version))
}

func TestReopeningNeedsASignedOffReopening(t *testing.T) {
	r := newRecon(t)
	v := r.signed()
	// Not by hand: reopen is the engine's step.
	refused(t, r.e.Desk(r.fin).Act(r.ctx, v.Doc.DocID, ActionReopen, "wrong"), NotAllowed)
	// Nor around orderdesk without a signed-off reopening.
	err := r.st.Write(r.ctx, func(tx *store.Tx) error {
		return tx.InsertTransition(r.ctx, store.Transition{DocID: v.Doc.DocID, Action: ActionReopen, From: "signed", To: "reopened", ActorID: r.fin.ID})
	})
	var re *store.RuleError
	if !errors.As(err, &re) || re.Code != string(ReopeningMissing) {
		t.Fatalf("want reopening_missing from the database, got %v", err)
	}
	clerk := r.e.Desk(r.clerk)
	_, err = clerk.RequestReopening(r.ctx, "2026-11", " ")
	var fe FieldErrors
	if !errors.As(err, &fe) || fe[0].Field != FReason {
		t.Fatalf("a reopening needs its reason: %v", err)
	}
	id, err := clerk.RequestReopening(r.ctx, "2026-11", "客户退货未入账")
	r.must(err)
	_, err = clerk.RequestReopening(r.ctx, "2026-11", "again")
	refused(t, err, ReopeningOpen)
	// Waiting: still signed, statements still issue.
	if !r.month(r.clerk).Signed() {
		t.Fatal("a waiting reopening reopened the month")
	}
	// Asking is not signing: the clerk cannot approve their own.
	refused(t, r.e.Desk(r.clerk).Act(r.ctx, id, ActionApprove, ""), RoleNotAllowed)
	r.must(r.e.Desk(r.boss).Act(r.ctx, id, ActionApprove, ""))
	v = r.month(r.clerk)
	if v.Doc.Status != "reopened" || !v.MayEdit || v.MayIssue {
		t.Fatalf("reopened: %+v", v.Doc)
	}
	_, err = clerk.IssueStatement(r.ctx, r.monthly, "2026-11")
	refused(t, err, MonthNotSigned)
	// One reopening reopens once: signed again, it cannot be spent twice.
	r.must(clerk.SubmitReconciliation(r.ctx, "2026-11"))
	v = r.month(r.fin)
	r.must(r.e.Desk(r.fin).SignOffMonth(r.ctx, "2026-11", v.Doc.Version))
	err = r.st.Write(r.ctx, func(tx *store.Tx) error {
		return tx.InsertTransition(r.ctx, store.Transition{DocID: v.Doc.DocID, Action: ActionReopen, From: "signed", To: "reopened", ActorID: r.fin.ID})
	})
	if !errors.As(err, &re) || re.Code != string(ReopeningMissing) {
		t.Fatalf("a spent reopening used again: %v", err)
	}
}

func TestLadderAtTheDayBoundaries(t *testing.T) {
	const due = "2026-10-31"
	for _, c := range []struct {
		day   string
		days  int
		stage Stage
	}{
		{"2026-10-30", -1, StageCurrent},
		{"2026-10-31", 0, StageCurrent}, // the due day itself: not yet late
		{"2026-11-01", 1, StageRemind},
		{"2026-11-06", 6, StageRemind}, // due + 6: still within the week
		{"2026-11-07", 7, StageReport}, // due + 7: a week: the unpaid report
		{"2026-11-29", 29, StageReport},
		{"2026-11-30", 30, StageLetter}, // due + 30: a month: the letter
		{"2026-12-01", 31, StageLetter},
		{"2027-06-01", 213, StageLetter},
	} {
		stage, days := LadderStage(due, c.day, DefaultLadder)
		if stage != c.stage || days != c.days {
			t.Errorf("due %s on %s: %s after %d days, want %s after %d", due, c.day, stage, days, c.stage, c.days)
		}
	}
	// Thresholds are configuration.
	r := LadderRules{RemindAfter: 3, ReportAfter: 10, LetterAfter: 45}
	for day, want := range map[string]Stage{"2026-11-02": StageCurrent, "2026-11-03": StageRemind, "2026-11-10": StageReport,
		"2026-12-14": StageReport, "2026-12-15": StageLetter} {
		if got, _ := LadderStage(due, day, r); got != want {
			t.Errorf("custom ladder on %s: %s, want %s", day, got, want)
		}
	}
	for age, want := range map[int]int{0: 0, 30: 0, 31: 1, 60: 1, 61: 2, 90: 2, 91: 3, 400: 3} {
		if got := AgeBucket(age); got != want {
			t.Errorf("age %d in column %d, want %d", age, got, want)
		}
	}
}

func TestLadderThresholdsFromSettings(t *testing.T) {
	r := newRecon(t)
	refused(t, r.e.SetLadderRules(r.ctx, LadderRules{RemindAfter: 10, ReportAfter: 7, LetterAfter: 30}), InvalidSetting)
	r.must(r.e.SetLadderRules(r.ctx, LadderRules{RemindAfter: 2, ReportAfter: 14, LetterAfter: 60}))
	c, err := r.e.Desk(r.clerk).Collections(context.Background(), "2026-12-01")
	r.must(err)
	if c.Rules != (LadderRules{RemindAfter: 2, ReportAfter: 14, LetterAfter: 60}) {
		t.Fatalf("rules %+v", c.Rules)
	}
}

func TestDaysBetweenAgreesWithTime(t *testing.T) {
	base := time.Date(1999, 12, 25, 0, 0, 0, 0, time.UTC)
	for i := 0; i < 3000; i += 7 {
		a := base.AddDate(0, 0, i)
		for _, d := range []int{-400, -31, -1, 0, 1, 6, 7, 29, 30, 31, 59, 366} {
			b := a.AddDate(0, 0, d)
			got, ok := DaysBetween(a.Format("2006-01-02"), b.Format("2006-01-02"))
			if !ok || got != d {
				t.Fatalf("%s to %s: %d, want %d", a.Format("2006-01-02"), b.Format("2006-01-02"), got, d)
			}
		}
	}
	if _, ok := DaysBetween("2026-13-01", "2026-01-01"); ok {
		t.Error("month 13 read as a day")
	}
}

// Finance sees the submitted month in its Review inbox with the desk's
// totals and the differences, and may sign it there.
func TestMonthInTheReviewInbox(t *testing.T) {
	r := newRecon(t)
	clerk := r.e.Desk(r.clerk)
	_, err := clerk.StartReconciliation(r.ctx, "2026-11")
	r.must(err)
	_, err = clerk.AddDifference(r.ctx, "2026-11", DifferenceInput{CustomerID: r.monthly, Field: "closing", Finance: "54442", Note: "对方少记一笔"})
	r.must(err)
	r.must(clerk.SubmitReconciliation(r.ctx, "2026-11"))
	items, err := r.e.Desk(r.fin).Inbox(r.ctx)
	r.must(err)
	var doc int64
	for _, it := range items {
		if it.Kind == store.ReconciliationKind {
			doc = it.ID
		}
	}
	if doc == 0 {
		t.Fatalf("the month is not in finance's inbox: %+v", items)
	}
	dd, err := r.e.Desk(r.fin).Document(r.ctx, doc)
	r.must(err)
	if dd.Recon == nil || dd.Recon.Month != "2026-11" || dd.Recon.Totals.Closing != 5444200 || len(dd.Recon.Diffs) != 1 {
		t.Fatalf("review content %+v", dd.Recon)
	}
	can := false
	for _, a := range dd.Actions {
		can = can || a.Action == ActionApprove
	}
	if !can {
		t.Fatalf("finance may not sign in Review: %+v", dd.Actions)
	}
	r.must(r.e.Desk(r.fin).ActOn(r.ctx, doc, dd.Version, ActionApprove, ""))
	if !r.month(r.clerk).Signed() {
		t.Fatal("signed in Review, the month is not signed")
	}
}

func TestTaskForWhom(t *testing.T) {
	rep := store.User{ID: 7, Roles: []string{"sales_rep"}, Active: true}
	other := store.User{ID: 8, Roles: []string{"sales_rep"}, Active: true}
	clerk := store.User{ID: 9, Roles: []string{"clerk"}, Active: true}
	boss := store.User{ID: 10, Roles: []string{"supervisor"}, Active: true}
	fin := store.User{ID: 11, Roles: []string{"finance"}, Active: true}
	e := &Engine{}
	for _, c := range []struct {
		task Task
		who  store.User
		want bool
	}{
		{TaskRemind, clerk, true}, {TaskRemind, rep, true}, {TaskRemind, other, false}, {TaskRemind, fin, false},
		{TaskReport, rep, true}, {TaskReport, clerk, false}, {TaskReport, boss, true}, {TaskReport, other, false},
		{TaskLetter, clerk, true}, {TaskLetter, rep, true}, {TaskLetter, boss, true},
		{TaskNone, boss, false}, {TaskNone, rep, false},
	} {
		x := Collectible{OpenInvoice: store.OpenInvoice{RepID: 7}, Task: c.task}
		if got := e.Desk(c.who).TaskFor(x); got != c.want {
			t.Errorf("%s for %v: %v, want %v", c.task, c.who.Roles, got, c.want)
		}
	}
}

// A note voided after its release leaves the month it shipped in, as
// the ledger's trigger says, through the desk's own void.
func TestVoidedNoteLeavesTheMonth(t *testing.T) {
	r := newRecon(t)
	r.must(r.e.Desk(r.clerk).Act(r.ctx, r.note, ActionVoid, "客户取消"))
	got := rowOf(r.month(r.clerk), r.monthly)
	if got.Shipped != 0 || got.Received != 5000000 || got.Closing != -5000000 {
		t.Fatalf("after the void: %+v", got)
	}
}
