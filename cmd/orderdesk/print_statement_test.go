package main

import (
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"orderdesk/store"
	"orderdesk/store/storetest"
)

// TestStatementAndExports runs the demo (which signs last month off and
// issues statements), prints a statement as PDF and reads its text back,
// refuses one of a month not signed, and exports the ageing, the plan
// and the reconciliation, reading the workbooks back with excelize.
func TestStatementAndExports(t *testing.T) {
	c := newCLI(t)
	dir := t.TempDir()
	c.steps([]step{{name: "demo", args: []string{"demo", "--customers", "40", "--products", "20", "--orders", "30", "--shipments", "20", "--invoices", "16"}}})
	last := time.Now().AddDate(0, -1, 0).Format("2006-01")
	this := time.Now().Format("2006-01")
	db := storetest.ReadOnly(t, c.db)
	var code, name, number string
	var closing int64
	if err := db.QueryRow(`SELECT c.code, c.name, s.number, s.closing FROM statements s JOIN customers c ON c.id = s.customer_id
		WHERE s.month = ? ORDER BY abs(s.closing) DESC, s.id LIMIT 1`, last).Scan(&code, &name, &number, &closing); err != nil {
		t.Fatalf("the demo issued no statement for %s: %v", last, err)
	}
	// The ageing is taken on the day before an invoice's money came in,
	// so it has money open whatever today is: on some days every
	// invoice the demo issued is paid by today.
	var paidOn string
	if err := db.QueryRow(`SELECT min(s.allocated_on) FROM settlements s JOIN receivable_open r ON r.invoice_doc_id = s.invoice_doc_id
		WHERE s.allocated_on > r.issued_on`).Scan(&paidOn); err != nil {
		t.Fatalf("the demo paid no invoice after its issue: %v", err)
	}
	paid, err := time.Parse("2006-01-02", paidOn)
	if err != nil {
		t.Fatal(err)
	}
	asOf := paid.AddDate(0, 0, -1).Format("2006-01-02")
	pdf := filepath.Join(dir, "s.pdf")
	c.steps([]step{
		{name: "unsigned month", args: []string{"print", "statement", code, this}, wantErr: true, want: []string{"finance has not signed this month off"}},
		{name: "no such customer", args: []string{"print", "statement", "无此客户XYZ", last}, wantErr: true, want: []string{"no one customer"}},
		{name: "statement", args: []string{"print", "statement", code, last, "--out", pdf}, want: []string{"written to " + pdf}},
	})
	if _, err := exec.LookPath("pdftotext"); err == nil {
		out, err := exec.Command("pdftotext", "-layout", "-enc", "UTF-8", pdf, "-").CombinedOutput()
		if err != nil {
			t.Fatalf("pdftotext: %v\n%s", err, out)
		}
		text := string(out)
		for _, w := range []string{"货款往来对账单", name, number, "期初余额", "本期合计"} {
			if !strings.Contains(text, w) {
				t.Errorf("the statement lacks %q:\n%s", w, text)
			}
		}
	} else {
		t.Log("pdftotext not installed: the PDF's text is not checked")
	}

	ageing, plan, recon := filepath.Join(dir, "a.xlsx"), filepath.Join(dir, "p.xlsx"), filepath.Join(dir, "r.xlsx")
	c.steps([]step{
		{name: "no --out", args: []string{"export", "ageing"}, wantErr: true, want: []string{"--out"}},
		{name: "unknown", args: []string{"export", "everything", "--out", ageing}, wantErr: true, want: []string{"no export called everything"}},
		{name: "ageing", args: []string{"export", "ageing", "--as-of", asOf, "--out", ageing}, want: []string{"written to"}},
		{name: "plan", args: []string{"export", "plan", "--month", last, "--out", plan}, want: []string{"written to"}},
		{name: "reconciliation", args: []string{"export", "reconciliation", "--month", last, "--out", recon}, want: []string{"written to"}},
	})
	// The reconciliation's sheet: Chinese headers, one row per customer,
	// money as numbers, the customer's closing as the statement says.
	f, err := excelize.OpenFile(recon, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows("对账")
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(rows[0], ",") != "客户,期初余额,本期发货,本期开票,本期回款,期末余额" {
		t.Fatalf("headers %v", rows[0])
	}
	found := false
	for i, r := range rows[1:] {
		if r[0] != name {
			continue
		}
		found = true
		cell := "F" + strconv.Itoa(i+2)
		typ, _ := f.GetCellType("对账", cell)
		if typ != excelize.CellTypeNumber && typ != excelize.CellTypeUnset {
			t.Errorf("closing of %s is a %v, want a number", name, typ)
		}
		// Written as a number with two decimals, read back to the fen.
		if got, err := signedMoney(r[5]); err != nil || got != store.Money(closing) || !strings.Contains(r[5], ".") {
			t.Errorf("closing of %s reads %q, want %v", name, r[5], store.Money(closing))
		}
	}
	if !found {
		t.Errorf("%s not in the reconciliation sheet", name)
	}
	last2 := rows[len(rows)-1]
	if !strings.HasPrefix(last2[0], "合计") {
		t.Errorf("no total row: %v", last2)
	}
	style, _ := f.GetCellStyle("对账", "F2")
	if st, err := f.GetStyle(style); err != nil || st.CustomNumFmt == nil || *st.CustomNumFmt != "#,##0.00" {
		t.Errorf("money cells are not shown with two decimals: %v", err)
	}
	// The ageing's total row adds up its customers' rows, to the fen.
	ag, err := excelize.OpenFile(ageing, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	arows, _ := ag.GetRows("账龄-客户")
	ag.Close()
	if len(arows) < 3 || strings.Join(arows[0], ",") != "客户,0-30天,31-60天,61-90天,90天以上,合计" {
		t.Fatalf("ageing sheet %v", arows)
	}
	var sum store.Money
	for _, r := range arows[1 : len(arows)-1] {
		v, err := store.ParseMoney(r[5])
		if err != nil {
			t.Fatalf("ageing row %v: %v", r, err)
		}
		sum += v
	}
	if total, err := store.ParseMoney(arows[len(arows)-1][5]); err != nil || total != sum || sum <= 0 {
		t.Errorf("ageing total %v, rows add to %v", arows[len(arows)-1][5], sum)
	}
	for path, sheets := range map[string][]string{ageing: {"账龄-客户", "账龄-销售", "回款阶梯"}, plan: {"月回款计划"}} {
		g, err := excelize.OpenFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if got := g.GetSheetList(); strings.Join(got, ",") != strings.Join(sheets, ",") {
			t.Errorf("%s sheets %v, want %v", filepath.Base(path), got, sheets)
		}
		head, _ := g.GetCellValue(sheets[0], "B1")
		if head == "" {
			t.Errorf("%s: no headers", filepath.Base(path))
		}
		g.Close()
	}
}

// signedMoney reads a sheet's amount, which may be below zero (a
// customer who paid ahead).
func signedMoney(s string) (store.Money, error) {
	if rest, ok := strings.CutPrefix(s, "-"); ok {
		m, err := store.ParseMoney(rest)
		return -m, err
	}
	return store.ParseMoney(s)
}
