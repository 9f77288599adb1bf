// Package workflow owns every document's states and transitions, the
// roles that may take each, and the two-person rule: the checker is never
// the maker. It is plain Go with no terminal code; the store mirrors its
// rules into database triggers so nothing can go around it.
package workflow

import (
	"fmt"
	"strings"

	"orderdesk/store"
)

// Role is what a user may do at the desk. A user may hold several.
type Role string

// The roles of the desk (docs/DOMAIN.md, "Who uses it").
const (
	Clerk      Role = "clerk"      // 销售内勤
	SalesRep   Role = "sales_rep"  // 销售专员
	Supervisor Role = "supervisor" // 销售主管
	Finance    Role = "finance"    // 财务
	Purchasing Role = "purchasing" // 采购部
	Planning   Role = "planning"   // 计划部
	Warehouse  Role = "warehouse"  // 仓库
	Admin      Role = "admin"
)

// AllRoles lists every role in a stable order.
var AllRoles = []Role{Clerk, SalesRep, Supervisor, Finance, Purchasing, Planning, Warehouse, Admin}

// ParseRoles reads a comma-separated role list ("clerk,supervisor") and
// refuses names that are not roles.
func ParseRoles(s string) ([]Role, error) {
	var out []Role
	for _, part := range strings.Split(s, ",") {
		part = strings.TrimSpace(strings.ToLower(part))
		if part == "" {
			continue
		}
		r := Role(part)
		if !r.Valid() {
			return nil, fmt.Errorf("unknown role %q (roles: %s)", part, strings.Join(roleNames(AllRoles), ", "))
		}
		out = append(out, r)
	}
	return out, nil
}

// Valid reports whether r is one of AllRoles.
func (r Role) Valid() bool {
	for _, x := range AllRoles {
		if x == r {
			return true
		}
	}
	return false
}

func roleNames(rs []Role) []string {
	out := make([]string, len(rs))
	for i, r := range rs {
		out[i] = string(r)
	}
	return out
}

func hasAnyRole(u store.User, roles []Role) bool {
	for _, r := range roles {
		if u.HasRole(string(r)) {
			return true
		}
	}
	return false
}

// Permission is a non-document action guarded by role.
type Permission string

// Permissions outside document transitions.
const (
	EditCustomers Permission = "edit_customers"
	EditProducts  Permission = "edit_products"
	ManageUsers   Permission = "manage_users"

	EditInquiries Permission = "edit_inquiries" // take inquiries, draft and revise quotes
	RequestPrices Permission = "request_prices" // ask purchasing for a line's price
	AnswerPrices  Permission = "answer_prices"  // answer price requests
	ProposePrices Permission = "propose_prices" // draft price-list changes (a supervisor signs them off)
	RecordMarket  Permission = "record_market"  // enter market reference prices
	SeePriceList  Permission = "see_price_list" // the price list and market prices (not customers' prices)

	EditOrders   Permission = "edit_orders"   // enter, revise and cancel orders, record sign-backs
	RecordStock  Permission = "record_stock"  // record planning's stock answer for a line
	RequestStock Permission = "request_stock" // raise stock-up requests to purchasing
	AnswerStock  Permission = "answer_stock"  // reply to stock-up requests

	AssignReps       Permission = "assign_rep"        // change which sales rep owns a customer
	ReconcileMonths  Permission = "reconcile"         // start a month's reconciliation, issue statements, record replies
	WorkMonths       Permission = "work_months"       // note differences, submit a month, ask to reopen one
	SeeBalances      Permission = "balances"          // every customer's account at once
	ChaseCollections Permission = "chase_collections" // remind reps of invoices falling due
	SendLetters      Permission = "send_letters"      // send overdue letters
	SeeOverrides     Permission = "overrides"         // the payment gate's exceptions, who asked and who signed
	SeeMoney         Permission = "see_money"         // a customer's account (a rep only their own customers', SeesMoneyOf)
	FileUnpaid       Permission = "file_unpaid"       // file the unpaid report on an invoice past due
)

var permissionRoles = map[Permission][]Role{
	EditCustomers: {Clerk, SalesRep, Supervisor},
	EditProducts:  {Clerk, Supervisor, Purchasing},
	ManageUsers:   {Admin},
	EditInquiries: {Clerk, SalesRep, Supervisor},
	RequestPrices: {Clerk, SalesRep, Supervisor},
	AnswerPrices:  {Purchasing},
	ProposePrices: {Clerk, Supervisor, Purchasing},
	RecordMarket:  {Clerk, Supervisor, Purchasing},
	SeePriceList:  {Clerk, SalesRep, Supervisor, Finance, Purchasing},
	EditOrders:    {Clerk, SalesRep, Supervisor},
	RecordStock:   {Clerk, SalesRep, Supervisor, Planning},
	RequestStock:  {Clerk, SalesRep, Supervisor},
	AnswerStock:   {Purchasing},

	AssignReps:       {Clerk, Supervisor},
	ReconcileMonths:  {Clerk, Supervisor},
	WorkMonths:       {Clerk, Supervisor, Finance},
	SeeBalances:      {Clerk, Supervisor, Finance},
	ChaseCollections: {Clerk, Supervisor},
	SendLetters:      {Clerk, Supervisor, SalesRep},
	SeeOverrides:     {Clerk, Supervisor, Finance},
	SeeMoney:         {Clerk, Supervisor, Finance, SalesRep},
	FileUnpaid:       {Supervisor, SalesRep},

	EditDeliveries:  {Clerk, SalesRep, Supervisor},
	ConfirmPayments: {Finance},
	LoadDeliveries:  {Warehouse},

	EditInvoices:   {Clerk, SalesRep, Supervisor},
	RecordReceipts: {Finance},

	ImportRecords: importMakers,
	DraftPlans:    {Clerk, SalesRep, Supervisor},

	DraftPurchasePlans: purchasePlanMakers,
	RecordComplaints:   complaintRoles,
	EditLeads:          leadWorkers,
	EditReturns:        {Clerk, Supervisor},
	ReceiveReturns:     {Warehouse},
	EditVisits:         visitWorkers,
	EditMeetings:       meetingWorkers,
}

// Can reports whether u holds a role that grants p.
func Can(u store.User, p Permission) bool { return hasAnyRole(u, permissionRoles[p]) }

// RolesFor lists the roles that grant p, for messages.
func RolesFor(p Permission) []Role { return permissionRoles[p] }

// onlyCode names the refusal of a permission one role holds alone, so
// the message says who does it ("payments are confirmed by finance").
var onlyCode = map[Role]Code{Finance: FinanceOnly, Purchasing: PurchasingOnly, Warehouse: WarehouseOnly}

// permitOrSystem is permit for the user commands, which the
// installation's system user (the machine's owner) runs as well.
func permitOrSystem(u store.User, p Permission, action string) error {
	if u.ID == store.SystemUserID {
		return nil
	}
	return permit(u, p, action)
}

// permitScreen refuses u unless they may open screen: what a screen
// shows is read only by those who may see it, whoever asks.
func permitScreen(u store.User, screen string) error {
	if SeesScreen(u, screen) {
		return nil
	}
	return &Refusal{Code: RoleNotAllowed, Action: screen, Roles: screenRoles[screen]}
}

// permitScreenOrSystem is permitScreen for what the installation's system
// user also prints at the office machine.
func permitScreenOrSystem(u store.User, screen string) error {
	if u.ID == store.SystemUserID {
		return nil
	}
	return permitScreen(u, screen)
}

// permit refuses u unless they hold a role that grants p. The refusal
// names action, or the permission itself when action is "", and the
// roles that may.
func permit(u store.User, p Permission, action string) error {
	if Can(u, p) {
		return nil
	}
	if action == "" {
		action = string(p)
	}
	roles := RolesFor(p)
	code := RoleNotAllowed
	if len(roles) == 1 && onlyCode[roles[0]] != "" {
		code = onlyCode[roles[0]]
	}
	return &Refusal{Code: code, Action: action, Roles: roles}
}
