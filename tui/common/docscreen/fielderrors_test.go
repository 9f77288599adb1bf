package docscreen

import (
	"fmt"
	"strings"
	"testing"

	"orderdesk/tui/common/form"
	"orderdesk/workflow"
)

// A field's problem shows at its field, a line's at the cell of the row
// the screen maps it to; a line the form does not have is passed over,
// and an error that is not about fields leaves the form as it was.
func TestShowFieldErrorsAtFieldAndMappedCell(t *testing.T) {
	b := newBase()
	b.Form = form.New(b.c, form.Field{Key: "carrier", Label: "Carrier", Width: 12}).
		WithLines(form.Field{Key: "qty", Label: "Qty", Width: 8})
	b.Form.AddLine(nil)
	b.Form.AddLine(nil)
	b.Form.SetSize(80, 20)
	show := b.ShowFieldErrors(nil)

	show(fmt.Errorf("plain"))
	if b.Form.HasErrors() {
		t.Fatal("an error that names no field marked one")
	}
	show(workflow.FieldErrors{
		{Field: "carrier", Code: workflow.Required},
		{Field: "qty", Line: 1, Code: workflow.NotANumber},
		{Field: "qty", Line: 9, Code: workflow.NotANumber},
	})
	if errs := b.Form.Errors(); len(errs) != 1 || errs[0].Key != "carrier" {
		t.Fatalf("header errors %v", errs)
	}
	view := b.Form.View()
	if n := strings.Count(view, b.c.Cat.T("field.not_a_number")); n != 1 {
		t.Fatalf("the line's problem shows %d times:\n%s", n, view)
	}
	b.Form.ClearErrors()
	none := func(int) int { return -1 } // the screen knows no row for it
	b.ShowFieldErrors(none)(workflow.FieldErrors{{Field: "qty", Line: 1, Code: workflow.NotANumber}})
	if view := b.Form.View(); strings.Contains(view, b.c.Cat.T("field.not_a_number")) {
		t.Fatalf("a line the screen maps to no row shows:\n%s", view)
	}
}
