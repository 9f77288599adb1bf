package workflow

import (
	"fmt"
	"strings"
)

// What is wrong with a row of an import, beyond a form field's problems.
const (
	PhoneInName     FieldCode = "phone_in_name"     // the name column holds a phone number
	DuplicateInFile FieldCode = "duplicate_in_file" // the same name or 助记码 as an earlier row (Other)
	DuplicateInDesk FieldCode = "duplicate_in_desk" // the 助记码 of another customer already on file
	UnknownUnit     FieldCode = "unknown_unit"      // a unit that is not t, kg or pcs
	UnknownColumn   FieldCode = "unknown_column"    // a header the import does not know
	DuplicateColumn FieldCode = "duplicate_column"  // two columns with the same meaning
	MissingColumn   FieldCode = "missing_column"    // a required column is not in the file
	UnknownCustomer FieldCode = "unknown_customer"  // no customer of that name, code or 助记码
	UnknownRep      FieldCode = "unknown_rep"       // no sales rep of that login or name
	BalanceOnFile   FieldCode = "balance_on_file"   // the customer has another opening balance already
)

// Refusals of an import as a whole.
const (
	AlreadyImported Code = "already_imported" // a batch of the same content waits or was approved
	NothingNew      Code = "nothing_new"      // every row is as the desk already has it
	UnreadableFile  Code = "unreadable_file"  // neither .xlsx nor .csv, or not UTF-8/GBK text
	UnknownImport   Code = "unknown_import"   // not customers, products, prices or balances
)

// RowError is one problem of a row: its number in the spreadsheet (1 is
// the header), the column as headed in the file, the value found, and
// for a duplicate the earlier row (Other).
type RowError struct {
	Row    int
	Column string
	Code   FieldCode
	Value  string
	Other  int
	Max    int
}

// RowErrors are every problem of a file; a file with any makes no batch.
type RowErrors []RowError

func (es RowErrors) Error() string {
	parts := make([]string, len(es))
	for i, e := range es {
		parts[i] = fmt.Sprintf("row %d, %s: %s", e.Row, e.Column, e.Code)
	}
	return strings.Join(parts, "; ")
}
