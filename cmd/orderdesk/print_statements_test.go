package main

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"orderdesk/store"
	"orderdesk/store/storetest"
	"orderdesk/workflow/printout/pdftest"
)

// TestPrintMonthStatements prints the statements of a month the demo
// signed off in one run: a PDF per customer with activity or a balance,
// and an index (CSV and PDF) whose rows are the statements' own totals
// and whose total row adds them up. A month not signed off is refused.
func TestPrintMonthStatements(t *testing.T) {
	c := newCLI(t)
	c.steps([]step{{name: "demo", args: []string{"demo", "--customers", "30", "--products", "20", "--orders", "30", "--shipments", "20", "--invoices", "16"}}})
	last := time.Now().AddDate(0, -1, 0).Format("2006-01")
	this := time.Now().Format("2006-01")
	db := storetest.ReadOnly(t, c.db)
	var want int
	if err := db.QueryRow(`SELECT count(*) FROM reconciliation_lines l JOIN reconciliations r ON r.doc_id = l.doc_id
		WHERE r.month = ? AND (l.opening <> 0 OR l.shipped <> 0 OR l.invoiced <> 0 OR l.received <> 0 OR l.closing <> 0)`, last).Scan(&want); err != nil {
		t.Fatal(err)
	}
	if want == 0 {
		t.Fatalf("the demo left no customer with activity in %s", last)
	}
	dir := filepath.Join(t.TempDir(), "stmts")
	c.steps([]step{
		{name: "not signed", args: []string{"print", "statements", this, "--out", dir}, wantErr: true, want: []string{this + " is not signed off by finance"}},
		{name: "bad month", args: []string{"print", "statements", "2026-13", "--out", dir}, wantErr: true},
		{name: "month", args: []string{"print", "statements", last, "--out", dir}, want: []string{last + ":", "statements written to " + dir, "index-" + last + ".csv"}},
	})
	pdfs, _ := filepath.Glob(filepath.Join(dir, "*.pdf"))
	pdfs = slices.DeleteFunc(pdfs, func(p string) bool { return strings.HasPrefix(filepath.Base(p), "index-") })
	if len(pdfs) != want {
		t.Errorf("%d statements written, want %d", len(pdfs), want)
	}
	f, err := os.Open(filepath.Join(dir, "index-"+last+".csv"))
	if err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(f).ReadAll()
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(rows[0], ",") != "客户,文件,对账单号,期初余额,本期发货,本期回款,期末余额" || len(rows) != want+2 {
		t.Fatalf("index head %v, %d rows for %d statements", rows[0], len(rows), want)
	}
	var sum [4]store.Money
	for _, r := range rows[1 : len(rows)-1] {
		var m [4]store.Money
		for i := range m {
			if m[i], err = signedMoney(r[3+i]); err != nil {
				t.Fatalf("row %v: %v", r, err)
			}
			sum[i] += m[i]
		}
		if m[0]+m[1]-m[2] != m[3] {
			t.Errorf("%s: opening %v + debits %v − credits %v ≠ closing %v", r[0], m[0], m[1], m[2], m[3])
		}
		if _, err := os.Stat(filepath.Join(dir, r[1])); err != nil {
			t.Errorf("the index names %s: %v", r[1], err)
		}
		// An issued statement's closing is the one issued.
		if r[2] != "" {
			var closing int64
			if err := db.QueryRow(`SELECT closing FROM statements WHERE number = ?`, r[2]).Scan(&closing); err != nil || store.Money(closing) != m[3] {
				t.Errorf("%s: index closing %v, statement %s %v (%v)", r[0], m[3], r[2], store.Money(closing), err)
			}
		}
	}
	total := rows[len(rows)-1]
	for i, m := range sum {
		if got, _ := signedMoney(total[3+i]); got != m || total[0] != "合计" {
			t.Errorf("total row %v, rows add to %v", total, sum)
			break
		}
	}
	// The index as PDF: every customer and the same total.
	ixText := pdftest.FileText(t, filepath.Join(dir, "index-"+last+".pdf"))
	for _, w := range []string{"货款往来对账单索引", string([]rune(rows[1][0])[:4]), "合计", sum[3].String()} { // a long name wraps
		if !strings.Contains(ixText, w) {
			t.Errorf("the index PDF lacks %q:\n%s", w, ixText)
		}
	}
	// The first statement's own total line says what its index row says.
	first := rows[1]
	text := pdftest.FileText(t, filepath.Join(dir, first[1]))
	closing, _ := signedMoney(first[6])
	if !strings.Contains(text, first[0]) || !strings.Contains(text, closing.String()) {
		t.Errorf("%s does not show %s and its closing %v:\n%s", first[1], first[0], closing, text)
	}
	// It carries a signed checkpoint of the audit chain, so the copy the
	// customer keeps can prove what the chain was.
	if !strings.Contains(text, "audit checkpoint #") {
		t.Errorf("%s carries no audit checkpoint:\n%s", first[1], text)
	}
}
