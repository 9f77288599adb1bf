package visits

import (
	"orderdesk/tui/common"
)

// whom is whom a new visit is to: a customer or a lead from the screen
// it was planned from, or nobody yet (the form asks).
type whom struct {
	customer int64
	lead     int64
	name     string
}

func whomOf(msg common.PlanVisitMsg) whom {
	if msg.LeadID != 0 {
		return whom{lead: msg.LeadID, name: msg.Lead}
	}
	return whom{customer: msg.Customer.ID, name: msg.Customer.Name}
}

// fixed is true when the form need not ask whom.
func (w whom) fixed() bool { return w.customer != 0 || w.lead != 0 }
