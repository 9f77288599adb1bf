package store

import (
	"context"
	"encoding/json"
)

// ImportBatchKind is the document kind of an import from a spreadsheet:
// its lines take effect only when a second person signs it off.
const ImportBatchKind = "import_batch"

// What an import brings in.
const (
	ImportCustomers = "customers"
	ImportProducts  = "products"
	ImportPrices    = "prices"
	ImportBalances  = "balances"
)

// Outcomes of an import line against what the desk already holds.
const (
	OutcomeNew     = "new"
	OutcomeSame    = "same"
	OutcomeChanged = "changed"
)

// ImportBatch is an import's header.
type ImportBatch struct {
	DocID       int64
	What        string
	FileName    string
	ContentHash string
}

// ImportLine is one row of an import as checked: the values by column
// key, what it matches (TargetID) and what it would do.
type ImportLine struct {
	ID       int64
	DocID    int64
	Row      int
	Outcome  string
	TargetID int64
	Label    string
	Changes  string // the fields it changes, comma-separated
	Fields   map[string]string
}

// CreateImportBatch opens a batch document (in status) with its lines.
func (t *Tx) CreateImportBatch(ctx context.Context, by int64, status, summary string, b ImportBatch, lines []ImportLine) (int64, string, error) {
	docID, ref, err := t.openNumbered(ctx, by, "DR", Document{Kind: ImportBatchKind, Status: status, Summary: summary})
	if err != nil {
		return 0, "", err
	}
	now := stamp(t.Now)
	if _, err := t.exec(ctx, `INSERT INTO import_batches(doc_id, what, file_name, content_hash, created_at, updated_at, updated_by)
		VALUES (?, ?, ?, ?, ?, ?, ?)`, docID, b.What, b.FileName, b.ContentHash, now, now, by); err != nil {
		return 0, "", classify(err)
	}
	for _, l := range lines {
		fields, err := json.Marshal(l.Fields)
		if err != nil {
			return 0, "", err
		}
		if _, err := t.exec(ctx, `INSERT INTO import_lines(doc_id, row_no, outcome, target_id, label, changes, fields, created_at, updated_at, updated_by)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, docID, l.Row, l.Outcome, nullID(l.TargetID), l.Label, l.Changes, string(fields), now, now, by); err != nil {
			return 0, "", classify(err)
		}
	}
	return docID, ref, nil
}

// ImportBatch loads a batch's header.
func (t *Tx) ImportBatch(ctx context.Context, docID int64) (ImportBatch, error) {
	var b ImportBatch
	err := t.row(ctx, `SELECT doc_id, what, file_name, content_hash FROM import_batches WHERE doc_id = ?`, docID).
		Scan(&b.DocID, &b.What, &b.FileName, &b.ContentHash)
	if noRow(err) {
		return b, ErrNotFound
	}
	return b, err
}

// ImportLines lists a batch's lines in row order.
func (t *Tx) ImportLines(ctx context.Context, docID int64) ([]ImportLine, error) {
	return queryAll(ctx, t, scanImportLine, `SELECT id, doc_id, row_no, outcome, coalesce(target_id, 0), label, changes, fields
	  FROM import_lines WHERE doc_id = ? ORDER BY row_no`, docID)
}

func scanImportLine(sc scanner) (ImportLine, error) {
	var l ImportLine
	var fields string
	if err := sc.Scan(&l.ID, &l.DocID, &l.Row, &l.Outcome, &l.TargetID, &l.Label, &l.Changes, &fields); err != nil {
		return l, err
	}
	return l, json.Unmarshal([]byte(fields), &l.Fields)
}

// LiveImport finds a batch of the same content that waits or was
// approved (0 when none), with its document.
func (t *Tx) LiveImport(ctx context.Context, hash string) (Document, bool, error) {
	var id int64
	err := t.row(ctx, `SELECT b.doc_id FROM import_batches b JOIN documents d ON d.id = b.doc_id
	 WHERE b.content_hash = ? AND d.status IN ('submitted', 'approved') ORDER BY b.doc_id LIMIT 1`, hash).Scan(&id)
	if noRow(err) {
		return Document{}, false, nil
	}
	if err != nil {
		return Document{}, false, err
	}
	d, err := t.Document(ctx, id)
	return d, err == nil, err
}

// CustomerKey is what an import matches a customer by.
type CustomerKey struct {
	ID       int64
	Code     string
	Name     string
	Mnemonic string
}

// CustomerKeys lists every customer not voided, for matching rows.
func (t *Tx) CustomerKeys(ctx context.Context) ([]CustomerKey, error) {
	return queryAll(ctx, t, func(sc scanner) (CustomerKey, error) {
		var k CustomerKey
		err := sc.Scan(&k.ID, &k.Code, &k.Name, &k.Mnemonic)
		return k, err
	}, `SELECT id, code, name, mnemonic FROM customers WHERE voided = 0 ORDER BY id`)
}

// AllProducts lists every product not voided, for matching rows.
func (t *Tx) AllProducts(ctx context.Context) ([]Product, error) {
	return queryAll(ctx, t, scanProduct, `SELECT p.id, p.grade, p.name, p.spec, p.unit, p.unit_weight, p.mnemonic, p.voided, p.version, ''
	  FROM products p WHERE p.voided = 0 ORDER BY p.id`)
}

// OpeningBalance is a customer's receivable at the cut-over day.
type OpeningBalance struct {
	CustomerID int64
	Amount     Money
	AsOf       string
}

// AddOpeningBalance writes the opening balance of an approved batch's line.
func (t *Tx) AddOpeningBalance(ctx context.Context, by, batchDocID, lineID int64, b OpeningBalance) error {
	_, err := t.exec(ctx, `INSERT INTO opening_balances(customer_id, amount, as_of, batch_doc_id, line_id, created_at, updated_at, updated_by)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, b.CustomerID, b.Amount, b.AsOf, batchDocID, lineID, stamp(t.Now), stamp(t.Now), by)
	return classify(err)
}

// OpeningBalanceOf returns a customer's opening balance, if any.
func (t *Tx) OpeningBalanceOf(ctx context.Context, customerID int64) (OpeningBalance, bool, error) {
	b := OpeningBalance{CustomerID: customerID}
	err := t.row(ctx, `SELECT amount, as_of FROM opening_balances WHERE customer_id = ?`, customerID).Scan(&b.Amount, &b.AsOf)
	if noRow(err) {
		return b, false, nil
	}
	return b, err == nil, err
}
