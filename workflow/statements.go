package workflow

import (
	"context"
	"errors"
	"strings"
	"time"

	"orderdesk/store"
	"orderdesk/workflow/printout"
)

// Statements of account (货款往来对账单): step two of the month end, only
// once finance has signed the month off (the database refuses the same).

// IssueStatement issues the statement of a customer for a signed month,
// with the figures finance signed, dated today.
func (d *Desk) IssueStatement(ctx context.Context, customerID int64, month string) (store.Statement, error) {
	var s store.Statement
	if err := permit(d.User, ReconcileMonths, "issue"); err != nil {
		return s, err
	}
	m, ok := ParseMonth(month)
	if !ok {
		return s, &FieldError{Field: FMonth, Code: InvalidDate}
	}
	today := Day(d.e.Now(), d.e.loc)
	var id int64
	err := d.e.st.Write(ctx, func(tx *store.Tx) error {
		r, figures, err := signedFigures(ctx, tx, m, customerID)
		if err != nil {
			return err
		}
		no, err := tx.NextStatementNumber(ctx, m)
		if err != nil {
			return err
		}
		replyBy := d.e.Now().AddDate(0, 0, 10).Format("2006-01-02")
		id, err = tx.InsertStatement(ctx, d.User.ID, store.Statement{Number: no, CustomerID: customerID, Month: m,
			ReconDocID: r.DocID, MonthFigures: figures, IssuedOn: today, ReplyBy: replyBy})
		if err != nil {
			return err
		}
		s, err = tx.StatementByID(ctx, id)
		return err
	})
	if err != nil {
		return s, refusalFromStore(err, "issue")
	}
	d.e.publish([]Change{{Kind: store.ReconciliationKind}})
	return s, nil
}

// ReplyInput is what came back of a statement, as typed.
type ReplyInput struct {
	Kind     string // store.ReplyReceived, ReplyConfirmed, ReplyDisputed
	Day      string // as typed; "" today
	Disputed string // yuan, for a dispute
	Note     string
}

// RecordStatementReply records the customer's receipt, confirmation or
// dispute (with the amount in dispute and why).
func (d *Desk) RecordStatementReply(ctx context.Context, statementID int64, in ReplyInput) error {
	if err := permit(d.User, ReconcileMonths, ""); err != nil {
		return err
	}
	var errs FieldErrors
	if !contains([]string{store.ReplyReceived, store.ReplyConfirmed, store.ReplyDisputed}, in.Kind) {
		errs = append(errs, &FieldError{Field: FAction, Code: InvalidChoice})
	}
	day := Day(d.e.Now(), d.e.loc)
	if strings.TrimSpace(in.Day) != "" {
		v, ferr := ParseDayField(FDay, in.Day, d.e.Now(), NotFuture)
		if ferr != nil {
			errs = append(errs, ferr)
		}
		day = v
	}
	var disputed store.Money
	note := strings.TrimSpace(in.Note)
	if in.Kind == store.ReplyDisputed {
		v, err := store.ParseMoney(strings.TrimSpace(in.Disputed))
		switch {
		case strings.TrimSpace(in.Disputed) == "":
			errs = append(errs, &FieldError{Field: FDisputed, Code: Required})
		case err != nil:
			errs = append(errs, &FieldError{Field: FDisputed, Code: NotANumber})
		case v == 0:
			errs = append(errs, &FieldError{Field: FDisputed, Code: NotPositive})
		}
		disputed = v
		if note == "" {
			errs = append(errs, &FieldError{Field: FNote, Code: Required})
		}
	}
	if len([]rune(note)) > 500 {
		errs = append(errs, &FieldError{Field: FNote, Code: TooLong, Max: 500})
	}
	if len(errs) > 0 {
		return errs
	}
	err := d.e.st.Write(ctx, func(tx *store.Tx) error {
		return tx.InsertStatementReply(ctx, d.User.ID, statementID, in.Kind, day, disputed, note)
	})
	if err != nil {
		return refusalFromStore(err, "reply")
	}
	d.e.publish([]Change{{Kind: store.ReconciliationKind}})
	return nil
}

// StatementPrintout fills the printed statement of a customer's month
// from the figures finance signed and the month's movements. An issued
// statement gives its number and day; before one is issued the month
// must still be signed (a draft for the desk to look at is refused: the
// printout goes to the customer).
func (d *Desk) StatementPrintout(ctx context.Context, customerID int64, month, company string) (printout.Statement, error) {
	if err := permitScreen(d.User, ScreenReconciliation); err != nil {
		return printout.Statement{}, err
	}
	var p printout.Statement
	m, ok := ParseMonth(month)
	if !ok {
		return p, &FieldError{Field: FMonth, Code: InvalidDate}
	}
	err := d.e.st.Read(ctx, func(tx *store.Tx) error {
		_, figures, err := signedFigures(ctx, tx, m, customerID)
		if err != nil {
			return err
		}
		if !SeesMoneyOf(d.User, figures.RepID) {
			return &Refusal{Code: NotYourCustomer}
		}
		p, err = d.statementOf(ctx, tx, figures, m, company)
		if err != nil {
			return err
		}
		sts, err := tx.StatementsOf(ctx, m, customerID)
		if err != nil {
			return err
		}
		if len(sts) > 0 {
			d.issued(&p, sts[0])
		}
		return nil
	})
	if err != nil {
		return p, err
	}
	p.Footer = d.e.checkpointLine(ctx)
	return p, nil
}

// issued gives a printed statement the number and days of the
// statement st issued for it.
func (d *Desk) issued(p *printout.Statement, st store.Statement) {
	p.Number = st.Number
	p.Date = parseDay(st.IssuedOn, d.e.loc)
	p.ReplyBy = parseDay(st.ReplyBy, d.e.loc)
}

// statementOf builds the printed statement of the figures f.
func (d *Desk) statementOf(ctx context.Context, tx *store.Tx, f store.MonthFigures, month, company string) (printout.Statement, error) {
	c, err := tx.Customer(ctx, f.CustomerID)
	if err != nil {
		return printout.Statement{}, err
	}
	first, _ := time.ParseInLocation("2006-01", month, d.e.loc)
	p := printout.Statement{Seller: printout.Party{Name: company, Contact: d.User.Name},
		Customer: printout.Party{Name: c.Name, Address: c.Address, Contact: c.Contact, Phone: c.Phone},
		Year:     first.Year(), Month: first.Month(), Opening: f.Opening, Date: d.e.Now()}
	mv, err := tx.Movements(ctx, f.CustomerID, month)
	if err != nil {
		return p, err
	}
	for _, x := range mv {
		p.Lines = append(p.Lines, printout.StatementLine{Date: parseDay(x.Day, d.e.loc), Ref: x.Ref,
			Summary: movementSummary(x), Shipped: x.Shipped, Invoiced: x.Invoiced, Received: x.Received})
	}
	return p, nil
}

// movementSummary is the 摘要 of a statement line (the printout is in
// Chinese whatever the screen's language).
func movementSummary(m store.Movement) string {
	switch m.Kind {
	case "opening":
		return store.OpeningLabel
	case "shipped":
		return strings.TrimSpace("发货 " + m.Summary)
	case "invoiced":
		return "开具发票"
	case "returned":
		return strings.TrimSpace("退货入库 " + m.Summary)
	case "credited":
		return creditSummary(m.Summary)
	}
	switch m.Summary {
	case store.MethodBill:
		return "承兑汇票回款"
	case store.MethodCash:
		return "现金回款"
	case store.MethodBank:
		return "银行转账回款"
	}
	return "回款"
}

func parseDay(s string, loc *time.Location) time.Time {
	t, err := time.ParseInLocation("2006-01-02", s, loc)
	if err != nil {
		return time.Time{}
	}
	return t
}

// signedFigures reads a customer's figures in the month finance signed
// off: refused while the month is not signed, or has no figure for it.
func signedFigures(ctx context.Context, tx *store.Tx, month string, customerID int64) (store.Reconciliation, store.MonthFigures, error) {
	r, err := signedMonth(ctx, tx, month)
	if err != nil {
		return r, store.MonthFigures{}, err
	}
	lines, err := tx.ReconciliationLines(ctx, r.DocID, customerID)
	if err != nil {
		return r, store.MonthFigures{}, err
	}
	if len(lines) != 1 {
		return r, store.MonthFigures{}, &Refusal{Code: NoStatementFigure}
	}
	return r, lines[0], nil
}

// signedMonth is the month's reconciliation, refused while finance has
// not signed it off.
func signedMonth(ctx context.Context, tx *store.Tx, month string) (store.Reconciliation, error) {
	r, err := tx.ReconciliationOf(ctx, month)
	if errors.Is(err, store.ErrNotFound) || (err == nil && r.Status != "signed") {
		return r, &Refusal{Code: MonthNotSigned}
	}
	return r, err
}
