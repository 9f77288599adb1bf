package printout

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// The note prints three times, one copy per page, each labelled.
func TestDeliveryPDFThreeCopies(t *testing.T) {
	pdf, err := DeliveryPDF(sampleDelivery(4))
	if err != nil {
		t.Fatal(err)
	}
	doc := extract(t, pdf)
	if len(doc.pages) != 3 {
		t.Fatalf("%d pages, want 3 (one per copy)", len(doc.pages))
	}
	copies := DeliveryCopies()
	for i, p := range doc.pages {
		what := fmt.Sprintf("page %d", i+1)
		mustContain(t, what, p,
			"发货单", "沈阳恒信钢铁贸易有限公司", copies[i].Label,
			fmt.Sprintf("第%s联 %s（%s）", chineseOrdinal(i+1), copies[i].Label, copies[i].For),
			"发货单号：FH202612-0007", "订单号：LNSYNO.0001", "客户：鞍山恒达重工机械有限公司",
			"日期：2026年12月03日", "收货地址：辽宁省鞍山市铁东区建国大道88号", "收货人：张建国 13904120001",
			"应发数量", "应发重量(吨)", "实发数量", "实发重量(吨)",
			"1 Q235B 热轧钢板 10×1500×6000 t 12.345 12.345 12.338 12.338",
			"2 45# 圆钢 Φ50 t 13.345 13.345 13.345 13.345 磅差",
			"3 20# 无缝钢管 219×8 支 5 14.345 5 14.352",
			"合计 55.380 55.373",
			"承运单位：沈阳顺达物流有限公司", "车号：辽A·5K321", "司机及电话：李师傅 13840001234",
			"发货时间：2026年12月03日 14:30", "预计到达：2026年12月04日",
			"制单：王丽", "审核：赵主管", "承运人（签字）", "收货人（签字盖章）",
			"第 1 页 共 1 页",
		)
		for j, other := range copies {
			if j != i && strings.Contains(p, other.Label) {
				t.Errorf("page %d (%s) also shows %s", i+1, copies[i].Label, other.Label)
			}
		}
	}
}

// A long note runs over pages within each copy; every page says which
// copy it belongs to and is numbered within it.
func TestDeliveryPDFLongNote(t *testing.T) {
	n := sampleDelivery(80)
	pdf, err := DeliveryPDF(n)
	if err != nil {
		t.Fatal(err)
	}
	doc := extract(t, pdf)
	if len(doc.pages)%3 != 0 || len(doc.pages) < 6 {
		t.Fatalf("%d pages for three copies of 80 lines", len(doc.pages))
	}
	per := len(doc.pages) / 3
	for i, p := range doc.pages {
		c := DeliveryCopies()[i/per]
		mustContain(t, fmt.Sprintf("page %d", i+1), p, c.Label, fmt.Sprintf("第 %d 页 共 %d 页", i%per+1, per))
	}
	for c := range 3 {
		copyText := strings.Join(doc.pages[c*per:(c+1)*per], "")
		mustContain(t, "copy", copyText, "80 Q355B H型钢", "承运人（签字）")
	}
}

func TestDeliveryText(t *testing.T) {
	out, err := DeliveryText(sampleDelivery(4), TextOptions{})
	if err != nil {
		t.Fatal(err)
	}
	golden.RequireEqual(t, out)
	checkTextLayout(t, string(out), 80, 3)
}

func TestDeliveryTextWideOneCopy(t *testing.T) {
	out, err := DeliveryText(sampleDelivery(4), TextOptions{Width: 136, OneCopy: true})
	if err != nil {
		t.Fatal(err)
	}
	golden.RequireEqual(t, out)
	checkTextLayout(t, string(out), 136, 1)
}

// checkTextLayout: no line wider than the printer, CR LF endings, one
// form feed per copy, and the table's columns lined up by display width.
func checkTextLayout(t *testing.T, out string, width, copies int) {
	t.Helper()
	if got := strings.Count(out, "\f"); got != copies {
		t.Errorf("%d form feeds, want %d", got, copies)
	}
	if strings.Contains(strings.ReplaceAll(out, "\r\n", ""), "\n") {
		t.Error("a line ends in a bare LF")
	}
	var ruleAt []int
	for i, l := range strings.Split(strings.ReplaceAll(out, "\f", ""), "\r\n") {
		if w := ansi.StringWidth(l); w > width {
			t.Errorf("line %d is %d columns wide (max %d): %q", i+1, w, width, l)
		}
		if strings.HasPrefix(l, "---") {
			ruleAt = append(ruleAt, i)
		}
	}
	// The 实发重量 column ends at the same column on every line row: the
	// weights are right-aligned in it.
	lines := strings.Split(out, "\r\n")
	end := -1
	for _, l := range lines {
		if !strings.Contains(l, "12.338") && !strings.Contains(l, "14.352") {
			continue
		}
		fields := strings.Fields(l)
		last := fields[len(fields)-1]
		if last == "磅差" {
			last = fields[len(fields)-2]
		}
		at := ansi.StringWidth(l[:strings.LastIndex(l, last)+len(last)])
		if end >= 0 && at != end {
			t.Errorf("loaded weight ends at column %d, earlier at %d: %q", at, end, l)
		}
		end = at
	}
	if end < 0 {
		t.Error("no line rows found")
	}
}

// The GB18030 rendering is the UTF-8 one in the printer's encoding.
func TestDeliveryTextGB18030(t *testing.T) {
	n := sampleDelivery(4)
	n.Notes = "运费¥350.00由供方承担"
	utf, err := DeliveryText(n, TextOptions{})
	if err != nil {
		t.Fatal(err)
	}
	gb, err := DeliveryText(n, TextOptions{Encoding: GB18030})
	if err != nil {
		t.Fatal(err)
	}
	if string(gb) == string(utf) {
		t.Fatal("GB18030 output is the UTF-8 bytes")
	}
	back, err := simplifiedchinese.GB18030.NewDecoder().Bytes(gb)
	if err != nil {
		t.Fatal(err)
	}
	if want := strings.ReplaceAll(string(utf), "¥", "￥"); string(back) != want {
		t.Errorf("GB18030 decodes to something else:\n%s", back)
	}
	// GBK printers know every byte sequence here: no four-byte GB18030
	// codes (a first byte 0x81–0xFE followed by a digit).
	for i := 0; i+1 < len(gb); i++ {
		if gb[i] >= 0x81 && gb[i+1] >= '0' && gb[i+1] <= '9' {
			t.Fatalf("four-byte GB18030 code at %d, not printable in GBK", i)
		}
		if gb[i] >= 0x81 {
			i++
		}
	}
	if !strings.Contains(string(gb), "\xb7\xa2") { // 发 in GBK
		t.Error("no 发 in GBK bytes")
	}
}

func TestDeliveryTextTooNarrow(t *testing.T) {
	if _, err := DeliveryText(sampleDelivery(1), TextOptions{Width: 60}); err == nil {
		t.Error("a 60-column note was accepted")
	}
}

// On a form of fixed length a long copy breaks between rows: no page
// longer than the form, each numbered on its last line, continued pages
// headed again, every row printed once per copy, the total not alone.
func TestDeliveryTextPaged(t *testing.T) {
	const form = 33
	out, err := DeliveryText(sampleDelivery(40), TextOptions{PageLines: form})
	if err != nil {
		t.Fatal(err)
	}
	pages := strings.Split(strings.TrimSuffix(string(out), "\f"), "\f")
	if len(pages)%3 != 0 {
		t.Fatalf("%d pages for three copies", len(pages))
	}
	per := len(pages) / 3
	if per < 3 {
		t.Fatalf("40 lines on %d pages of %d lines", per, form)
	}
	row := regexp.MustCompile(`^ (\d+) `)
	for c := range 3 {
		seen := map[string]int{}
		for i, p := range pages[c*per : (c+1)*per] {
			lines := strings.Split(strings.TrimSuffix(p, "\r\n"), "\r\n")
			if len(lines) > form {
				t.Errorf("copy %d page %d has %d lines", c+1, i+1, len(lines))
			}
			if want := fmt.Sprintf("第 %d 页 共 %d 页", i+1, per); strings.TrimSpace(lines[len(lines)-1]) != want {
				t.Errorf("copy %d page %d ends %q, want %q", c+1, i+1, lines[len(lines)-1], want)
			}
			if i > 0 && !strings.HasPrefix(lines[0], "发货单（续）") {
				t.Errorf("copy %d page %d starts %q", c+1, i+1, lines[0])
			}
			if !strings.Contains(p, DeliveryCopies()[c].Label) || !strings.Contains(p, "应发数量") {
				t.Errorf("copy %d page %d lacks its label or the table head", c+1, i+1)
			}
			for j, l := range lines {
				if m := row.FindStringSubmatch(l); m != nil {
					seen[m[1]]++
				}
				if strings.HasPrefix(l, "合计") && !row.MatchString(lines[j-2]) && !row.MatchString(lines[j-3]) {
					t.Errorf("copy %d: the total starts page %d without a row", c+1, i+1)
				}
			}
		}
		for k := 1; k <= 40; k++ {
			if seen[fmt.Sprint(k)] != 1 {
				t.Errorf("copy %d prints line %d %d times", c+1, k, seen[fmt.Sprint(k)])
			}
		}
	}
}

func TestDeliveryTextPagedGolden(t *testing.T) {
	out, err := DeliveryText(sampleDelivery(12), TextOptions{PageLines: 33, OneCopy: true})
	if err != nil {
		t.Fatal(err)
	}
	golden.RequireEqual(t, out)
}
