package workflow

import "orderdesk/store"

// Sales data is confidential (不泄露销售秘密): what a user may see follows
// their roles. The screens ask here; they never decide it themselves.

// Screen names, as the tui knows them.
const (
	ScreenCustomers      = "customers"
	ScreenInquiries      = "inquiries"
	ScreenPricing        = "pricing"
	ScreenPriceList      = "price_list"
	ScreenOrders         = "orders"
	ScreenShipping       = "shipping"
	ScreenInvoices       = "invoices"
	ScreenReconciliation = "reconciliation"
	ScreenReview         = "review"
	ScreenProducts       = "products"
	ScreenUsers          = "users"
	ScreenStatistics     = "statistics"
	ScreenPlans          = "plans"
	ScreenDashboard      = "dashboard"
	ScreenComplaints     = "complaints"
	ScreenLeads          = "leads"
	ScreenVisits         = "visits"
	ScreenMeetings       = "meetings"
)

var screenRoles = map[string][]Role{
	ScreenCustomers:      {Clerk, SalesRep, Supervisor, Finance},
	ScreenInquiries:      {Clerk, SalesRep, Supervisor, Purchasing},
	ScreenPricing:        {Clerk, SalesRep, Supervisor, Purchasing},
	ScreenPriceList:      {Clerk, SalesRep, Supervisor, Finance, Purchasing},
	ScreenOrders:         {Clerk, SalesRep, Supervisor, Planning, Finance},
	ScreenShipping:       {Clerk, Supervisor, Finance, Warehouse},
	ScreenInvoices:       {Clerk, Supervisor, Finance},
	ScreenReconciliation: {Clerk, Supervisor, Finance, SalesRep},
	ScreenReview:         AllRoles,
	ScreenProducts:       AllRoles,
	ScreenUsers:          {Admin},
	// Statistics: a rep sees their own customers, the warehouse,
	// planning and purchasing tonnes without money (statistics.go).
	ScreenStatistics: {Clerk, SalesRep, Supervisor, Finance, Purchasing, Planning, Warehouse},
	ScreenPlans:      {Clerk, SalesRep, Supervisor},
	// The dashboard (销售看板) as the statistics: a rep their own
	// customers, the warehouse, planning and purchasing no money.
	ScreenDashboard: {Clerk, SalesRep, Supervisor, Finance, Purchasing, Planning, Warehouse},
	// Complaints: everyone at the desk records and works them.
	ScreenComplaints: complaintRoles,
	ScreenLeads:      leadWorkers,
	// Returns (退换货): the desk, finance and the warehouse, as shipping.
	ScreenReturns: {Clerk, Supervisor, Finance, Warehouse},
	ScreenVisits:  visitWorkers,
	// Sales meetings: a rep the minutes they are in (meetings.go).
	ScreenMeetings: meetingWorkers,
}

// SeesScreen reports whether u may open a screen.
func SeesScreen(u store.User, screen string) bool { return hasAnyRole(u, screenRoles[screen]) }

// SeesMoneyOf reports whether u may see a customer's money (credit,
// prices, balances): the desk, supervisors and finance see all; a sales
// rep sees their own customers'; the warehouse, planning and purchasing
// see quantities and weights only.
func SeesMoneyOf(u store.User, repID int64) bool {
	if hasAnyRole(u, []Role{Clerk, Supervisor, Finance}) {
		return true
	}
	return u.HasRole(string(SalesRep)) && repID != 0 && repID == u.ID
}
