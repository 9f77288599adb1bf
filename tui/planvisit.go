package tui

import "orderdesk/tui/common"

// planVisitFor is the visit B plans from screen: to the lead or the
// customer it shows, else the customer its list points at, or to nobody
// yet.
func planVisitFor(screen common.Screen) common.PlanVisitMsg {
	var msg common.PlanVisitMsg
	if ls, ok := screen.(common.LeadShown); ok {
		if id, name, shown := ls.ShownLead(); shown {
			msg.LeadID, msg.Lead = id, name
			return msg
		}
	}
	if cs, ok := screen.(common.CustomerShown); ok {
		if c, shown := cs.ShownCustomer(); shown {
			msg.Customer = c
			return msg
		}
	}
	if cp, ok := screen.(common.CustomerPointed); ok {
		msg.Customer, _ = cp.PointedCustomer()
	}
	return msg
}
