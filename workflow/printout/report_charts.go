package printout

import "orderdesk/workflow/report"

// Charts drawn as vector shapes in the PDF: grouped bars, lines and
// horizontal bars. Values are exact integers (fen, kg, tenths of a per
// cent); only their placement on the page is scaled.

// seriesColours tell the series apart in print and on screen.
var seriesColours = [][3]uint8{{46, 94, 170}, {150, 170, 200}, {230, 140, 50}, {90, 160, 90}}

const (
	chartH     = 52.0 // the plot's height, mm
	chartPadL  = 24.0 // room for the scale's labels
	legendStep = 42.0
)

// chartTitle draws a chart's title and its legend, and reserves the
// chart's height on the page.
func (d *pdfDoc) chartTitle(title string, series []string, h float64) {
	d.ensure(h + 3*d.lineH())
	d.y += 2
	d.setSize(10)
	d.line(title, alignLeft)
	d.setSize(7)
	for i, s := range series {
		x := marginX + float64(i)*legendStep
		c := seriesColours[i%len(seriesColours)]
		d.gp.SetFillColor(c[0], c[1], c[2])
		d.gp.RectFromUpperLeftWithStyle(x, d.y+0.8, 3, 2.4, "F")
		d.gp.SetFillColor(0, 0, 0)
		d.text(x+4, d.y, legendStep-5, s, alignLeft)
	}
	if len(series) > 0 {
		d.y += d.lineH()
	}
}

// niceMax rounds the scale's top up to 1, 2 or 5 times a power of ten.
func niceMax(v int64) int64 {
	if v <= 0 {
		return 1
	}
	p := int64(1)
	for p*10 <= v {
		p *= 10
	}
	for _, m := range []int64{1, 2, 5, 10} {
		if m*p >= v {
			return m * p
		}
	}
	return 10 * p
}

// axes draws the plot's frame and its scale (0, half, top) labelled by
// label, returning the plot's left, top, width and height.
func (d *pdfDoc) axes(top int64, label func(int64) string) (x, y, w, h float64) {
	x, y, w, h = marginX+chartPadL, d.y+1, contentW-chartPadL, chartH
	d.gp.SetStrokeColor(200, 200, 200)
	for i := 0; i <= 2; i++ {
		ly := y + h - h*float64(i)/2
		d.hline(x, x+w, ly)
		d.text(marginX, ly-d.lineH()/2, chartPadL-1.5, label(top*int64(i)/2), alignRight)
	}
	d.gp.SetStrokeColor(0, 0, 0)
	d.vline(x, y, y+h)
	return x, y, w, h
}

// plot starts a chart of values: its title and legend, and axes scaled
// to the largest value; it returns the plot's box and the scale's top.
func (d *pdfDoc) plot(title string, series []string, values [][]int64, label func(int64) string) (x, y, w, h float64, top int64) {
	d.chartTitle(title, series, chartH+2*d.lineH())
	var most int64
	for _, s := range values {
		for _, v := range s {
			most = max(most, v)
		}
	}
	top = niceMax(most)
	x, y, w, h = d.axes(top, label)
	return x, y, w, h, top
}

// endPlot draws the plot's base line and moves below its labels.
func (d *pdfDoc) endPlot(x, y, w, h float64) {
	d.hline(x, x+w, y+h)
	d.y = y + h + d.lineH() + 2
	d.setSize(9)
}

// barChart draws values[group][series] as bars side by side in each
// group, labelled under the groups; negative values are drawn as zero.
func (d *pdfDoc) barChart(title string, groups, series []string, values [][]int64, label func(int64) string) {
	x, y, w, h, top := d.plot(title, series, values, label)
	slot := w / float64(len(groups))
	bar := slot * 0.8 / float64(max(len(series), 1))
	for gi, g := range values {
		for si, v := range g {
			bh := h * float64(max(v, 0)) / float64(top)
			c := seriesColours[si%len(seriesColours)]
			d.gp.SetFillColor(c[0], c[1], c[2])
			d.gp.RectFromUpperLeftWithStyle(x+float64(gi)*slot+slot*0.1+float64(si)*bar, y+h-bh, bar, bh, "F")
		}
		d.gp.SetFillColor(0, 0, 0)
		d.text(x+float64(gi)*slot, y+h+0.5, slot, groups[gi], alignCenter)
	}
	d.endPlot(x, y, w, h)
}

// lineChart draws values[series][point] as lines over the labels
// (every other label where they crowd).
func (d *pdfDoc) lineChart(title string, labels, series []string, values [][]int64, label func(int64) string) {
	x, y, w, h, top := d.plot(title, series, values, label)
	n := len(labels)
	step := w / float64(max(n, 1))
	at := func(i int, v int64) (float64, float64) {
		return x + step*(float64(i)+0.5), y + h - h*float64(max(v, 0))/float64(top)
	}
	d.gp.SetLineWidth(0.6)
	for si, s := range values {
		c := seriesColours[si%len(seriesColours)]
		d.gp.SetStrokeColor(c[0], c[1], c[2])
		for i := 1; i < len(s); i++ {
			x1, y1 := at(i-1, s[i-1])
			x2, y2 := at(i, s[i])
			d.gp.Line(x1, y1, x2, y2)
		}
	}
	d.gp.SetStrokeColor(0, 0, 0)
	d.gp.SetLineWidth(0.2)
	every := 1
	for d.width("2026-W49")*float64(n)/float64(every) > w {
		every++
	}
	for i, l := range labels {
		if (n-1-i)%every == 0 {
			d.text(x+step*float64(i), y+h+0.5, step, shortLabel(l), alignCenter)
		}
	}
	d.endPlot(x, y, w, h)
}

// shortLabel drops a label's year where the chart has no room: 11-30,
// W49, 11.
func shortLabel(l string) string {
	if len(l) > 5 && l[4] == '-' {
		return l[5:]
	}
	return l
}

// shareBars draws one horizontal bar per label, its share in tenths of
// a per cent (ok false: none, drawn as "—"), with a line at 100%.
func (d *pdfDoc) shareBars(title string, labels []string, shares []int64, ok []bool) {
	rowH := d.lineH() + 1
	d.chartTitle(title, nil, rowH*float64(len(labels))+2)
	d.setSize(8)
	nameW := 30.0
	x, w := marginX+nameW, contentW-nameW-18
	top := int64(1000)
	for i, s := range shares {
		if ok[i] {
			top = max(top, s)
		}
	}
	for i, l := range labels {
		y := d.y + float64(i)*rowH
		d.text(marginX, y, nameW-2, l, alignLeft)
		text := "—"
		if ok[i] {
			bw := w * float64(max(shares[i], 0)) / float64(top)
			c := seriesColours[0]
			d.gp.SetFillColor(c[0], c[1], c[2])
			d.gp.RectFromUpperLeftWithStyle(x, y+0.6, bw, rowH-1.6, "F")
			d.gp.SetFillColor(0, 0, 0)
			text = report.Tenths(shares[i])
		}
		d.text(x+w+1, y, 17, text, alignLeft)
	}
	full := x + w*1000/float64(top)
	d.gp.SetStrokeColor(200, 60, 60)
	d.vline(full, d.y, d.y+rowH*float64(len(labels)))
	d.gp.SetStrokeColor(0, 0, 0)
	d.y += rowH*float64(len(labels)) + 2
	d.setSize(9)
}
