package main

import (
	"fmt"
	"slices"
	"strings"

	"orderdesk/workflow/spool"
)

// printKinds are the kinds print.printers_by_kind may name.
var printKinds = []string{string(spool.Contract), string(spool.Delivery), string(spool.Statement), string(spool.Letter)}

// spool is the printing of sessions over SSH, refused when
// print.printers_by_kind names a kind there is not.
func (p PrintConfig) spool() (spool.Config, error) {
	for kind := range p.PrintersByKind {
		if !slices.Contains(printKinds, kind) {
			return spool.Config{}, fmt.Errorf("print.printers_by_kind: no kind called %q (%s)", kind, strings.Join(printKinds, ", "))
		}
	}
	return spool.Config{Dir: p.Dir, Printer: p.Printer, ByUser: p.PrintersByUser, ByKind: p.PrintersByKind,
		LPCommand: p.LPCommand, FetchHost: p.FetchHost}, nil
}
