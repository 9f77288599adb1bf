package printout

import (
	"fmt"
	"strings"
	"time"

	"github.com/charmbracelet/x/ansi"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// Encoding is the character set a dot-matrix printer is fed.
type Encoding int

const (
	UTF8    Encoding = iota // printers and spoolers that take UTF-8
	GB18030                 // Chinese printers in their native GBK mode (GB18030 is its superset)
)

// TextOptions shape the plain-text note for a dot-matrix printer.
type TextOptions struct {
	Width    int      // printer columns, CJK counting two: 80 (default, narrow carriage) or 136 (wide)
	Encoding Encoding // UTF8 (default) or GB18030
	// OneCopy prints the note once, for pre-printed three-part carbon
	// paper whose parts carry their own labels.
	OneCopy bool
	// PageLines is the form length in lines (66 for 11-inch continuous
	// paper at 6 lines per inch, 33 for half-height forms): a long copy
	// breaks onto more pages, each with the table head and "第 i 页 共 n
	// 页" on its last line. Zero prints each copy as one page of any
	// length.
	PageLines int
}

// DeliveryText renders the note as fixed-width text for a dot-matrix
// printer: the three labelled copies (or one, see OneCopy), each page
// ended by a form feed; lines end in CR LF as printers in text mode expect.
// Columns are aligned by display width (a CJK character takes two).
func DeliveryText(n DeliveryNote, opt TextOptions) ([]byte, error) {
	w := opt.Width
	if w == 0 {
		w = 80
	}
	if w < 80 {
		return nil, fmt.Errorf("printout: a delivery note needs at least 80 columns, not %d", w)
	}
	var b strings.Builder
	if opt.OneCopy {
		writeDeliveryText(&b, n, opt, w, DeliveryCopy{}, "一式三联："+copyLabels())
	} else {
		for i, c := range DeliveryCopies() {
			writeDeliveryText(&b, n, opt, w, c, "第"+chineseOrdinal(i+1)+"联 "+c.Label+"（"+c.For+"）")
		}
	}
	out := strings.ReplaceAll(b.String(), "\n", "\r\n")
	if opt.Encoding == GB18030 {
		// ¥ has no GBK code; the full-width ￥ has.
		out = strings.ReplaceAll(out, "¥", "￥")
		enc, err := simplifiedchinese.GB18030.NewEncoder().String(out)
		if err != nil {
			return nil, fmt.Errorf("printout: GB18030: %w", err)
		}
		return []byte(enc), nil
	}
	return []byte(out), nil
}

func copyLabels() string {
	var ls []string
	for _, c := range DeliveryCopies() {
		ls = append(ls, c.Label)
	}
	return strings.Join(ls, " ")
}

func writeDeliveryText(b *strings.Builder, n DeliveryNote, opt TextOptions, w int, c DeliveryCopy, copyLine string) {
	var top, bottom []string
	add := func(to *[]string, lines ...string) {
		for _, l := range lines {
			*to = append(*to, strings.TrimRight(l, " "))
		}
	}
	half := w * 11 / 20
	pair := func(to *[]string, l, r string) { add(to, twoColumns(l, r, half, w)...) }
	rule := strings.Repeat("-", w)
	cols, widths := deliveryTextColumns(w)
	head := append(append([]string{rule}, textRow(headCells(cols), cols, widths, true)...), rule)

	add(&top, center(n.Seller.Name, w))
	title := center("发  货  单", w)
	if c.Label != "" {
		// The copy's label at the right end of the title line.
		tag := "[" + c.Label + "]"
		title = ansi.Truncate(title, w-ansi.StringWidth(tag), "") + tag
	}
	add(&top, title, alignRightText(copyLine, w))
	pair(&top, "发货单号："+n.Number, "订单号："+n.OrderNumber)
	pair(&top, "客户："+n.Customer.Name, "日期："+date(n.Date))
	pair(&top, "收货地址："+orBlank(n.ShipTo), "收货人："+orBlank(n.receiver()))
	add(&top, head...)

	var rows [][]string
	for _, r := range deliveryTable(n.Lines).rows {
		var row []string
		add(&row, textRow(r[:len(cols)], cols, widths, false)...)
		if len(cols) < 10 && r[9] != "" {
			add(&row, strings.Repeat(" ", widths[0]+1)+"备注："+r[9])
		}
		rows = append(rows, row)
	}

	add(&bottom, rule)
	add(&bottom, textRow(deliveryTotalRow(n.Lines)[:len(cols)], cols, widths, false)...)
	add(&bottom, rule)
	pair(&bottom, "承运单位："+orBlank(n.Carrier), "车号："+orBlank(n.Vehicle))
	pair(&bottom, "司机及电话："+orBlank(n.Driver), "发货时间："+dateTime(n.ShipTime))
	pair(&bottom, "", "预计到达："+date(n.ExpectedArrival))
	if n.Notes != "" {
		add(&bottom, strings.Split(ansi.Hardwrap("备注："+n.Notes, w, true), "\n")...)
	}
	add(&bottom, "")
	pair(&bottom, "制单："+orBlank(n.MadeBy), "审核："+orBlank(n.CheckedBy))
	pair(&bottom, "仓库发货（签字）：____________", "承运人（签字）：____________")
	pair(&bottom, "收货人（签字盖章）：____________", "收货日期："+date(time.Time{}))

	var cont []string
	add(&cont, twoColumns("发货单（续）  "+n.Number, alignRightText(copyLine, w-half), half, w)...)
	add(&cont, head...)

	pages := paginate(top, rows, bottom, cont, opt.PageLines)
	for i, p := range pages {
		for _, l := range p {
			b.WriteString(l + "\n")
		}
		if opt.PageLines > 0 {
			b.WriteString(alignRightText(fmt.Sprintf("第 %d 页 共 %d 页", i+1, len(pages)), w) + "\n")
		}
		b.WriteString("\f")
	}
}

// paginate cuts a copy into pages of at most pageLines lines, the last
// kept for the page number: the top on the first page, the continuation
// head on the others, rows never split, the bottom block whole. Zero
// pageLines is one page of any length.
func paginate(top []string, rows [][]string, bottom, cont []string, pageLines int) [][]string {
	if pageLines <= 0 {
		page := top
		for _, r := range rows {
			page = append(page, r...)
		}
		return [][]string{append(page, bottom...)}
	}
	room := pageLines - 1
	var pages [][]string
	page, last := top, 0 // last: the lines of the page's last row
	for _, r := range rows {
		if len(page)+len(r) > room && len(page) > len(cont) {
			pages = append(pages, page)
			page = append([]string(nil), cont...)
		}
		page, last = append(page, r...), len(r)
	}
	if len(page)+len(bottom) > room && len(page) > len(cont) {
		// The total never starts a page alone: the last row goes with it
		// when the page keeps another.
		carry := []string(nil)
		if len(rows) > 0 && len(page)-last > len(cont) && len(page)-last > len(top) {
			carry = page[len(page)-last:]
			page = page[:len(page)-last]
		}
		pages = append(pages, page)
		page = append(append([]string(nil), cont...), carry...)
	}
	return append(pages, append(page, bottom...))
}

// deliveryTextColumns are the table's columns that fit w printer
// columns, with their widths: the remark gets a column of its own from
// 120 columns on; extra width goes to grade, name, spec and remark.
func deliveryTextColumns(w int) ([]column, []int) {
	cols := deliveryTable(nil).cols
	widths := []int{4, 6, 10, 13, 4, 8, 8, 8, 8}
	flex := []int{3, 3, 2, 1}
	if w >= 120 {
		widths = append(widths, 10)
		flex = []int{3, 2, 9, 3, 1}
	} else {
		cols = cols[:9]
	}
	used := len(widths) - 1 // one space between columns
	for _, x := range widths {
		used += x
	}
	for i := 0; used < w; i++ {
		widths[flex[i%len(flex)]]++
		used++
	}
	return cols, widths
}

// textRow lays cells out in their columns, wrapping a long cell over
// more lines; widths are display widths. A head row centres the heads
// of centred and right-aligned columns and keeps the others left.
func textRow(cells []string, cols []column, widths []int, head bool) []string {
	wrapped := make([][]string, len(cols))
	n := 1
	for i := range cols {
		wrapped[i] = strings.Split(ansi.Wrap(cells[i], widths[i], ""), "\n")
		n = max(n, len(wrapped[i]))
	}
	out := make([]string, n)
	for j := range n {
		parts := make([]string, len(cols))
		for i, c := range cols {
			s := ""
			if j < len(wrapped[i]) {
				s = wrapped[i][j]
			}
			switch {
			case head && c.align != alignLeft:
				parts[i] = center(s, widths[i])
			case c.align == alignRight:
				parts[i] = alignRightText(s, widths[i])
			case c.align == alignCenter:
				parts[i] = center(s, widths[i])
			default:
				parts[i] = padRight(s, widths[i])
			}
		}
		out[j] = strings.Join(parts, " ")
	}
	return out
}

// twoColumns puts l in the first half columns and r after it; a pair too
// long for its half wraps onto more lines.
func twoColumns(l, r string, half, w int) []string {
	ls := strings.Split(ansi.Hardwrap(l, half-1, false), "\n")
	rs := strings.Split(ansi.Hardwrap(r, w-half, false), "\n")
	out := make([]string, max(len(ls), len(rs)))
	for i := range out {
		a, b := "", ""
		if i < len(ls) {
			a = ls[i]
		}
		if i < len(rs) {
			b = rs[i]
		}
		out[i] = padRight(a, half) + b
	}
	return out
}

// padRight fills s with spaces to display width w.
func padRight(s string, w int) string {
	return s + strings.Repeat(" ", max(0, w-ansi.StringWidth(s)))
}

func alignRightText(s string, w int) string {
	return strings.Repeat(" ", max(0, w-ansi.StringWidth(s))) + s
}

func center(s string, w int) string {
	left := max(0, (w-ansi.StringWidth(s))/2)
	return padRight(strings.Repeat(" ", left)+s, w)
}
