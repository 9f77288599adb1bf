package demo

import (
	"context"
	"fmt"
	"strings"
	"time"

	"orderdesk/store"
	"orderdesk/workflow"
)

// noteFate is how far a demo delivery note got.
type noteFate int

const (
	nfDraft     noteFate = iota // being typed
	nfSubmitted                 // waiting for the supervisor's check
	nfHeld                      // signed off, at the payment gate (released at once when the gate is open)
	nfReleased                  // released: prepaid paid, monthly per contract or by finance
	nfLoaded                    // on the truck
	nfInTransit                 // with the carrier
	nfDelivered                 // arrived
)

// noteFateShares are the percentages of each fate, in order.
var noteFateShares = []int{8, 8, 10, 10, 8, 14, 42}

func (g *gen) noteFate() noteFate {
	n := g.rng.IntN(100)
	for i, share := range noteFateShares {
		if n < share {
			return noteFate(i)
		}
		n -= share
	}
	return nfDelivered
}

var carriers = []string{"沈阳顺达物流有限公司", "辽宁安捷运输有限公司", "大连港通物流", "鞍山恒运货运站", "营口速通物流"}
var drivers = []string{"李师傅 13904001234", "王师傅 13842005678", "张师傅 13504107890", "刘师傅 13998802345"}
var overrideReasons = []string{"老客户,货款在途,主管同意先发", "客户工地急用,承诺三日内付款", "月底集中结算,财务已电话确认"}

// vehicle is a Liaoning plate: 辽A (沈阳) … 辽H (营口).
func (g *gen) vehicle() string {
	return fmt.Sprintf("辽%c%05d", 'A'+rune(g.rng.IntN(8)), 10000+g.rng.IntN(90000))
}

// shipments draws opts.Shipments delivery notes from the demo's signed
// orders, in one transaction, each taken as far along its fate as the
// time since allows, through the engine's checks: the supervisor's
// check, the payment gate (prepaid customers' payments confirmed by
// finance first; monthly customers per contract), loading by the
// warehouse, the carrier's hand-over, delivery. An order ships in one
// note or in two parts (分单). Two held notes get overrides: one waiting
// for sign-off, one approved by finance.
func (g *gen) shipments(ctx context.Context, eng *workflow.Engine, t team, n int, sum *Summary) error {
	if n == 0 {
		return nil
	}
	return eng.Store().Write(ctx, func(tx *store.Tx) error {
		orders, err := tx.OrdersToShip(ctx, store.Page{Limit: 500})
		if err != nil {
			return err
		}
		overrides := 0
		for i := 0; i < len(orders) && sum.Notes < n; i++ {
			o := orders[i]
			start := o.StatusSince.Add(time.Duration(4+g.rng.IntN(40)) * time.Hour)
			if start.After(g.today) {
				continue
			}
			parts := 1 + g.rng.IntN(2)
			for p := 0; p < parts && sum.Notes < n; p++ {
				tx.Now = start
				clerk := t.clerks[(i+p)%len(t.clerks)]
				id, err := g.draftNote(ctx, eng, tx, clerk, o.ID, p == 0 && parts == 2)
				if err != nil || id == 0 {
					if err != nil {
						return err
					}
					break
				}
				if id == 0 { // the first part took everything
					break
				}
				sum.Notes++
				fate := g.noteFate()
				when, err := g.advanceNote(ctx, eng, tx, t, clerk, id, start, fate, sum)
				if err != nil {
					return err
				}
				if fate == nfHeld && overrides < 2 {
					if err := g.override(ctx, eng, tx, t, clerk, id, overrides == 1, sum); err != nil {
						return err
					}
					overrides++
				}
				start = when.Add(time.Duration(24+g.rng.IntN(96)) * time.Hour)
				if start.After(g.today) {
					break
				}
			}
		}
		return nil
	})
}

// draftNote drafts a note of everything open on an order, or of about
// half of each line for the first of two parts; 0 when nothing is open.
func (g *gen) draftNote(ctx context.Context, eng *workflow.Engine, tx *store.Tx, clerk store.User, orderID int64, half bool) (int64, error) {
	open, err := tx.OpenLines(ctx, orderID)
	if err != nil {
		return 0, err
	}
	o, err := tx.OrderHeader(ctx, orderID)
	if err != nil {
		return 0, err
	}
	in := workflow.DeliveryInput{OrderID: orderID, ShipTo: o.ShipTo, Contact: o.Contact, Phone: o.Phone,
		ShipOn: tx.Now.AddDate(0, 0, 1).Format("2006-01-02")}
	for _, l := range open {
		q := l.Open()
		if q <= 0 {
			continue
		}
		if half && q >= 2000 {
			q = q / 2000 * 1000 // whole units, about half
		}
		in.Lines = append(in.Lines, workflow.DeliveryLineInput{OrderLineID: l.OrderLineID, Quantity: q.String()})
	}
	if len(in.Lines) == 0 {
		return 0, nil // all on notes already
	}
	return eng.DraftDeliveryIn(ctx, tx, clerk, in)
}

// shipNote drafts a note of order id at when (half: half of each line)
// and takes it along its fate: delivered once older than settled, else
// a fate drawn at random. nid is 0 when nothing was left to ship; last is
// when its last step was taken.
func (g *gen) shipNote(ctx context.Context, eng *workflow.Engine, tx *store.Tx, t team, clerk store.User, id int64, when time.Time, half bool,
	settled time.Duration, sum *Summary) (nid int64, fate noteFate, last time.Time, err error) {
	tx.Now = when
	if nid, err = g.draftNote(ctx, eng, tx, clerk, id, half); err != nil || nid == 0 {
		return nid, fate, when, err
	}
	sum.Notes++
	fate = nfDelivered
	if g.today.Sub(when) < settled {
		fate = g.noteFate()
	}
	last, err = g.advanceNote(ctx, eng, tx, t, clerk, nid, when, fate, sum)
	return nid, fate, last, err
}

// advanceNote takes a note along its fate, each step some hours after
// the last, stopping at today; it returns when the last step was taken.
func (g *gen) advanceNote(ctx context.Context, eng *workflow.Engine, tx *store.Tx, t team, clerk store.User, id int64, start time.Time,
	f noteFate, sum *Summary) (time.Time, error) {
	when := start
	next := func(hours float64) bool {
		if when.Add(time.Duration(hours * float64(time.Hour))).After(g.today) {
			return false
		}
		when = when.Add(time.Duration(hours * float64(time.Hour)))
		tx.Now = when
		return true
	}
	if f == nfDraft || !next(0.5+g.rng.Float64()) {
		return when, nil
	}
	if err := eng.ApplyIn(ctx, tx, clerk, id, workflow.ActionSubmit, ""); err != nil {
		return when, err
	}
	if f == nfSubmitted || !next(1+g.rng.Float64()*4) {
		return when, nil
	}
	if err := eng.ApplyIn(ctx, tx, t.supervisor, id, workflow.ActionApprove, ""); err != nil {
		return when, err
	}
	if f == nfHeld || !next(2+g.rng.Float64()*20) {
		return when, nil
	}
	if err := g.pastGate(ctx, eng, tx, t, id, sum); err != nil {
		return when, err
	}
	if f == nfReleased || !next(2+g.rng.Float64()*20) {
		return when, nil
	}
	// The scales read within a per cent of the note's weight.
	if err := eng.LoadIn(ctx, tx, t.warehouse, id, func(w store.Milli) store.Milli {
		return w + store.Milli(int64(w)*int64(g.rng.IntN(21)-10)/1000)
	}); err != nil {
		return when, err
	}
	if f == nfLoaded || !next(0.5+g.rng.Float64()*3) {
		return when, nil
	}
	day := when.Format("2006-01-02")
	if err := eng.DispatchIn(ctx, tx, clerk, id, store.DeliveryDispatch{Carrier: pick(g, carriers), Vehicle: g.vehicle(),
		Driver: pick(g, drivers), ShippedAt: when.Format("2006-01-02 15:04"), ExpectedOn: when.AddDate(0, 0, 1+g.rng.IntN(3)).Format("2006-01-02"),
		SignedBy: strings.Fields(pick(g, drivers))[0], SignedOn: day}); err != nil {
		return when, err
	}
	sum.Shipped++
	if f == nfInTransit || !next(20+g.rng.Float64()*50) {
		return when, nil
	}
	return when, eng.ApplyIn(ctx, tx, clerk, id, workflow.ActionDeliver, "")
}

// pastGate gets a signed-off note through the payment gate as the desk
// would: finance confirms a prepaid customer's payment (which releases
// the note); a monthly note is already released per contract, or finance
// releases one the gate holds.
func (g *gen) pastGate(ctx context.Context, eng *workflow.Engine, tx *store.Tx, t team, id int64, sum *Summary) error {
	n, err := tx.DeliveryHeader(ctx, id)
	if err != nil || n.Status != "approved" {
		return err
	}
	gate, err := eng.GateIn(ctx, tx, t.finance, id)
	if err != nil {
		return err
	}
	if gate.Held == store.GatePrepaidUnpaid {
		sum.Payments++
		sum.Receipts++ // finance's confirmation records the money as a receipt
		return eng.ConfirmPaymentIn(ctx, tx, t.finance, id, gate.Due, tx.Now.Format("2006-01-02"))
	}
	return eng.ReleaseIn(ctx, tx, t.finance, id)
}

// override asks for an override of a held note, and with approve has
// finance sign it off (which releases the note).
func (g *gen) override(ctx context.Context, eng *workflow.Engine, tx *store.Tx, t team, clerk store.User, id int64, approve bool, sum *Summary) error {
	n, err := tx.DeliveryHeader(ctx, id)
	if err != nil || n.Status != "approved" {
		return err
	}
	ov, err := eng.RequestOverrideIn(ctx, tx, clerk, id, pick(g, overrideReasons))
	if err != nil {
		return err
	}
	sum.Overrides++
	if !approve {
		return nil
	}
	tx.Now = tx.Now.Add(30 * time.Minute)
	return eng.ApplyIn(ctx, tx, t.finance, ov, workflow.ActionApprove, "同意,请尽快回款")
}
