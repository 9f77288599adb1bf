package orders

import (
	"os"
	"path/filepath"
	"strings"

	tea "charm.land/bubbletea/v2"

	"orderdesk/tui/common"
	"orderdesk/workflow/printout"
)

// P writes the contract of the order shown as a PDF into the print
// folder (print.dir in the configuration, else the current directory),
// named by its number; the status line says where.

type printedMsg struct {
	path string
	err  error
}

func (s *Screen) printContract() tea.Cmd {
	if s.detail == nil {
		return nil
	}
	desk, ctx, id, company, dir := s.c.Desk, s.c.Ctx, s.detail.ID, s.c.Company, s.c.PrintDir
	return func() tea.Msg {
		c, err := desk.ContractOf(ctx, id, company)
		if err != nil {
			return printedMsg{err: err}
		}
		path, err := WriteContract(c, dir, "")
		return printedMsg{path: path, err: err}
	}
}

// WriteContract renders c and writes it to out, or to dir (the current
// directory if "") as 销售合同-NUMBER.pdf; it returns the path written.
func WriteContract(c printout.Contract, dir, out string) (string, error) {
	pdf, err := printout.ContractPDF(c)
	if err != nil {
		return "", err
	}
	if out == "" {
		if dir == "" {
			dir = "."
		}
		name := strings.NewReplacer("/", "-", `\`, "-", " ", "_").Replace(c.Number)
		out = filepath.Join(dir, "contract-"+name+".pdf")
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
	return common.Status(s.c.T("orders.printed", msg.path), false)
}
