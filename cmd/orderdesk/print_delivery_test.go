package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"orderdesk/store/storetest"
	"orderdesk/workflow/printout/pdftest"
)

// TestPrintDelivery prints a demo delivery note as the three-copy PDF
// and as dot-matrix text, and reads the PDF's text back with pdftotext.
func TestPrintDelivery(t *testing.T) {
	c := newCLI(t)
	dir := t.TempDir()
	pdf, txt := filepath.Join(dir, "n.pdf"), filepath.Join(dir, "n.txt")
	c.steps([]step{{name: "demo", args: []string{"demo", "--customers", "40", "--products", "20", "--orders", "60", "--shipments", "20",
		"--invoices", "0"}, // invoices beyond what shipped bring notes of their own
		want: []string{"delivery notes 20"}}})
	ref := firstNote(t, c.db)
	c.steps([]step{
		{name: "no such note", args: []string{"print", "delivery", "FH1999-000009"}, wantErr: true, want: []string{"not found"}},
		{name: "pdf", args: []string{"print", "delivery", ref, "--out", pdf}, want: []string{"written to " + pdf}},
		{name: "text", args: []string{"print", "delivery", ref, "--out", txt, "--text"}, want: []string{"written to " + txt}},
	})
	body, err := os.ReadFile(txt)
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{"物流联", "内勤联", "财务联", ref} {
		if !bytes.Contains(body, []byte(w)) {
			t.Errorf("the text lacks %s", w)
		}
	}
	pages := strings.Split(pdftest.FileText(t, pdf), "\f")
	if len(pages) < 3 {
		t.Fatalf("%d pages, want three copies", len(pages))
	}
	for i, label := range []string{"物流联", "内勤联", "财务联"} {
		if !strings.Contains(pages[i], label) || !strings.Contains(pages[i], ref) {
			t.Errorf("page %d lacks %s or the note's number:\n%s", i+1, label, pages[i])
		}
	}
}

// firstNote is the number of the demo's first delivery note.
func firstNote(t *testing.T, path string) string {
	t.Helper()
	db := storetest.ReadOnly(t, path)
	var ref string
	if err := db.QueryRow(`SELECT ref FROM documents WHERE kind = 'delivery_note' ORDER BY id LIMIT 1`).Scan(&ref); err != nil {
		t.Fatal(err)
	}
	return ref
}
