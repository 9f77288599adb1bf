package shipping

import (
	"os"
	"path/filepath"

	tea "charm.land/bubbletea/v2"

	"orderdesk/tui/common"
	"orderdesk/workflow/printout"
	"orderdesk/workflow/spool"
)

// print writes the note shown as the three-copy PDF (物流联, 内勤联,
// 财务联) or as dot-matrix text, next to the database; over SSH into the
// user's own folder and to their printer.
func (s *Screen) print(text bool) tea.Cmd {
	if s.detail == nil {
		return nil
	}
	ctx, d, id, ref, company, pr := s.c.Ctx, s.c.Desk, s.detail.ID, s.detail.Ref, s.c.Company, s.c.Printer()
	dir := filepath.Dir(s.c.DBPath)
	if common.OnServer(s.c.DBPath) {
		dir = s.c.PrintDir // a PostgreSQL database has no folder of its own
	}
	return func() tea.Msg {
		n, err := d.DeliveryPrintout(ctx, id, company)
		if err != nil {
			return doneMsg{what: "shipping.key.print_pdf", note: id, err: err}
		}
		var out []byte
		ext := ".pdf"
		if text {
			ext = ".txt"
			out, err = printout.DeliveryText(n, printout.TextOptions{})
		} else {
			out, err = printout.DeliveryPDF(n)
		}
		if err == nil && pr.Remote() {
			sent, warn, err := pr.Send(spool.Delivery, ref, ext, out)
			return printedMsg{sent: sent, warn: warn, err: err}
		}
		name := "delivery-" + spool.FileName(ref, ext)
		if err == nil {
			err = os.WriteFile(filepath.Join(dir, name), out, 0o644)
		}
		return printedMsg{path: filepath.Join(dir, name), err: err}
	}
}

// printedMsg says where a printout went, or why it did not.
type printedMsg struct {
	path string
	sent string // over SSH: where it went
	warn bool   // the printer did not take it
	err  error
}
