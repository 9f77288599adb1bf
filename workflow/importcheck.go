package workflow

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"

	"orderdesk/store"
	"orderdesk/workflow/sheet"
)

// importTx checks rows inside one transaction; the first database error
// stops the check and is returned in place of the rows' problems.
type importTx struct {
	*store.Tx
	ctx context.Context
	e   *Engine
	err *error
}

func (tx importTx) fail(err error) {
	if *tx.err == nil {
		*tx.err = err
	}
}

// checkRows checks every row of what against the desk: the lines of a
// batch, or every problem of every row.
func (tx importTx) checkRows(what string, rows []importRow) ([]store.ImportLine, error) {
	var book customerBook
	var products map[string]store.Product
	var err error
	switch what {
	case store.ImportCustomers, store.ImportBalances:
		book, err = loadCustomerBook(tx.ctx, tx.Tx)
	case store.ImportProducts, store.ImportPrices:
		products, err = tx.productBook()
	}
	if err != nil {
		return nil, err
	}
	seen := map[string]int{}
	var lines []store.ImportLine
	for _, r := range rows {
		var l store.ImportLine
		var ok bool
		switch what {
		case store.ImportCustomers:
			l, ok = tx.checkCustomerRow(r, book, seen)
		case store.ImportProducts:
			l, ok = tx.checkProductRow(r, products, seen)
		case store.ImportPrices:
			l, ok = tx.checkPriceRow(r, products, seen)
		case store.ImportBalances:
			l, ok = tx.checkBalanceRow(r, book, seen)
		}
		if *tx.err != nil {
			return nil, *tx.err
		}
		if ok {
			lines = append(lines, l)
		}
	}
	return lines, nil
}

// productBook is the catalogue by grade, spec and name.
func (tx importTx) productBook() (map[string]store.Product, error) {
	all, err := tx.AllProducts(tx.ctx)
	out := make(map[string]store.Product, len(all))
	for _, p := range all {
		out[productKey(p.Grade, p.Spec, p.Name)] = p
	}
	return out, err
}

// contentHash is what an import brings in, whatever the file's form
// (xlsx or csv, column order, blank rows): the same content hashes the
// same.
func contentHash(what string, lines []store.ImportLine) string {
	h := sha256.New()
	h.Write([]byte(what + "\n"))
	for _, l := range lines {
		b, _ := json.Marshal(l.Fields) // map keys are sorted
		h.Write(append(b, '\n'))
	}
	return hex.EncodeToString(h.Sum(nil))
}

// parseSheet reads a file's rows by column, or adds to errs what is
// wrong with its header; the rows add their own problems to errs.
func parseSheet(what string, s sheet.Sheet, errs *RowErrors) []importRow {
	idx, bad := columnIndex(what, s.Rows[0])
	if *errs = append(*errs, bad...); len(bad) > 0 {
		return nil
	}
	return readRows(what, s.Rows, idx, errs)
}
