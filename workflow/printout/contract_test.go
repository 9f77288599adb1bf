package printout

import (
	"fmt"
	"strings"
	"testing"

	"orderdesk/store"
)

func TestContractPDF(t *testing.T) {
	c := sampleContract(5)
	c.Weighing = "理计（按理论重量结算）"
	pdf, err := ContractPDF(c)
	if err != nil {
		t.Fatal(err)
	}
	doc := extract(t, pdf)
	if len(doc.pages) != 1 {
		t.Fatalf("a five-line contract has %d pages, want 1", len(doc.pages))
	}
	mustContain(t, "contract", doc.all(),
		"沈阳恒信钢铁贸易有限公司", "销售合同",
		"合同编号：LNSYNO.0001", "签订日期：2026年12月01日", "签订地点：辽宁省沈阳市铁西区",
		"供方（甲方）：沈阳恒信钢铁贸易有限公司", "需方（乙方）：鞍山恒达重工机械有限公司",
		"牌号", "品名", "规格", "数量", "单位", "重量(吨)", "单价(元)", "金额(元)",
		"1 Q235B 热轧钢板 10×1500×6000 12.345 t 12.345 4,120.00 50,861.40",
		"4 304 不锈钢冷轧板 2.0×1219×2438 2B面 覆膜 6 张 15.345 15,600.00 239,382.00",
		"合计 71.725 489,065.52",
		"合计人民币（大写）：肆拾捌万玖仟零陆拾伍元伍角贰分", "（小写）：¥489,065.52",
		"交货日期：2026年12月15日", "交货地点：辽宁省鞍山市铁东区建国大道88号",
		"付款方式：月结30天，电汇", "计重方式：理计（按理论重量结算）", "运输方式及费用：供方汽运送货",
		"质量标准：按国家标准", "备注：板材按理计交货。",
		"供方（盖章）：沈阳恒信钢铁贸易有限公司", "需方（盖章）：鞍山恒达重工机械有限公司",
		"联系人：张建国", "电话：13904120001", "开户银行：中国建设银行鞍山分行",
		"第 1 页 共 1 页",
	)
}

// A long order flows over pages: every line is printed once, in order,
// each page repeats the table head and is numbered, and the total and
// signatures come at the end.
func TestContractPDFLongOrder(t *testing.T) {
	c := sampleContract(200)
	pdf, err := ContractPDF(c)
	if err != nil {
		t.Fatal(err)
	}
	doc := extract(t, pdf)
	n := len(doc.pages)
	if n < 4 {
		t.Fatalf("200 lines on %d pages", n)
	}
	for i, p := range doc.pages {
		mustContain(t, fmt.Sprintf("page %d", i+1), p,
			"序号 牌号 品名 规格 数量 单位", fmt.Sprintf("第 %d 页 共 %d 页", i+1, n))
		if i > 0 {
			mustContain(t, fmt.Sprintf("page %d", i+1), p, "销售合同（续）", "合同编号：LNSYNO.0001")
		}
	}
	flat := squeeze(doc.all())
	at := 0
	for i, l := range c.Lines {
		row := squeeze(fmt.Sprintf("%d %s %s %s", i+1, l.Grade, l.Name, l.Spec)) + squeeze(qty(l.Qty)+l.Unit+tonnes(l.Weight)+yuan(l.Price)+yuan(l.Amount))
		k := strings.Index(flat[at:], row)
		if k < 0 {
			t.Fatalf("line %d missing or out of order: %s", i+1, row)
		}
		at += k + len(row)
	}
	total, _ := linesTotal(c.Lines)
	last := doc.pages[n-1]
	mustContain(t, "last page", last, "合计人民币（大写）："+capitalOf(total), yuanSign(total), "需方（盖章）")
}

func BenchmarkContractPDF200(b *testing.B) {
	c := sampleContract(200)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ContractPDF(c); err != nil {
			b.Fatal(err)
		}
	}
}

// A line priced per kg says so beside weights in tonnes: every price
// cell names what it is per.
func TestContractPDFPriceUnit(t *testing.T) {
	c := sampleContract(2)
	c.Lines[0].PriceUnit = "元/吨"
	c.Lines[1].PriceUnit = "元/千克"
	c.Lines[1].Price = store.Money(412)
	c.Lines[1].Amount = c.Lines[1].Price.Mul(c.Lines[1].Qty)
	pdf, err := ContractPDF(c)
	if err != nil {
		t.Fatal(err)
	}
	all := extract(t, pdf).all()
	mustContain(t, "contract", all, "4,120.00元/吨", "4.12元/千克")
	if strings.Contains(all, "单价(元)") {
		t.Error("the head still says 单价(元) over prices that say what they are per")
	}
}
