package upgradetest

import (
	"errors"

	"orderdesk/workflow"
)

// checkNewOrder: a clerk types an order for a customer of the old file
// with a product of its catalogue, submits it, its maker cannot sign it
// off, and a supervisor does.
func (d *desk) checkNewOrder() {
	t := d.t
	t.Helper()
	var cust int64
	d.must(d.raw.QueryRow(`SELECT id FROM customers WHERE voided = 0 AND address <> '' ORDER BY id LIMIT 1`).Scan(&cust))
	var line workflow.OrderLineInput
	d.must(d.raw.QueryRow(`SELECT grade, name, spec, unit FROM products WHERE voided = 0 AND unit = 't' ORDER BY id LIMIT 1`).
		Scan(&line.Grade, &line.Name, &line.Spec, &line.Unit))
	line.Quantity, line.Price = "12.5", "4180"
	clerk := d.e.Desk(d.clerk)
	in, err := clerk.NewOrderInput(d.ctx, cust)
	d.must(err)
	in.DeliveryDate = d.e.Now().AddDate(0, 0, 30).Format("2006-01-02")
	in.SigningPlace, in.Lines = "沈阳", []workflow.OrderLineInput{line}
	id, _, err := clerk.CreateOrder(d.ctx, in)
	d.must(err)
	d.must(clerk.SubmitOrder(d.ctx, id, 0))
	maker := d.clerk
	maker.Roles = d.all.Roles
	var r *workflow.Refusal
	if err := d.e.Desk(maker).Act(d.ctx, id, workflow.ActionApprove, ""); !errors.As(err, &r) || r.Code != workflow.MakerCannotSignOff {
		t.Fatalf("the order's maker signed it off: %v", err)
	}
	d.must(d.e.Desk(d.all).Act(d.ctx, id, workflow.ActionApprove, ""))
	od, err := d.e.Desk(d.all).Order(d.ctx, id)
	d.must(err)
	if doc := d.document(id); doc.Status != "approved" || od.Number == "" {
		t.Fatalf("new order after sign-off: %s, number %q", doc.Status, od.Number)
	}
}
