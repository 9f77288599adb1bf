package workflow

import (
	"fmt"
	"regexp"
)

// InvoiceNoForm: an invoice number in none of the forms the tax system
// gives (20 digits; or a paper invoice's code and number).
const InvoiceNoForm FieldCode = "invoice_no_form"

// ParseInvoiceNo reads the number finance gives an invoice, in one of the
// forms in use, and returns it as the books keep it:
//
//   - a fully digital invoice (全电发票): its 20-digit number, kept as is;
//   - a paper special invoice (增值税专用发票): its 10- or 12-digit code
//     (发票代码) and its 8-digit number (发票号码), typed with a space, a
//     dash or a slash between them, kept as "CODE-NUMBER".
//
// Full-width digits are read as digits. Anything else is refused with
// InvoiceNoForm, whose message gives the expected forms.
func ParseInvoiceNo(s string) (string, *FieldError) {
	s = NormalizeDigits(s)
	if s == "" {
		return "", &FieldError{Field: FInvoiceNo, Code: Required}
	}
	if digitalInvoiceNo.MatchString(s) {
		return s, nil
	}
	if m := paperInvoiceNo.FindStringSubmatch(s); m != nil {
		return m[1] + "-" + m[2], nil
	}
	return "", &FieldError{Field: FInvoiceNo, Code: InvoiceNoForm}
}

var (
	digitalInvoiceNo = regexp.MustCompile(`^[0-9]{20}$`)
	// A paper invoice's code and number, one dash or slash or spaces
	// between them.
	paperInvoiceNo = regexp.MustCompile(`^([0-9]{10}|[0-9]{12})(?: *[-/] *| +)([0-9]{8})$`)
)

// DigitalInvoiceNo is the number a fully digital invoice issued on day
// (YYYY-MM-DD) in Liaoning (tax region 21) gets, for generated books:
// two digits of the year, the region, then seq as 16 digits.
func DigitalInvoiceNo(day string, seq int64) string {
	return fmt.Sprintf("%s21%016d", day[2:4], seq)
}
