package workflow

import (
	"context"
	"errors"
	"path/filepath"

	"orderdesk/store"
	"orderdesk/workflow/sheet"
)

// ImportRecords is the permission to import spreadsheets (each import
// asks its own as well, importPermission).
const ImportRecords Permission = "import_records"

// importPermission is what each import asks of its maker beyond
// ImportRecords.
var importPermission = map[string]Permission{
	store.ImportCustomers: EditCustomers,
	store.ImportProducts:  EditProducts,
	store.ImportPrices:    ProposePrices,
	store.ImportBalances:  WorkMonths,
}

// ImportResult is what an import made: its batch, and its lines by
// outcome. Encoding is the CSV's (GBK from an older Excel is decoded).
type ImportResult struct {
	DocID              int64
	Ref                string
	New, Same, Changed int
	Encoding           string
	Existing           store.Document // the batch of the same content, when AlreadyImported
}

// Import checks a spreadsheet of what (customers, products, prices,
// balances) and, if every row is good, makes a batch waiting for a
// second person's sign-off. Any bad row makes no batch: the error is
// RowErrors with every problem. The same content imported while an
// earlier batch waits or was approved is refused (AlreadyImported, with
// that batch), and rows all as the desk has them make none (NothingNew).
func (d *Desk) Import(ctx context.Context, what, fileName string, data []byte) (ImportResult, error) {
	var res ImportResult
	if err := permit(d.User, ImportRecords, "import"); err != nil {
		return res, err
	}
	perm, ok := importPermission[what]
	if !ok {
		return res, &Refusal{Code: UnknownImport}
	}
	if err := permit(d.User, perm, "import"); err != nil {
		return res, err
	}
	s, err := sheet.Read(fileName, data)
	if err != nil {
		if errors.Is(err, sheet.ErrEmpty) {
			return res, RowErrors{{Row: 1, Code: Required}}
		}
		return res, &Refusal{Code: UnreadableFile}
	}
	res.Encoding = s.Encoding
	var rowErrs RowErrors
	rows := parseSheet(what, s, &rowErrs)
	if len(rowErrs) > 0 {
		return res, rowErrs
	}
	err = d.e.st.Write(ctx, func(stx *store.Tx) error {
		var txErr error
		tx := importTx{Tx: stx, ctx: ctx, e: d.e, err: &txErr}
		lines, err := tx.checkRows(what, rows)
		if err != nil {
			return err
		}
		if len(rowErrs) > 0 {
			return rowErrs
		}
		res.New, res.Same, res.Changed = countOutcomes(lines)
		hash := contentHash(what, lines)
		if doc, found, err := stx.LiveImport(ctx, hash); err != nil || found {
			res.Existing = doc
			if err == nil {
				err = &Refusal{Code: AlreadyImported}
			}
			return err
		}
		if res.New+res.Changed == 0 {
			return &Refusal{Code: NothingNew}
		}
		res.DocID, res.Ref, err = stx.CreateImportBatch(ctx, d.User.ID, ImportBatch.Initial(), importSummary(what, fileName),
			store.ImportBatch{What: what, FileName: filepath.Base(fileName), ContentHash: hash}, lines)
		return err
	})
	var rowErrors RowErrors
	if errors.As(err, &rowErrors) {
		return res, rowErrors
	}
	if err != nil {
		return res, refusalFromStore(err, "import")
	}
	d.e.feed.Publish(Change{Kind: store.ImportBatchKind, ID: res.DocID})
	return res, nil
}

func countOutcomes(lines []store.ImportLine) (n, same, changed int) {
	for _, l := range lines {
		switch l.Outcome {
		case store.OutcomeNew:
			n++
		case store.OutcomeSame:
			same++
		case store.OutcomeChanged:
			changed++
		}
	}
	return
}

// importSummary is the batch's line in the inbox: what, from which file.
func importSummary(what, fileName string) string { return what + " · " + filepath.Base(fileName) }

// ImportContent is a batch's content for its reviewer.
type ImportContent struct {
	store.ImportBatch
	Lines []store.ImportLine
}

// Counts are how many of its lines are new, same and changed.
func (c ImportContent) Counts() (n, same, changed int) { return countOutcomes(c.Lines) }

// moneyKeys are the line fields that hold money.
var moneyKeys = []string{FCreditLimit, FPrice, "old_price", FAmount, "fen"}

// loadImportContent fills a batch's detail; whoever may not see
// customers' money sees its lines without it.
func (d *Desk) loadImportContent(ctx context.Context, tx *store.Tx, dd *DocumentDetail) error {
	b, err := tx.ImportBatch(ctx, dd.ID)
	if err != nil {
		return err
	}
	lines, err := tx.ImportLines(ctx, dd.ID)
	if err != nil {
		return err
	}
	if !Can(d.User, SeeMoney) {
		for _, l := range lines {
			for _, k := range moneyKeys {
				delete(l.Fields, k)
			}
		}
		dd.MoneyHidden = true
	}
	dd.Import = &ImportContent{ImportBatch: b, Lines: lines}
	return nil
}
