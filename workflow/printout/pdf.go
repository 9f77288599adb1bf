package printout

import (
	"fmt"
	"strings"

	"github.com/signintech/gopdf"
)

// Page geometry in millimetres: A4 portrait with room for a footer.
const (
	pageW        = 210.0
	pageH        = 297.0
	marginX      = 15.0
	marginTop    = 14.0
	marginBottom = 16.0
	contentW     = pageW - 2*marginX
	ptToMM       = 25.4 / 72
)

type align int

const (
	alignLeft align = iota
	alignCenter
	alignRight
)

// pdfDoc draws one document top to bottom; y is where the next thing
// goes. It is built per call: nothing is shared between documents.
type pdfDoc struct {
	gp   *gopdf.GoPdf
	size float64 // font size in points
	y    float64
	// continued draws the top of a page the flow broke onto (a running
	// title, the table head); nil draws nothing.
	continued func()
	sections  []section
	// pageOf numbers a footer's page; Chinese unless the document is
	// printed in another language.
	pageOf func(page, of int) string
	err    error // the first drawing error; bytes reports it
}

func pageOfZH(page, of int) string { return fmt.Sprintf("第 %d 页 共 %d 页", page, of) }

// section numbers its pages on their own: each copy of a delivery note
// is "page 1 of n" for whoever keeps it.
type section struct {
	first int    // first page, from 1
	label string // left of the footer
}

func newPDF(title string) (*pdfDoc, error) {
	gp := &gopdf.GoPdf{}
	gp.Start(gopdf.Config{PageSize: *gopdf.PageSizeA4, Unit: gopdf.UnitMM})
	if err := gp.AddTTFFontData(fontFamily, fontTTF); err != nil {
		return nil, fmt.Errorf("printout: font: %w", err)
	}
	gp.SetInfo(gopdf.PdfInfo{Title: title, Creator: "orderdesk", Producer: "orderdesk"})
	// Fast compression: a third of the time of the default for a few
	// per cent more bytes on a text-and-rules document.
	gp.SetCompressLevel(1)
	d := &pdfDoc{gp: gp, pageOf: pageOfZH}
	d.setSize(10)
	return d, nil
}

func (d *pdfDoc) keep(err error) {
	if err != nil && d.err == nil {
		d.err = err
	}
}

// startSection begins a new page whose numbering starts again at 1.
func (d *pdfDoc) startSection(label string) {
	d.gp.AddPage()
	d.y = marginTop
	d.sections = append(d.sections, section{first: d.gp.GetNumberOfPages(), label: label})
}

// newPage continues the current section on a fresh page.
func (d *pdfDoc) newPage() {
	d.gp.AddPage()
	d.y = marginTop
	if d.continued != nil {
		d.continued()
	}
}

// ensure breaks the page unless h millimetres still fit.
func (d *pdfDoc) ensure(h float64) {
	if d.y+h > pageH-marginBottom {
		d.newPage()
	}
}

func (d *pdfDoc) setSize(pt float64) {
	d.size = pt
	d.keep(d.gp.SetFont(fontFamily, "", pt))
}

// lineH is the height of one line of text at the current size.
func (d *pdfDoc) lineH() float64 { return d.size * ptToMM * 1.45 }

func (d *pdfDoc) width(s string) float64 {
	w, err := d.gp.MeasureTextWidth(s)
	d.keep(err)
	return w
}

// text draws s in the box (x, y, w) one line high, aligned in it.
func (d *pdfDoc) text(x, y, w float64, s string, a align) {
	if s == "" {
		return
	}
	switch a {
	case alignCenter:
		x += (w - d.width(s)) / 2
	case alignRight:
		x += w - d.width(s)
	}
	// gopdf puts the top of the em box at y; centre it in the line.
	d.gp.SetXY(x, y+(d.lineH()-d.size*ptToMM)/2)
	d.keep(d.gp.Cell(nil, s))
}

// line writes s at the left margin and moves down one line.
func (d *pdfDoc) line(s string, a align) {
	d.ensure(d.lineH())
	d.text(marginX, d.y, contentW, s, a)
	d.y += d.lineH()
}

// paragraph wraps s to the content width, indented by indent.
func (d *pdfDoc) paragraph(s string, indent float64) {
	for _, l := range d.wrap(s, contentW-indent) {
		d.ensure(d.lineH())
		d.text(marginX+indent, d.y, contentW-indent, l, alignLeft)
		d.y += d.lineH()
	}
}

// wrap breaks s into lines no wider than w, at newlines and wherever a
// line is full (CJK breaks anywhere; Latin words break at a space when
// one is on the line).
func (d *pdfDoc) wrap(s string, w float64) []string {
	var out []string
	for _, para := range strings.Split(s, "\n") {
		out = append(out, d.wrapLine(para, w)...)
	}
	return out
}

func (d *pdfDoc) wrapLine(s string, w float64) []string {
	if d.width(s) <= w+0.01 {
		return []string{s}
	}
	var out []string
	rs := []rune(s)
	start, used, space := 0, 0.0, -1
	for i := 0; i < len(rs); i++ {
		rw := d.width(string(rs[i]))
		if used+rw > w && i > start {
			end := i
			if space > start && rs[i] != ' ' {
				end = space + 1
			}
			out = append(out, strings.TrimRight(string(rs[start:end]), " "))
			start, used, space = end, 0, -1
			for j := start; j < i; j++ {
				used += d.width(string(rs[j]))
			}
		}
		if rs[i] == ' ' {
			space = i
		}
		used += rw
	}
	return append(out, string(rs[start:]))
}

func (d *pdfDoc) hline(x1, x2, y float64) { d.gp.Line(x1, y, x2, y) }

func (d *pdfDoc) vline(x, y1, y2 float64) { d.gp.Line(x, y1, x, y2) }

func (d *pdfDoc) box(x, y, w, h float64) { d.gp.RectFromUpperLeftWithStyle(x, y, w, h, "D") }

// shade fills a light grey band behind what is drawn next.
func (d *pdfDoc) shade(x, y, w, h float64) {
	d.gp.SetFillColor(232, 232, 232)
	d.gp.RectFromUpperLeftWithStyle(x, y, w, h, "F")
	d.gp.SetFillColor(0, 0, 0)
}

// bytes draws every page's footer (its section's label and "page i of
// n") and returns the PDF.
func (d *pdfDoc) bytes() ([]byte, error) {
	total := d.gp.GetNumberOfPages()
	d.setSize(8)
	for i, s := range d.sections {
		last := total
		if i+1 < len(d.sections) {
			last = d.sections[i+1].first - 1
		}
		for p := s.first; p <= last; p++ {
			d.keep(d.gp.SetPage(p))
			y := pageH - marginBottom + 5
			d.text(marginX, y, contentW, s.label, alignLeft)
			d.text(marginX, y, contentW, d.pageOf(p-s.first+1, last-s.first+1), alignRight)
		}
	}
	if d.err != nil {
		return nil, fmt.Errorf("printout: %w", d.err)
	}
	b, err := d.gp.GetBytesPdfReturnErr()
	if err != nil {
		return nil, fmt.Errorf("printout: %w", err)
	}
	return b, nil
}
