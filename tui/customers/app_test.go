package customers_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"orderdesk/store"
	"orderdesk/tui"
	"orderdesk/tui/tuitest"
	"orderdesk/workflow"
)

// These tests run the whole app under teatest in a 120×40 window, type
// real keys and read the screen a terminal would show.

var key = tuitest.Char

var enter, tab, right, ctrlU = tuitest.Key("enter"), tuitest.Key("tab"), tuitest.Key("right"), tuitest.Key("ctrl+u")

func seed(t *testing.T, f *tuitest.Fixture) {
	t.Helper()
	d := f.Engine.Desk(f.Clerk)
	for _, in := range []workflow.CustomerInput{
		{Name: "沈阳钢铁有限公司", ShortName: "沈钢", City: "沈阳", Phone: "024-23456789"},
		{Name: "鞍山宏达钢材贸易有限公司", ShortName: "鞍山宏达", City: "鞍山", Phone: "0412-5551234"},
		{Name: "Dalian Harbour Machinery Co.", ShortName: "DHM", City: "大连", Phone: "0411-8888"},
	} {
		in.PaymentTerms = store.TermsPrepaid
		if _, _, err := d.CreateCustomer(context.Background(), in); err != nil {
			t.Fatal(err)
		}
	}
}

// walk moves through form fields with tab, waiting for each to take the
// focus before the next key.
func walk(t *testing.T, scr *tuitest.Screen, labels ...string) {
	t.Helper()
	for _, l := range labels {
		scr.Send(tab)
		scr.WaitText(t, "› "+l)
	}
}

// seededApp is the clerk's app in Chinese over the seeded customers.
func seededApp(t *testing.T) (*tuitest.Fixture, *tuitest.Screen) {
	t.Helper()
	f := tuitest.New(t)
	seed(t, f)
	return f, tuitest.Run(t, f.App(f.Clerk, "zh"))
}

func TestTeaFilterByMnemonic(t *testing.T) {
	_, scr := seededApp(t)
	scr.WaitText(t, "沈阳钢铁有限公司", "鞍山宏达", "Dalian Harbour")
	scr.Send(key('/'))
	scr.Type("sygt")
	scr.WaitGone(t, "鞍山宏达")
	scr.WaitText(t, "沈阳钢铁有限公司", "第 1–1 条")
	if strings.Contains(scr.Text(), "Dalian") {
		t.Fatalf("the filter lets others through:\n%s", scr.Text())
	}
	scr.Type("q") // typed into the filter: the app does not quit
	scr.WaitText(t, "没有匹配“sygtq”的记录")
	scr.Quit(t)
}

func TestTeaFilterByChineseText(t *testing.T) {
	_, scr := seededApp(t)
	scr.WaitText(t, "沈阳钢铁有限公司")
	scr.Send(key('/'))
	scr.Type("鞍山")
	scr.WaitGone(t, "沈阳钢铁有限公司")
	scr.WaitText(t, "鞍山宏达钢材贸易有限公司", "筛选: 鞍山")
	scr.Send(enter)
	scr.Send(key('j'), key('j')) // list keys again, not filter text
	scr.WaitText(t, "筛选: 鞍山  esc 清除筛选")
	scr.Quit(t)
}

func TestTeaCreateCustomerWithChineseName(t *testing.T) {
	f := tuitest.New(t)
	ctx := context.Background()
	sys, _ := f.Engine.SystemUser(ctx)
	if _, err := f.Engine.AddUser(ctx, sys, "liu", "刘强", "", []workflow.Role{workflow.SalesRep}); err != nil {
		t.Fatal(err)
	}
	scr := tuitest.Run(t, f.App(f.Clerk, "zh"))
	scr.WaitText(t, "还没有客户档案")
	scr.Send(key('n'))
	scr.WaitText(t, "新建客户", "› 全称")
	scr.Type("辽宁特钢贸易有限公司")
	scr.Send(enter)
	scr.WaitText(t, "› 简称")
	scr.Type("辽特")
	scr.Send(enter)
	scr.WaitText(t, "› 助记码", "LNTGMYYXGS") // what a blank 助记码 becomes
	scr.Send(enter)
	scr.WaitText(t, "2/4 联系方式 › 联系人")
	scr.Type("张伟")
	scr.Send(enter)
	scr.WaitText(t, "› 电话")
	scr.Type("0411-86541234")
	walk(t, scr, "传真", "电子邮箱", "网址", "省份")
	scr.Type("辽宁")
	walk(t, scr, "城市")
	scr.Type("大连")
	walk(t, scr, "地址", "主营产品")
	scr.Type("机械加工")
	walk(t, scr, "常用牌号规格")
	scr.Type("Q235B 20×1500×6000")
	walk(t, scr, "现供应商", "类别", "计重方式", "来源", "业务员")
	scr.Send(right) // 刘强
	scr.WaitText(t, "刘强")
	walk(t, scr, "备注", "付款方式")
	scr.Send(right) // 月结
	walk(t, scr, "账期(天)")
	scr.Type("30")
	walk(t, scr, "信用额度(元)")
	scr.Type("200000")
	walk(t, scr, "变更原因")
	scr.Type("新客户,年采购约五百吨")
	scr.Send(enter)
	scr.WaitText(t, "已保存 辽宁特钢贸易有限公司;付款条件变更已提交审核", "辽宁特钢贸易有限公司", "刘强")
	scr.Quit(t)

	d := f.Engine.Desk(f.Clerk)
	rows, err := d.Customers(ctx, store.Page{Query: "lntg"})
	if err != nil || len(rows) != 1 {
		t.Fatalf("want the customer findable by 助记码, got %v %v", rows, err)
	}
	file, err := d.CustomerFile(ctx, rows[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if file.ShortName != "辽特" || file.Phone != "0411-86541234" || file.City != "大连" || file.Rep != "刘强" ||
		file.UsualGrades != "Q235B 20×1500×6000" || file.Mnemonic != "LNTGMYYXGS" {
		t.Fatalf("saved %+v", file.Customer)
	}
	if file.PaymentTerms != store.TermsPrepaid || file.CreditLimit != 0 {
		t.Fatalf("terms took effect without review: %s %v", file.PaymentTerms, file.CreditLimit)
	}
	if p := file.PendingTerms; p == nil || p.NewTerms != store.TermsMonthly || p.NewDays != 30 || p.NewCredit != 20000000 {
		t.Fatalf("pending terms %+v", p)
	}
}

func TestTeaBadInputIsRefusedAndKept(t *testing.T) {
	f := tuitest.New(t)
	scr := tuitest.Run(t, f.App(f.Clerk, "zh"))
	scr.WaitText(t, "还没有客户档案")
	scr.Send(key('n'))
	scr.WaitText(t, "› 全称")
	scr.Send(enter)
	scr.WaitText(t, "全称:必填")
	scr.Type("营口Steel Works")
	walk(t, scr, "简称", "助记码", "联系人", "电话", "传真", "电子邮箱", "网址", "省份", "城市", "地址",
		"主营产品", "常用牌号规格", "现供应商", "类别", "计重方式", "来源", "业务员", "备注", "付款方式", "账期(天)", "信用额度(元)")
	scr.Type("abc")
	scr.Send(enter)
	scr.WaitText(t, "信用额度(元):不是数字", "abc", "› 信用额度(元)")
	scr.Quit(t)
	rows, _ := f.Engine.Desk(f.Clerk).Customers(context.Background(), store.Page{Voided: true})
	if len(rows) != 0 {
		t.Fatalf("saved despite bad input: %+v", rows)
	}
}

func TestTeaEditCreditOpensATermsChange(t *testing.T) {
	f, scr := seededApp(t)
	scr.WaitText(t, "沈阳钢铁有限公司")
	scr.Send(key('e'))
	scr.WaitText(t, "编辑客户 C000001 沈阳钢铁有限公司", "› 全称")
	walk(t, scr, "简称", "助记码", "联系人", "电话", "传真", "电子邮箱", "网址", "省份", "城市", "地址",
		"主营产品", "常用牌号规格", "现供应商", "类别", "计重方式", "来源", "业务员", "备注", "付款方式", "账期(天)", "信用额度(元)")
	scr.WaitText(t, "审核通过后才生效")
	scr.Retype("300000")
	scr.Send(enter)
	scr.WaitText(t, "› 变更原因")
	scr.Type("扩大合作")
	scr.Send(enter)
	scr.WaitText(t, "已保存 沈阳钢铁有限公司;付款条件变更已提交审核")
	scr.Quit(t)

	d := f.Engine.Desk(f.Clerk)
	rows, _ := d.Customers(context.Background(), store.Page{Query: "sygt"})
	file, err := d.CustomerFile(context.Background(), rows[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if file.CreditLimit != 0 {
		t.Fatalf("credit changed before review: %v", file.CreditLimit)
	}
	if p := file.PendingTerms; p == nil || p.NewCredit != 30000000 || p.Reason != "扩大合作" || file.PendingTermsDoc.Status != "submitted" {
		t.Fatalf("pending %+v %+v", p, file.PendingTermsDoc)
	}
}

func TestTeaAnotherSessionsCustomerAppears(t *testing.T) {
	f, scr := seededApp(t)
	scr.WaitText(t, "第 1–3 条")
	if _, _, err := f.Engine.Desk(f.Supervisor).CreateCustomer(context.Background(),
		workflow.CustomerInput{Name: "本溪北营钢铁(集团)股份有限公司", PaymentTerms: store.TermsPrepaid}); err != nil {
		t.Fatal(err)
	}
	scr.WaitText(t, "本溪北营钢铁(集团)股份有限公司", "第 1–4 条")
	scr.Quit(t)
}

// The list with Chinese, Latin and mixed names, as text: the columns line
// up in display cells. Regenerate with go test -run ListGolden -update.
func TestTeaListGolden(t *testing.T) {
	f := tuitest.New(t)
	ctx := context.Background()
	rep := f.AddUser("liu", "刘强", workflow.SalesRep)
	d := f.Engine.Desk(f.Clerk)
	for i, in := range []workflow.CustomerInput{
		{Name: "沈阳钢铁有限公司", ShortName: "沈钢", City: "沈阳", Phone: "024-23456789", RepID: rep.ID},
		{Name: "Dalian Harbour Machinery Co., Ltd.", ShortName: "DHM", City: "大连", Phone: "0411-88886666"},
		{Name: "营口Steel Works 营钢", ShortName: "营钢", City: "营口", Phone: "0417-1234567", RepID: rep.ID},
		{Name: "本溪北营钢铁(集团)股份有限公司", ShortName: "北营", City: "本溪", Phone: "024-4567890"},
		{Name: "Tianjin Pipe Corp.", ShortName: "TPCO", City: "天津", Phone: "022-2580000"},
	} {
		in.PaymentTerms = store.TermsPrepaid
		if i%2 == 0 {
			in.PaymentTerms, in.TermsDays, in.CreditLimit = store.TermsMonthly, "30", "1234567.8"
		}
		_, doc, err := d.CreateCustomer(ctx, in)
		if err != nil {
			t.Fatal(err)
		}
		if doc != 0 {
			if err := f.Engine.Desk(f.Supervisor).Act(ctx, doc, workflow.ActionApprove, "同意"); err != nil {
				t.Fatal(err)
			}
		}
	}
	scr := tuitest.Run(t, f.App(f.Clerk, "zh"))
	scr.WaitText(t, "第 1–5 条,共 5 条", "1,234,567.80")
	scr.Quit(t)
	app := scr.TM().FinalModel(t, teatest.WithFinalTimeout(3*time.Second)).(*tui.App)
	teatest.RequireEqualOutput(t, []byte(ansi.Strip(app.Render())))
}
