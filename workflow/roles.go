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

	EditDeliveries:  {Clerk, SalesRep, Supervisor},
	ConfirmPayments: {Finance},
	LoadDeliveries:  {Warehouse},

	EditInvoices:   {Clerk, SalesRep, Supervisor},
	RecordReceipts: {Finance},
}

// Can reports whether u holds a role that grants p.
func Can(u store.User, p Permission) bool { return hasAnyRole(u, permissionRoles[p]) }

// RolesFor lists the roles that grant p, for messages.
func RolesFor(p Permission) []Role { return permissionRoles[p] }
