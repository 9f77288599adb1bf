package orders

import (
	"os"
	"path/filepath"

	tea "charm.land/bubbletea/v2"

	"orderdesk/tui/common"
	"orderdesk/workflow/printout"
	"orderdesk/workflow/spool"
)

// P writes the contract of the order shown as a PDF into the print
// folder (print.dir in the configuration, else the current directory),
// named by its number; over SSH into the user's own folder there and to
// their printer. The status line says where.

type printedMsg struct {
	path      string
	sent      string // over SSH: where it went
	warn      bool   // the printer did not take it
	noCompany bool   // company.name is not set: the seller's name is blank
	err       error
}

func (s *Screen) printContract() tea.Cmd {
	if s.detail == nil {
		return nil
	}
	desk, ctx, id, company, dir, pr := s.c.Desk, s.c.Ctx, s.detail.ID, s.c.Company, s.c.PrintDir, s.c.Printer()
	return func() tea.Msg {
		c, err := desk.ContractOf(ctx, id, company)
		if err != nil {
			return printedMsg{err: err}
		}
		if pr.Remote() {
			pdf, err := printout.ContractPDF(c)
			if err != nil {
				return printedMsg{err: err}
			}
			sent, warn, err := pr.Send(spool.Contract, c.Number, ".pdf", pdf)
			return printedMsg{sent: sent, warn: warn, noCompany: company == "", err: err}
		}
		path, err := WriteContract(c, dir, "")
		return printedMsg{path: path, noCompany: company == "", err: err}
	}
}

// WriteContract renders c and writes it to out, or to dir (the current
// directory if "") as contract-NUMBER.pdf; it returns the path written.
func WriteContract(c printout.Contract, dir, out string) (string, error) {
	pdf, err := printout.ContractPDF(c)
	if err != nil {
		return "", err
	}
	if out == "" {
		if dir == "" {
			dir = "."
		}
		out = filepath.Join(dir, "contract-"+spool.FileName(c.Number, ".pdf"))
	}
	if err := os.WriteFile(out, pdf, 0o644); err != nil {
		return "", err
	}
	if abs, err := filepath.Abs(out); err == nil {
		out = abs
	}
	return out, nil
}

func (s *Screen) onPrinted(msg printedMsg) tea.Cmd {
	if msg.err != nil {
		return statusErr(s, msg.err)
	}
	if msg.sent != "" {
		if msg.noCompany {
			return common.Status(msg.sent+" · "+s.c.T("cli.print.no_company"), true)
		}
		return common.Status(msg.sent, msg.warn)
	}
	if msg.noCompany { // written, but not fit to send: say why
		return common.Status(s.c.T("orders.printed_no_company", msg.path), true)
	}
	return common.Status(s.c.T("orders.printed", msg.path), false)
}
