package common

import (
	"testing"

	"charm.land/bubbles/v2/key"

	"orderdesk/store"
	"orderdesk/workflow"
)

// A step's keys leave the help only for a user the workflow would refuse.
func TestOfferOnlyHidesWhatTheWorkflowRefuses(t *testing.T) {
	for _, tc := range []struct {
		role  workflow.Role
		shown bool
	}{{workflow.Clerk, true}, {workflow.Warehouse, false}} {
		c := &Common{Desk: &workflow.Desk{User: store.User{Login: "u", Roles: []string{string(tc.role)}}}}
		edit, void := key.NewBinding(key.WithKeys("e")), key.NewBinding(key.WithKeys("x"))
		c.OfferOnly(workflow.EditCustomers, &edit, &void)
		if edit.Enabled() != tc.shown || void.Enabled() != tc.shown {
			t.Errorf("%s: edit %v, void %v, want %v", tc.role, edit.Enabled(), void.Enabled(), tc.shown)
		}
	}
}
