package printout

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// extracted is a PDF's text as pdftotext lays it out, one string per page.
type extracted struct {
	pages []string
}

func (e extracted) all() string { return strings.Join(e.pages, "\f") }

// extract writes the PDF to a temporary file and reads it back with
// poppler's pdftotext and pdfinfo, which CI installs (.ci/run); without
// them the test is skipped, never passed.
func extract(t *testing.T, pdf []byte) extracted {
	t.Helper()
	for _, tool := range []string{"pdftotext", "pdfinfo"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s not installed: apt-get install poppler-utils (.ci/run does) to check the PDF's text", tool)
		}
	}
	if !bytes.HasPrefix(pdf, []byte("%PDF-")) {
		t.Fatalf("not a PDF: %q", pdf[:min(len(pdf), 20)])
	}
	path := filepath.Join(t.TempDir(), "doc.pdf")
	if err := os.WriteFile(path, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	info, err := exec.Command("pdfinfo", path).CombinedOutput()
	if err != nil {
		t.Fatalf("pdfinfo: %v\n%s", err, info)
	}
	m := regexp.MustCompile(`(?m)^Pages:\s+(\d+)`).FindSubmatch(info)
	if m == nil {
		t.Fatalf("pdfinfo gave no page count:\n%s", info)
	}
	n, _ := strconv.Atoi(string(m[1]))
	out, err := exec.Command("pdftotext", "-layout", "-enc", "UTF-8", path, "-").CombinedOutput()
	if err != nil {
		t.Fatalf("pdftotext: %v\n%s", err, out)
	}
	// pdftotext ends every page with a form feed.
	pages := strings.Split(strings.TrimSuffix(string(out), "\f"), "\f")
	if len(pages) != n {
		t.Fatalf("pdftotext gave %d pages, pdfinfo %d", len(pages), n)
	}
	return extracted{pages: pages}
}

// squeeze drops the spaces pdftotext puts between words laid out apart,
// so a check reads "合同编号：LNSYNO.0001" whatever the column gap.
func squeeze(s string) string { return strings.Join(strings.Fields(s), "") }

// mustContain checks each word appears in text (spaces ignored).
func mustContain(t *testing.T, what, text string, words ...string) {
	t.Helper()
	flat := squeeze(text)
	for _, w := range words {
		if !strings.Contains(flat, squeeze(w)) {
			t.Errorf("%s lacks %q", what, w)
		}
	}
}
