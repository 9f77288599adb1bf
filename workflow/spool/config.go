package spool

import (
	"fmt"
	"strings"
)

// Kind is the kind of document printed, as print.printers_by_kind names
// it.
type Kind string

const (
	Contract  Kind = "contract"
	Delivery  Kind = "delivery"
	Statement Kind = "statement"
	Letter    Kind = "letter" // the overdue letter (逾期回款函)
)

// Config is the office's printing: where the folders are, which printer
// takes what, and how a clerk fetches a file.
type Config struct {
	Dir     string // print.dir; "" is the server's current folder
	Printer string // the default printer; "" none
	// ByUser (login → printer) wins over ByKind (kind → printer): a
	// printout goes where its clerk sits.
	ByUser map[string]string
	ByKind map[string]string
	// LPCommand sends a file to a printer as `LPCommand -d PRINTER FILE`;
	// "" is lp.
	LPCommand string
	// FetchHost and FetchPort make the fetch line the status shows
	// (scp -P 2222 office-pc:NAME .); FetchHost "" shows none.
	FetchHost string
	FetchPort int
}

// PrinterFor is the printer a login's document of kind k goes to; ""
// sends it nowhere.
func (c Config) PrinterFor(login string, k Kind) string {
	if p, ok := c.ByUser[login]; ok {
		return p
	}
	if p, ok := c.ByKind[string(k)]; ok {
		return p
	}
	return c.Printer
}

// FetchCommand is the command a clerk runs at their own machine to copy
// name from their folder; "" when the server's name is not known.
func (c Config) FetchCommand(name string) string {
	if c.FetchHost == "" {
		return ""
	}
	port := ""
	if c.FetchPort != 0 && c.FetchPort != 22 {
		port = fmt.Sprintf("-P %d ", c.FetchPort)
	}
	return "scp " + port + c.FetchHost + ":" + name + " ."
}

// fileSafe keeps a document number from making folders or spaces in a
// file name.
var fileSafe = strings.NewReplacer("/", "-", `\`, "-", " ", "_")

// FileName is a document number made fit to be a file's name, with ext.
func FileName(number, ext string) string {
	name := fileSafe.Replace(number)
	if strings.HasPrefix(name, ".") { // never hidden, never ".."
		name = "_" + name
	}
	return name + ext
}
