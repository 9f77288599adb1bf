package main

import (
	"context"
	"fmt"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"orderdesk/workflow"
	"orderdesk/workflow/workflowtest"
)

// TestExportComplaints: the complaints workbook holds, sheet by sheet,
// the figures the complaints screen's statistics give for the same
// days, with the types named as the screen names them; a grouping that
// does not exist is said plainly.
func TestExportComplaints(t *testing.T) {
	c := newCLI(t)
	c.steps([]step{{name: "demo", args: []string{"demo", "--customers", "20", "--products", "10", "--orders", "20", "--shipments", "12", "--invoices", "6", "--complaints", "30"}}})

	// The demo's complaints are of the last three weeks: the year that
	// holds most of them.
	eng := workflowtest.Open(t, c.db)
	ctx := context.Background()
	zhao := workflowtest.User(t, eng, "zhao")
	now := eng.Now()
	year := now.Year()
	if now.YearDay() < 21 {
		year--
	}
	from := time.Date(year, 1, 1, 0, 0, 0, 0, now.Location())
	want := map[string]workflow.ComplaintStats{}
	for _, by := range workflow.ComplaintDimensions {
		s, err := eng.Desk(zhao).ComplaintStatistics(ctx, from, from.AddDate(1, 0, 0), by)
		if err != nil {
			t.Fatal(err)
		}
		want[by] = s
	}
	eng.Store().Close()
	if want[workflow.ComplaintsByType].Total.Count == 0 {
		t.Fatalf("the demo recorded no complaints in %d", year)
	}

	out := filepath.Join(t.TempDir(), "complaints.xlsx")
	c.steps([]step{
		{name: "export", args: []string{"export", "complaints", "--period", strconv.Itoa(year), "--out", out}, want: []string{"written to " + out}},
		{name: "bad grouping", args: []string{"export", "complaints", "--by", "colour", "--out", out}, wantErr: true, want: []string{"no grouping called colour", "type, product, customer, rep"}},
	})
	f, err := excelize.OpenFile(out, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sheets := map[string]string{"type": "By type", "product": "By product", "customer": "By customer", "rep": "By rep"}
	for by, sheet := range sheets {
		rows, err := f.GetRows(sheet)
		if err != nil {
			t.Fatalf("%s: %v", sheet, err)
		}
		s := want[by]
		if len(rows) != len(s.Rows)+2 {
			t.Fatalf("%s: %d rows for %d groups and the total", sheet, len(rows), len(s.Rows))
		}
		total := rows[len(rows)-1]
		if total[0] != "Total" || total[1] != fmt.Sprint(s.Total.Count) || total[2] != fmt.Sprint(s.Total.Open) || total[3] != fmt.Sprint(s.Total.Closed) {
			t.Errorf("%s: total %v, want %d recorded, %d open, %d closed", sheet, total, s.Total.Count, s.Total.Open, s.Total.Closed)
		}
		if s.Total.Acted > 0 {
			if got, wantH := total[4], strconv.FormatFloat(s.Total.ToFirstAction.Hours(), 'f', 1, 64); got != wantH {
				t.Errorf("%s: hours to the first action %s, the screen says %s", sheet, got, wantH)
			}
		}
	}
	rows, _ := f.GetRows(sheets["type"])
	first := want[workflow.ComplaintsByType].Rows[0]
	if label := map[string]string{"quality": "quality", "short": "short delivery", "over": "over delivery", "wrong_spec": "wrong grade or spec",
		"late": "late delivery", "damage": "damage in transport", "billing": "billing", "price": "price", "service": "service"}[first.Key]; rows[1][0] != label {
		t.Errorf("the most frequent type is written %q, the screen names it %q", rows[1][0], label)
	}
}
