package shipping

import (
	"os"
	"path/filepath"
	"strings"

	tea "charm.land/bubbletea/v2"

	"orderdesk/workflow/printout"
)

// print writes the note shown as the three-copy PDF (物流联, 内勤联,
// 财务联) or as dot-matrix text, next to the database.
func (s *Screen) print(text bool) tea.Cmd {
	if s.detail == nil {
		return nil
	}
	ctx, d, id, ref, company := s.c.Ctx, s.c.Desk, s.detail.ID, s.detail.Ref, s.c.Company
	dir := filepath.Dir(s.c.DBPath)
	return func() tea.Msg {
		n, err := d.DeliveryPrintout(ctx, id, company)
		if err != nil {
			return doneMsg{what: "shipping.key.print_pdf", note: id, err: err}
		}
		name := "delivery-" + strings.NewReplacer("/", "-", " ", "_").Replace(ref)
		var out []byte
		if text {
			name += ".txt"
			out, err = printout.DeliveryText(n, printout.TextOptions{})
		} else {
			name += ".pdf"
			out, err = printout.DeliveryPDF(n)
		}
		if err == nil {
			err = os.WriteFile(filepath.Join(dir, name), out, 0o644)
		}
		return printedMsg{path: filepath.Join(dir, name), err: err}
	}
}

// printedMsg says where a printout went, or why it did not.
type printedMsg struct {
	path string
	err  error
}
