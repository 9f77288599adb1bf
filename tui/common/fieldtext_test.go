package common

import (
	"testing"

	"orderdesk/tui/i18n"
	"orderdesk/workflow"
)

func TestFieldText(t *testing.T) {
	zh := i18n.Catalog{Lang: i18n.Chinese}
	for _, tc := range []struct {
		e    *workflow.FieldError
		want string
	}{
		{&workflow.FieldError{Field: workflow.FDeliveryDate, Code: workflow.DateOrder}, "交货日期不能早于订单日期"},
		{&workflow.FieldError{Field: "valid_to", Code: workflow.DateOrder}, "起止日期顺序不对"},
	} {
		if got := FieldText(zh, tc.e); got != tc.want {
			t.Errorf("%s %s: %q, want %q", tc.e.Field, tc.e.Code, got, tc.want)
		}
	}
}
