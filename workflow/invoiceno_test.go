package workflow

import "testing"

func TestParseInvoiceNo(t *testing.T) {
	ok := []struct{ in, want string }{
		{"26212000000012345678", "26212000000012345678"},   // fully digital, 20 digits
		{" ２６２１２０００００００１２３４５６７８ ", "26212000000012345678"}, // typed with a Chinese input method
		{"2100211130 01234567", "2100211130-01234567"},     // paper: 10-digit code, 8-digit number
		{"2100211130-01234567", "2100211130-01234567"},
		{"210021113001/01234567", "210021113001-01234567"}, // 12-digit code
		{"210021113001  01234567", "210021113001-01234567"},
	}
	for _, tc := range ok {
		got, fe := ParseInvoiceNo(tc.in)
		if fe != nil || got != tc.want {
			t.Errorf("ParseInvoiceNo(%q) = %q, %v; want %q", tc.in, got, fe, tc.want)
		}
	}
	bad := map[string]FieldCode{
		"":                      Required,
		"   ":                   Required,
		"ABC123":                InvoiceNoForm,
		"01234567":              InvoiceNoForm, // a paper number without its code
		"2621200000001234567":   InvoiceNoForm, // 19 digits
		"262120000000123456789": InvoiceNoForm, // 21 digits
		"210021113001234567":    InvoiceNoForm, // code and number run together
		"21002111300 01234567":  InvoiceNoForm, // 11-digit code
		"2100211130 0123456":    InvoiceNoForm, // 7-digit number
		"01234567 2100211130":   InvoiceNoForm, // number before code
		"2100211130 01234567 1": InvoiceNoForm,
		"2621200000001234567X":  InvoiceNoForm,
		"2621200000001234567٣":  InvoiceNoForm, // an Arabic-Indic digit
		"2100211130-01234567-":  InvoiceNoForm,
		"-2100211130-01234567":  InvoiceNoForm,
		"2100211130\n01234567":  InvoiceNoForm,
		"21002111３0 0123456７ x": InvoiceNoForm,
	}
	for in, want := range bad {
		if got, fe := ParseInvoiceNo(in); fe == nil || fe.Code != want || fe.Field != FInvoiceNo {
			t.Errorf("ParseInvoiceNo(%q) = %q, %v; want %s", in, got, fe, want)
		}
	}
}
