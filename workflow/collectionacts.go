package workflow

import (
	"context"
	"errors"
	"strings"
	"time"

	"orderdesk/store"
	"orderdesk/workflow/printout"
)

// What people do on the ladder: the clerk reminds the rep, the rep files
// an unpaid report, an overdue letter goes out with a statement.

// openInvoice finds an invoice among those open today.
func (d *Desk) openInvoice(ctx context.Context, tx *store.Tx, invoiceID int64) (Collectible, error) {
	day := Day(d.e.Now(), d.e.loc)
	rules, err := ladderRules(ctx, tx)
	if err != nil {
		return Collectible{}, err
	}
	open, err := tx.OpenInvoices(ctx, day)
	if err != nil {
		return Collectible{}, err
	}
	for _, o := range open {
		if o.InvoiceID == invoiceID && !o.Opening {
			return place(o, day, rules), nil
		}
	}
	return Collectible{}, &Refusal{Code: NothingOwed}
}

// RemindRep records that the clerk reminded the rep of an invoice today.
func (d *Desk) RemindRep(ctx context.Context, invoiceID int64, note string) error {
	if err := permit(d.User, ChaseCollections, ""); err != nil {
		return err
	}
	err := d.e.st.Write(ctx, func(tx *store.Tx) error {
		x, err := d.openInvoice(ctx, tx, invoiceID)
		if err != nil {
			return err
		}
		if x.Stage == StageCurrent {
			return &Refusal{Code: NothingOwed}
		}
		return tx.InsertReminder(ctx, d.User.ID, invoiceID, x.RepID, Day(d.e.Now(), d.e.loc), strings.TrimSpace(note))
	})
	if err != nil {
		return refusalFromStore(err, "remind")
	}
	d.e.publish([]Change{{Kind: store.ReconciliationKind}})
	return nil
}

// UnpaidInput is an unpaid report as typed.
type UnpaidInput struct {
	Reason   string
	Promised string // the day the customer promised to pay
	Action   string // what the rep will do
}

// FileUnpaidReport files the rep's unpaid report (未回款报告单) on an
// invoice past due: the customer's rep, or a supervisor.
func (d *Desk) FileUnpaidReport(ctx context.Context, invoiceID int64, in UnpaidInput) (int64, error) {
	if err := permit(d.User, FileUnpaid, "report"); err != nil {
		return 0, err
	}
	var errs FieldErrors
	reason, action := strings.TrimSpace(in.Reason), strings.TrimSpace(in.Action)
	if reason == "" {
		errs = append(errs, &FieldError{Field: FReason, Code: Required})
	} else if len([]rune(reason)) > 500 {
		errs = append(errs, &FieldError{Field: FReason, Code: TooLong, Max: 500})
	}
	promised, ferr := ParseDayField(FPromised, in.Promised, d.e.Now(), NotPast)
	switch {
	case ferr != nil:
		errs = append(errs, ferr)
	case promised == "":
		errs = append(errs, &FieldError{Field: FPromised, Code: Required})
	}
	if action == "" {
		errs = append(errs, &FieldError{Field: FAction, Code: Required})
	} else if len([]rune(action)) > 500 {
		errs = append(errs, &FieldError{Field: FAction, Code: TooLong, Max: 500})
	}
	if len(errs) > 0 {
		return 0, errs
	}
	var id int64
	err := d.e.st.Write(ctx, func(tx *store.Tx) error {
		x, err := d.openInvoice(ctx, tx, invoiceID)
		if err != nil {
			return err
		}
		if !hasAnyRole(d.User, []Role{Supervisor}) && !(d.User.HasRole(string(SalesRep)) && x.RepID == d.User.ID) {
			return &Refusal{Code: NotYourCustomer}
		}
		if x.Stage == StageCurrent {
			return &Refusal{Code: NothingOwed}
		}
		id, err = tx.InsertUnpaidReport(ctx, d.User.ID, store.UnpaidReport{InvoiceID: invoiceID, CustomerID: x.CustomerID,
			Reason: reason, PromisedOn: promised, Action: action, FiledOn: Day(d.e.Now(), d.e.loc), Open: x.Open()})
		return err
	})
	if err != nil {
		return 0, refusalFromStore(err, "report")
	}
	d.e.publish([]Change{{Kind: store.ReconciliationKind}})
	return id, nil
}

// SendOverdueLetter writes the overdue letter (逾期回款函) to a customer
// for its invoices at the letter stage today, with the statement of the
// latest month finance signed off attached, records it and returns the
// printout. The rep of the customer, a clerk or a supervisor sends it.
func (d *Desk) SendOverdueLetter(ctx context.Context, customerID int64, company string) (printout.OverdueLetter, error) {
	var l printout.OverdueLetter
	if err := permit(d.User, SendLetters, ""); err != nil {
		return l, err
	}
	now := d.e.Now()
	day := Day(now, d.e.loc)
	err := d.e.st.Write(ctx, func(tx *store.Tx) error {
		rules, err := ladderRules(ctx, tx)
		if err != nil {
			return err
		}
		open, err := tx.OpenInvoices(ctx, day)
		if err != nil {
			return err
		}
		rec := store.OverdueLetterRec{CustomerID: customerID, LetterOn: day, PayBy: now.AddDate(0, 0, 7).Format("2006-01-02")}
		for _, o := range open {
			if o.CustomerID != customerID {
				continue
			}
			x := place(o, day, rules)
			if x.Stage != StageLetter {
				continue
			}
			if !SeesMoneyOf(d.User, o.RepID) {
				return &Refusal{Code: NotYourCustomer}
			}
			rec.Invoices = append(rec.Invoices, o.InvoiceID)
			rec.Opens = append(rec.Opens, o.Open())
			rec.Amount += o.Open()
			l.Invoices = append(l.Invoices, printout.OverdueInvoice{Number: o.InvoiceNo, OrderNumber: o.OrderNo,
				Date: parseDay(o.IssuedOn, d.e.loc), Due: parseDay(o.DueOn, d.e.loc), Amount: o.Amount, Paid: o.Paid})
		}
		if len(rec.Invoices) == 0 {
			return &Refusal{Code: NothingOwed}
		}
		c, err := tx.Customer(ctx, customerID)
		if err != nil {
			return err
		}
		l.Customer = printout.Party{Name: c.Name, Address: c.Address, Contact: c.Contact, Phone: c.Phone}
		l.Seller = printout.Party{Name: company, Contact: d.User.Name}
		l.Date, l.PayBy = now, parseDay(rec.PayBy, d.e.loc)
		if rec.Number, err = tx.NextLetterNumber(ctx, now.Format("2006")); err != nil {
			return err
		}
		l.Number = rec.Number
		st, sid, err := d.latestStatement(ctx, tx, customerID, company)
		if err != nil {
			return err
		}
		l.Statement, rec.StatementID = st, sid
		_, err = tx.InsertOverdueLetter(ctx, d.User.ID, rec)
		return err
	})
	if err != nil {
		return l, refusalFromStore(err, "letter")
	}
	d.e.publish([]Change{{Kind: store.ReconciliationKind}})
	return l, nil
}

// latestStatement is the printed statement of the customer's latest
// signed month (nil when no month is signed with a line for it), and the
// id of its issued statement (0 if none was issued).
func (d *Desk) latestStatement(ctx context.Context, tx *store.Tx, customerID int64, company string) (*printout.Statement, int64, error) {
	month, err := tx.LatestSignedMonth(ctx, customerID)
	if errors.Is(err, store.ErrNotFound) {
		return nil, 0, nil
	}
	if err != nil {
		return nil, 0, err
	}
	r, err := tx.ReconciliationOf(ctx, month)
	if err != nil {
		return nil, 0, err
	}
	lines, err := tx.ReconciliationLines(ctx, r.DocID, customerID)
	if err != nil || len(lines) != 1 {
		return nil, 0, err
	}
	p, err := d.statementOf(ctx, tx, lines[0], month, company)
	if err != nil {
		return nil, 0, err
	}
	sts, err := tx.StatementsOf(ctx, month, customerID)
	if err != nil {
		return nil, 0, err
	}
	var sid int64
	if len(sts) > 0 {
		sid, p.Number = sts[0].ID, sts[0].Number
		p.Date = parseDay(sts[0].IssuedOn, d.e.loc)
	}
	p.ReplyBy = time.Time{}
	return &p, sid, nil
}
