package workflow

import (
	"errors"
	"testing"

	"orderdesk/store"
	"orderdesk/store/storetest"
)

// A drafted credit, an allowance or a return of goods, is edited with
// the checks of a new one, its own part aside from what other credits
// hold; a refused edit writes nothing; a saved one is in the audit log;
// once submitted it is refused.
func TestUpdateCredit(t *testing.T) {
	// The invoice bills 65,000.00; drafted against it, an allowance of
	// 4,442.00 and a credit of 1 t of the 2 t of round bar back
	// (5,000.00): an allowance may take up to 60,000.00.
	for _, c := range []struct {
		name      string
		returned  bool // edit the return's credit, not the allowance
		submitted bool
		edit      func(in *CreditInput)
		field     string
		line      int
		code      FieldCode
		refused   Code
		want      store.Money // the credit's total after
	}{
		{name: "an allowance's amount mistyped, typed again", edit: func(in *CreditInput) { in.Amount = "4000" }, want: 400000},
		{name: "an allowance up to the invoice, another credit aside", edit: func(in *CreditInput) { in.Amount = "60000" }, want: 6000000},
		{name: "an allowance over what is left", edit: func(in *CreditInput) { in.Amount = "60000.01" },
			field: FAmount, code: OverCreditable, want: 444200},
		{name: "the reason wiped", edit: func(in *CreditInput) { in.Reason = "" }, field: FReason, code: Required, want: 444200},
		{name: "an allowance turned into goods", edit: func(in *CreditInput) { in.Amount = ""; in.Lines = []CreditLineInput{{Quantity: "1"}} },
			field: FAmount, code: Required, want: 444200},
		{name: "goods: all that came back", returned: true, edit: func(in *CreditInput) { in.Lines[1].Quantity = "2" }, want: 1000000},
		{name: "goods: more than came back", returned: true, edit: func(in *CreditInput) { in.Lines[1].Quantity = "2.001" },
			field: FQuantity, line: 2, code: OverCreditable, want: 500000},
		{name: "goods: none left on it", returned: true, edit: func(in *CreditInput) { in.Lines[1].Quantity = "" },
			field: FQuantity, line: 1, code: Required, want: 500000},
		{name: "once submitted", submitted: true, edit: func(in *CreditInput) { in.Amount = "4000" }, refused: NotEditable, want: 444200},
	} {
		t.Run(c.name, func(t *testing.T) {
			s := newInvoicing(t)
			order := s.signedOrder(s.monthly, oline("Q235B", "热轧钢板", "20×1500×6000", "10", "t", "", "4000"),
				oline("45#", "圆钢", "Φ50", "5", "t", "", "5000"))
			note := s.ship(order, "10", "5")
			inv := s.issued(order, "26210000000010000001") // 40,000.00 + 25,000.00
			s.receivedReturnOf(note, 1, "2")               // two tonnes of round bar came back
			clerk := s.e.Desk(s.clerk)
			allowance, err := clerk.CreateCredit(s.ctx, CreditInput{InvoiceID: inv, Reason: "表面锈蚀, 协商折让", Amount: "4442"})
			s.must(err)
			in, _, err := clerk.NewCreditInput(s.ctx, inv)
			s.must(err)
			in.Reason, in.Lines[1].Quantity = "退货", "1"
			goods, err := clerk.CreateCredit(s.ctx, in)
			s.must(err)
			id := allowance
			if c.returned {
				id = goods
			}
			if c.submitted {
				s.must(clerk.SubmitCredit(s.ctx, id, 0))
			}
			ce, err := clerk.EditCredit(s.ctx, id)
			if c.submitted {
				refusal(t, err, NotEditable)
				ce.Credit, ce.Input = s.creditOf(id), CreditInput{InvoiceID: inv, Reason: "折让", Amount: "4442"}
			} else {
				s.must(err)
				if c.returned && (ce.Input.Lines[1].Quantity != "1" || ce.Input.Lines[1].Weight != "" || ce.Input.Amount != "") ||
					!c.returned && (ce.Input.Amount != "4442.00" || len(ce.Input.Lines) != 0) {
					t.Fatalf("the form starts from %+v", ce.Input)
				}
			}
			edited := ce.Input
			c.edit(&edited)
			err = clerk.UpdateCredit(s.ctx, ce.Credit, edited)
			switch {
			case c.field != "":
				wantField(t, err, c.field, c.code)
			case c.refused != "":
				refusal(t, err, c.refused)
			default:
				s.must(err)
			}
			if got := s.creditOf(id).Total; got != c.want {
				t.Fatalf("total after the edit %v, want %v", got, c.want)
			}
			if c.field != "" || c.refused != "" {
				return
			}
			table := "credits"
			if c.returned {
				table = "credit_lines"
			}
			var audited int
			if err := storetest.Raw(t, s.st.Path()).QueryRow(`SELECT count(*) FROM audit_log WHERE tbl = ? AND op = 'update' AND actor_id = ?`,
				table, s.clerk.ID).Scan(&audited); err != nil || audited == 0 {
				t.Fatalf("audited %d (%v)", audited, err)
			}
			s.must(clerk.SubmitCredit(s.ctx, id, 0))
			var conflict *store.ConflictError
			if err := clerk.UpdateCredit(s.ctx, ce.Credit, edited); !errors.As(err, &conflict) {
				t.Fatalf("a stale edit: %v", err)
			}
		})
	}
}
