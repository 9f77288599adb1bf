// Package pdftest reads back the text of a PDF a test made, with
// poppler's pdftotext, which CI installs (.ci/run); without it the test
// is skipped, never passed.
package pdftest

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// FileText is the text of the PDF at path as pdftotext lays it out, each
// page ended by a form feed.
func FileText(t testing.TB, path string) string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext not installed: apt-get install poppler-utils (.ci/run does) to check the PDF's text")
	}
	out, err := exec.Command("pdftotext", "-layout", "-enc", "UTF-8", path, "-").CombinedOutput()
	if err != nil {
		t.Fatalf("pdftotext: %v\n%s", err, out)
	}
	return string(out)
}

// Text is the FileText of pdf.
func Text(t testing.TB, pdf []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "doc.pdf")
	if err := os.WriteFile(path, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	return FileText(t, path)
}
