package store

import (
	"context"
)

// Replies a customer gives to a statement.
const (
	ReplyReceived  = "received"
	ReplyConfirmed = "confirmed"
	ReplyDisputed  = "disputed"
)

// Statement is a statement of account issued for a customer and month,
// with the signed figures and the latest reply.
type Statement struct {
	ID         int64
	Number     string
	CustomerID int64
	Customer   string
	Month      string
	ReconDocID int64
	MonthFigures
	IssuedOn string
	ReplyBy  string
	By       string
	// The latest reply ("" none), its day, the amount disputed and why.
	Reply    string
	ReplyOn  string
	Disputed Money
	Note     string
}

// InsertStatement records an issued statement and returns its id.
func (t *Tx) InsertStatement(ctx context.Context, by int64, s Statement) (int64, error) {
	now := stamp(t.Now)
	return t.insert(ctx, `INSERT INTO statements(number, customer_id, month, recon_doc_id, opening, shipped, invoiced, received,
	       closing, issued_on, reply_by, issued_by, created_at, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		s.Number, s.CustomerID, s.Month, s.ReconDocID, s.Opening, s.Shipped, s.Invoiced, s.Received, s.Opening+s.Shipped-s.Received,
		s.IssuedOn, s.ReplyBy, by, now, now, by)
}

// NextStatementNumber gives the next number of the month: DZD2026-11-0001.
func (t *Tx) NextStatementNumber(ctx context.Context, month string) (string, error) {
	var n int
	err := t.row(ctx, `SELECT count(*) FROM statements WHERE month = ?`, month).Scan(&n)
	return "DZD" + month + "-" + pad4(n+1), err
}

func pad4(n int) string {
	s := []byte("0000")
	for i := 3; i >= 0 && n > 0; i-- {
		s[i] = byte('0' + n%10)
		n /= 10
	}
	return string(s)
}

const statementCols = `s.id, s.number, s.customer_id, c.name, s.month, s.recon_doc_id, s.opening, s.shipped, s.invoiced, s.received,
	s.closing, s.issued_on, s.reply_by, coalesce(u.name, ''),
	coalesce(y.kind, ''), coalesce(y.on_day, ''), coalesce(y.disputed, 0), coalesce(y.note, '')`

const statementFrom = ` FROM statements s JOIN customers c ON c.id = s.customer_id LEFT JOIN users u ON u.id = s.issued_by
	LEFT JOIN statement_replies y ON y.id = (SELECT max(id) FROM statement_replies WHERE statement_id = s.id)`

func scanStatement(sc scanner) (Statement, error) {
	var s Statement
	err := sc.Scan(&s.ID, &s.Number, &s.CustomerID, &s.Customer, &s.Month, &s.ReconDocID, &s.Opening, &s.Shipped, &s.Invoiced,
		&s.Received, &s.Closing, &s.IssuedOn, &s.ReplyBy, &s.By, &s.Reply, &s.ReplyOn, &s.Disputed, &s.Note)
	if noRow(err) {
		return s, ErrNotFound
	}
	s.MonthFigures.CustomerID, s.MonthFigures.Customer = s.CustomerID, s.Customer
	return s, err
}

// StatementsOf lists the statements of a month (customerID 0: all),
// latest first per customer.
func (t *Tx) StatementsOf(ctx context.Context, month string, customerID int64) ([]Statement, error) {
	return queryAll(ctx, t, scanStatement, `SELECT `+statementCols+statementFrom+`
	 WHERE s.month = ?1 AND (?2 = 0 OR s.customer_id = ?2) ORDER BY s.customer_id, s.id DESC`, month, customerID)
}

// StatementByID loads one statement.
func (t *Tx) StatementByID(ctx context.Context, id int64) (Statement, error) {
	return scanStatement(t.row(ctx, `SELECT `+statementCols+statementFrom+` WHERE s.id = ?`, id))
}

// InsertStatementReply records what came back of a statement.
func (t *Tx) InsertStatementReply(ctx context.Context, by, statementID int64, kind, day string, disputed Money, note string) error {
	now := stamp(t.Now)
	_, err := t.exec(ctx, `INSERT INTO statement_replies(statement_id, kind, on_day, disputed, note, created_at, updated_at, updated_by)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, statementID, kind, day, disputed, note, now, now, by)
	return classify(err)
}
