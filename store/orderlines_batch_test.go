package store_test

import (
	"database/sql"
	"errors"
	"strings"
	"testing"

	"orderdesk/store"
	"orderdesk/workflow"
)

// batchTestLines are lines of every shape a new order can hold: priced
// by weight and by quantity, unpriced, from the catalogue or not, grade
// and spec repeated, quotes and escapes in the text.
func batchTestLines() []store.OrderLine {
	return []store.OrderLine{
		{Grade: "Q235B", Name: "热轧钢板", Spec: "20×1500×6000", Qty: 10_000, Unit: "t", Weight: 10_000, Basis: store.BasisWeight, Price: 412_000, Priced: true},
		{Grade: "Q235B", Name: "热轧钢板", Spec: "20×1500×6000", Qty: 2_500, Unit: "t", Weight: 2_500, Price: 411_000, Priced: true, Requirements: `切边 "定尺" \ <6m>`},
		{Grade: "45#", Name: "圆钢", Spec: "Φ50", Qty: 12_000, Unit: "pcs", Weight: 3_456, Basis: store.BasisQty, Price: 9_999_99, Priced: true, Unknown: true},
		{Grade: "304", Name: "不锈钢管", Spec: "48×3", Qty: 1, Unit: "kg", Weight: 1},
	}
}

// TestNewOrderLinesWrittenAsOneByOne: the lines of a new order, written
// in one statement, are the rows, line numbers and audit records that
// adding them one by one writes, and its filter entry is the one read
// back from what it stores.
func TestNewOrderLinesWrittenAsOneByOne(t *testing.T) {
	v := newEnv(t)
	cust, _, err := v.e.Desk(v.clerk).CreateCustomer(v.ctx, workflow.CustomerInput{Name: "鞍山恒达钢材贸易有限公司", ShortName: "恒达",
		PaymentTerms: store.TermsPrepaid})
	if err != nil {
		t.Fatal(err)
	}
	order := store.Order{CustomerID: cust, CustomerName: "鞍山恒达钢材贸易有限公司", OrderDate: "2025-03-01", DeliveryDate: "2025-03-20",
		PaymentTerms: store.TermsPrepaid, SigningPlace: "沈阳"}
	var batched, oneByOne int64
	err = v.st.Write(v.ctx, func(tx *store.Tx) error {
		o := order
		o.Lines = batchTestLines()
		if batched, _, err = tx.CreateOrder(v.ctx, v.clerk.ID, workflow.Order.Initial(), o); err != nil {
			return err
		}
		o.Lines = nil
		if oneByOne, _, err = tx.CreateOrder(v.ctx, v.clerk.ID, workflow.Order.Initial(), o); err != nil {
			return err
		}
		for _, l := range batchTestLines() {
			if _, err := tx.AddOrderLine(v.ctx, v.clerk.ID, oneByOne, l); err != nil {
				return err
			}
		}
		stored, text, err := tx.OrderSearchTexts(v.ctx, batched)
		if err == nil && stored != text {
			t.Errorf("filter entry %q, read back %q", stored, text)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	db := raw(t, v.path)
	if got, want := orderLineImages(t, db, batched), orderLineImages(t, db, oneByOne); got != want {
		t.Fatalf("lines written at once:\n%s\none by one:\n%s", got, want)
	}
	if res := verify(t, v); res.BrokenAt != 0 {
		t.Fatalf("the chain does not verify: %+v", res)
	}
}

// orderLineImages lists an order's lines and their audit records, with
// the ids that differ between two orders left out.
func orderLineImages(t *testing.T, db *sql.DB, docID int64) string {
	t.Helper()
	out := column[string](t, db, `SELECT json_remove(a.after, '$.id', '$.doc_id') || ' ' || (SELECT json_remove(json_object('line_no', l.line_no,
	        'grade', l.grade, 'name', l.name, 'spec', l.spec, 'qty', l.qty, 'unit', l.unit, 'weight', l.weight, 'basis', l.price_basis,
	        'price', l.price, 'amount', l.amount, 'req', l.requirements, 'product', l.product_id, 'quote_line', l.quote_line_id,
	        'unknown', l.unknown_product, 'types', typeof(l.price) || typeof(l.unknown_product) || typeof(l.product_id)), '$.none'))
	  FROM order_lines l JOIN audit_log a ON a.tbl = 'order_lines' AND a.row_id = l.id AND a.op = 'insert'
	 WHERE l.doc_id = ? ORDER BY l.line_no`, docID)
	if len(out) != len(batchTestLines()) {
		t.Fatalf("order %d has %d lines with audit records", docID, len(out))
	}
	return strings.Join(out, "\n")
}

// TestNewOrderLinesNotValidUTF8: text JSON could not carry byte for
// byte is written as typed in a SQLite file. PostgreSQL holds text as
// UTF-8 only: there the save is refused as ErrNotUTF8 (which the desk
// words) and nothing of the order is written.
func TestNewOrderLinesNotValidUTF8(t *testing.T) {
	v := newEnv(t)
	cust, _, err := v.e.Desk(v.clerk).CreateCustomer(v.ctx, workflow.CustomerInput{Name: "本溪钢铁公司", PaymentTerms: store.TermsPrepaid})
	if err != nil {
		t.Fatal(err)
	}
	spec := "20\xff1500"
	var id int64
	err = v.st.Write(v.ctx, func(tx *store.Tx) (err error) {
		id, _, err = tx.CreateOrder(v.ctx, v.clerk.ID, workflow.Order.Initial(), store.Order{CustomerID: cust, CustomerName: "本溪钢铁公司",
			OrderDate: "2025-03-01", DeliveryDate: "2025-03-20", PaymentTerms: store.TermsPrepaid,
			Lines: []store.OrderLine{{Grade: "Q235B", Name: "钢板", Spec: spec, Qty: 1_000, Unit: "t", Weight: 1_000}}})
		return err
	})
	if store.IsPostgresURL(v.path) {
		if !errors.Is(err, store.ErrNotUTF8) {
			t.Fatalf("a spec that is not UTF-8 on PostgreSQL: %v, want ErrNotUTF8", err)
		}
		if n := scalar[int](t, raw(t, v.path), `SELECT (SELECT count(*) FROM documents WHERE kind = 'order') + (SELECT count(*) FROM order_lines)`); n != 0 {
			t.Fatalf("%d orders and lines written by a refused save", n)
		}
		return
	}
	if err != nil {
		t.Fatal(err)
	}
	if got := scalar[[]byte](t, raw(t, v.path), `SELECT CAST(spec AS BLOB) FROM order_lines WHERE doc_id = ?`, id); string(got) != spec {
		t.Fatalf("spec stored as %q, want %q", got, spec)
	}
}
