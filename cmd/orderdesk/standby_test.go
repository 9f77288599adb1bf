package main

import (
	"context"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"orderdesk/internal/pgcluster"
	"orderdesk/workflow"
)

// TestStatisticsReadFromTheStandby: the month's statistics and report
// run on the office's hot standby (--db-url naming it), which refuses
// every write, and give the figures the primary gives, so the manager's
// reports need not load the database the desks write to.
func TestStatisticsReadFromTheStandby(t *testing.T) {
	ctx := context.Background()
	primary, err := pgcluster.Start(ctx)
	if err != nil {
		t.Skip("no PostgreSQL server:", err)
	}
	t.Cleanup(func() { primary.Stop() })
	url, err := primary.CreateDatabase(ctx, "office")
	if err != nil {
		t.Fatal(err)
	}
	c := newCLI(t)
	c.db, c.dbFlag = url, "--db-url"
	c.steps([]step{{name: "demo", args: []string{"demo", "--customers", "30", "--products", "20", "--orders", "30", "--shipments", "20", "--invoices", "16"}}})
	standby, err := primary.StartStandby(ctx)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { standby.Stop() })
	if err := standby.CaughtUp(ctx, primary, "office"); err != nil {
		t.Fatal(err)
	}

	month := workflow.PeriodOf(workflow.PeriodMonth, time.Now()).Previous().Label()
	dir := t.TempDir()
	sheets := map[string][][]string{}
	for _, at := range []struct{ name, url string }{{"primary", url}, {"standby", standby.URL("office", "")}} {
		s := &cli{t: t, db: at.url, dbFlag: "--db-url"}
		stats, pdf := filepath.Join(dir, at.name+".xlsx"), filepath.Join(dir, at.name+".pdf")
		s.steps([]step{
			{name: "stats on the " + at.name, args: []string{"export", "stats", "--period", month, "--by", "customer", "--out", stats}, want: []string{"written to " + stats}},
			{name: "report on the " + at.name, args: []string{"report", "month", month, "--out", pdf}, want: []string{"written to " + pdf}},
		})
		sheets[at.name] = firstSheet(t, stats)
	}
	if len(sheets["standby"]) < 3 || !slices.EqualFunc(sheets["primary"], sheets["standby"], slices.Equal) {
		t.Errorf("the standby's statistics differ from the primary's:\n%v\n%v", sheets["standby"], sheets["primary"])
	}
}

// firstSheet is the cells of a workbook's first sheet.
func firstSheet(t *testing.T, path string) [][]string {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(f.GetSheetName(0))
	if err != nil {
		t.Fatal(err)
	}
	return rows
}
