package common

import "orderdesk/store"

// PlanVisitMsg asks the Visits screen to plan a visit (拜访) to the
// customer or the lead on screen (neither: the form asks whom).
type PlanVisitMsg struct {
	Customer store.CustomerRow
	LeadID   int64
	Lead     string // the lead's name
}

// LeadShown is a screen showing one lead: B there plans a visit to it.
type LeadShown interface {
	ShownLead() (id int64, name string, ok bool)
}

// CustomerPointed is a screen whose list points at one customer: B there
// plans a visit to the customer under the cursor, as to a file shown.
type CustomerPointed interface {
	PointedCustomer() (store.CustomerRow, bool)
}
