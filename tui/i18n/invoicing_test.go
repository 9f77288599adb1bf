package i18n_test

import (
	"testing"

	"orderdesk/store"
	"orderdesk/tui/i18n"
	"orderdesk/workflow"
)

// TestInvoicingWords: every refusal, field problem, field name and
// receipt method of invoicing has its words.
func TestInvoicingWords(t *testing.T) {
	var want []string
	for _, c := range []workflow.Code{workflow.OverInvoiced, workflow.LineNotShipped, workflow.IssueMissing, workflow.MailingMissing, "invoice_no_form",
		workflow.OverAllocated, workflow.ReceiptExhausted, workflow.NotOpen, workflow.FutureDay, workflow.DateBeforeIssue} {
		want = append(want, "refusal."+string(c))
	}
	for _, c := range []workflow.FieldCode{workflow.NumberTaken, workflow.InvoiceNoForm, workflow.OverUninvoiced, workflow.OverOpenAmount, workflow.OverReceipt} {
		want = append(want, "field."+string(c))
	}
	for _, f := range []string{workflow.FInvoiceNo, workflow.FIssuedOn, workflow.FMailedOn, workflow.FTracking, workflow.FPayer,
		workflow.FCustomer, workflow.FOrder, workflow.FShipped, workflow.FNoteRef, workflow.FOpenAmt, workflow.FDueOn} {
		want = append(want, "field.name."+f)
	}
	for _, m := range store.ReceiptMethods {
		want = append(want, "method."+m)
	}
	for _, k := range want {
		if !i18n.Has(k) {
			t.Errorf("missing %s", k)
		}
	}
}
