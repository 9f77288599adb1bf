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

// A refusal for too many decimals says how many the field takes.
func TestFieldTextTooManyPlaces(t *testing.T) {
	zh, en := i18n.Catalog{Lang: i18n.Chinese}, i18n.Catalog{Lang: i18n.English}
	for _, c := range []struct {
		parse  func() *workflow.FieldError
		zh, en string
	}{
		{func() *workflow.FieldError { _, e := workflow.ParseMoneyField(workflow.FAmount, "5100.123"); return e }, "最多2位小数", "at most 2 decimals"},
		{func() *workflow.FieldError { _, e := workflow.ParseMilliField(workflow.FWeight, "25.3505"); return e }, "最多3位小数", "at most 3 decimals"},
		{func() *workflow.FieldError { _, e := workflow.ParseMilliField(workflow.FQuantity, "2.0001"); return e }, "最多3位小数", "at most 3 decimals"},
	} {
		e := c.parse()
		if got := FieldText(zh, e); got != c.zh {
			t.Errorf("%s: %q, want %q", e.Field, got, c.zh)
		}
		if got := FieldText(en, e); got != c.en {
			t.Errorf("%s: %q, want %q", e.Field, got, c.en)
		}
	}
}
