package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/user"
	"slices"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"orderdesk/store"
	"orderdesk/tui/common"
	"orderdesk/tui/i18n"
	"orderdesk/workflow"
	"orderdesk/workflow/demo"
)

func demoCmd(g *globals, help i18n.Catalog) *cobra.Command {
	opts := demo.DefaultOptions()
	opts.MonthOrders = demo.DashboardMonthOrders
	cmd := g.adminCommand("demo [--customers N] [--products N] [--seed S] [--as LOGIN]", help.T("cli.cmd.demo"), cobra.NoArgs,
		func(ctx context.Context, cmd *cobra.Command, _ []string, e *env, _ store.User) error {
			return e.runDemo(ctx, cmd, opts)
		})
	cmd.Flags().IntVar(&opts.Customers, "customers", opts.Customers, help.T("cli.flag.customers"))
	cmd.Flags().IntVar(&opts.Products, "products", opts.Products, help.T("cli.flag.products"))
	cmd.Flags().Uint64Var(&opts.Seed, "seed", opts.Seed, help.T("cli.flag.seed"))
	cmd.Flags().StringVar(&opts.DeskLogin, "as", opts.DeskLogin, help.T("cli.flag.as"))
	cmd.Flags().IntVar(&opts.Orders, "orders", opts.Orders, help.T("cli.flag.orders"))
	cmd.Flags().IntVar(&opts.MonthOrders, "month-orders", opts.MonthOrders, help.T("cli.flag.month_orders"))
	cmd.Flags().IntVar(&opts.OrderVolume, "order-volume", opts.OrderVolume, help.T("cli.flag.order_volume"))
	cmd.Flags().IntVar(&opts.Shipments, "shipments", opts.Shipments, help.T("cli.flag.shipments"))
	cmd.Flags().IntVar(&opts.ShipmentVolume, "shipment-volume", opts.ShipmentVolume, help.T("cli.flag.shipment_volume"))
	cmd.Flags().IntVar(&opts.Invoices, "invoices", opts.Invoices, help.T("cli.flag.invoices"))
	cmd.Flags().IntVar(&opts.InvoiceVolume, "invoice-volume", opts.InvoiceVolume, help.T("cli.flag.invoice_volume"))
	opts.Complaints = demoComplaints
	cmd.Flags().IntVar(&opts.Complaints, "complaints", opts.Complaints, help.T("cli.flag.complaints"))
	opts.Returns = demoReturns
	cmd.Flags().IntVar(&opts.Returns, "returns", opts.Returns, help.T("cli.flag.returns"))
	opts.Credits = demoCredits
	cmd.Flags().IntVar(&opts.Credits, "credits", opts.Credits, help.T("cli.flag.credits"))
	return cmd
}

func (e *env) runDemo(ctx context.Context, cmd *cobra.Command, opts demo.Options) error {
	switch {
	case !slices.Contains(demo.Logins(), opts.DeskLogin):
		return errors.New(e.cat.T("cli.demo.bad_as", strings.Join(demo.Logins(), ", ")))
	case opts.Customers < 0 || opts.Products < 0 || opts.Orders < 0 || opts.MonthOrders < 0 || opts.OrderVolume < 0 ||
		opts.Shipments < 0 || opts.ShipmentVolume < 0 || opts.Invoices < 0 || opts.InvoiceVolume < 0:
		return errors.New(e.cat.T("cli.demo.negative"))
	case opts.Products > demo.MaxProducts():
		return errors.New(e.cat.T("cli.demo.too_many_products", demo.MaxProducts()))
	}
	// Demo records go only into an empty database: mixed into real
	// customer files they could not be told apart.
	var some []store.CustomerRow
	err := e.st.Read(ctx, func(tx *store.Tx) (err error) {
		some, err = tx.Customers(ctx, store.Page{Limit: 1, Voided: true})
		return err
	})
	if err != nil {
		return e.fail(err)
	}
	if len(some) > 0 {
		return errors.New(e.cat.T("cli.demo.not_empty", e.cfg.dbName()))
	}
	if u, err := user.Current(); err == nil {
		opts.OSUser = u.Username
	}
	if isTerminal(cmd.ErrOrStderr()) {
		opts.Progress = func(done, total int) {
			fmt.Fprint(cmd.ErrOrStderr(), e.cat.T("cli.demo.progress", done, total))
			if done == total {
				fmt.Fprintln(cmd.ErrOrStderr())
			}
		}
	}
	start := time.Now()
	sum, err := demo.Generate(ctx, e.eng, opts)
	if err != nil {
		return e.fail(err)
	}
	say(cmd, e.cat.T("cli.demo.done", e.cfg.dbName(), time.Since(start).Round(time.Millisecond)))
	say(cmd, e.cat.T("cli.demo.counts", sum.Users, sum.Customers, sum.Monthly, sum.Products, sum.Visits))
	say(cmd, e.cat.T("cli.demo.pending", sum.Pending, sum.SentBack))
	say(cmd, e.cat.T("cli.demo.orders", sum.Orders, sum.OrdersFromQuotes, sum.OrdersNumbered, sum.StockRequests))
	say(cmd, e.cat.T("cli.demo.shipments", sum.Notes, sum.Shipped, sum.Payments, sum.Overrides))
	say(cmd, e.cat.T("cli.demo.invoices", sum.Invoices, sum.InvoiceLines, sum.Issued, sum.Receipts))
	say(cmd, e.cat.T("cli.demo.month_end", sum.MonthsSignedOff, sum.Statements))
	say(cmd, e.cat.T("cli.demo.plans", sum.Plans, sum.Targets))
	say(cmd, e.cat.T("cli.demo.purchase_plans", sum.PurchasePlans))
	say(cmd, e.cat.T("cli.demo.complaints", sum.Complaints))
	say(cmd, e.cat.T("cli.demo.credits", sum.Credits))
	say(cmd, e.cat.T("cli.demo.leads", sum.Leads))
	say(cmd, e.cat.T("cli.demo.returns", sum.Returns))
	say(cmd, e.cat.T("cli.demo.week_visits", sum.WeekVisits))
	say(cmd, e.cat.T("cli.demo.meetings", sum.Meetings))
	say(cmd, e.cat.T("cli.demo.materials", sum.Materials))
	switch {
	case opts.OSUser == "" || sum.Desk.ID == 0:
		say(cmd, e.cat.T("cli.demo.no_os_user"))
	case sum.Mapped:
		say(cmd, e.cat.T("cli.demo.mapped", opts.OSUser, sum.Desk.Name, sum.Desk.Login, e.roleNames(sum.Desk), e.cfg.dbFlag()))
	default:
		say(cmd, e.cat.T("cli.demo.kept", opts.OSUser, sum.Desk.Login, e.roleNames(sum.Desk), sum.Desk.Login))
	}
	return nil
}

func (e *env) roleNames(u store.User) string {
	rs := make([]workflow.Role, len(u.Roles))
	for i, r := range u.Roles {
		rs[i] = workflow.Role(r)
	}
	return common.RoleList(e.cat, rs)
}

// isTerminal reports whether w is a terminal, where a progress line that
// rewrites itself reads well (in a log it would not).
func isTerminal(w any) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

// demoComplaints is how many complaints the demo records unless told
// (the library's default is none, so databases built for tests stay as
// they were).
const demoComplaints = 40

// demoReturns is how many return notes the demo records unless told
// (none in the library's default, as demoComplaints).
const demoReturns = 6

// demoCredits is how many credits (红字发票) the demo drafts unless told.
const demoCredits = 3
