package tui

import (
	"context"

	"orderdesk/store"
	"orderdesk/tui/common"
	"orderdesk/tui/customers"
	"orderdesk/tui/inquiries"
	"orderdesk/tui/invoices"
	"orderdesk/tui/orders"
	"orderdesk/tui/placeholder"
	"orderdesk/tui/pricelist"
	"orderdesk/tui/pricing"
	"orderdesk/tui/products"
	"orderdesk/tui/reconcile"
	"orderdesk/tui/review"
	"orderdesk/tui/shipping"
	"orderdesk/tui/users"
	"orderdesk/workflow"
)

// screenDefs lists the desk's screens in tab order, each with the name the
// workflow knows it by: a user sees only those their roles allow.
var screenDefs = []struct {
	name  string
	build func(*common.Common) common.Screen
}{
	{workflow.ScreenCustomers, func(c *common.Common) common.Screen { return customers.New(c) }},
	{workflow.ScreenInquiries, func(c *common.Common) common.Screen { return inquiries.New(c) }},
	{workflow.ScreenPricing, func(c *common.Common) common.Screen { return pricing.New(c) }},
	{workflow.ScreenPriceList, func(c *common.Common) common.Screen { return pricelist.New(c) }},
	{workflow.ScreenOrders, func(c *common.Common) common.Screen { return orders.New(c) }},
	{workflow.ScreenShipping, func(c *common.Common) common.Screen { return shipping.New(c) }},
	{workflow.ScreenInvoices, func(c *common.Common) common.Screen { return invoices.New(c) }},
	{workflow.ScreenReconciliation, func(c *common.Common) common.Screen { return reconcile.New(c) }},
	{workflow.ScreenReview, func(c *common.Common) common.Screen { return review.New(c) }},
	{workflow.ScreenProducts, func(c *common.Common) common.Screen { return products.New(c) }},
	{workflow.ScreenUsers, func(c *common.Common) common.Screen { return users.New(c) }},
}

func placeholderFor(title, body string) func(*common.Common) common.Screen {
	return func(c *common.Common) common.Screen { return placeholder.New(c, title, body) }
}

// buildScreens makes the screens the session's user may see; a user
// whose roles allow none gets one that says so, never an empty frame.
func buildScreens(c *common.Common) []common.Screen {
	var out []common.Screen
	for _, d := range screenDefs {
		if workflow.SeesScreen(c.Desk.User, d.name) {
			out = append(out, d.build(c))
		}
	}
	if len(out) == 0 {
		out = append(out, placeholder.New(c, "screen.none", "placeholder.no_roles"))
	}
	return out
}

func contextBackground() context.Context { return context.Background() }

// screenNames are the workflow names of the screens buildScreens makes
// for u, in the same order.
func screenNames(u store.User) []string {
	var out []string
	for _, d := range screenDefs {
		if workflow.SeesScreen(u, d.name) {
			out = append(out, d.name)
		}
	}
	return out
}
