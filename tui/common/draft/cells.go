package draft

import "orderdesk/tui/common/form"

// Cells is a form as typed, cell by cell: words, not codes, so it comes
// back exactly as it was, with the stored line each grid line edits.
type Cells struct {
	Header  map[string]string
	Lines   []map[string]string
	LineIDs []int64
}

// Snapshot reads every field and cell of a form.
func Snapshot(f *form.Form) Cells {
	header, cols := f.Keys()
	d := Cells{Header: map[string]string{}}
	for _, k := range header {
		d.Header[k] = f.Value(k)
	}
	if len(cols) == 0 {
		return d
	}
	for i := range f.Lines() {
		line := map[string]string{}
		for _, k := range cols {
			line[k] = f.Cell(i, k)
		}
		d.Lines, d.LineIDs = append(d.Lines, line), append(d.LineIDs, f.LineID(i))
	}
	return d
}

// Restore writes the cells into a form built afresh: as many lines as
// were kept (at least one), each with its stored line.
func (d Cells) Restore(f *form.Form) {
	for k, v := range d.Header {
		f.SetValue(k, v)
	}
	for i, line := range d.Lines {
		if i >= f.Lines() {
			f.AddLine(nil)
		}
		for k, v := range line {
			f.SetCell(i, k, v)
		}
		if i < len(d.LineIDs) {
			f.SetLineID(i, d.LineIDs[i])
		}
	}
	for f.Lines() > max(len(d.Lines), 1) {
		f.DeleteLine(f.Lines() - 1)
	}
}
