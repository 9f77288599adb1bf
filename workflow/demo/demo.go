// Package demo fills an orderdesk database with believable records: the
// people of a sales desk in every role, Liaoning steel buyers with their
// contacts, terms and visits, and a catalogue of steel products. It is
// deterministic: the same seed gives the same records, so benchmarks and
// screen tests can build the same 100,000-customer database every time.
//
// Records go in the way the desk itself would write them: customers pass
// the same validation as the customer form, and monthly terms exist only
// through a terms change a supervisor or finance approved, which the
// database's triggers check again. Bulk rows share large transactions so
// a big database builds in seconds.
package demo

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"time"

	"orderdesk/store"
	"orderdesk/workflow"
)

// Options say how much to generate. Start from DefaultOptions: a zero
// field means none, not a default.
type Options struct {
	Customers      int
	Products       int
	Seed           uint64
	MonthlyPercent int // share of customers on approved monthly terms (月结)
	VisitPercent   int // share of customers with one to three visits or calls
	Pending        int // terms changes left waiting for review
	SentBack       int // terms changes a reviewer sent back to the clerk
	Inquiries      int // inquiries over the last thirty days, quoted, won and lost (quotes.go)
	MarketDays     int // days of market prices (pricing.go)
	Orders         int // orders typed fresh over the last thirty days, besides one per won quote (orders.go)
	// MonthOrders are orders signed back on this month's days so far,
	// the last today, so the dashboard's month has something to show on
	// day one (monthorders.go); the demo command asks for some.
	MonthOrders int
	// OrderVolume adds that many orders of about ten lines each over the
	// last two years, most of them signed off and numbered, for
	// benchmarks (100,000 gives a million lines; volume.go).
	OrderVolume int
	// Shipments are delivery notes drawn from the demo's signed orders,
	// in every state of shipping (shipments.go).
	Shipments int
	// ShipmentVolume adds that many delivery notes over the last two
	// years, of orders made for them, most delivered, for benchmarks
	// (200,000 for the shipping screen's; shipvolume.go).
	ShipmentVolume int
	// Invoices invoices up to that many of the orders shipped above, a
	// few days after they shipped, issued, mailed and paid (some late,
	// some in parts, some rounded up; invoices.go).
	Invoices int
	// InvoiceVolume adds that many orders of about ten lines over the
	// last two years, each shipped, invoiced and paid as above, for
	// benchmarks (150,000 give about a million invoice lines).
	InvoiceVolume int
	// LateInvoices adds that many orders of late-paying monthly customers
	// over the last five months, shipped, invoiced and paid late, for the
	// collections ladder without InvoiceVolume (reconciliation.go).
	LateInvoices int
	// Complaints records that many complaints over the last three weeks,
	// in every state (complaints.go); the command line's default is 40.
	Complaints int
	// Returns records that many return notes (退货单) against notes that
	// left, in every state, some exchanged (returns.go); the command
	// line's default is 6.
	Returns int
	// Credits writes that many credits (红字发票) today against open
	// invoices, issued, waiting for finance and waiting for the check
	// (credits.go); the command line's default is 3.
	Credits int
	// OSUser, when set, is mapped to the demo user DeskLogin, so whoever
	// runs orderdesk on this machine works as that user, unless the
	// account already belongs to someone.
	OSUser    string
	DeskLogin string
	// Today is when the records are dated from (visits count back from
	// it); zero means now.
	Today time.Time
	// Progress, when set, hears how many customers are written so far.
	Progress func(done, total int)
}

// DefaultOptions is a desk of a realistic size for trying things out.
func DefaultOptions() Options {
	return Options{
		Customers: 500, Products: 200, Seed: 1, MonthlyPercent: 15, VisitPercent: 20,
		Pending: 6, SentBack: 1, Inquiries: 80, MarketDays: 30, Orders: 60, Shipments: 40, Invoices: 40, DeskLogin: "zhao",
	}
}

// Summary says what was written.
type Summary struct {
	Users     int // users created (existing ones are reused)
	Customers int
	Monthly   int // customers on approved monthly terms
	Pending   int // terms changes waiting for review
	SentBack  int // terms changes sent back to their maker
	Visits    int
	Products  int
	// Pricing: list prices approved, a price change left for review,
	// market prices, inquiries, quotes (first versions) and revisions,
	// quotes won and lost, price requests to purchasing.
	ListPrices, PendingPrices, MarketPrices int
	Inquiries, Quotes, Revisions, Won, Lost int
	PriceRequests                           int
	// Orders: every order written (volume included), those made from
	// won quotes, those signed off (numbered), cancelled and revised,
	// and stock-up requests.
	Orders, OrdersFromQuotes, OrdersNumbered, Cancelled, Revised, StockRequests int
	// Shipping: delivery notes, those that left (in transit or
	// delivered), payments finance confirmed, overrides asked.
	Notes, Shipped, Payments, Overrides int
	// Invoicing: requests raised (and their lines), invoices issued,
	// receipts recorded (finance's payment confirmations in shipping
	// included: each is a receipt).
	Invoices, InvoiceLines, Issued, Receipts int
	// Month end: months finance signed off, statements of account issued.
	MonthsSignedOff, Statements int
	// Plans: sales plans written (approved months, a week waiting) and
	// targets approved.
	Plans, Targets int
	// PurchasePlans: this month's purchase plan, approved.
	PurchasePlans int
	// After-sales: complaints recorded.
	Complaints int
	// Credits: credit invoices drafted (some issued).
	Credits int
	// Leads: leads entered, in every stage.
	Leads int
	// Returns: return notes recorded, in every state.
	Returns int
	// WeekVisits: this week's visits planned (reviewed, waiting,
	// cancelled); Visits counts the customer files' logged visits and calls.
	WeekVisits int
	// Meetings: sales meetings' minutes written, their action items in
	// every state.
	Meetings int
	// Materials: entries in the register of materials sent, in every
	// state (the invoices mailed show in it besides).
	Materials int
	// Desk is the user the OS account maps to after generation (zero
	// when none); Mapped says whether the demo made that mapping.
	Desk   store.User
	Mapped bool
}

// ErrOptions says the options ask for something impossible.
var ErrOptions = errors.New("demo: invalid options")

// batchSize is how many customers share one write transaction: large
// enough that commits do not dominate, small enough that the audit rows
// sealed at commit stay a few megabytes.
const batchSize = 5000

// Generate writes demo records through eng's store. It adds to whatever
// the database holds; the command line refuses a database that already
// has customers.
func Generate(ctx context.Context, eng *workflow.Engine, opts Options) (Summary, error) {
	var sum Summary
	if err := opts.check(); err != nil {
		return sum, err
	}
	if opts.Today.IsZero() {
		opts.Today = time.Now()
	}
	g := &gen{
		rng:      rand.New(rand.NewPCG(opts.Seed, 0x6f72646572646573)),
		names:    map[string]bool{},
		initials: map[string]string{},
		today:    opts.Today,
	}
	team, err := ensureTeam(ctx, eng, opts, &sum)
	if err != nil {
		return sum, err
	}
	if err := g.products(ctx, eng.Store(), team, opts.Products, &sum); err != nil {
		return sum, err
	}
	ids, err := g.customers(ctx, eng.Store(), team, opts, &sum)
	if err != nil {
		return sum, err
	}
	if err := g.pendingTerms(ctx, eng, team, ids, opts, &sum); err != nil {
		return sum, err
	}
	if err := g.pricing(ctx, eng, team, ids, opts, &sum); err != nil {
		return sum, err
	}
	if err := g.orders(ctx, eng, team, ids, opts, &sum); err != nil {
		return sum, err
	}
	if err := g.volume(ctx, eng, team, ids, opts.OrderVolume, &sum); err != nil {
		return sum, err
	}
	if err := g.shipments(ctx, eng, team, opts.Shipments, &sum); err != nil {
		return sum, err
	}
	if err := g.shipVolume(ctx, eng, team, ids, opts.ShipmentVolume, &sum); err != nil {
		return sum, err
	}
	if err := g.invoiceVolume(ctx, eng, team, ids, opts.InvoiceVolume, &sum); err != nil {
		return sum, err
	}
	if err := g.invoices(ctx, eng, team, ids, opts.Invoices, &sum); err != nil {
		return sum, err
	}
	if opts.Invoices > 0 {
		if err := g.lateInvoices(ctx, eng, team, ids, opts.LateInvoices, &sum); err != nil {
			return sum, err
		}
		if err := g.reconciliations(ctx, eng, team, &sum); err != nil {
			return sum, err
		}
	}
	if err := g.credits(ctx, eng, team, opts.Credits, &sum); err != nil {
		return sum, err
	}
	if err := g.plans(ctx, eng, team, ids, &sum); err != nil {
		return sum, err
	}
	if err := g.monthOrders(ctx, eng, team, ids, opts.MonthOrders, &sum); err != nil {
		return sum, err
	}
	if err := g.purchasePlan(ctx, eng, team, &sum); err != nil {
		return sum, err
	}
	if err := g.complaints(ctx, eng, team, ids, opts.Complaints, &sum); err != nil {
		return sum, err
	}
	if err := g.leads(ctx, eng, team.reps, &sum); err != nil {
		return sum, err
	}
	if err := g.returns(ctx, eng, team, opts.Returns, &sum); err != nil {
		return sum, err
	}
	if err := eng.MoveVisitLog(ctx); err != nil {
		return sum, err
	}
	if err := g.weekVisits(ctx, eng, team, &sum); err != nil {
		return sum, err
	}
	if err := g.meetings(ctx, eng, team, &sum); err != nil {
		return sum, err
	}
	if err := g.materials(ctx, eng, team, &sum); err != nil {
		return sum, err
	}
	if err := g.leads(ctx, eng, team.clerks[:min(len(team.clerks), 1)], &sum); err != nil {
		return sum, err
	}
	return sum, nil
}

func (o Options) check() error {
	switch {
	case o.Customers < 0 || o.Products < 0 || o.Pending < 0 || o.SentBack < 0 || o.Inquiries < 0 || o.MarketDays < 0 ||
		o.Orders < 0 || o.MonthOrders < 0 || o.OrderVolume < 0 || o.Shipments < 0 || o.ShipmentVolume < 0 ||
		o.Invoices < 0 || o.InvoiceVolume < 0 || o.Complaints < 0 || o.Credits < 0 || o.Returns < 0:
		return fmt.Errorf("%w: counts must not be negative", ErrOptions)
	case o.MonthlyPercent < 0 || o.MonthlyPercent > 100 || o.VisitPercent < 0 || o.VisitPercent > 100:
		return fmt.Errorf("%w: percentages must be between 0 and 100", ErrOptions)
	case o.Products > MaxProducts():
		return fmt.Errorf("%w: at most %d distinct products", ErrOptions, MaxProducts())
	}
	return nil
}

// gen holds the seeded source and what was already used.
type gen struct {
	rng      *rand.Rand
	names    map[string]bool
	initials map[string]string // workflow.Mnemonic of name parts
	today    time.Time
}

func pick[T any](g *gen, list []T) T { return list[g.rng.IntN(len(list))] }

// chance is true percent times in a hundred.
func (g *gen) chance(percent int) bool { return g.rng.IntN(100) < percent }
