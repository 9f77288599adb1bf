package form

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// A warning shows at its field and leaves the focus where the typist
// is, so keys typed ahead of the lookup that found it stay where they
// were meant; it does not count as an error; an error at the field shows
// instead of it.
func TestWarningLeavesTheFocus(t *testing.T) {
	f := inquiryForm()
	typeAll(f, "鞍山宏达", "{tab}")
	f.SetWarning("customer", "已有客户档案")
	typeAll(f, "月结")
	if line, key := f.Focused(); line != -1 || key != "terms" || f.Value("terms") != "月结" {
		t.Fatalf("focus at %d %q, terms %q", line, key, f.Value("terms"))
	}
	if !strings.Contains(ansi.Strip(f.View()), "已有客户档案") || f.HasErrors() {
		t.Errorf("the warning is not shown, or counts as an error:\n%s", ansi.Strip(f.View()))
	}
	f.SetError("customer", "必填")
	if view := ansi.Strip(f.View()); strings.Contains(view, "已有客户档案") || !strings.Contains(view, "必填") {
		t.Errorf("the error does not show instead of the warning:\n%s", view)
	}
	f.SetError("customer", "")
	f.SetWarning("customer", "")
	if strings.Contains(ansi.Strip(f.View()), "已有客户档案") {
		t.Error("the warning was not cleared")
	}
}
