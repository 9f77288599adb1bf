package review_test

import (
	"fmt"
	"strings"
	"testing"

	"orderdesk/store"
	"orderdesk/tui/tuitest"
	"orderdesk/workflow"
)

// TestImportBatchLineByLine: a batch waits in a supervisor's Review with
// its file and counts; opened, its lines show one by one with their
// outcome, the window moves over the ones that do not fit, and the
// sign-off makes the customers.
func TestImportBatchLineByLine(t *testing.T) {
	f := tuitest.New(t)
	if _, _, err := f.Engine.Desk(f.Clerk).CreateCustomer(f.Ctx, workflow.CustomerInput{Name: "锦州钢管有限公司", PaymentTerms: store.TermsPrepaid}); err != nil {
		t.Fatal(err)
	}
	var csv strings.Builder
	csv.WriteString("客户名称,联系人,付款方式,账期天数,信用额度\n锦州钢管有限公司,刘工,,,\n")
	for i := 1; i <= 30; i++ {
		fmt.Fprintf(&csv, "沈阳第%02d机械有限公司,张经理,月结,30,%d00000\n", i, i)
	}
	res, err := f.Engine.Desk(f.Clerk).Import(f.Ctx, store.ImportCustomers, "客户档案.csv", []byte(csv.String()))
	if err != nil || res.New != 30 || res.Changed != 1 {
		t.Fatalf("import: %+v %v", res, err)
	}

	scr := tuitest.Run(t, f.App(f.Supervisor, "zh"))
	scr.Send(key('9'))
	scr.WaitText(t, "导入批次", res.Ref, "王丽")
	scr.Send(tuitest.Key("enter"))
	scr.WaitText(t, "客户档案.csv", "新增 30 · 变更 1 · 相同 0", "变更", "锦州钢管有限公司", "联系人", "新增", "沈阳第01机械有限公司", "月结30天", "¥100,000.00", "还有")
	scr.Send(tuitest.Key("pgdown"), tuitest.Key("pgdown"), tuitest.Key("pgdown"))
	scr.WaitText(t, "沈阳第30机械有限公司", "¥3,000,000.00")
	scr.Send(key('a'))
	scr.WaitText(t, "通过意见")
	scr.Send(tuitest.Key("enter"))
	scr.WaitText(t, "已审核通过")
	scr.Quit(t)

	rows, err := f.Engine.Desk(f.Clerk).Customers(f.Ctx, store.Page{Query: "沈阳第30", Limit: 5})
	if err != nil || len(rows) != 1 || rows[0].PaymentTerms != store.TermsMonthly || rows[0].CreditLimit != 300000000 {
		t.Fatalf("approved batch: %+v %v", rows, err)
	}
}

// TestImportBatchMakerCannotApprove: the maker sees their own batch among
// theirs, never in their inbox, and cannot sign it.
func TestImportBatchMakerCannotApprove(t *testing.T) {
	f := tuitest.New(t)
	res, err := f.Engine.Desk(f.Supervisor).Import(f.Ctx, store.ImportProducts, "products.csv", []byte("grade,name,unit\nQ235B,热轧钢板,t\n"))
	if err != nil {
		t.Fatal(err)
	}
	scr := tuitest.Run(t, f.App(f.Supervisor, "en"))
	scr.Send(key('9'))
	scr.WaitText(t, "Waiting for my sign-off (0)")
	scr.Quit(t)
	if err := f.Engine.Desk(f.Supervisor).Act(f.Ctx, res.DocID, workflow.ActionApprove, ""); err == nil {
		t.Fatal("the maker signed their own batch")
	}
}
