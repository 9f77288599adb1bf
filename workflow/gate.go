package workflow

import (
	"context"
	"strconv"
	"time"

	"orderdesk/store"
)

// The payment gate (出货收款): a note signed off waits here until it may
// leave. The source's rule: 先到货款,后发货 — finance checks the money
// arrived and signs that the goods may load; monthly customers ship per
// contract; the desk never ships without finance's word where the gate
// asks for it. The database checks the same (delivery_releases_guard).

// Shipping settings (config shipping.*), kept in the settings table so
// the triggers read the same figures.
const (
	SettingOverdueDays     = "shipping.overdue_days"
	SettingWeightTolerance = "shipping.weight_tolerance_pct"
	DefaultOverdueDays     = 30
	DefaultWeightTolerance = 3
)

// ShippingRules are the gate's and the warehouse's configurable figures.
type ShippingRules struct {
	OverdueDays     int // a monthly customer with money due longer than this is held
	WeightTolerance int // per cent a loaded weight may differ without a reason
}

// SetShippingRules records the configured figures where the database's
// checks read them (audited, as the system user), when they changed. An
// unset figure at its default is left unset: the triggers assume it.
func (e *Engine) SetShippingRules(ctx context.Context, r ShippingRules) error {
	if r.OverdueDays < 0 || r.OverdueDays > 3650 || r.WeightTolerance < 0 || r.WeightTolerance > 100 {
		return &Refusal{Code: InvalidSetting}
	}
	return e.keepConfigured(ctx, configuredInt(SettingOverdueDays, r.OverdueDays, DefaultOverdueDays),
		configuredInt(SettingWeightTolerance, r.WeightTolerance, DefaultWeightTolerance))
}

// shippingRules reads the figures in force.
func shippingRules(ctx context.Context, tx *store.Tx) (ShippingRules, error) {
	r := ShippingRules{OverdueDays: DefaultOverdueDays, WeightTolerance: DefaultWeightTolerance}
	for _, kv := range []struct {
		key string
		dst *int
	}{{SettingOverdueDays, &r.OverdueDays}, {SettingWeightTolerance, &r.WeightTolerance}} {
		v, err := tx.Setting(ctx, kv.key)
		if err != nil {
			return r, err
		}
		if n, err := strconv.Atoi(v); err == nil {
			*kv.dst = n
		}
	}
	return r, nil
}

// Gate is what the payment gate says of a note now, for one user.
type Gate struct {
	Basis string // how this user may release it now ("" while it is held for them)
	Held  string // why it is held for the desk: store.GatePrepaidUnpaid, GateOverCredit, GateOverdue; "" if open
	// Who must act while it is held: finance (confirm the payment, or
	// release), or an override signed by finance or a supervisor.
	MustAct []Role
	Amount  store.Money // the note's
	// Prepaid: confirmed against the order, and released on its other notes.
	Paid, Released store.Money
	Due            store.Money // still to arrive before it may leave (prepaid)
	// Monthly: the customer's receivable exposure before this note (may
	// be negative: money on account), its credit limit, and of the
	// exposure what is more than OverdueDays past due.
	Exposure, CreditLimit, Overdue store.Money
	OverdueDays                    int
	Today, DueOn                   string
}

// Open reports whether the desk may release the note as it stands.
func (g Gate) Open() bool { return g.Held == "" }

// receivable is THE EXPOSURE FUNCTION: a customer's open receivable is
// what shipped and is not invoiced yet (released notes not void, less
// what issued invoices cover) plus issued invoices, less all money
// received (receipts; finance's confirmations are receipts too). Of it,
// what is more than overdueDays past its due day is overdue: the open
// part of invoices by the invoice's due day, the uninvoiced part of notes
// by the note's, less money on account. delivery_releases_guard (0006)
// checks the same.
func receivable(ctx context.Context, tx *store.Tx, customerID int64, today time.Time, overdueDays int) (exposure, overdue store.Money, err error) {
	cutoff := today.AddDate(0, 0, -overdueDays).Format("2006-01-02")
	r, err := tx.CustomerReceivable(ctx, customerID, cutoff)
	if err != nil {
		return 0, 0, err
	}
	// Money on account pays what fell due first; allocated money has
	// already left the invoices' open amounts.
	return r.Exposure(), max(r.DueBefore+r.OpenDueBefore-r.OnAccount(), 0), nil
}

// gate works out what the payment gate says of note n for actor today.
func (e *Engine) gate(ctx context.Context, tx *store.Tx, n store.DeliveryNote, actor store.User) (Gate, error) {
	today := tx.Now.In(e.loc)
	g := Gate{Amount: n.Total, Today: today.Format("2006-01-02"), DueOn: today.AddDate(0, 0, n.TermsDays).Format("2006-01-02")}
	if n.PaymentTerms == store.TermsPrepaid {
		paid, released, err := tx.OrderMoney(ctx, n.OrderID)
		if err != nil {
			return g, err
		}
		g.Paid, g.Released = paid, released
		if paid >= released+n.Total {
			g.Basis = store.BasisPrepaid
			return g, nil
		}
		g.Held, g.Due, g.MustAct = store.GatePrepaidUnpaid, released+n.Total-paid, []Role{Finance}
		return g, nil
	}
	rules, err := shippingRules(ctx, tx)
	if err != nil {
		return g, err
	}
	c, err := tx.Customer(ctx, n.CustomerID)
	if err != nil {
		return g, err
	}
	g.OverdueDays, g.CreditLimit = rules.OverdueDays, c.CreditLimit
	if g.Exposure, g.Overdue, err = receivable(ctx, tx, n.CustomerID, today, rules.OverdueDays); err != nil {
		return g, err
	}
	switch {
	case g.Overdue > 0:
		g.Held = store.GateOverdue
	case g.Exposure+n.Total > g.CreditLimit:
		g.Held = store.GateOverCredit
	default:
		g.Basis = store.BasisTerms
		return g, nil
	}
	g.MustAct = []Role{Finance}
	if actor.HasRole(string(Finance)) && actor.ID != n.MakerID {
		g.Basis = store.BasisFinance
	}
	return g, nil
}

// heldRefusal is the refusal of a release the gate holds, naming who must act.
func heldRefusal(g Gate) error {
	code := NeedsFinance
	if g.Held == store.GatePrepaidUnpaid {
		code = PaymentMissing
	}
	return &Refusal{Code: code, Action: ActionRelease, Roles: g.MustAct}
}

// releaseTx releases note noteID as actor if the gate lets them (or on
// the grounds of an approved override), inside tx.
func (e *Engine) releaseTx(ctx context.Context, tx *store.Tx, actor store.User, noteID, seen, overrideID int64, comment string, changes *[]Change) error {
	n, err := tx.DeliveryHeader(ctx, noteID)
	if err != nil {
		return err
	}
	if seen != 0 && n.Version != seen {
		return &Refusal{Code: StaleStatus, Action: ActionRelease}
	}
	if n.Status != "approved" {
		return &Refusal{Code: NoSuchTransition, Action: ActionRelease}
	}
	g, err := e.gate(ctx, tx, n, actor)
	if err != nil {
		return err
	}
	basis := g.Basis
	if overrideID != 0 {
		basis = store.BasisOverride
	}
	if basis == "" {
		return heldRefusal(g)
	}
	if err := tx.InsertRelease(ctx, actor.ID, noteID, n.OrderID, n.CustomerID, store.DeliveryRelease{
		Basis: basis, Amount: n.Total, Exposure: g.Exposure, CreditLimit: g.CreditLimit, Overdue: g.Overdue, Paid: g.Paid,
		OverrideID: overrideID, ReleasedOn: g.Today, DueOn: g.DueOn,
	}); err != nil {
		return err
	}
	return e.applyTx(ctx, tx, applyReq{actor: actor, docID: noteID, action: ActionRelease, comment: comment, internal: true}, changes)
}
