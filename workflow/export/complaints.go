package export

import (
	"io"
	"time"

	"github.com/xuri/excelize/v2"

	"orderdesk/workflow"
)

// ComplaintWords are the complaints workbook's words in the reader's
// language: each dimension's sheet and the head of its group column, the
// figures' heads, the total's label and a group's name (a type's code as
// the screen shows it).
type ComplaintWords struct {
	Sheet func(by string) string
	Dim   func(by string) string
	Heads []string // count, open, closed, hours to the first action, hours to the close
	Total string
	Key   func(by, key string) string
}

// Complaints writes one sheet per dimension of the period's complaints:
// each group with its counts and mean hours to the first action and to
// the close (as the complaints screen shows them), and the totals.
func Complaints(w io.Writer, sets []workflow.ComplaintStats, words ComplaintWords) error {
	b := newBook()
	for _, s := range sets {
		name := words.Sheet(s.By)
		heads := append([]string{words.Dim(s.By)}, words.Heads...)
		b.sheet(name, heads, []float64{28, 8, 8, 8, 14, 14})
		row := 2
		for _, r := range s.Rows {
			b.complaintRow(name, row, words.Key(s.By, r.Key), r)
			row++
		}
		b.complaintRow(name, row, words.Total, s.Total)
	}
	return b.write(w)
}

// complaintRow writes one group's figures; a mean over nothing is left
// empty rather than written as zero hours.
func (b *book) complaintRow(sheet string, row int, label string, r workflow.ComplaintStat) {
	b.row(sheet, row, label, r.Count, r.Open, r.Closed)
	for i, d := range []struct {
		mean time.Duration
		over int
	}{{r.ToFirstAction, r.Acted}, {r.ToClose, r.Closed}} {
		if d.over == 0 {
			continue
		}
		cell, _ := excelize.CoordinatesToCellName(5+i, row)
		b.setStyled(sheet, cell, d.mean.Hours(), 1, "0.0")
	}
}
