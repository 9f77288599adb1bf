package workflow

import (
	"regexp"
	"strconv"
	"unicode"

	"orderdesk/store"
	"orderdesk/workflow/sheet"
)

// importRow is one data row of a file, read by column key.
type importRow struct {
	n      int               // the spreadsheet's row number (the header is 1)
	cells  map[string]string // by column key; a column not in the file reads ""
	header map[string]string // column key → its header as the file has it
	errs   *RowErrors
}

// readRows turns a sheet's data rows into importRows (blank rows skipped).
func readRows(what string, rows [][]string, idx map[string]int, errs *RowErrors) []importRow {
	header := map[string]string{}
	for _, c := range importColumns[what] {
		header[c.Key] = c.Zh
		if i, ok := idx[c.Key]; ok {
			header[c.Key] = rows[0][i]
		}
	}
	var out []importRow
	for r, row := range rows[1:] {
		if sheet.Blank(row) {
			continue
		}
		cells := map[string]string{}
		for key, i := range idx {
			cells[key] = row[i]
		}
		out = append(out, importRow{n: r + 2, cells: cells, header: header, errs: errs})
	}
	return out
}

// bad records a problem of column key.
func (r importRow) bad(key string, code FieldCode) {
	*r.errs = append(*r.errs, RowError{Row: r.n, Column: r.header[key], Code: code, Value: r.cells[key]})
}

// badField records the problems of a form's validation, each at its
// column (a field without a column of its own is named as it is).
func (r importRow) badField(fes ...*FieldError) {
	for _, fe := range fes {
		if fe == nil {
			continue
		}
		col, ok := r.header[fe.Field]
		if !ok {
			col = fe.Field
		}
		*r.errs = append(*r.errs, RowError{Row: r.n, Column: col, Code: fe.Code, Value: r.cells[fe.Field], Max: fe.Max})
	}
}

// duplicate records that key repeats the value of an earlier row.
func (r importRow) duplicate(key string, other int) {
	*r.errs = append(*r.errs, RowError{Row: r.n, Column: r.header[key], Code: DuplicateInFile, Value: r.cells[key], Other: other})
}

// firstSeen remembers value under kind and returns the row that had it
// first (0: this is the first).
func (r importRow) firstSeen(seen map[string]int, kind, value string) int {
	if value == "" {
		return 0
	}
	if n, ok := seen[kind+"\x00"+value]; ok {
		return n
	}
	seen[kind+"\x00"+value] = r.n
	return 0
}

var phoneLike = regexp.MustCompile(`^[0-9+()\-\s转ext]{7,}$`)

// looksLikePhone is a name column holding a phone number (a row shifted
// by one column, a contact's number pasted into the name).
func looksLikePhone(s string) bool {
	s = NormalizeDigits(s)
	digits := 0
	for _, c := range s {
		if unicode.IsDigit(c) {
			digits++
		}
	}
	return digits >= 7 && phoneLike.MatchString(s)
}

// line starts the import line of this row.
func (r importRow) line(label string) store.ImportLine {
	return store.ImportLine{Row: r.n, Label: label, Outcome: store.OutcomeNew, Fields: map[string]string{}}
}

// compare sets a line's outcome against what exists (found) from the
// fields that differ.
func compare(l *store.ImportLine, found bool, targetID int64, changed []string) {
	switch {
	case !found:
		l.Outcome = store.OutcomeNew
	case len(changed) == 0:
		l.Outcome, l.TargetID = store.OutcomeSame, targetID
	default:
		l.Outcome, l.TargetID = store.OutcomeChanged, targetID
		l.Changes = joinComma(changed)
	}
}

func joinComma(s []string) string {
	out := ""
	for i, v := range s {
		if i > 0 {
			out += ","
		}
		out += v
	}
	return out
}

func itoa64(n int64) string { return strconv.FormatInt(n, 10) }
