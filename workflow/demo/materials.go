package demo

import (
	"context"
	"time"

	"orderdesk/store"
	"orderdesk/workflow"
)

// materials fills the register of materials sent (寄出资料) with rows in
// every state, as of the day generated: a catalogue received, a sample
// on its way, a quotation by post overdue for its receipt (in the first
// clerk's inbox), a contract sent for signature with its order, a
// catalogue e-mailed to a lead, and an entry voided as entered twice.
// The invoices mailed by the invoice chain show in it by themselves. A
// desk whose register has entries already (a second run) is left as is.
func (g *gen) materials(ctx context.Context, eng *workflow.Engine, t team, sum *Summary) error {
	if len(t.clerks) == 0 || len(t.reps) == 0 {
		return nil
	}
	clerk, rep := eng.Desk(t.clerks[0]), eng.Desk(t.reps[0])
	had, err := clerk.Materials(ctx, "")
	if err != nil {
		return err
	}
	for _, m := range had {
		if m.Entry {
			return nil
		}
	}
	custs, err := clerk.Customers(ctx, store.Page{Limit: 50})
	if err != nil || len(custs) < 3 {
		return err
	}
	var repCust store.CustomerRow
	for _, c := range custs {
		if c.RepID == t.reps[0].ID {
			repCust = c
			break
		}
	}
	contact := func(c store.CustomerRow) string {
		f, _ := clerk.CustomerFile(ctx, c.ID)
		return f.Contact
	}
	day := func(n int) string { return g.today.AddDate(0, 0, n).Format(time.DateOnly) }
	send := func(d *workflow.Desk, in workflow.MaterialInput) (int64, error) {
		id, err := d.SendMaterial(ctx, in)
		if err == nil {
			sum.Materials++
		}
		return id, err
	}
	a, b := custs[0], custs[1]
	received, err := send(clerk, workflow.MaterialInput{CustomerID: a.ID, Contact: contact(a), What: "catalogue",
		Description: "2026年板材、型材产品目录两本", SentOn: day(-12), Via: "courier", Courier: "sf", Tracking: "SF1402873365012"})
	if err != nil {
		return err
	}
	if err := clerk.ConfirmMaterialReceipt(ctx, received, 0, workflow.ArrivalInput{On: day(-10), By: pickContact(contact(a))}); err != nil {
		return err
	}
	if _, err := send(clerk, workflow.MaterialInput{CustomerID: b.ID, Contact: contact(b), What: "quotation",
		Description: "Q235B、Q345B 热轧板报价单(盖章原件)", SentOn: day(-10), Via: "post", Tracking: "XA236517804CN"}); err != nil {
		return err
	}
	if repCust.ID != 0 {
		if _, err := send(rep, workflow.MaterialInput{CustomerID: repCust.ID, Contact: contact(repCust), What: "sample",
			Description: "45# 圆钢 Φ50 试样两段", SentOn: day(-2), Via: "courier", Courier: "zto", Tracking: "75312468901234"}); err != nil {
			return err
		}
	}
	if err := g.contractSent(ctx, clerk, send, day(-3)); err != nil {
		return err
	}
	if leads, err := rep.Leads(ctx, workflow.LeadFilter{Status: "new"}); err == nil && len(leads) > 0 {
		if _, err := send(rep, workflow.MaterialInput{LeadID: leads[0].DocID, Contact: leads[0].Contact, What: "catalogue",
			Description: "电子版产品目录", SentOn: day(-1), Via: "email"}); err != nil {
			return err
		}
	}
	twice, err := send(clerk, workflow.MaterialInput{CustomerID: a.ID, Contact: contact(a), What: "catalogue",
		Description: "2026年板材、型材产品目录两本", SentOn: day(-12), Via: "hand"})
	if err != nil {
		return err
	}
	return clerk.VoidMaterial(ctx, twice, 0, "重复登记,已按快递那条为准")
}

// contractSent enters the contract of the newest numbered order as sent
// for signature by EMS on day (none when no order is numbered yet).
func (g *gen) contractSent(ctx context.Context, clerk *workflow.Desk, send func(*workflow.Desk, workflow.MaterialInput) (int64, error), day string) error {
	orders, err := clerk.Orders(ctx, store.OrderFilter{Statuses: []string{"approved"}}, store.Page{Limit: 20})
	if err != nil {
		return err
	}
	for _, o := range orders {
		if o.OrderNo == "" {
			continue
		}
		_, err := send(clerk, workflow.MaterialInput{CustomerID: o.CustomerID, What: "contract", Order: o.OrderNo,
			Description: "销售合同一式两份,请签字盖章后寄回一份", SentOn: day, Via: "courier", Courier: "ems", Tracking: "EA508216437CN"})
		return err
	}
	return nil
}

// pickContact is who signed for a parcel: the file's contact, or the
// front desk.
func pickContact(contact string) string {
	if contact == "" {
		return "前台"
	}
	return contact
}
