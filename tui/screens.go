package tui

import (
	"orderdesk/store"
	"orderdesk/tui/common"
	"orderdesk/tui/complaints"
	"orderdesk/tui/customers"
	"orderdesk/tui/dashboard"
	"orderdesk/tui/inquiries"
	"orderdesk/tui/invoices"
	"orderdesk/tui/leads"
	"orderdesk/tui/meetings"
	"orderdesk/tui/orders"
	"orderdesk/tui/placeholder"
	"orderdesk/tui/plans"
	"orderdesk/tui/pricelist"
	"orderdesk/tui/pricing"
	"orderdesk/tui/products"
	"orderdesk/tui/reconcile"
	"orderdesk/tui/returns"
	"orderdesk/tui/review"
	"orderdesk/tui/shipping"
	"orderdesk/tui/statistics"
	"orderdesk/tui/users"
	"orderdesk/tui/visits"
	"orderdesk/workflow"
)

// screenDefs lists the desk's screens in tab order, each with the name the
// workflow knows it by: a user sees only those their roles allow.
var screenDefs = []screenDef{
	{workflow.ScreenCustomers, '1', func(c *common.Common) common.Screen { return customers.New(c) }},
	{workflow.ScreenInquiries, '2', func(c *common.Common) common.Screen { return inquiries.New(c) }},
	{workflow.ScreenPricing, '3', func(c *common.Common) common.Screen { return pricing.New(c) }},
	{workflow.ScreenPriceList, '4', func(c *common.Common) common.Screen { return pricelist.New(c) }},
	{workflow.ScreenOrders, '5', func(c *common.Common) common.Screen { return orders.New(c) }},
	{workflow.ScreenShipping, '6', func(c *common.Common) common.Screen { return shipping.New(c) }},
	{workflow.ScreenInvoices, '7', func(c *common.Common) common.Screen { return invoices.New(c) }},
	{workflow.ScreenReconciliation, '8', func(c *common.Common) common.Screen { return reconcile.New(c) }},
	{workflow.ScreenReview, '9', func(c *common.Common) common.Screen { return review.New(c) }},
	{workflow.ScreenProducts, '0', func(c *common.Common) common.Screen { return products.New(c) }},
	{workflow.ScreenStatistics, 0, func(c *common.Common) common.Screen { return statistics.New(c) }},
	{workflow.ScreenPlans, 0, func(c *common.Common) common.Screen { return plans.New(c) }},
	{workflow.ScreenDashboard, 0, func(c *common.Common) common.Screen { return dashboard.New(c) }},
	{workflow.ScreenComplaints, 0, func(c *common.Common) common.Screen { return complaints.New(c) }},
	{workflow.ScreenLeads, 0, func(c *common.Common) common.Screen { return leads.New(c) }},
	{workflow.ScreenReturns, 0, func(c *common.Common) common.Screen { return returns.New(c) }},
	{workflow.ScreenVisits, 0, func(c *common.Common) common.Screen { return visits.New(c) }},
	{workflow.ScreenMeetings, 0, func(c *common.Common) common.Screen { return meetings.New(c) }},
	{workflow.ScreenUsers, 0, func(c *common.Common) common.Screen { return users.New(c) }},
}

// screenDef is one screen of the desk: its workflow name, the digit that
// opens it (the same for every role: a screen a role does not see leaves
// its digit unused rather than shifting the others; 0 for none, reached
// with tab) and how to build it.
type screenDef struct {
	name  string
	digit rune
	build func(*common.Common) common.Screen
}

func placeholderFor(title, body string) func(*common.Common) common.Screen {
	return func(c *common.Common) common.Screen { return placeholder.New(c, title, body) }
}

// ScreenNames are the workflow names of the screens u sees, in tab
// order (tests count tabs by them rather than by hand).
func ScreenNames(u store.User) []string {
	var out []string
	for _, d := range visibleScreens(u) {
		out = append(out, d.name)
	}
	return out
}

// visibleScreens are the screens the user may see, in tab order; a user
// whose roles allow none gets one that says so, never an empty frame.
func visibleScreens(u store.User) []screenDef {
	var out []screenDef
	for _, d := range screenDefs {
		if workflow.SeesScreen(u, d.name) {
			out = append(out, d)
		}
	}
	if len(out) == 0 {
		out = append(out, screenDef{name: "none", build: placeholderFor("screen.none", "placeholder.no_roles")})
	}
	return out
}
