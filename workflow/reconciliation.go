package workflow

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"time"

	"orderdesk/store"
)

// Month-end reconciliation (对账). The source's order: the desk first
// agrees the month with finance (先做和财务对), then with the customer
// (再和客户对): step one is this document, signed off by finance; step
// two, statements of account, only for a signed month.

// Refusal codes of reconciliation and collections.
const (
	DifferenceOpen    Code = "difference_open"     // a difference without its resolving note
	MonthNotSigned    Code = "month_not_signed"    // a statement for a month finance has not signed off
	ReopeningMissing  Code = "reopening_missing"   // a signed month reopened without a signed-off reopening
	ReconExists       Code = "recon_exists"        // the month's reconciliation is already started
	ReconMissing      Code = "recon_missing"       // the month has no reconciliation yet
	MonthInFuture     Code = "month_in_future"     // a month not yet begun
	NotSigned         Code = "not_signed"          // only a signed month is reopened
	ReopeningOpen     Code = "reopening_open"      // a reopening of the month already waits
	NothingOwed       Code = "nothing_owed"        // an unpaid report or letter for an invoice with nothing overdue
	NoStatementFigure Code = "no_statement_figure" // the customer has no line in the signed month
	CustomerNotFound  Code = "customer_not_found"  // no one customer answers to the name given
)

// Reconciliation fields, for the errors of its forms.
const (
	FMonth    = "month"
	FField    = "field"
	FFinance  = "finance"
	FDay      = "day"
	FDisputed = "disputed"
	FPromised = "promised"
	FAction   = "action"
)

// Figure names a reconciliation figure.
var Figures = []string{"opening", "shipped", "invoiced", "received", "closing"}

// ParseMonth reads YYYY-MM (also YYYY/MM, YYYYMM).
func ParseMonth(s string) (string, bool) {
	s = strings.TrimSpace(strings.NewReplacer("/", "-", ".", "-").Replace(s))
	if len(s) == 6 && !strings.Contains(s, "-") {
		s = s[:4] + "-" + s[4:]
	}
	t, err := time.Parse("2006-01", s)
	if err != nil {
		return "", false
	}
	return t.Format("2006-01"), true
}

// MonthView is the Reconciliation screen's month: the live figures of
// every customer this user may see, the document and its differences,
// and the statements issued.
type MonthView struct {
	Month      string
	Doc        *store.Reconciliation // nil until the desk starts the month
	Rows       []store.MonthFigures  // computed now from the ledger
	Diffs      []store.ReconDiff
	Statements map[int64]store.Statement // the latest per customer
	Totals     store.MonthFigures
	Actions    []Transition // what this user may do with the document now
	MayStart   bool
	MayEdit    bool // add and resolve differences
	MayIssue   bool // issue statements and record replies (a signed month)
	MayReopen  bool // ask for a reopening
}

// Signed reports whether finance has signed the month off.
func (v MonthView) Signed() bool { return v.Doc != nil && v.Doc.Status == "signed" }

// MonthReconciliation reads a month for the screen: one grouped query
// over the monthly ledger, whatever the number of documents behind it.
func (d *Desk) MonthReconciliation(ctx context.Context, month string) (v MonthView, err error) {
	if err = permitScreen(d.User, ScreenReconciliation); err != nil {
		return
	}
	m, ok := ParseMonth(month)
	if !ok {
		return v, &FieldError{Field: FMonth, Code: InvalidDate}
	}
	v.Month = m
	err = d.e.st.Read(ctx, func(tx *store.Tx) error {
		rows, err := tx.MonthFigures(ctx, m, 0)
		if err != nil {
			return err
		}
		v.Rows = d.visibleFigures(rows)
		v.Totals = store.MonthTotals(v.Rows)
		r, err := tx.ReconciliationOf(ctx, m)
		if errors.Is(err, store.ErrNotFound) {
			return nil
		}
		if err != nil {
			return err
		}
		v.Doc = &r
		if v.Diffs, err = tx.ReconDiffs(ctx, r.DocID); err != nil {
			return err
		}
		sts, err := tx.StatementsOf(ctx, m, 0)
		if err != nil {
			return err
		}
		v.Statements = map[int64]store.Statement{}
		for _, s := range sts {
			if _, seen := v.Statements[s.CustomerID]; !seen {
				v.Statements[s.CustomerID] = s
			}
		}
		doc, err := tx.Document(ctx, r.DocID)
		if err != nil {
			return err
		}
		edited, err := tx.EditedThisRound(ctx, r.DocID, d.User.ID)
		if err != nil {
			return err
		}
		for _, t := range Reconciliation.Actions(doc.Status) {
			if _, err := Check(Reconciliation, doc, d.User, t.Action, "-", edited); err == nil && !t.Internal {
				v.Actions = append(v.Actions, t)
			}
		}
		return nil
	})
	v.MayStart = v.Doc == nil && Can(d.User, ReconcileMonths)
	v.MayEdit = v.Doc != nil && Can(d.User, WorkMonths) &&
		(v.Doc.Status == "draft" || v.Doc.Status == "sent_back" || v.Doc.Status == "reopened")
	v.MayIssue = v.Signed() && Can(d.User, ReconcileMonths)
	v.MayReopen = v.Signed() && Can(d.User, WorkMonths)
	return v, err
}

// visibleFigures keeps the customers whose money this user may see.
func (d *Desk) visibleFigures(rows []store.MonthFigures) []store.MonthFigures {
	if hasAnyRole(d.User, []Role{Clerk, Supervisor, Finance}) {
		return rows
	}
	out := rows[:0:0]
	for _, r := range rows {
		if SeesMoneyOf(d.User, r.RepID) {
			out = append(out, r)
		}
	}
	return out
}

// checkMonth refuses a month not yet begun.
func (d *Desk) checkMonth(month string) (string, error) {
	m, ok := ParseMonth(month)
	if !ok {
		return "", &FieldError{Field: FMonth, Code: InvalidDate}
	}
	if m > d.e.Now().Format("2006-01") {
		return "", &Refusal{Code: MonthInFuture}
	}
	return m, nil
}

// StartReconciliation opens the month's reconciliation as a draft.
func (d *Desk) StartReconciliation(ctx context.Context, month string) (int64, error) {
	if err := permit(d.User, ReconcileMonths, "start"); err != nil {
		return 0, err
	}
	m, err := d.checkMonth(month)
	if err != nil {
		return 0, err
	}
	var id int64
	err = d.e.st.Write(ctx, func(tx *store.Tx) error {
		if _, err := tx.ReconciliationOf(ctx, m); err == nil {
			return &Refusal{Code: ReconExists}
		}
		id, err = tx.CreateReconciliation(ctx, d.User.ID, Reconciliation.Initial(), m)
		return err
	})
	if err != nil {
		return 0, refusalFromStore(err, "start")
	}
	d.e.publish([]Change{{Kind: store.ReconciliationKind, ID: id}})
	return id, nil
}

// reconForEdit loads the month's document for an edit by this user.
func (d *Desk) reconForEdit(ctx context.Context, tx *store.Tx, month string) (store.Reconciliation, error) {
	r, err := tx.ReconciliationOf(ctx, month)
	if errors.Is(err, store.ErrNotFound) {
		return r, &Refusal{Code: ReconMissing}
	}
	if err != nil {
		return r, err
	}
	if err := permit(d.User, WorkMonths, ""); err != nil {
		return r, err
	}
	if r.Status != "draft" && r.Status != "sent_back" && r.Status != "reopened" {
		return r, &Refusal{Code: NotEditable}
	}
	return r, nil
}

// DifferenceInput is a difference as typed: the customer, which figure,
// finance's amount in yuan, and the note (which resolves it when given).
type DifferenceInput struct {
	CustomerID int64
	Field      string
	Finance    string
	Note       string
}

// AddDifference records a difference between the desk's figure and
// finance's for one customer; a note given resolves it at once.
func (d *Desk) AddDifference(ctx context.Context, month string, in DifferenceInput) (int64, error) {
	if err := permit(d.User, WorkMonths, ""); err != nil {
		return 0, err
	}
	m, ok := ParseMonth(month)
	if !ok {
		return 0, &FieldError{Field: FMonth, Code: InvalidDate}
	}
	var errs FieldErrors
	if !contains(Figures, in.Field) {
		errs = append(errs, &FieldError{Field: FField, Code: InvalidChoice})
	}
	fin, perr := store.ParseMoney(strings.TrimSpace(in.Finance))
	if strings.TrimSpace(in.Finance) == "" {
		errs = append(errs, &FieldError{Field: FFinance, Code: Required})
	} else if perr != nil {
		errs = append(errs, &FieldError{Field: FFinance, Code: NotANumber})
	}
	note := strings.TrimSpace(in.Note)
	if len([]rune(note)) > 500 {
		errs = append(errs, &FieldError{Field: FNote, Code: TooLong, Max: 500})
	}
	if len(errs) > 0 {
		return 0, errs
	}
	var id int64
	err := d.e.st.Write(ctx, func(tx *store.Tx) error {
		r, err := d.reconForEdit(ctx, tx, m)
		if err != nil {
			return err
		}
		rows, err := tx.MonthFigures(ctx, m, in.CustomerID)
		if err != nil {
			return err
		}
		var f store.MonthFigures
		if len(rows) == 1 {
			f = rows[0]
		}
		desk := map[string]store.Money{"opening": f.Opening, "shipped": f.Shipped, "invoiced": f.Invoiced, "received": f.Received, "closing": f.Closing}[in.Field]
		id, err = tx.InsertReconDiff(ctx, d.User.ID, store.ReconDiff{DocID: r.DocID, CustomerID: in.CustomerID, Field: in.Field,
			Desk: desk, Finance: fin, Note: note, Resolved: note != ""})
		return err
	})
	if err != nil {
		return 0, refusalFromStore(err, "edit")
	}
	d.e.publish([]Change{{Kind: store.ReconciliationKind}})
	return id, nil
}

// ResolveDifference writes the note that resolves a difference.
func (d *Desk) ResolveDifference(ctx context.Context, month string, diffID int64, note string) error {
	if err := permit(d.User, WorkMonths, ""); err != nil {
		return err
	}
	note = strings.TrimSpace(note)
	if note == "" {
		return FieldErrors{&FieldError{Field: FNote, Code: Required}}
	}
	if len([]rune(note)) > 500 {
		return FieldErrors{&FieldError{Field: FNote, Code: TooLong, Max: 500}}
	}
	err := d.e.st.Write(ctx, func(tx *store.Tx) error {
		if _, err := d.reconForEdit(ctx, tx, month); err != nil {
			return err
		}
		return tx.ResolveReconDiff(ctx, d.User.ID, diffID, note)
	})
	if err != nil {
		return refusalFromStore(err, "edit")
	}
	d.e.publish([]Change{{Kind: store.ReconciliationKind}})
	return nil
}

// SubmitReconciliation sends the month to finance with the desk's
// figures frozen (submit or resubmit, as its status allows).
func (d *Desk) SubmitReconciliation(ctx context.Context, month string) error {
	if err := permit(d.User, WorkMonths, ""); err != nil {
		return err
	}
	var docID int64
	var action string
	err := d.e.st.Read(ctx, func(tx *store.Tx) error {
		r, err := tx.ReconciliationOf(ctx, month)
		if errors.Is(err, store.ErrNotFound) {
			return &Refusal{Code: ReconMissing}
		}
		docID, action = r.DocID, ActionSubmit
		if r.Status == "sent_back" {
			action = ActionResubmit
		}
		return err
	})
	if err != nil {
		return err
	}
	return d.Act(ctx, docID, action, "")
}

// SignOffMonth is finance's sign-off of the month (the Review inbox
// takes the same step).
func (d *Desk) SignOffMonth(ctx context.Context, month string, seen int64) error {
	var docID int64
	err := d.e.st.Read(ctx, func(tx *store.Tx) error {
		r, err := tx.ReconciliationOf(ctx, month)
		if errors.Is(err, store.ErrNotFound) {
			return &Refusal{Code: ReconMissing}
		}
		docID = r.DocID
		return err
	})
	if err != nil {
		return err
	}
	return d.ActOn(ctx, docID, seen, ActionApprove, "")
}

// RequestReopening asks to reopen a signed month, with the reason; it
// waits in the Review inbox of finance and supervisors.
func (d *Desk) RequestReopening(ctx context.Context, month, reason string) (int64, error) {
	if err := permit(d.User, WorkMonths, "reopen"); err != nil {
		return 0, err
	}
	reason = strings.TrimSpace(reason)
	if reason == "" {
		return 0, FieldErrors{&FieldError{Field: FReason, Code: Required}}
	}
	if len([]rune(reason)) > 500 {
		return 0, FieldErrors{&FieldError{Field: FReason, Code: TooLong, Max: 500}}
	}
	var id int64
	err := d.e.st.Write(ctx, func(tx *store.Tx) error {
		r, err := tx.ReconciliationOf(ctx, month)
		if errors.Is(err, store.ErrNotFound) {
			return &Refusal{Code: ReconMissing}
		}
		if err != nil {
			return err
		}
		if r.Status != "signed" {
			return &Refusal{Code: NotSigned}
		}
		waiting, err := tx.ReopeningWaiting(ctx, r.DocID)
		if err != nil {
			return err
		}
		if waiting {
			return &Refusal{Code: ReopeningOpen}
		}
		id, err = tx.CreateDocument(ctx, d.User.ID, store.Document{Kind: store.ReopeningKind, Ref: "CK" + r.Month,
			Status: Reopening.Initial(), Summary: r.Month + " " + reason})
		if err != nil {
			return err
		}
		return tx.InsertReopening(ctx, d.User.ID, id, r.DocID, reason)
	})
	if err != nil {
		return 0, refusalFromStore(err, "reopen")
	}
	d.e.publish([]Change{{Kind: store.ReopeningKind, ID: id}})
	return id, nil
}

// freezeFigures freezes the desk's figures as the month is submitted.
func (e *Engine) freezeFigures(ctx context.Context, tx *store.Tx, m move) error {
	if m.t.Action != ActionSubmit && m.t.Action != ActionResubmit {
		return nil
	}
	rec, err := tx.ReconciliationByDoc(ctx, m.doc.ID)
	if err != nil {
		return err
	}
	return tx.SnapshotReconciliation(ctx, m.actor.ID, m.doc.ID, rec.Month)
}

// reopenMonth reopens the month an approved reopening names, as its
// signer.
func (e *Engine) reopenMonth(ctx context.Context, tx *store.Tx, m move) error {
	if m.t.Action != ActionApprove {
		return nil
	}
	x, err := tx.ReopeningOf(ctx, m.doc.ID)
	if err != nil {
		return err
	}
	return e.applyTx(ctx, tx, applyReq{actor: m.actor, docID: x.ReconDocID, action: ActionReopen,
		comment: x.Reason, internal: true}, m.changes)
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// FindCustomer finds one customer by id, code or words of the name, as
// a command line names it; none or several is refused.
func (d *Desk) FindCustomer(ctx context.Context, s string) (int64, error) {
	s = strings.TrimSpace(s)
	rows, err := d.Customers(ctx, store.Page{Query: s, Limit: 20})
	if err != nil {
		return 0, err
	}
	for _, r := range rows {
		if r.Code == s || r.Name == s || strconv.FormatInt(r.ID, 10) == s {
			return r.ID, nil
		}
	}
	if len(rows) == 1 {
		return rows[0].ID, nil
	}
	if n, err := strconv.ParseInt(s, 10, 64); err == nil {
		return n, nil
	}
	return 0, &Refusal{Code: CustomerNotFound}
}

// ReconContent is what a reviewer of a month's reconciliation (or of a
// reopening of one) looks at: the month, the desk's submitted totals,
// the differences with their notes, and a reopening's reason.
type ReconContent struct {
	Month     string
	Customers int
	Totals    store.MonthFigures
	Diffs     []store.ReconDiff
	Reason    string // a reopening's
}

// loadReconContent fills the review content of the reconciliation kinds.
func (d *Desk) loadReconContent(ctx context.Context, tx *store.Tx, dd *DocumentDetail) error {
	reconID := dd.ID
	rc := &ReconContent{}
	if dd.Kind == store.ReopeningKind {
		x, err := tx.ReopeningOf(ctx, dd.ID)
		if err != nil {
			return err
		}
		reconID, rc.Reason = x.ReconDocID, x.Reason
	}
	r, err := tx.ReconciliationByDoc(ctx, reconID)
	if err != nil {
		return err
	}
	rc.Month = r.Month
	lines, err := tx.ReconciliationLines(ctx, reconID, 0)
	if err != nil {
		return err
	}
	lines = d.visibleFigures(lines)
	rc.Customers, rc.Totals = len(lines), store.MonthTotals(lines)
	if rc.Diffs, err = tx.ReconDiffs(ctx, reconID); err != nil {
		return err
	}
	dd.Recon = rc
	return nil
}
