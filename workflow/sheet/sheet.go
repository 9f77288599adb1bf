// Package sheet reads the spreadsheets an office moves in from, as rows
// of cell text, and writes the blank templates for them. Cells are read
// as the text Excel stores, never as floating-point numbers: amounts and
// weights are parsed exactly by the caller.
package sheet

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// Encodings a CSV file can come in.
const (
	UTF8 = "utf-8"
	GBK  = "gbk" // older Excel saving "CSV" on a Chinese Windows
)

// Errors of a file that cannot be read at all.
var (
	ErrFormat   = errors.New("not an .xlsx or .csv file")
	ErrEncoding = errors.New("the file is neither UTF-8 nor GBK text")
	ErrEmpty    = errors.New("the file has no rows")
)

// Sheet is a file's rows, the header first, each padded to the header's
// width, and the encoding a CSV was read in.
type Sheet struct {
	Rows     [][]string
	Encoding string
}

// Read reads an .xlsx (its first sheet) or a .csv, by the file's name.
func Read(name string, data []byte) (Sheet, error) {
	var s Sheet
	var err error
	switch strings.ToLower(filepath.Ext(name)) {
	case ".xlsx":
		s.Rows, err = readXLSX(data)
	case ".csv", ".txt":
		s, err = readCSV(data)
	default:
		return s, ErrFormat
	}
	if err != nil {
		return s, err
	}
	s.Rows = trimRows(s.Rows)
	if len(s.Rows) == 0 {
		return s, ErrEmpty
	}
	return s, nil
}

func readXLSX(data []byte) ([][]string, error) {
	// Raw values: a number is the text Excel stored ("1234.5"), not one
	// rounded to the cell's display format; a date is its serial day.
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{RawCellValue: true})
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrFormat, err)
	}
	defer f.Close()
	sheets := f.GetSheetList()
	if len(sheets) == 0 {
		return nil, ErrEmpty
	}
	return f.GetRows(sheets[0], excelize.Options{RawCellValue: true})
}

func readCSV(data []byte) (Sheet, error) {
	s := Sheet{Encoding: UTF8}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if !utf8.Valid(data) {
		// GB18030 reads every GBK file; what is neither decodes to
		// replacement characters.
		dec, err := simplifiedchinese.GB18030.NewDecoder().Bytes(data)
		if err != nil || !utf8.Valid(dec) || bytes.ContainsRune(dec, utf8.RuneError) {
			return s, ErrEncoding
		}
		data, s.Encoding = dec, GBK
	}
	r := csv.NewReader(bytes.NewReader(data))
	r.FieldsPerRecord = -1
	r.LazyQuotes = true
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return s, fmt.Errorf("%w: %v", ErrFormat, err)
		}
		s.Rows = append(s.Rows, rec)
	}
	return s, nil
}

// trimRows drops blank rows at the end and pads every row to the
// header's width, so a cell is always there to read.
func trimRows(rows [][]string) [][]string {
	for len(rows) > 0 && blank(rows[len(rows)-1]) {
		rows = rows[:len(rows)-1]
	}
	if len(rows) == 0 {
		return nil
	}
	width := len(rows[0])
	for i, r := range rows {
		for len(r) < width {
			r = append(r, "")
		}
		rows[i] = r
	}
	return rows
}

func blank(row []string) bool {
	for _, c := range row {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

// Blank reports whether a row has nothing in it (an empty line between
// rows is skipped, not refused).
func Blank(row []string) bool { return blank(row) }

// Template writes an .xlsx whose first row is the headers and whose
// further rows are examples, every cell as text (so a spec such as
// 10×1500 or a phone number with a leading 0 stays as typed).
func Template(sheetName string, headers []string, examples ...[]string) ([]byte, error) {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", sheetName); err != nil {
		return nil, err
	}
	text, err := f.NewStyle(&excelize.Style{NumFmt: 49}) // "@": text
	if err != nil {
		return nil, err
	}
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, NumFmt: 49})
	if err != nil {
		return nil, err
	}
	for r, row := range append([][]string{headers}, examples...) {
		for c, v := range row {
			cell, err := excelize.CoordinatesToCellName(c+1, r+1)
			if err != nil {
				return nil, err
			}
			if err := f.SetCellStr(sheetName, cell, v); err != nil {
				return nil, err
			}
		}
	}
	last, _ := excelize.ColumnNumberToName(len(headers))
	if err := f.SetColStyle(sheetName, "A:"+last, text); err != nil {
		return nil, err
	}
	if err := f.SetRowStyle(sheetName, 1, 1, bold); err != nil {
		return nil, err
	}
	if err := f.SetColWidth(sheetName, "A", last, 16); err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
