package customers

import (
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"

	"orderdesk/tui/common"
)

// newHuhForm is the desk's form with field errors shown above it (huh's
// own footer falls below a form that fills the window; see fieldErrors).
func newHuhForm(c *common.Common, groups ...*huh.Group) *huh.Form {
	return common.NewForm(c, groups...).WithShowErrors(false)
}

// updateHuh passes msg to an embedded form and keeps the form it returns.
func updateHuh(f *huh.Form, msg tea.Msg) (*huh.Form, tea.Cmd) { return common.UpdateForm(f, msg) }

// formSize is the width and height an embedded form gets: the body less
// the title and error lines above it, never wider than is easy to read.
func formSize(w, h int) (int, int) {
	return max(min(w, 110), 20), max(h-3, 5)
}

// fieldErrors is what is wrong with the fields of the form's current page,
// one line.
func fieldErrors(c *common.Common, f *huh.Form) string {
	errs := f.Errors()
	parts := make([]string, len(errs))
	for i, e := range errs {
		parts[i] = e.Error()
	}
	return strings.Join(parts, c.T("customers.list_sep"))
}
