package workflow

import (
	"context"
	"errors"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"

	"orderdesk/store"
	"orderdesk/workflow/sheet"
)

const customersCSV = `客户名称,助记码,联系人,电话,付款方式,账期天数,信用额度,主营产品
鞍山恒达重工机械有限公司,ASHD,张经理,0412-5551234,月结,30,500000,矿山机械
大连船用阀门有限公司,,李工,0411-8881234,先款后货,,,阀门
`

func importCSV(t *testing.T, f *fixture, u store.User, what, body string) (ImportResult, error) {
	t.Helper()
	return f.e.Desk(u).Import(context.Background(), what, what+".csv", []byte(body))
}

func mustImport(t *testing.T, f *fixture, u store.User, what, body string) ImportResult {
	t.Helper()
	res, err := importCSV(t, f, u, what, body)
	if err != nil {
		t.Fatalf("import %s: %v", what, err)
	}
	return res
}

// TestImportRowProblems: every kind of bad row is named by its row, its
// column as the file heads it, and why; a file with one makes no batch.
func TestImportRowProblems(t *testing.T) {
	tests := []struct {
		name, what, body string
		want             RowError
	}{
		{"phone in the name", store.ImportCustomers, "客户名称,电话\n13812345678,024-1\n", RowError{Row: 2, Column: "客户名称", Code: PhoneInName, Value: "13812345678"}},
		{"name twice in the file", store.ImportCustomers, "name,phone\n沈阳钢铁,\n沈阳钢铁,\n", RowError{Row: 3, Column: "name", Code: DuplicateInFile, Value: "沈阳钢铁", Other: 2}},
		{"助记码 twice in the file", store.ImportCustomers, "客户名称,助记码\n沈阳钢铁,SYGT\n沈阳钢管,sygt\n", RowError{Row: 3, Column: "助记码", Code: DuplicateInFile, Value: "sygt", Other: 2}},
		{"助记码 of another customer on file", store.ImportCustomers, "客户名称,助记码\n抚顺特钢,SYGT\n", RowError{Row: 2, Column: "助记码", Code: DuplicateInDesk, Value: "SYGT"}},
		{"unknown rep", store.ImportCustomers, "客户名称,业务员\n抚顺特钢,nobody\n", RowError{Row: 2, Column: "业务员", Code: UnknownRep, Value: "nobody"}},
		{"unknown source", store.ImportCustomers, "客户名称,客户来源\n抚顺特钢,传真\n", RowError{Row: 2, Column: "客户来源", Code: InvalidChoice, Value: "传真"}},
		{"bad terms", store.ImportCustomers, "客户名称,付款方式\n抚顺特钢,赊账\n", RowError{Row: 2, Column: "付款方式", Code: InvalidChoice, Value: "赊账"}},
		{"unknown unit", store.ImportProducts, "牌号,品名,规格,单位\nQ235B,热轧钢板,10×1500×6000,吨位\n", RowError{Row: 2, Column: "单位", Code: UnknownUnit, Value: "吨位"}},
		{"product twice", store.ImportProducts, "牌号,品名,单位\nQ235B,钢板,t\nq235b,钢板,吨\n", RowError{Row: 3, Column: "牌号", Code: DuplicateInFile, Value: "q235b", Other: 2}},
		{"price not a number", store.ImportPrices, "牌号,品名,单位,单价,生效日期\nQ235B,钢板,t,四千,2026-12-01\n", RowError{Row: 2, Column: "单价", Code: NotANumber, Value: "四千"}},
		{"a date that is not a date", store.ImportPrices, "牌号,品名,单位,单价,生效日期\nQ235B,钢板,t,4300,2026-13-45\n", RowError{Row: 2, Column: "生效日期", Code: InvalidDate, Value: "2026-13-45"}},
		{"negative balance", store.ImportBalances, "客户名称,期初应收,截止日\n沈阳钢铁有限公司,-100,2026-11-30\n", RowError{Row: 2, Column: "期初应收", Code: Negative, Value: "-100"}},
		{"balance of an unknown customer", store.ImportBalances, "customer,opening balance,as of\n不存在的公司,100,2026-11-30\n", RowError{Row: 2, Column: "customer", Code: UnknownCustomer, Value: "不存在的公司"}},
		{"balance date not a date", store.ImportBalances, "客户名称,期初应收,截止日\n沈阳钢铁有限公司,100,昨天\n", RowError{Row: 2, Column: "截止日", Code: InvalidDate, Value: "昨天"}},
		{"unknown column", store.ImportProducts, "牌号,品名,单位,颜色\nQ235B,钢板,t,红\n", RowError{Row: 1, Column: "颜色", Code: UnknownColumn}},
		{"missing column", store.ImportPrices, "牌号,品名,单位,单价\nQ235B,钢板,t,4300\n", RowError{Row: 1, Column: "生效日期", Code: MissingColumn}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f := newFixture(t)
			if _, _, err := f.e.Desk(f.clerk).CreateCustomer(context.Background(), CustomerInput{Name: "沈阳钢铁有限公司", Mnemonic: "SYGT",
				PaymentTerms: store.TermsPrepaid}); err != nil {
				t.Fatal(err)
			}
			_, err := importCSV(t, f, f.boss, tc.what, tc.body)
			var errs RowErrors
			if !errors.As(err, &errs) {
				t.Fatalf("want row errors, got %v", err)
			}
			found := false
			for _, e := range errs {
				if e == tc.want {
					found = true
				}
			}
			if !found {
				t.Fatalf("want %+v among %+v", tc.want, errs)
			}
			if n := f.count(t, "SELECT count(*) FROM import_batches"); n != 0 {
				t.Fatalf("a rejected file made %d batches", n)
			}
		})
	}
}

// TestImportListsEveryBadRow: all bad rows of a file, not the first.
func TestImportListsEveryBadRow(t *testing.T) {
	f := newFixture(t)
	_, err := importCSV(t, f, f.boss, store.ImportProducts, "牌号,品名,单位\nQ235B,钢板,吨位\n,圆钢,t\n45#,圆钢,t\n20#,钢管,米\n")
	var errs RowErrors
	if !errors.As(err, &errs) || len(errs) != 3 || errs[0].Row != 2 || errs[1].Row != 3 || errs[2].Row != 5 {
		t.Fatalf("want rows 2, 3 and 5, got %v", err)
	}
	if n := f.count(t, "SELECT count(*) FROM products"); n != 0 {
		t.Fatalf("half imported: %d products", n)
	}
}

// financeUser adds 陈会计, who signs off finance's figures.
func (f *fixture) financeUser(t *testing.T) store.User {
	t.Helper()
	ctx := context.Background()
	sys, _ := f.e.SystemUser(ctx)
	fin, err := f.e.AddUser(ctx, sys, "chen", "陈会计", "", []Role{Finance})
	if err != nil {
		t.Fatal(err)
	}
	return fin
}

func (f *fixture) count(t *testing.T, q string) int {
	t.Helper()
	var n int
	if err := f.rawDB(t).QueryRow(q).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func TestImportGBKCSV(t *testing.T) {
	f := newFixture(t)
	gbk, err := simplifiedchinese.GBK.NewEncoder().String(customersCSV)
	if err != nil {
		t.Fatal(err)
	}
	res := mustImport(t, f, f.clerk, store.ImportCustomers, gbk)
	if res.Encoding != sheet.GBK || res.New != 2 {
		t.Fatalf("GBK file read as %s with %d new", res.Encoding, res.New)
	}
	d, err := f.e.Desk(f.boss).Document(context.Background(), res.DocID)
	if err != nil || d.Import == nil || d.Import.Lines[0].Label != "鞍山恒达重工机械有限公司" {
		t.Fatalf("lines not decoded: %+v %v", d.Import, err)
	}
}

// TestImportXLSX: a workbook written by the template writer, numbers as
// Excel stores them (a double's noise), reads as the exact amounts.
func TestImportXLSX(t *testing.T) {
	f := newFixture(t)
	data, err := sheet.Template("价目表", []string{"牌号", "品名", "规格", "单位", "单价", "生效日期"},
		[]string{"Q235B", "热轧钢板", "10x1500x6000", "吨", "4350.5599999999999", "2026-12-01"},
		[]string{"45#", "圆钢", "Φ50", "t", "4100", "46357"})
	if err != nil {
		t.Fatal(err)
	}
	res, err := f.e.Desk(f.clerk).Import(context.Background(), store.ImportPrices, "prices.xlsx", data)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.e.Desk(f.boss).Act(context.Background(), res.DocID, ActionApprove, ""); err != nil {
		t.Fatal(err)
	}
	err = f.st.Read(context.Background(), func(tx *store.Tx) error {
		p, found, err := tx.ListPriceOn(context.Background(), "Q235B", "热轧钢板", "10×1500×6000", "2026-12-02")
		if err != nil || !found || p.Price != 435056 {
			t.Fatalf("Q235B priced %v (found %v): %v", p.Price, found, err)
		}
		p, found, err = tx.ListPriceOn(context.Background(), "45#", "圆钢", "Φ50", "2026-12-01")
		if err != nil || !found || p.Price != 410000 || p.ValidFrom != "2026-12-01" {
			t.Fatalf("45# priced %+v (found %v): %v", p, found, err)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestImportTwiceCreatesNothingTwice(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	res := mustImport(t, f, f.clerk, store.ImportCustomers, customersCSV)
	if _, err := importCSV(t, f, f.clerk, store.ImportCustomers, customersCSV); !errors.Is(err, &Refusal{Code: AlreadyImported}) {
		t.Fatalf("the same file while waiting: %v", err)
	}
	if err := f.e.Desk(f.boss).Act(ctx, res.DocID, ActionApprove, ""); err != nil {
		t.Fatal(err)
	}
	again, err := importCSV(t, f, f.clerk, store.ImportCustomers, customersCSV)
	if !errors.Is(err, &Refusal{Code: AlreadyImported}) || again.Existing.ID != res.DocID {
		t.Fatalf("the same file after approval: %v (%+v)", err, again.Existing)
	}
	// The same rows in another file (one row fewer) are as on file.
	one := strings.Join(strings.Split(customersCSV, "\n")[:2], "\n")
	if _, err := importCSV(t, f, f.clerk, store.ImportCustomers, one); !errors.Is(err, &Refusal{Code: NothingNew}) {
		t.Fatalf("rows as on file: %v", err)
	}
	if n := f.count(t, "SELECT count(*) FROM customers"); n != 2 {
		t.Fatalf("%d customers, want 2", n)
	}
	// A changed row is a change of the customer on file, not a second one.
	changed := "客户名称,联系人\n大连船用阀门有限公司,王工\n"
	res2 := mustImport(t, f, f.clerk, store.ImportCustomers, changed)
	if res2.Changed != 1 || res2.New != 0 {
		t.Fatalf("want one changed, got %+v", res2)
	}
	// Meanwhile the desk changes the phone: the sign-off keeps it.
	var id int64
	if err := f.rawDB(t).QueryRow(`SELECT id FROM customers WHERE name = '大连船用阀门有限公司'`).Scan(&id); err != nil {
		t.Fatal(err)
	}
	file, err := f.e.Desk(f.clerk).CustomerFile(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	in := InputFromCustomer(file.Customer)
	in.Phone = "0411-8889999"
	if _, err := f.e.Desk(f.clerk).UpdateCustomer(ctx, file.Customer, in); err != nil {
		t.Fatal(err)
	}
	if err := f.e.Desk(f.boss).Act(ctx, res2.DocID, ActionApprove, ""); err != nil {
		t.Fatal(err)
	}
	if n := f.count(t, "SELECT count(*) FROM customers WHERE contact = '王工' AND phone = '0411-8889999'"); n != 1 {
		t.Fatal("the change did not keep the rest of the file")
	}
}

// TestImportTwoPersonRule: the maker never signs their own batch, by the
// workflow and by the database.
func TestImportTwoPersonRule(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	res := mustImport(t, f, f.boss, store.ImportCustomers, customersCSV)
	if err := f.e.Desk(f.boss).Act(ctx, res.DocID, ActionApprove, ""); !errors.Is(err, &Refusal{Code: MakerCannotSignOff}) {
		t.Fatalf("maker approved own batch: %v", err)
	}
	err := f.st.Write(ctx, func(tx *store.Tx) error {
		return tx.InsertTransition(ctx, store.Transition{DocID: res.DocID, Action: ActionApprove, From: "submitted", To: "approved",
			ActorID: f.boss.ID, SignOff: true})
	})
	var re *store.RuleError
	if !errors.As(err, &re) || re.Code != string(MakerCannotSignOff) {
		t.Fatalf("want maker_cannot_sign from the database, got %v", err)
	}
	if _, err := f.rawDB(t).Exec(`INSERT INTO import_lines(doc_id, row_no, outcome, label, fields, created_at, updated_at, updated_by)
		VALUES (?, 9, 'new', 'x', '{}', 'now', 'now', ?)`, res.DocID, f.clerk.ID); err == nil || !strings.Contains(err.Error(), "not_editable") {
		t.Fatalf("a line slipped into someone else's batch: %v", err)
	}
	if n := f.count(t, "SELECT count(*) FROM customers"); n != 0 {
		t.Fatalf("%d customers before the sign-off", n)
	}
}

func TestImportApprovedMakesRecordsRefusedMakesNone(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	refused := mustImport(t, f, f.clerk, store.ImportCustomers, customersCSV)
	if err := f.e.Desk(f.boss).Act(ctx, refused.DocID, ActionSendBack, "信用额度不对"); err != nil {
		t.Fatal(err)
	}
	if n := f.count(t, "SELECT count(*) FROM customers") + f.count(t, "SELECT count(*) FROM terms_changes"); n != 0 {
		t.Fatalf("a refused batch left %d records", n)
	}
	// Fixed and imported again, it is a new batch.
	res := mustImport(t, f, f.clerk, store.ImportCustomers, customersCSV)
	if err := f.e.Desk(f.boss).Act(ctx, res.DocID, ActionApprove, ""); err != nil {
		t.Fatal(err)
	}
	var terms string
	var days, credit int
	var maker, approver int64
	err := f.rawDB(t).QueryRow(`SELECT c.payment_terms, c.terms_days, c.credit_limit, d.maker_id, t.actor_id
	  FROM customers c JOIN documents d ON d.id = c.terms_doc_id JOIN transitions t ON t.doc_id = d.id AND t.action = 'approve'
	 WHERE c.name = '鞍山恒达重工机械有限公司' AND c.mnemonic = 'ASHD'`).Scan(&terms, &days, &credit, &maker, &approver)
	if err != nil || terms != store.TermsMonthly || days != 30 || credit != 50000000 || maker != f.clerk.ID || approver != f.boss.ID {
		t.Fatalf("terms %s %d %d made by %d approved by %d: %v", terms, days, credit, maker, approver, err)
	}
	if n := f.count(t, "SELECT count(*) FROM customers WHERE name = '大连船用阀门有限公司' AND payment_terms = 'prepaid'"); n != 1 {
		t.Fatal("the prepaid customer is missing")
	}
}

func TestImportProductsAndSigners(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	fin := f.financeUser(t)
	res := mustImport(t, f, f.clerk, store.ImportProducts, "牌号,品名,规格,单位,单重(kg)\nQ235B,热轧钢板,10*1500*6000,吨,\n20#,无缝钢管,219×8,支,252.5\n")
	if err := f.e.Desk(fin).Act(ctx, res.DocID, ActionApprove, ""); err != nil {
		t.Fatal(err)
	}
	if n := f.count(t, "SELECT count(*) FROM products WHERE (spec = '10×1500×6000' AND unit = 't') OR (unit = 'pcs' AND unit_weight = 252500)"); n != 2 {
		t.Fatalf("%d products as imported", n)
	}
	prices := mustImport(t, f, f.clerk, store.ImportPrices, "牌号,品名,规格,单位,单价,生效日期\nQ235B,热轧钢板,10×1500×6000,t,4350,2026-12-01\n")
	if err := f.e.Desk(fin).Act(ctx, prices.DocID, ActionApprove, ""); !errors.Is(err, &Refusal{Code: RoleNotAllowed}) {
		t.Fatalf("finance signed a price list: %v", err)
	}
	err := f.st.Write(ctx, func(tx *store.Tx) error {
		return tx.InsertTransition(ctx, store.Transition{DocID: prices.DocID, Action: ActionApprove, From: "submitted", To: "approved",
			ActorID: fin.ID, SignOff: true})
	})
	var re *store.RuleError
	if !errors.As(err, &re) || re.Code != string(RoleNotAllowed) {
		t.Fatalf("want role_not_allowed from the database, got %v", err)
	}
}
