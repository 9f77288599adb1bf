package printout

import (
	"strings"
	"testing"
	"time"

	"orderdesk/store"
)

func TestStatementTotals(t *testing.T) {
	s := sampleStatement()
	shipped, invoiced, received, closing := s.Totals()
	if shipped != 16740500 || invoiced != 12360000 || received != 15000000 || closing != 13740500 {
		t.Errorf("totals %d %d %d %d", shipped, invoiced, received, closing)
	}
}

func TestStatementPDF(t *testing.T) {
	pdf, err := StatementPDF(sampleStatement())
	if err != nil {
		t.Fatal(err)
	}
	doc := extract(t, pdf)
	if len(doc.pages) != 1 {
		t.Fatalf("%d pages, want 1", len(doc.pages))
	}
	mustContain(t, "statement", doc.all(),
		"沈阳恒信钢铁贸易有限公司", "货款往来对账单", "致：鞍山恒达重工机械有限公司", "编号：DZ202611-0042",
		"对账期间：2026年11月", "2026年11月01日至2026年11月30日", "2026年12月10日前回传",
		"日期 单据号 摘要 发货金额 开票金额 回款金额 余额",
		"2026年11月01日 期初余额 120,000.00",
		"2026年11月03日 FH202611-0003 发货 Q235B 热轧钢板 30.000吨 123,600.00 243,600.00",
		"2026年11月05日 HK202611-0011 电汇回款 100,000.00 143,600.00",
		"2026年11月08日 FP00012345 开具增值税专用发票 123,600.00 143,600.00",
		"本期合计 期末余额 167,405.00 123,600.00 150,000.00 137,405.00",
		"贵公司尚欠我公司货款¥137,405.00（人民币大写：壹拾叁万柒仟肆佰零伍元整）",
		"核对无误", "核对不符，不符金额及原因", "客户（签字盖章）",
		"对账单位：沈阳恒信钢铁贸易有限公司（盖章）",
	)
}

// TestStatementFooter: a footer line prints under the confirmation;
// without one, nothing follows it.
func TestStatementFooter(t *testing.T) {
	s := sampleStatement()
	s.Footer = "审计校验 #1024 sha256:0f3c9a"
	pdf, err := StatementPDF(s)
	if err != nil {
		t.Fatal(err)
	}
	all := extract(t, pdf).all()
	mustContain(t, "footer", all, "审计校验 #1024 sha256:0f3c9a")
	if strings.Index(all, "审计校验") < strings.LastIndex(all, "客户（签字盖章）") {
		t.Error("the footer is not under the confirmation")
	}
}

func TestStatementPDFBalanceWording(t *testing.T) {
	for _, tt := range []struct {
		opening store.Money
		want    string
	}{
		{-1740500 - 2000, "贵公司预付货款余额¥20.00（人民币大写：贰拾元整）"},
		{-1740500, "双方往来款项已结清"},
	} {
		s := sampleStatement()
		s.Opening = tt.opening
		pdf, err := StatementPDF(s)
		if err != nil {
			t.Fatal(err)
		}
		mustContain(t, "statement", extract(t, pdf).all(), tt.want)
	}
}

// The letter names the overdue invoices, their sum in figures and in
// capitals, where to pay, and carries the statement after it.
func TestOverdueLetterPDF(t *testing.T) {
	l := sampleLetter()
	if got := l.Overdue(); got != 10030500 {
		t.Fatalf("overdue %d", got)
	}
	if got := l.Invoices[0].DaysOverdue(l.Date); got != 43 {
		t.Fatalf("days overdue %d, want 43", got)
	}
	pdf, err := OverdueLetterPDF(l)
	if err != nil {
		t.Fatal(err)
	}
	doc := extract(t, pdf)
	if len(doc.pages) != 2 {
		t.Fatalf("%d pages, want the letter and the statement", len(doc.pages))
	}
	mustContain(t, "letter", doc.pages[0],
		"逾期回款函", "编号：YQ2026-0005", "鞍山恒达重工机械有限公司：", "截至2026年12月02日",
		"发票号 订单号 开票日期 到期日 发票金额 已付金额 未付金额 逾期天数",
		"FP00011001 LNASNO.0031 2026年09月20日 2026年10月20日 86,500.00 30,000.00 56,500.00 43",
		"FP00011377 LNASNO.0035 2026年10月01日 2026年10月31日 43,805.00 0.00 43,805.00 32",
		"合计 130,305.00 30,000.00 100,305.00",
		"逾期金额合计¥100,305.00（人民币大写：壹拾万零叁佰零伍元整）",
		"请贵公司于2026年12月12日前", "开户银行：中国工商银行沈阳铁西支行", "账号：3301 0200 0920 0123 456",
		"附件：货款往来对账单（2026年11月）", "第 1 页 共 1 页",
	)
	mustContain(t, "attachment", doc.pages[1], "附件：逾期回款函 YQ2026-0005", "货款往来对账单", "期末余额", "核对无误", "第 1 页 共 1 页")
	if strings.Contains(doc.pages[0], "核对无误") {
		t.Error("the statement's confirmation block is on the letter's page")
	}
}

func TestOverdueInvoiceDaysAcrossDST(t *testing.T) {
	loc, err := time.LoadLocation("America/New_York")
	if err != nil {
		t.Skip(err)
	}
	i := OverdueInvoice{Due: time.Date(2026, 3, 1, 0, 0, 0, 0, loc)}
	if got := i.DaysOverdue(time.Date(2026, 3, 31, 23, 0, 0, 0, loc)); got != 30 {
		t.Errorf("%d days, want 30", got)
	}
}
